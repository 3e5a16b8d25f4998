/*
 * WARDEN_SP_IRQ_TIMER's operations (irq_test.h, IRQ_TIMER), one file per
 * kind of handling: irq_timer_slih.c (TIMER0), irq_timer_flih.c (TIMER1
 * and its FLIH). irq_timer.c decodes the requests and calls them.
 */
#ifndef WARDEN_TESTS_IRQ_TIMER_OPS_H
#define WARDEN_TESTS_IRQ_TIMER_OPS_H

#include <stdint.h>

#include "psa/service.h"
#include "tests/partitions/irq/irq_test.h"

/* TIMER0 ticks before a gate test's interrupt. */
#define IRQ_TIMER_GATE_TICKS 100u

/** Spins until @p signal is asserted (psa_wait(PSA_POLL)) or a bound
 *  passes; returns the last answer. For tests whose interrupt, if any,
 *  has been taken before the loop starts. */
psa_signal_t irq_timer_poll(psa_signal_t signal);

void irq_timer_slih_gate(struct irq_slih_gate *r);
void irq_timer_slih_rounds(const struct irq_rounds_args *a,
                           struct irq_rounds *r);

void irq_timer_flih_nth(const struct irq_nth_args *a, struct irq_nth *r);
void irq_timer_flih_gate(struct irq_flih_gate *r);
void irq_timer_flih_burst(const struct irq_burst_args *a);
void irq_timer_flih_status(struct irq_burst_status *r);

#endif /* WARDEN_TESTS_IRQ_TIMER_OPS_H */
