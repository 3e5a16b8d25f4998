/* Secure interrupts on the host (platform.h): the simulated controller of
 * arch/host/host_irq.c, which tests drive with host_irq_raise(). */
#include "arch/host/host_irq.h"
#include "platform.h"

void platform_irq_route(uint32_t line)
{
    host_irq_route(line);
}

void platform_irq_enable(uint32_t line)
{
    host_irq_enable(line);
}

void platform_irq_disable(uint32_t line)
{
    host_irq_disable(line);
}

void platform_irq_clear_pending(uint32_t line)
{
    host_irq_clear_pending(line);
}

/* The host has no NS interrupts: a hosted NS side that enabled completion
 * polls warden_ns_completion_take() (the set the pend would announce);
 * the raise itself is only counted, for a debugger. */
static unsigned host_ns_completion_raises __attribute__((used));

void platform_ns_completion_raise(void)
{
    host_ns_completion_raises++;
}
