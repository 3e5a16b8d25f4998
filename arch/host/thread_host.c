/*
 * Threads on the host (IPC backend): each partition thread is a fiber.
 * The manifest's stack sizes are made for the target; hosted code (libc,
 * /proc/self/maps reads) needs more, so every thread gets a stack of the
 * port's own size instead. There is no preemption on the host: threads
 * switch only in arch_yield().
 */
#include <stdlib.h>

#include "arch/arch.h"
#include "spm/panic.h"
#include "spm/backend/ipc/sched.h"

#define HOST_THREAD_STACK ((size_t)128u * 1024u)
#define HOST_MAX_THREADS  SCHED_MAX_THREADS

static uint8_t stacks[HOST_MAX_THREADS][HOST_THREAD_STACK]
    __attribute__((aligned(16)));
static unsigned stacks_used;

/* A thread body must not return: that is a bug of its partition. */
static void thread_start(void)
{
    sched_current()->ctx.entry();
    spm_panic(sched_current()->part);
}

void arch_thread_init(struct arch_thread *t, uint8_t *stack, size_t size,
                      void (*entry)(void))
{
    (void)stack;
    (void)size;
    if (stacks_used == HOST_MAX_THREADS) {
        abort();
    }
    t->entry = entry;
    host_fiber_make(&t->fiber, stacks[stacks_used++], HOST_THREAD_STACK,
                    thread_start);
}

void arch_yield(void)
{
    struct sched_thread *cur = sched_current();
    struct sched_thread *next = sched_switch(cur);

    if (next != cur) {
        host_fiber_swap(&cur->ctx.fiber, &next->ctx.fiber);
    }
}

uint32_t arch_spm_call(uint32_t (*fn)(void *arg), void *arg)
{
    return fn(arg);
}
