/*
 * TIMER0, handled as an SLIH: the SPM disables the line and asserts
 * TIMER0_IRQ_SIGNAL; this partition sees it in psa_wait(), stops the
 * timer, takes its interrupt back, and calls psa_eoi(), which enables
 * the line again.
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/irq_timer.h"
#include "tests/partitions/irq/irq_devices.h"
#include "tests/partitions/irq/irq_test.h"
#include "tests/partitions/irq/irq_timer_ops.h"

/* Spins of a wait for the timer's own interrupt status (a gate test's
 * interrupt comes after IRQ_TIMER_GATE_TICKS ticks, a few thousand
 * instructions). */
#define FIRE_SPINS 100000u

/* Arms TIMER0 and waits until it raises its interrupt, then stops it
 * with the interrupt left raised. Returns whether it was raised. */
static uint32_t fire_and_hold(void)
{
    uint32_t fired = 0u;

    timer_arm(IRQ_TIMER0, IRQ_TIMER_GATE_TICKS);
    for (uint32_t i = 0; i < FIRE_SPINS && !fired; i++) {
        fired = (uint32_t)timer_fired(IRQ_TIMER0);
    }
    IRQ_TIMER0->ctrl = 0u;
    return fired;
}

/* Ends a gate step: takes the interrupt back at the timer, and calls
 * psa_eoi() if the signal was seen (it is a misuse otherwise). */
static void finish(psa_signal_t seen)
{
    timer_stop_clear(IRQ_TIMER0);
    if (seen & TIMER0_IRQ_SIGNAL) {
        psa_eoi(TIMER0_IRQ_SIGNAL);
    }
}

void irq_timer_slih_gate(struct irq_slih_gate *r)
{
    /* FF-M 1.1: the IRQ is disabled when the partition starts. */
    r->disable_at_load = psa_irq_disable(TIMER0_IRQ_SIGNAL);
    r->device_fired = fire_and_hold();
    r->poll_disabled = psa_wait(TIMER0_IRQ_SIGNAL, PSA_POLL);
    /* The interrupt pending meanwhile comes once the IRQ is enabled. */
    psa_irq_enable(TIMER0_IRQ_SIGNAL);
    r->poll_enabled = irq_timer_poll(TIMER0_IRQ_SIGNAL);
    r->status_at_signal = IRQ_TIMER0->intstatus;
    finish(r->poll_enabled);
    r->poll_after_eoi = psa_wait(TIMER0_IRQ_SIGNAL, PSA_POLL);
    r->disable_enabled = psa_irq_disable(TIMER0_IRQ_SIGNAL);
    r->disable_disabled = psa_irq_disable(TIMER0_IRQ_SIGNAL);

    /* Disabled by psa_irq_disable(): the same again. */
    r->device_fired_again = fire_and_hold();
    r->poll_disabled_again = psa_wait(TIMER0_IRQ_SIGNAL, PSA_POLL);
    psa_irq_enable(TIMER0_IRQ_SIGNAL);
    r->poll_reenabled = irq_timer_poll(TIMER0_IRQ_SIGNAL);
    finish(r->poll_reenabled);
    (void)psa_irq_disable(TIMER0_IRQ_SIGNAL);
    r->poll_final = psa_wait(TIMER0_IRQ_SIGNAL, PSA_POLL);
}

/* The IPC backend's count of interrupts that found SPM code running
 * (spm/backend/ipc/backend_ipc.c); absent under the SFN backend. */
extern volatile uint32_t ipc_irq_deferrals __attribute__((weak));

/* That count, where this partition may read SPM memory. */
static uint32_t deferrals(void)
{
    uint32_t control;

    __asm volatile("mrs %0, control" : "=r"(control));
    if (&ipc_irq_deferrals == NULL || (control & 1u) != 0u) {
        return IRQ_NOT_COUNTED;
    }
    return ipc_irq_deferrals;
}

void irq_timer_slih_rounds(const struct irq_rounds_args *a,
                           struct irq_rounds *r)
{
    uint32_t before = deferrals();

    psa_irq_enable(TIMER0_IRQ_SIGNAL);
    for (uint32_t i = 0; i < a->rounds; i++) {
        psa_signal_t seen;

        timer_arm(IRQ_TIMER0, a->ticks != 0u ? a->ticks : 1u + i % 8u);
        seen = psa_wait(TIMER0_IRQ_SIGNAL, PSA_BLOCK);
        if (seen != TIMER0_IRQ_SIGNAL) {
            r->wrong++;
            break;
        }
        /* Each arming raises one interrupt: a signal with the timer's
         * interrupt low is one delivered twice. */
        if (timer_fired(IRQ_TIMER0)) {
            r->delivered++;
        } else {
            r->doubled++;
        }
        /* Take the interrupt back before psa_eoi() enables the line,
         * and arm again only after it: psa_eoi() forgets a pending
         * interrupt, and one raised in between would be lost. */
        timer_stop_clear(IRQ_TIMER0);
        psa_eoi(TIMER0_IRQ_SIGNAL);
    }
    r->poll_after = psa_wait(TIMER0_IRQ_SIGNAL, PSA_POLL);
    r->disable_ret = psa_irq_disable(TIMER0_IRQ_SIGNAL);
    r->deferred =
        (before == IRQ_NOT_COUNTED) ? IRQ_NOT_COUNTED : deferrals() - before;
}
