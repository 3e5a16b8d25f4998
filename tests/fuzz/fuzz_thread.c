/*
 * Threads for the IPC harnesses: arch/host/thread_host.c's contract, but a
 * thread keeps its stack across boots (the harness boots the SPM for every
 * input; the host port hands out each stack once per process). A context
 * abandoned by the previous boot is simply never resumed.
 */
#include <stdlib.h>

#include "arch/arch.h"
#include "arch/host/host_fiber.h"
#include "spm/panic.h"
#include "spm/backend/ipc/sched.h"

#define FUZZ_THREAD_STACK (128u * 1024u)

static uint8_t stacks[SCHED_MAX_THREADS][FUZZ_THREAD_STACK]
    __attribute__((aligned(16)));
static const struct arch_thread *owners[SCHED_MAX_THREADS];

static uint8_t *stack_of(const struct arch_thread *t)
{
    for (unsigned i = 0; i < SCHED_MAX_THREADS; i++) {
        if (owners[i] == t || owners[i] == NULL) {
            owners[i] = t;
            return stacks[i];
        }
    }
    abort();
}

static void thread_start(void)
{
    sched_current()->ctx.entry();
    spm_panic(sched_current()->part, "a thread body returned");
}

/* The running thread is the scheduler's (sched_current()). */
void arch_thread_adopt(struct arch_thread *t)
{
    (void)t;
}

void arch_thread_init(struct arch_thread *t, uint8_t *stack, size_t size,
                      void (*entry)(void))
{
    (void)stack;
    (void)size;
    t->entry = entry;
    host_fiber_make(&t->fiber, stack_of(t), FUZZ_THREAD_STACK, thread_start);
}

void arch_yield(void)
{
    struct sched_thread *cur = sched_current();
    struct sched_thread *next = sched_switch(cur);

    if (next != cur) {
        host_fiber_swap(&cur->ctx.fiber, &next->ctx.fiber);
    }
}

void arch_thread_exit(void)
{
    arch_yield();
    abort(); /* a dead thread is never picked again */
}

uint32_t arch_spm_call(uint32_t (*fn)(void *arg), void *arg)
{
    return fn(arg);
}
