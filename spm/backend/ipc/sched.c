#include "spm/backend/ipc/sched.h"
#include "arch/arch.h"

#include "spm/panic.h"

struct sched_core sched_core;
struct sched_thread sched_threads[SPM_NUM_CLIENTS];
struct spm_partition *sched_current_part;
struct sched_thread *sched_by_rank[SCHED_RANKS];

static uint32_t priority_of(const struct spm_partition *p)
{
    return spm_is_ns(p) ? UINT32_MAX : p->info->priority;
}

void sched_init(void)
{
    struct sched_thread *threads = sched_threads;
    uint32_t n = 0;

    for (uint32_t i = 0; i < SPM_NUM_CLIENTS; i++) {
        threads[i].ns_prio = SCHED_NS_PRIO_TOP;
    }
    threads[0].part = &spm_ns_agent;
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        threads[i + 1u].part = &spm_partitions[i];
    }
    /* Insertion sort by priority; equal priorities keep load order. */
    for (uint32_t i = 1; i <= WARDEN_NUM_PARTITIONS; i++) {
        struct sched_thread *t = &threads[i];
        uint32_t j = n;

        while (j > 0u && priority_of(sched_by_rank[j - 1u]->part) >
                             priority_of(t->part)) {
            sched_by_rank[j] = sched_by_rank[j - 1u];
            j--;
        }
        sched_by_rank[j] = t;
        n++;
    }
    sched_by_rank[n] = &threads[0];
    sched_core.ready = 0;
    for (uint32_t r = 0; r <= n; r++) {
        sched_by_rank[r]->rank = (uint8_t)r;
        sched_by_rank[r]->state = SCHED_READY;
        sched_core.ready |= 1u << r;
    }
    /* The NS agents of NS contexts: out of the run order until loaded. */
    /* (No iteration in a build without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t c = 0; c < spm_ns_contexts(); c++) {
        struct sched_thread *t = &threads[n + 1u + c];

        t->part = &spm_ns_ctx_agents[c];
        t->rank = (uint8_t)n;
        t->state = SCHED_READY;
    }
    sched_core.current = &threads[0];
    arch_thread_adopt(&threads[0].ctx); /* the boot context goes on as it */
    sched_core.current_bit = 1u << n;
    sched_current_part = threads[0].part;
    sched_core.locked = false;
    sched_core.irq_parts = 0u;
    sched_core.by_ns_prio = false;
}

void sched_set_ns(struct sched_thread *t)
{
    uint32_t bit = 1u << (SCHED_RANKS - 1u);

    sched_by_rank[SCHED_RANKS - 1u] = t;
    t->rank = (uint8_t)(SCHED_RANKS - 1u);
    if (t->state == SCHED_READY) {
        sched_core.ready |= bit;
    } else {
        sched_core.ready &= ~bit;
    }
    sched_core.current = t;
    sched_core.current_bit = bit;
    sched_current_part = t->part;
}

void sched_kill(struct sched_thread *t)
{
    t->state = SCHED_DEAD;
    sched_core.ready &= ~(1u << t->rank);
}

void sched_drop_lock(void)
{
    if (sched_core.locked) {
        sched_unlock();
    } else if (sched_core.irq_parts != 0u) {
        sched_irq_drain();
    }
}

struct sched_thread *sched_pick(void)
{
    uint32_t ready = sched_core.ready;
    struct sched_thread *best = NULL;

    while (ready != 0u) {
        struct sched_thread *t = sched_by_rank[__builtin_ctz(ready)];

        ready &= ready - 1u;
        if (best == NULL || t->ns_prio > best->ns_prio) {
            best = t;
        }
    }
    return best;
}

struct sched_thread *sched_switch_held(struct sched_thread *cur)
{
    struct sched_thread *idle = sched_ns_thread();
    struct sched_thread *next;

    if (sched_core.locked) {
        return cur;
    }
    next = sched_pick();
    if (next != NULL) {
        sched_core.current = next;
        sched_core.current_bit = 1u << next->rank;
        sched_current_part = next->part;
        return next;
    }
    /* No thread is ready: every partition waits (for a reply, a message,
     * an interrupt) and so does the NS agent, which is blocked only while
     * it waits for a reply (ipc_client_resolve()). Its thread idles until
     * something is ready (sched_idle()), the most urgent thread then. */
    SPM_ASSERT(idle->state == SCHED_BLOCKED);
    sched_core.current = idle;
    sched_core.current_bit = 1u << idle->rank;
    sched_current_part = idle->part;
    return idle;
}

void sched_idle(void)
{
    arch_wait_for(&sched_core.ready, ~0u);
}
