/*
 * The IPC backend's scheduler: one thread per partition plus the NS agent's,
 * strict priorities (manifest priority, then load order; the NS agent last),
 * no time slicing among secure threads, O(1) selection from a ready bitmap.
 *
 * The operations of every request (current thread, block, ready, lock,
 * unlock, the preemption test) are inline: each is a few loads and stores
 * of struct sched_core, which only this header and spm/backend/ipc/sched.c
 * touch.
 */
#ifndef WARDEN_SPM_SCHED_H
#define WARDEN_SPM_SCHED_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "spm/panic.h"
#include "spm/spm.h"
/* arch/<port>/arch_thread.h: struct arch_thread (warden/config.h names it). */
#include WARDEN_ARCH_THREAD_H

#define SCHED_MAX_THREADS 32u

/* Ranks: the partitions', then one for the NS agent of the loaded NS
 * context (only that one is ever scheduled). */
#define SCHED_RANKS (WARDEN_NUM_PARTITIONS + 1u)
_Static_assert(SCHED_RANKS <= SCHED_MAX_THREADS, "one ready bit per rank");

enum sched_state {
    SCHED_READY = 0,
    SCHED_BLOCKED, /* waiting for signals or for a reply */
    SCHED_DEAD,    /* terminated: never runs again */
};

/* NS priorities (NS contexts told theirs, warden_nsce_load_ctx_priority()):
 * 0 least urgent .. SCHED_NS_PRIO_TOP most urgent. */
#define SCHED_NS_PRIO_TOP 255u

struct sched_thread {
    struct arch_thread ctx;
    struct spm_partition *part;
    uint8_t state; /* enum sched_state */
    uint8_t rank;  /* 0 = most urgent; its bit in the ready bitmap */
    /* The NS priority of the work it does: an NS agent's, its context's;
     * a partition's, that of the client it serves (spm/backend/ipc/
     * ns_prio.h). SCHED_NS_PRIO_TOP until an NS context tells one. */
    uint8_t ns_prio;
};

/*
 * The scheduler's state. Invariant: a thread's bit is set in `ready`
 * exactly when its state is SCHED_READY.
 */
struct sched_core {
    struct sched_thread *current; /* the running thread */
    uint32_t current_bit;         /* 1 << current->rank */
    uint32_t ready;               /* bit r: the thread of rank r is ready */
    volatile bool locked;         /* sched_lock() held */
    /* What arch_ns_irq_hold() returned as the lock was taken. */
    uint32_t ns_held;
    /* Bit i: an interrupt raised a signal of client i while the lock was
     * held (struct backend_part.irq_raised); the unlock delivers it. */
    volatile uint32_t irq_parts;
    /* An NS context told its priority: the ready thread to run is the one
     * of highest NS priority, then of lowest rank (sched_pick()). */
    bool by_ns_prio;
};

/* For the inline functions below only. */
extern struct sched_core sched_core;
extern struct sched_thread sched_threads[SPM_NUM_CLIENTS];
extern struct sched_thread *sched_by_rank[SCHED_RANKS];

/* The running thread's partition: backend_current() (backend_types.h)
 * reads it. */
extern struct spm_partition *sched_current_part;

/**
 * Builds the run order from the partitions' priorities (stable: load order
 * breaks ties) with the NS agent last, and makes the NS agent the running
 * thread (the boot context is its thread). All threads start ready.
 */
void sched_init(void);

/**
 * Puts NS agent thread @p t in the NS agent's rank (the one there leaves
 * the run order: its NS context is no longer loaded) and makes it the
 * running thread: NS code, which runs now, is its context. Called with no
 * secure thread running (from an NSCE veneer, masked).
 */
void sched_set_ns(struct sched_thread *t);

/** The thread in the NS agent's rank. */
static inline struct sched_thread *sched_ns_thread(void)
{
    return sched_by_rank[SCHED_RANKS - 1u];
}

/** The thread of partition @p p (the NS agent has one too). */
static inline struct sched_thread *
sched_thread_of(const struct spm_partition *p)
{
    return &sched_threads[p->index];
}

/** The running thread. */
static inline struct sched_thread *sched_current(void)
{
    return sched_core.current;
}

/* True if @p t is in the run order: always, but for the NS agent of an
 * NS context that is not loaded (its rank is another agent's). */
__attribute__((always_inline)) static inline bool
sched_in_run_order(const struct sched_thread *t)
{
    return WARDEN_NS_CONTEXTS == 0 || sched_by_rank[t->rank] == t;
}

/** Marks @p t ready / blocked (a dead thread stays dead) / dead. The NS
 * agent of an NS context that is not loaded keeps the state only. */
static inline void sched_ready(struct sched_thread *t)
{
    if (t->state != SCHED_DEAD) {
        t->state = SCHED_READY;
        if (sched_in_run_order(t)) {
            sched_core.ready |= 1u << t->rank;
        }
    }
}

static inline void sched_block(struct sched_thread *t)
{
    if (t->state != SCHED_DEAD) {
        t->state = SCHED_BLOCKED;
        if (sched_in_run_order(t)) {
            sched_core.ready &= ~(1u << t->rank);
        }
    }
}

/** sched_block() of the running thread, which is never dead. */
static inline void sched_block_current(void)
{
    sched_core.current->state = SCHED_BLOCKED;
    sched_core.ready &= ~sched_core.current_bit;
}

void sched_kill(struct sched_thread *t);

/* True once NS priorities order the ready threads (never without NS
 * contexts: it folds away). */
__attribute__((always_inline)) static inline bool sched_by_ns_prio(void)
{
    return WARDEN_NS_CONTEXTS > 0 && sched_core.by_ns_prio;
}

/**
 * The ready thread of highest NS priority, the lowest rank among equals
 * (the loaded NS context's agent, last in rank, runs after the secure
 * work of its own priority); NULL if none is ready.
 */
struct sched_thread *sched_pick(void);

/**
 * True if the running thread is not the most urgent ready one: it blocked,
 * died, or a more urgent thread became ready. By the invariant above, that
 * is the lowest set bit of the bitmap not being the running thread's
 * (with NS priorities, sched_pick()'s choice).
 */
__attribute__((always_inline)) static inline bool sched_preempt_due(void)
{
    uint32_t ready = sched_core.ready;

    /* (Always false in a build without NS contexts.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (sched_by_ns_prio()) {
        return sched_pick() != sched_core.current;
    }
    return (ready & (0u - ready)) != sched_core.current_bit;
}

/*
 * With NS contexts of their own (WARDEN_NS_CONTEXTS), SPM code runs with
 * NS interrupts held off: an NS RTOS switching NS contexts (an NSCE veneer
 * from its handler) then never finds SPM state half changed under it. The
 * lock does it; without NS contexts nothing is held.
 */
__attribute__((always_inline)) static inline uint32_t sched_ns_hold(void)
{
    return (WARDEN_NS_CONTEXTS > 0) ? arch_ns_irq_hold() : 0u;
}

__attribute__((always_inline)) static inline void
sched_ns_release(uint32_t held)
{
    if (WARDEN_NS_CONTEXTS > 0) {
        arch_ns_irq_release(held);
    }
}

/**
 * The scheduler lock: while it is held no thread switch happens
 * (sched_switch() keeps the running thread), and an interrupt leaves the
 * signals it raises to sched_unlock(), which delivers them: whatever SPM
 * code holds the lock sees no signal change under it. Not recursive.
 * sched_unlock() does not switch either: whatever asked for a switch meanwhile
 * made a thread ready or blocked one, which the ready bitmap shows, so the
 * holder tests sched_preempt_due() after unlocking (ipc_cross() does) or gives
 * the processor away anyway.
 */
__attribute__((always_inline)) static inline void sched_lock(void)
{
    SPM_ASSERT(!sched_core.locked);
    sched_core.ns_held = sched_ns_hold();
    sched_core.locked = true;
}

/* Delivers the signals interrupts raised while the lock was held
 * (spm/backend/ipc/backend_ipc.c); called unlocked, returns unlocked,
 * NS interrupts held off until they are all delivered. */
void sched_irq_drain(void);

/** sched_lock(), unless the lock is held already: then false. */
__attribute__((always_inline)) static inline bool sched_try_lock(void)
{
    if (sched_core.locked) {
        return false;
    }
    sched_core.ns_held = sched_ns_hold();
    sched_core.locked = true;
    return true;
}

/** The lock as it is now (held or not), for sched_relock(). */
__attribute__((always_inline)) static inline bool sched_locked(void)
{
    return sched_core.locked;
}

/** Takes the lock again if @p held (what sched_locked() said). */
__attribute__((always_inline)) static inline void sched_relock(bool held)
{
    if (held) {
        sched_core.ns_held = sched_ns_hold();
    }
    sched_core.locked = held;
}

/*
 * Releases the lock. What interrupts raised meanwhile is delivered first,
 * while NS interrupts are still held off: NS preempting between the two
 * would switch out a thread that may just have blocked, and the signals
 * would wait for it. Returns true if there were any (a thread they made
 * ready may be more urgent than the holder).
 */
__attribute__((always_inline)) static inline bool sched_unlock(void)
{
    bool raised;

    sched_core.locked = false;
    raised = sched_core.irq_parts != 0u;
    if (raised) {
        sched_irq_drain();
    }
    sched_ns_release(sched_core.ns_held);
    return raised;
}

/**
 * Drops the lock, if it is held, without switching: for the paths that
 * stop the running thread whether or not SPM code held it (a fault, a
 * panic, a thread body that returned), delivering what interrupts raised.
 */
void sched_drop_lock(void);

/* sched_switch()'s rare paths: the lock is held, or no thread is ready
 * (then the NS agent's thread runs, idle, in sched_idle()), or NS
 * priorities order the threads. */
struct sched_thread *sched_switch_held(struct sched_thread *cur);

/**
 * Returns once a thread is ready (the running one, blocked, or another):
 * it sleeps until interrupts (arch_wait_for()). Only an NS agent's thread
 * waits so, for its reply: the scheduler runs it when no thread is ready,
 * and it gives the processor to whichever became ready (arch_yield()).
 */
void sched_idle(void);

/**
 * The switch the port's switch code asks for (spm_hook_switch(),
 * arch/arch.h): @p cur's context was saved; returns the thread to run.
 * With the lock held it returns @p cur and remembers the request.
 */
__attribute__((always_inline)) static inline struct sched_thread *
sched_switch(struct sched_thread *cur)
{
    uint32_t ready = sched_core.ready;
    struct sched_thread *next;

    /* (The last is always false in a build without NS contexts.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (sched_core.locked || ready == 0u || sched_by_ns_prio()) {
        return sched_switch_held(cur);
    }
    next = sched_by_rank[__builtin_ctz(ready)];
    sched_core.current = next;
    sched_core.current_bit = ready & (0u - ready);
    sched_current_part = next->part;
    return next;
}

#endif /* WARDEN_SPM_SCHED_H */
