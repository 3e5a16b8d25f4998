/*
 * The port's NS-context stacks and NS interrupt hold for the SFN backend's
 * unit tests (arch/arch.h), recorded (fake_ns_stack.h). The IPC tests have
 * fake_threads.c's instead.
 */
#include "fake_ns_stack.h"

#include <stddef.h>

#include "arch/arch.h"
#include "warden/config.h"
#include WARDEN_ARCH_THREAD_H

struct fake_ns_stack_calls fake_ns_stack;

void arch_ns_stack_init(struct arch_ns_ctx *c, uint8_t *stack, size_t size)
{
    (void)size;
    c->stack = stack;
    fake_ns_stack.inits++;
}

void arch_ns_stack_switch(struct arch_ns_ctx *from,
                          const struct arch_ns_ctx *to)
{
    fake_ns_stack.switches++;
    fake_ns_stack.from = from;
    fake_ns_stack.to = to;
}

void arch_ns_stack_reset(struct arch_ns_ctx *c)
{
    (void)c;
    fake_ns_stack.resets++;
}

uint32_t arch_ns_irq_hold(void)
{
    fake_ns_stack.holds++;
    fake_ns_stack.held++;
    return 0x80u;
}

void arch_ns_irq_release(uint32_t held)
{
    (void)held;
    fake_ns_stack.held--;
}
