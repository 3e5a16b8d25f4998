/*
 * NS contexts on the host (arch/arch.h): its NS side switches threads only
 * outside secure calls (ns/kernel/port_host.c), so a context never has a
 * secure call to park, and its agent thread saves its context, in the
 * next arch_yield(), on the fiber of whichever NS thread makes its call.
 * Linux gives the hosted NS side no interrupts to hold off.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/host/arch_thread.h"

void arch_ns_ctx_init(struct arch_ns_ctx *c, struct arch_thread *agent,
                      uint8_t *stack, size_t size)
{
    (void)c;
    (void)agent;
    (void)stack;
    (void)size;
}

/* The contract's threads are written on Armv8-M; here only compared. */
/* cppcheck-suppress constParameter */
bool arch_ns_ctx_park(struct arch_ns_ctx *c, struct arch_thread *cur,
                      /* cppcheck-suppress constParameter */
                      struct arch_thread *agent)
{
    (void)c;
    return cur == agent;
}

void arch_ns_ctx_enter(struct arch_ns_ctx *c, struct arch_thread *agent)
{
    (void)c;
    arch_thread_adopt(agent);
}

void arch_ns_ctx_reset(struct arch_ns_ctx *c)
{
    (void)c;
}
