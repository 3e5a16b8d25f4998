/*
 * Simulated interrupts on the host (host_irq.h) and the port's masking and
 * waiting (arch/arch.h). There is no preemption on the host: an interrupt
 * is taken when a device raises its line (host_irq_raise()), when its line
 * is enabled while pending, and when the mask is lifted, each time only
 * if nothing masks it and no interrupt is being handled (secure interrupts
 * share one priority and do not nest).
 */
#include "arch/host/host_irq.h"

#include <stdio.h>
#include <stdlib.h>

#include "arch/arch.h"
#include "spm/irq.h"

static bool routed[HOST_IRQ_LINES];
static bool enabled[HOST_IRQ_LINES];
static bool pending[HOST_IRQ_LINES];
static uint32_t masked;
static bool handling;
static uint32_t taken;

static void check_line(uint32_t line)
{
    if (line >= HOST_IRQ_LINES) {
        (void)fprintf(stderr, "[host] IRQ line %u: the host has %u\n",
                      (unsigned)line, (unsigned)HOST_IRQ_LINES);
        abort();
    }
}

/* Takes every interrupt that may be taken now; true if it took one. */
static bool take(void)
{
    bool any = false;

    for (uint32_t line = 0; line < HOST_IRQ_LINES; line++) {
        if (masked != 0u || handling) {
            break;
        }
        if (routed[line] && enabled[line] && pending[line]) {
            pending[line] = false;
            handling = true;
            taken++;
            spm_irq_dispatch(line);
            handling = false;
            any = true;
            line = (uint32_t)-1; /* from the first line again */
        }
    }
    return any;
}

void host_irq_route(uint32_t line)
{
    check_line(line);
    routed[line] = true;
    enabled[line] = false;
    pending[line] = false;
}

void host_irq_enable(uint32_t line)
{
    check_line(line);
    enabled[line] = true;
    (void)take();
}

void host_irq_disable(uint32_t line)
{
    check_line(line);
    enabled[line] = false;
}

void host_irq_clear_pending(uint32_t line)
{
    check_line(line);
    pending[line] = false;
}

void host_irq_raise(uint32_t line)
{
    check_line(line);
    pending[line] = true;
    (void)take();
}

bool host_irq_pending(uint32_t line)
{
    check_line(line);
    return pending[line];
}

uint32_t host_irq_taken(void)
{
    return taken;
}

uint32_t arch_irq_mask(void)
{
    uint32_t was = masked;

    masked = 1u;
    return was;
}

void arch_irq_unmask(uint32_t was)
{
    masked = was;
    (void)take();
}

/* Nothing but a pending interrupt can change the word on the host: with
 * none, the wait would never end, which the run reports. */
void arch_wait_for(const volatile uint32_t *word, uint32_t mask)
{
    while ((*word & mask) == 0u) {
        if (!take()) {
            (void)fprintf(stderr, "[host] psa_wait() would wait for ever: "
                                  "no interrupt can come\n");
            abort();
        }
    }
}

/* The host has no Non-secure interrupts: its NS side runs only where the
 * SPM returns to it. */
void arch_hold_ns_interrupts(void)
{
}
