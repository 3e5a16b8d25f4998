/*
 * Inside the NS kernel: the task control block, and the contract between
 * the portable core (kernel.c) and a port (port_armv8m.c, port_host.c).
 */
#ifndef WARDEN_NS_KERNEL_PORT_H
#define WARDEN_NS_KERNEL_PORT_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel.h"

enum kernel_task_state {
    TASK_FREE = 0,
    TASK_READY,    /* running or runnable */
    TASK_SLEEPING, /* until wake_tick */
    TASK_BLOCKED,  /* on blocked_on */
    TASK_WAITING,  /* for its deferred secure call (kernel_completion_wait) */
};

/* The idle task's slot: after the KERNEL_MAX_TASKS others. */
#define KERNEL_IDLE_INDEX KERNEL_MAX_TASKS

struct kernel_task {
    uintptr_t sp;         /* port: saved stack pointer (offset 0) */
    uintptr_t stack_base; /* port: lowest stack address (offset 4/8) */
    const char *name;
    kernel_entry_t entry;
    void *arg;
    uint32_t token; /* NSCE token, or TFM_NS_CLIENT_INVALID_TOKEN */
    int32_t nsid;
    uint32_t wake_tick;
    struct kernel_mutex *blocked_on;
    uint8_t state; /* enum kernel_task_state */
    uint8_t prio;
    uint8_t index; /* slot in the task table: the NSCE thread ID */
    uint8_t held;  /* kernel mutexes held */
    uint8_t group; /* its NSCE group, while it holds a token */
};

/* The running task; NULL before the first switch. */
extern struct kernel_task *kernel_current;

/* ---- Provided by the core, called by the port -------------------------- */

/**
 * A tick (Handler mode). @p in_secure: it interrupted secure code.
 * @return true if a task switch is due.
 */
bool kernel_tick_isr(bool in_secure);

/**
 * The task switch (Handler mode, exceptions masked): picks the next task,
 * saves the current one's NSCE context and loads the next one's, and makes
 * it kernel_current. The port has saved the current task's registers.
 * @return the task to resume (may be the current one).
 */
struct kernel_task *kernel_schedule(void);

/** What a new task runs first (Thread mode): its entry, then deletion. */
__attribute__((noreturn)) void kernel_task_entry(void);

/** The idle task's body. */
__attribute__((noreturn)) void kernel_idle(void *arg);

/* ---- Provided by the port, called by the core -------------------------- */

/** Once, from kernel_init(), before anything else of the port. */
void port_init(void);

/** Prepares @p t's first switch-in: it will run kernel_task_entry(). */
void port_task_init(struct kernel_task *t);

/** Starts the ticks and switches to the first task. Does not return. */
__attribute__((noreturn)) void port_start(uint32_t min_cycles,
                                          uint32_t max_cycles);

/** Asks for a task switch as soon as exceptions allow (PendSV). */
void port_request_switch(void);

/** Masks the kernel's exceptions; returns what port_irq_restore() needs. */
uint32_t port_irq_save(void);
void port_irq_restore(uint32_t saved);

/** Runs fn(arg) in Handler mode (see kernel_handler_call()). */
uintptr_t port_handler_call(uintptr_t (*fn)(uintptr_t), uintptr_t arg);

/** True in Handler mode. */
bool port_in_handler(void);

/** True if @p t, just switched out, was inside a secure call. */
bool port_task_in_secure(const struct kernel_task *t);

/** What the idle task does between ticks. */
void port_idle(void);

/** See kernel_preemptive(). */
bool port_preemptive(void);

#endif /* WARDEN_NS_KERNEL_PORT_H */
