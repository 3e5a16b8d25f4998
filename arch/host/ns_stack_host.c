/*
 * NS contexts without threads on the host (arch/arch.h; SFN backend with
 * NS contexts): its NS side switches threads only outside secure calls
 * (ns/kernel/port_host.c), so every call runs, and ends, on the stack of
 * the NS thread that makes it: nothing to switch.
 */
#include <stddef.h>
#include <stdint.h>

#include "arch/arch.h"
#include "warden/config.h"
#include WARDEN_ARCH_THREAD_H

void arch_ns_stack_init(struct arch_ns_ctx *c, uint8_t *stack, size_t size)
{
    (void)c;
    (void)stack;
    (void)size;
}

void arch_ns_stack_switch(struct arch_ns_ctx *from,
                          const struct arch_ns_ctx *to)
{
    (void)from;
    (void)to;
}

void arch_ns_stack_reset(struct arch_ns_ctx *c)
{
    (void)c;
}
