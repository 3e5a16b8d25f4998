/*
 * TIMER1, handled as an FLIH: timer1_irq_flih() runs at interrupt time,
 * in this partition's context, and takes the timer's interrupt back
 * itself. What it does next depends on the operation running:
 *   NTH    re-arms the timer and returns PSA_FLIH_NO_SIGNAL, except at
 *          every `every`-th tick: PSA_FLIH_SIGNAL, the timer left stopped
 *          until the partition has seen the signal and reset it
 *   BURST  re-arms the timer until `target` interrupts; never a signal
 *   GATE   only counts
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/irq_timer.h"
#include "tests/partitions/irq/irq_devices.h"
#include "tests/partitions/irq/irq_test.h"
#include "tests/partitions/irq/irq_timer_ops.h"

#define FIRE_SPINS 100000u

enum flih_mode { FLIH_GATE, FLIH_NTH, FLIH_BURST };

/* Written by the FLIH at interrupt time, read by the secure function. */
static struct {
    volatile uint32_t mode;
    volatile uint32_t every;
    volatile uint32_t ticks;
    volatile uint32_t target;
    volatile uint32_t found;   /* calls that found TIMER1's interrupt */
    volatile uint32_t doubled; /* calls that found it low */
    volatile uint32_t signals; /* PSA_FLIH_SIGNAL returned */
    volatile uint32_t privileged;
    volatile uint32_t unprivileged;
} flih;

/* Handler mode is privileged whatever CONTROL.nPRIV says; Thread mode is
 * unprivileged when CONTROL.nPRIV is set. Both registers are readable
 * from unprivileged code. */
static int running_privileged(void)
{
    uint32_t ipsr;
    uint32_t control;

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    __asm volatile("mrs %0, control" : "=r"(control));
    return ipsr != 0u || (control & 1u) == 0u;
}

static void reset(enum flih_mode mode)
{
    flih.mode = FLIH_GATE; /* no re-arm while the counts are cleared */
    flih.found = 0u;
    flih.doubled = 0u;
    flih.signals = 0u;
    flih.privileged = 0u;
    flih.unprivileged = 0u;
    flih.mode = (uint32_t)mode;
}

psa_flih_result_t timer1_irq_flih(void)
{
    if (running_privileged()) {
        flih.privileged++;
    } else {
        flih.unprivileged++;
    }
    if (!timer_fired(IRQ_TIMER1)) {
        flih.doubled++;
        return PSA_FLIH_NO_SIGNAL;
    }
    timer_stop_clear(IRQ_TIMER1);
    flih.found++;
    if (flih.mode == FLIH_NTH && flih.found % flih.every == 0u) {
        flih.signals++;
        return PSA_FLIH_SIGNAL;
    }
    if (flih.mode == FLIH_NTH ||
        (flih.mode == FLIH_BURST && flih.found < flih.target)) {
        timer_arm(IRQ_TIMER1, flih.ticks);
    }
    return PSA_FLIH_NO_SIGNAL;
}

void irq_timer_flih_nth(const struct irq_nth_args *a, struct irq_nth *r)
{
    flih.every = a->every;
    flih.ticks = a->ticks;
    reset(FLIH_NTH);
    psa_irq_enable(TIMER1_IRQ_SIGNAL);
    for (uint32_t k = 1; k <= a->signals; k++) {
        timer_arm(IRQ_TIMER1, a->ticks);
        if (psa_wait(TIMER1_IRQ_SIGNAL, PSA_BLOCK) != TIMER1_IRQ_SIGNAL) {
            break;
        }
        r->wakeups++;
        /* The FLIH stopped the timer when it signalled: the count is
         * exact. The ticks in between returned PSA_FLIH_NO_SIGNAL and
         * must not have woken this function. */
        if (flih.found != a->every * k) {
            r->misplaced++;
        }
        psa_reset_signal(TIMER1_IRQ_SIGNAL);
        r->poll_after_reset |= psa_wait(TIMER1_IRQ_SIGNAL, PSA_POLL);
    }
    (void)psa_irq_disable(TIMER1_IRQ_SIGNAL);
    timer_stop_clear(IRQ_TIMER1);
    r->ticks = flih.found;
    r->flih_signals = flih.signals;
    r->doubled = flih.doubled;
    r->flih_privileged = flih.privileged;
    r->flih_unprivileged = flih.unprivileged;
}

void irq_timer_flih_gate(struct irq_flih_gate *r)
{
    uint32_t fired = 0u;

    reset(FLIH_GATE);
    /* FF-M 1.1: the IRQ is disabled when the partition starts. */
    r->disable_at_load = psa_irq_disable(TIMER1_IRQ_SIGNAL);
    timer_arm(IRQ_TIMER1, IRQ_TIMER_GATE_TICKS);
    for (uint32_t i = 0; i < FIRE_SPINS && !fired; i++) {
        fired = (uint32_t)timer_fired(IRQ_TIMER1);
    }
    IRQ_TIMER1->ctrl = 0u; /* stopped, its interrupt left raised */
    r->device_fired = fired;
    r->calls_disabled = flih.found + flih.doubled;
    /* The interrupt pending meanwhile: the FLIH runs once enabled. */
    psa_irq_enable(TIMER1_IRQ_SIGNAL);
    for (uint32_t i = 0; i < FIRE_SPINS && flih.found == 0u; i++) {
    }
    r->calls_enabled = flih.found + flih.doubled;
    r->poll_after = psa_wait(TIMER1_IRQ_SIGNAL, PSA_POLL);
    r->disable_enabled = psa_irq_disable(TIMER1_IRQ_SIGNAL);
    timer_stop_clear(IRQ_TIMER1);
}

void irq_timer_flih_burst(const struct irq_burst_args *a)
{
    timer_stop_clear(IRQ_TIMER1);
    flih.ticks = a->ticks;
    flih.target = a->target;
    reset(FLIH_BURST);
    psa_irq_enable(TIMER1_IRQ_SIGNAL);
    if (a->target != 0u) {
        timer_arm(IRQ_TIMER1, a->ticks);
    }
}

void irq_timer_flih_status(struct irq_burst_status *r)
{
    r->target = flih.target;
    r->delivered = flih.found;
    r->doubled = flih.doubled;
}
