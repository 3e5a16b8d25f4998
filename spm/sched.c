#include "spm/sched.h"

#include "arch/arch.h"
#include "spm/panic.h"

static struct sched_thread threads[SPM_NUM_CLIENTS];
static struct sched_thread *by_rank[SPM_NUM_CLIENTS];
static struct sched_thread *current;
static uint32_t ready_bits;
static volatile uint32_t lock_depth;
static volatile bool switch_pending;

static uint32_t priority_of(const struct spm_partition *p)
{
    return spm_is_ns(p) ? UINT32_MAX : p->info->priority;
}

void sched_init(void)
{
    uint32_t n = 0;

    threads[0].part = &spm_ns_agent;
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        threads[i + 1u].part = &spm_partitions[i];
    }
    /* Insertion sort by priority; equal priorities keep load order. */
    for (uint32_t i = 1; i <= WARDEN_NUM_PARTITIONS; i++) {
        struct sched_thread *t = &threads[i];
        uint32_t j = n;

        while (j > 0u &&
               priority_of(by_rank[j - 1u]->part) > priority_of(t->part)) {
            by_rank[j] = by_rank[j - 1u];
            j--;
        }
        by_rank[j] = t;
        n++;
    }
    by_rank[n] = &threads[0];
    ready_bits = 0;
    for (uint32_t r = 0; r <= n; r++) {
        by_rank[r]->rank = (uint8_t)r;
        by_rank[r]->state = SCHED_READY;
        ready_bits |= 1u << r;
    }
    current = &threads[0];
    lock_depth = 0;
    switch_pending = false;
}

struct sched_thread *sched_thread_of(const struct spm_partition *p)
{
    return &threads[p->index];
}

struct sched_thread *sched_current(void)
{
    return current;
}

void sched_ready(struct sched_thread *t)
{
    if (t->state != SCHED_DEAD) {
        t->state = SCHED_READY;
        ready_bits |= 1u << t->rank;
    }
}

void sched_block(struct sched_thread *t)
{
    if (t->state != SCHED_DEAD) {
        t->state = SCHED_BLOCKED;
        ready_bits &= ~(1u << t->rank);
    }
}

void sched_kill(struct sched_thread *t)
{
    t->state = SCHED_DEAD;
    ready_bits &= ~(1u << t->rank);
}

static struct sched_thread *most_urgent(void)
{
    /* The NS agent's thread is blocked only while it waits for a reply,
     * and then some partition is ready: the bitmap is never empty. */
    SPM_ASSERT(ready_bits != 0u);
    return by_rank[__builtin_ctz(ready_bits)];
}

bool sched_preempt_due(void)
{
    return current->state != SCHED_READY || most_urgent() != current;
}

void sched_lock(void)
{
    SPM_ASSERT(lock_depth == 0u);
    lock_depth = 1u;
}

void sched_unlock(void)
{
    lock_depth = 0u;
    if (switch_pending) {
        switch_pending = false;
        arch_yield();
    }
}

void sched_drop_lock(void)
{
    lock_depth = 0u;
    switch_pending = false;
}

struct sched_thread *sched_switch(struct sched_thread *cur)
{
    if (lock_depth != 0u) {
        switch_pending = true;
        return cur;
    }
    current = most_urgent();
    return current;
}
