/*
 * The host's simulated interrupts (host_irq.c): an interrupt controller of
 * HOST_IRQ_LINES lines and the processor's mask, for the hosted platform's
 * platform_irq_*() and for tests, which raise lines as a device would.
 */
#ifndef WARDEN_HOST_IRQ_H
#define WARDEN_HOST_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#define HOST_IRQ_LINES 64u

/* The controller (platform/host's platform_irq_*() call these). */
void host_irq_route(uint32_t line);
void host_irq_enable(uint32_t line);
void host_irq_disable(uint32_t line);
void host_irq_clear_pending(uint32_t line);

/**
 * A device raises @p line: it becomes pending and, when the line is
 * routed and enabled and interrupts are not masked, is taken at once (the
 * SPM's handler runs on the caller's stack, as an exception would on the
 * interrupted code's). A line no manifest routes stays pending.
 */
void host_irq_raise(uint32_t line);

/** True if @p line is pending (not yet taken). */
bool host_irq_pending(uint32_t line);

/** How many interrupts were taken since the program started. */
uint32_t host_irq_taken(void);

#endif /* WARDEN_HOST_IRQ_H */
