/*
 * A small preemptive NS kernel: the worked example of the NSCE integration
 * guide's RTOS integration of NSCE (docs/nsce-integration.md).
 *
 *  - Tasks with priorities (0 lowest .. KERNEL_PRIO_MAX), time-sliced among
 *    equals at each tick, created and deleted at run time.
 *  - Armv8-M: SysTick drives the ticks, PendSV switches tasks, SVC runs
 *    kernel work and NSCE calls in Handler mode. Host: the same core with
 *    cooperative switching (tasks switch only when they call the kernel;
 *    never inside a secure call) and a simulated Handler mode.
 *  - NSCE, exactly as the integration guide lists it: tfm_nsce_init() in
 *    kernel_init(), tfm_nsce_acquire_ctx() at task creation,
 *    tfm_nsce_load_ctx() when a task is switched in (Warden's
 *    warden_nsce_load_ctx_priority(), with the task's priority, unless
 *    kernel_tell_priorities(false)), tfm_nsce_save_ctx() when it is
 *    switched out,
 *    tfm_nsce_release_ctx() at deletion. A task's NSID comes from the NSID
 *    manager's name table (ns/nsid_manager.h).
 *  - Secure calls are serialised by a kernel mutex (ns/ns_interface.h).
 *
 * Thread-mode functions must not be called from an exception handler.
 */
#ifndef WARDEN_NS_KERNEL_H
#define WARDEN_NS_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KERNEL_MAX_TASKS 10u /* tasks besides the idle task */
#define KERNEL_PRIO_MAX  7u

struct kernel_task;

typedef void (*kernel_entry_t)(void *arg);

struct kernel_mutex {
    struct kernel_task *owner;
};

#define KERNEL_MUTEX_INIT \
    {                     \
        NULL              \
    }

struct kernel_stats {
    uint32_t ticks;              /* SysTick interrupts */
    uint32_t ticks_in_secure;    /* ... that interrupted secure code */
    uint32_t switches;           /* task switches */
    uint32_t switches_in_secure; /* ... of a task inside a secure call */
    uint32_t nsce_errors;        /* NSCE calls of the kernel that failed */
};

/**
 * Initialises the kernel and NSCE: tfm_nsce_init(@p contexts) in Handler
 * mode. Call once, from the NS main, before anything else.
 * @return the context slots NSCE granted; 0 when NSCE is not available
 *         (TFM_NS_MANAGE_NSID=OFF): tasks then run without contexts and
 *         every secure call uses NSID -1.
 */
uint32_t kernel_init(uint32_t contexts);

/**
 * Creates a task that runs @p entry(@p arg) at priority @p prio; when
 * @p entry returns the task deletes itself. With NSCE, the task gets a
 * context (group: task slot % granted slots, thread: task slot) and the
 * NSID the name table gives @p name. Thread mode, before or after
 * kernel_start(); a task of higher priority than the caller runs at once.
 * @return the task, or NULL when: every task slot is in use; @p prio is
 *         above KERNEL_PRIO_MAX; @p entry is NULL; NSCE refused a context.
 */
struct kernel_task *kernel_task_create(const char *name, uint8_t prio,
                                       kernel_entry_t entry, void *arg);

/**
 * Deletes @p task (NULL: the caller) and releases its NSCE context.
 * @return 0; -1 for the idle task, a task that does not exist, or one that
 *         holds a kernel mutex (it may be inside a secure call, which the
 *         secure side would then consider in progress forever). Deleting
 *         the caller does not return.
 */
int kernel_task_delete(struct kernel_task *task);

/**
 * Starts scheduling; does not return. Armv8-M: each tick lasts between
 * @p min_cycles and @p max_cycles processor cycles (a pseudo-random
 * length when they differ, so that ticks land anywhere in the code).
 * Host: ticks pass only while the idle task runs.
 */
__attribute__((noreturn)) void kernel_start(uint32_t min_cycles,
                                            uint32_t max_cycles);

/** Blocks the caller for @p ticks ticks (0: lets equal priorities run). */
void kernel_sleep(uint32_t ticks);

/** Lets another ready task of the caller's priority run. */
void kernel_yield(void);

/** Ticks since kernel_start(). */
uint32_t kernel_ticks(void);

/**
 * Makes @p hook (NULL: none) run at every tick, in the tick's handler
 * (Handler mode on Armv8-M: the SysTick exception), after the tick is
 * counted and before the kernel wakes sleepers and decides on a switch.
 * The hook must not call the kernel's Thread-mode functions; it may use
 * the FPU when the image is built for an FP ABI (its registers are the
 * handler's own: the hardware keeps those of the code it interrupted).
 * kernel_init() clears it; set it after kernel_init(), before or after
 * kernel_start().
 */
void kernel_set_tick_hook(void (*hook)(void));

/**
 * Whether each context load tells the SPM the task's priority (0 ..
 * KERNEL_PRIO_MAX as NS priorities, warden_nsce_load_ctx_priority()):
 * true by default. Secure work done for a task then runs at its
 * priority (with NS contexts of their own, WARDEN_NS_SECURE_CONTEXTS).
 * Takes effect at the next load.
 */
void kernel_tell_priorities(bool on);

/** The calling task (NULL before kernel_start()). */
struct kernel_task *kernel_self(void);

/** The NSID @p task uses now (its name's, or what kernel_set_nsid() set). */
int32_t kernel_task_nsid(const struct kernel_task *task);

/**
 * Switches the caller's NSID: its context is loaded again with @p nsid
 * (the NSCE integration guide: a provisioning task working for several
 * clients).
 * @return TFM_NS_CLIENT_ERR_SUCCESS; NSCE's error otherwise (e.g.
 *         TFM_NS_CLIENT_ERR_INVALID_NSID), and the NSID is unchanged;
 *         TFM_NS_CLIENT_ERR_INVALID_TOKEN when the caller has no context.
 */
uint32_t kernel_set_nsid(int32_t nsid);

/** Takes @p m, waiting while another task holds it. Not recursive. */
void kernel_mutex_lock(struct kernel_mutex *m);

/** Gives @p m to the waiting task of highest priority, or frees it. */
void kernel_mutex_unlock(struct kernel_mutex *m);

/*
 * Completion of deferred secure calls (ns/ns_completion.h, a secure image
 * built with WARDEN_NS_COMPLETION_IRQ=ON): the kernel's hooks.
 * kernel_completion_start() installs them and enables the completion
 * interrupt; the application's interrupt handler then calls
 * warden_ns_completion_irq() for it (ns_platform_completion_irq_active()).
 */

/** Blocks the calling task until kernel_completion_wake() of its NSCE
 * context; at once if that came first. */
void kernel_completion_wait(void);

/** Wakes the task waiting in NS context @p ctx (NSCE slot ctx - 1), or
 * remembers the wake-up for the wait to come (interrupt context). */
void kernel_completion_wake(uint32_t ctx);

/**
 * Installs the hooks above (warden_ns_completion_init(), in Handler
 * mode) and enables the completion interrupt. Call after kernel_init().
 * @return TFM_NS_CLIENT_ERR_SUCCESS; TFM_NS_CLIENT_ERR_INVALID_ACCESS if
 *         the secure image has no completion interrupt (every call then
 *         waits in the secure side, as before).
 */
uint32_t kernel_completion_start(void);

/**
 * Runs @p fn(@p arg) in Handler mode (an SVC; directly when already in
 * Handler mode) and returns its result. Works before kernel_start().
 */
uintptr_t kernel_handler_call(uintptr_t (*fn)(uintptr_t), uintptr_t arg);

/** True when kernel_start() ran and the caller is a task (Thread mode). */
bool kernel_in_task(void);

/** True if ticks preempt tasks (Armv8-M); false on the host. */
bool kernel_preemptive(void);

/** The counters so far. */
void kernel_get_stats(struct kernel_stats *out);

/** How often a task waited for a secure partition another task's call was
 * in (warden_ns_wait_secure(), ns/kernel/ns_wait_kernel.c). */
uint32_t kernel_secure_waits(void);

#endif /* WARDEN_NS_KERNEL_H */
