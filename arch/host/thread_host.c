/*
 * Threads on the host (IPC backend): each partition thread is a fiber.
 * The manifest's stack sizes are made for the target; hosted code (libc,
 * /proc/self/maps reads) needs more, so every thread gets a stack of the
 * port's own size instead. There is no preemption on the host: threads
 * switch only in arch_yield().
 */
#include <stdlib.h>

#include "arch/arch.h"
#include "arch/host/arch_thread.h"

#define HOST_THREAD_STACK ((size_t)128u * 1024u)
#define HOST_MAX_THREADS  32u /* the scheduler's, spm/backend/ipc/sched.h */

static uint8_t stacks[HOST_MAX_THREADS][HOST_THREAD_STACK]
    __attribute__((aligned(16)));
static unsigned stacks_used;
/* The thread that runs: the one arch_yield() switched to last. */
static struct arch_thread *running;

/* A thread body must not return: that is a bug of its partition. */
static void thread_start(void)
{
    running->entry();
    spm_hook_thread_returned();
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

void arch_thread_adopt(struct arch_thread *t)
{
    running = t;
}

void arch_yield(void)
{
    struct arch_thread *cur = running;
    struct arch_thread *next = spm_hook_switch();

    if (next != cur) {
        running = next;
        host_fiber_swap(&cur->fiber, &next->fiber);
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
