/*
 * The NS suites of the secure interrupt image warden_ns_irq (against the
 * secure image warden_s_irq and the partitions of tests/partitions/irq).
 */
#ifndef WARDEN_TESTS_IRQ_SUITES_H
#define WARDEN_TESTS_IRQ_SUITES_H

#include <stddef.h>

#include "tests/regression/framework/test_framework.h"

struct irq_suite {
    const char *name;
    const struct test_t *tests;
    size_t count;
};

/* TIMER0 (SLIH) and TIMER1 (FLIH): delivery, enable and disable
 * (suite_irq_timer.c). Its tests run in order: the first ones see the
 * IRQs as the partition's load left them. */
extern const struct irq_suite irq_timer_suite;

/* UART1 driven by its TX interrupt (suite_irq_uart.c). */
extern const struct irq_suite irq_uart_suite;

/* The running backend's own (suite_irq_backend_ipc.c: the FF-M 1.0
 * partition; suite_irq_backend_sfn.c: none). */
extern const struct irq_suite *const irq_backend_suites[];
extern const size_t irq_backend_suite_count;

#endif /* WARDEN_TESTS_IRQ_SUITES_H */
