/*
 * The IPC backend's scheduler: one thread per partition plus the NS agent's,
 * strict priorities (manifest priority, then load order; the NS agent last),
 * no time slicing among secure threads, O(1) selection from a ready bitmap.
 */
#ifndef WARDEN_SPM_SCHED_H
#define WARDEN_SPM_SCHED_H

#include <stdbool.h>
#include <stdint.h>

#include "arch_thread.h" /* struct arch_thread, from the port */
#include "spm/spm.h"

#define SCHED_MAX_THREADS 32u

_Static_assert(SPM_NUM_CLIENTS <= SCHED_MAX_THREADS,
               "one ready bit per thread");

enum sched_state {
    SCHED_READY = 0,
    SCHED_BLOCKED, /* waiting for signals or for a reply */
    SCHED_DEAD,    /* terminated: never runs again */
};

struct sched_thread {
    struct arch_thread ctx;
    struct spm_partition *part;
    uint8_t state; /* enum sched_state */
    uint8_t rank;  /* 0 = most urgent; its bit in the ready bitmap */
};

/**
 * Builds the run order from the partitions' priorities (stable: load order
 * breaks ties) with the NS agent last, and makes the NS agent the running
 * thread (the boot context is its thread). All threads start ready.
 */
void sched_init(void);

/** The thread of partition @p p (the NS agent has one too). */
struct sched_thread *sched_thread_of(const struct spm_partition *p);

/** The running thread. */
struct sched_thread *sched_current(void);

/** Marks @p t ready / blocked / dead. */
void sched_ready(struct sched_thread *t);
void sched_block(struct sched_thread *t);
void sched_kill(struct sched_thread *t);

/** True if a ready thread is more urgent than the running one. */
bool sched_preempt_due(void);

/**
 * The scheduler lock: while it is held no thread switch happens (one asked
 * for meanwhile is remembered and done at unlock). Not recursive.
 */
void sched_lock(void);
void sched_unlock(void);

/**
 * Drops the lock without switching: only for the fault path, which stops
 * the thread that held it (outside SPM code, so no SPM state is half done).
 */
void sched_drop_lock(void);

/**
 * Hook for the port's switch code (PendSV, or arch_yield on the host):
 * records that @p cur's context was saved and returns the thread to run.
 * With the lock held it returns @p cur and remembers the request.
 */
struct sched_thread *sched_switch(struct sched_thread *cur);

#endif /* WARDEN_SPM_SCHED_H */
