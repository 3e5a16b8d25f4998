/*
 * The NS kernel's portable core: task table, scheduling, ticks, mutexes,
 * and the NSCE calls of the NSCE integration guide's steps. Kernel state
 * changes in Handler mode (SVC, SysTick, PendSV) or in Thread mode with the
 * kernel's exceptions masked.
 */
#include "kernel_port.h"

#include <stddef.h>

#include "nsid_manager.h"
#include "tfm_ns_client_ext.h"

struct kernel_task *kernel_current;

static struct kernel_task tasks[KERNEL_MAX_TASKS + 1u];
static uint32_t nsce_slots;
/* Per NSCE group: its tasks. A new task joins the group with the fewest,
 * so that while there are slots enough each task has one of its own (its
 * own secure context: the NS client management document's concurrent
 * calls need no NS lock then). */
static uint8_t group_tasks[KERNEL_MAX_TASKS];
static uint32_t ticks;
static bool started;
static uint8_t last_run[KERNEL_PRIO_MAX + 1u]; /* per level: task slot */
static bool slice_over[KERNEL_PRIO_MAX + 1u];  /* per level: move on */
static struct kernel_stats stats;
static void (*volatile tick_hook)(void);
/* Bit c: the completion of NS context c's deferred call came before its
 * task waited for it (kernel_completion_wake()). */
static uint32_t completion_early;

/* ---- Scheduling --------------------------------------------------------- */

/* The task to run: one of the highest priority that is ready. Each
 * priority level remembers the task of it that ran last and keeps it
 * until its time slice is over (a tick) or it yields; then the level's
 * next ready task in slot order takes over. */
static struct kernel_task *pick_next(void)
{
    const uint32_t n = KERNEL_MAX_TASKS + 1u;
    uint8_t level = 0;
    uint32_t from;

    for (uint32_t i = 0; i < n; i++) {
        if (tasks[i].state == TASK_READY && tasks[i].prio > level) {
            level = tasks[i].prio;
        }
    }
    from = last_run[level];
    if (!slice_over[level] && tasks[from].state == TASK_READY &&
        tasks[from].prio == level) {
        return &tasks[from];
    }
    for (uint32_t i = 1; i <= n; i++) {
        struct kernel_task *t = &tasks[(from + i) % n];

        if (t->state == TASK_READY && t->prio == level) {
            return t;
        }
    }
    return &tasks[KERNEL_IDLE_INDEX]; /* not reached: idle is ready */
}

/* A switch is due if the current task cannot go on, a ready task has a
 * higher priority, or the current one's time slice is over and another of
 * its priority is ready. */
static bool switch_due(void)
{
    struct kernel_task *next;

    if (!started) {
        return false;
    }
    next = pick_next();
    return next != kernel_current;
}

static void count_nsce(uint32_t result)
{
    if (result != TFM_NS_CLIENT_ERR_SUCCESS) {
        stats.nsce_errors++;
    }
}

/* Whether the loads tell the SPM each task's priority (Warden's NSCE
 * extension): secure work done for a task then runs at its priority. */
static bool tell_priorities = true;

void kernel_tell_priorities(bool on)
{
    tell_priorities = on;
}

static uint32_t load_ctx(const struct kernel_task *t, int32_t nsid)
{
    return tell_priorities
               ? warden_nsce_load_ctx_priority(t->token, nsid, t->prio)
               : tfm_nsce_load_ctx(t->token, nsid);
}

struct kernel_task *kernel_schedule(void)
{
    struct kernel_task *prev = kernel_current;
    struct kernel_task *next = pick_next();

    slice_over[next->prio] = false;
    last_run[next->prio] = next->index;
    if (next == prev) {
        return next;
    }
    stats.switches++;
    if (prev != NULL) {
        if (port_task_in_secure(prev)) {
            stats.switches_in_secure++;
        }
        /* The integration guide: save when a task with a context is
         * switched out... */
        if (prev->token != TFM_NS_CLIENT_INVALID_TOKEN) {
            count_nsce(tfm_nsce_save_ctx(prev->token));
        }
    }
    /* ... load before one is resumed. */
    if (next->token != TFM_NS_CLIENT_INVALID_TOKEN) {
        count_nsce(load_ctx(next, next->nsid));
    }
    kernel_current = next;
    return next;
}

bool kernel_tick_isr(bool in_secure)
{
    void (*hook)(void) = tick_hook;

    ticks++;
    stats.ticks++;
    if (in_secure) {
        stats.ticks_in_secure++;
    }
    if (hook != NULL) {
        hook();
    }
    for (uint32_t i = 0; i < KERNEL_MAX_TASKS; i++) {
        struct kernel_task *t = &tasks[i];

        if (t->state == TASK_SLEEPING && (int32_t)(ticks - t->wake_tick) >= 0) {
            t->state = TASK_READY;
        }
    }
    if (kernel_current != NULL) {
        slice_over[kernel_current->prio] = true;
    }
    return switch_due();
}

/* ---- Tasks ----------------------------------------------------------------
 */

void kernel_task_entry(void)
{
    struct kernel_task *self = kernel_current;

    self->entry(self->arg);
    (void)kernel_task_delete(NULL);
    for (;;) {
        /* Not reached: deleting the caller switches away for good. */
    }
}

void kernel_idle(void *arg)
{
    (void)arg;
    for (;;) {
        port_idle();
    }
}

static void task_setup(struct kernel_task *t, const char *name, uint8_t prio,
                       kernel_entry_t entry, void *arg)
{
    t->name = name;
    t->entry = entry;
    t->arg = arg;
    t->prio = prio;
    t->held = 0u;
    t->blocked_on = NULL;
    t->nsid = nsid_map_lookup(name);
    port_task_init(t);
    t->state = TASK_READY;
}

struct create_args {
    const char *name;
    kernel_entry_t entry;
    void *arg;
    uint8_t prio;
};

static uintptr_t create_in_handler(uintptr_t p)
{
    const struct create_args *a = (const struct create_args *)p;
    struct kernel_task *t = NULL;

    for (uint32_t i = 0; t == NULL && i < KERNEL_MAX_TASKS; i++) {
        if (tasks[i].state == TASK_FREE) {
            t = &tasks[i];
        }
    }
    if (t == NULL) {
        return 0u;
    }
    t->token = TFM_NS_CLIENT_INVALID_TOKEN;
    if (nsce_slots != 0u) {
        uint32_t g = 0;

        for (uint32_t i = 1; i < nsce_slots && i < KERNEL_MAX_TASKS; i++) {
            if (group_tasks[i] < group_tasks[g]) {
                g = i;
            }
        }
        /* The integration guide: acquire at creation, before the task's
         * first call. */
        t->token = tfm_nsce_acquire_ctx((uint8_t)g, t->index);
        if (t->token == TFM_NS_CLIENT_INVALID_TOKEN) {
            return 0u;
        }
        t->group = (uint8_t)g;
        group_tasks[g]++;
    }
    task_setup(t, a->name, a->prio, a->entry, a->arg);
    if (started && t->prio > kernel_current->prio) {
        port_request_switch();
    }
    return (uintptr_t)t;
}

struct kernel_task *kernel_task_create(const char *name, uint8_t prio,
                                       kernel_entry_t entry, void *arg)
{
    struct create_args a = { name, entry, arg, prio };

    if (prio > KERNEL_PRIO_MAX || entry == NULL) {
        return NULL;
    }
    return (struct kernel_task *)kernel_handler_call(create_in_handler,
                                                     (uintptr_t)&a);
}

/* Its NSCE context's bit in a completion set (0 without a context, or
 * for a context past the set's 32 bits: never deferred). */
static uint32_t completion_bit(const struct kernel_task *t)
{
    uint32_t ctx;

    if (t->token == TFM_NS_CLIENT_INVALID_TOKEN) {
        return 0u;
    }
    ctx = ((t->token >> 16) & 0xFFu) + 1u;
    return ctx < 32u ? 1u << ctx : 0u;
}

static uintptr_t delete_in_handler(uintptr_t p)
{
    struct kernel_task *t = (struct kernel_task *)p;

    if (t == NULL) {
        t = kernel_current;
    }
    if (t == NULL || t < &tasks[0] || t >= &tasks[KERNEL_IDLE_INDEX] ||
        t->state == TASK_FREE || t->held != 0u) {
        return (uintptr_t)-1;
    }
    /* The integration guide: release at deletion (no save needed first).
     * A deferred call of its is aborted with it: no completion is owed. */
    if (t->token != TFM_NS_CLIENT_INVALID_TOKEN) {
        completion_early &= ~completion_bit(t);
        count_nsce(tfm_nsce_release_ctx(t->token));
        t->token = TFM_NS_CLIENT_INVALID_TOKEN;
        group_tasks[t->group]--;
    }
    t->state = TASK_FREE;
    if (t == kernel_current) {
        port_request_switch();
    }
    return 0u;
}

int kernel_task_delete(struct kernel_task *task)
{
    return (int)(intptr_t)kernel_handler_call(delete_in_handler,
                                              (uintptr_t)task);
}

static uintptr_t set_nsid_in_handler(uintptr_t p)
{
    int32_t nsid = (int32_t)(intptr_t)p;
    struct kernel_task *t = kernel_current;
    uint32_t r;

    if (t == NULL || t->token == TFM_NS_CLIENT_INVALID_TOKEN) {
        return TFM_NS_CLIENT_ERR_INVALID_TOKEN;
    }
    /* A load without a save: the same context, another NSID. */
    r = load_ctx(t, nsid);
    if (r == TFM_NS_CLIENT_ERR_SUCCESS) {
        t->nsid = nsid;
    }
    return r;
}

uint32_t kernel_set_nsid(int32_t nsid)
{
    return (uint32_t)kernel_handler_call(set_nsid_in_handler,
                                         (uintptr_t)(intptr_t)nsid);
}

int32_t kernel_task_nsid(const struct kernel_task *task)
{
    return task->nsid;
}

struct kernel_task *kernel_self(void)
{
    return started ? kernel_current : NULL;
}

/* ---- Time ---------------------------------------------------------------- */

void kernel_sleep(uint32_t n)
{
    uint32_t s = port_irq_save();

    if (n == 0u) {
        slice_over[kernel_current->prio] = true;
    } else {
        kernel_current->state = TASK_SLEEPING;
        kernel_current->wake_tick = ticks + n;
    }
    if (switch_due()) {
        port_request_switch();
    }
    port_irq_restore(s);
}

void kernel_yield(void)
{
    kernel_sleep(0);
}

uint32_t kernel_ticks(void)
{
    return ticks;
}

void kernel_set_tick_hook(void (*hook)(void))
{
    tick_hook = hook;
}

/* ---- Mutexes ------------------------------------------------------------- */

void kernel_mutex_lock(struct kernel_mutex *m)
{
    uint32_t s = port_irq_save();
    struct kernel_task *self = kernel_current;

    if (m->owner == NULL) {
        m->owner = self;
        self->held++;
    } else {
        self->state = TASK_BLOCKED;
        self->blocked_on = m;
        port_request_switch();
    }
    port_irq_restore(s);
    /* Blocked: kernel_mutex_unlock() made us the owner before waking us. */
}

void kernel_mutex_unlock(struct kernel_mutex *m)
{
    uint32_t s = port_irq_save();
    struct kernel_task *self = kernel_current;
    struct kernel_task *next = NULL;
    const uint32_t n = KERNEL_MAX_TASKS;

    /* The waiter of highest priority, the first after us among equals. */
    for (uint32_t i = 1; i <= n; i++) {
        struct kernel_task *t = &tasks[(self->index + i) % n];

        if (t->state == TASK_BLOCKED && t->blocked_on == m &&
            (next == NULL || t->prio > next->prio)) {
            next = t;
        }
    }
    self->held--;
    m->owner = next;
    if (next != NULL) {
        next->held++;
        next->blocked_on = NULL;
        next->state = TASK_READY;
        if (next->prio > self->prio) {
            port_request_switch();
        }
    }
    port_irq_restore(s);
}

/* ---- Completion of deferred secure calls --------------------------------- */

void kernel_completion_wait(void)
{
    uint32_t s = port_irq_save();
    uint32_t bit = completion_bit(kernel_current);

    if ((completion_early & bit) != 0u) {
        completion_early &= ~bit;
    } else {
        kernel_current->state = TASK_WAITING;
        port_request_switch();
    }
    port_irq_restore(s);
}

void kernel_completion_wake(uint32_t ctx)
{
    uint32_t s = port_irq_save();
    uint32_t bit = (ctx != 0u && ctx < 32u) ? 1u << ctx : 0u;

    for (uint32_t i = 0; bit != 0u && i < KERNEL_MAX_TASKS; i++) {
        struct kernel_task *t = &tasks[i];

        if (t->state == TASK_WAITING && completion_bit(t) == bit) {
            t->state = TASK_READY;
            if (switch_due()) {
                port_request_switch();
            }
            port_irq_restore(s);
            return;
        }
    }
    completion_early |= bit;
    port_irq_restore(s);
}

/* ---- Start-up ------------------------------------------------------------ */

static uintptr_t init_in_handler(uintptr_t contexts)
{
    /* The integration guide: init at kernel start, before any other NSCE
     * call. */
    nsce_slots = tfm_nsce_init((uint32_t)contexts);
    return nsce_slots;
}

uint32_t kernel_init(uint32_t contexts)
{
    for (uint32_t i = 0; i <= KERNEL_MAX_TASKS; i++) {
        tasks[i] = (struct kernel_task){ .index = (uint8_t)i,
                                         .token = TFM_NS_CLIENT_INVALID_TOKEN };
    }
    for (uint32_t g = 0; g < KERNEL_MAX_TASKS; g++) {
        group_tasks[g] = 0u;
    }
    kernel_current = NULL;
    started = false;
    ticks = 0u;
    for (uint32_t i = 0; i <= KERNEL_PRIO_MAX; i++) {
        last_run[i] = KERNEL_IDLE_INDEX;
        slice_over[i] = false;
    }
    stats = (struct kernel_stats){ 0 };
    tick_hook = NULL;
    completion_early = 0u;
    port_init();
    task_setup(&tasks[KERNEL_IDLE_INDEX], "idle", 0u, kernel_idle, NULL);
    return (uint32_t)kernel_handler_call(init_in_handler, contexts);
}

void kernel_start(uint32_t min_cycles, uint32_t max_cycles)
{
    (void)port_irq_save();
    started = true;
    port_start(min_cycles, max_cycles);
}

uintptr_t kernel_handler_call(uintptr_t (*fn)(uintptr_t), uintptr_t arg)
{
    return port_handler_call(fn, arg);
}

bool kernel_in_task(void)
{
    return started && !port_in_handler();
}

bool kernel_preemptive(void)
{
    return port_preemptive();
}

void kernel_get_stats(struct kernel_stats *out)
{
    uint32_t s = port_irq_save();

    *out = stats;
    port_irq_restore(s);
}
