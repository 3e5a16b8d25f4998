/*
 * The secure interrupt image (warden_ns_irq): the IRQ suites, in order,
 * against warden_s_irq. Returns non-zero if anything failed.
 */
#include <stddef.h>

#include "platform_ns.h"
#include "tests/regression/framework/test_framework.h"
#include "tests/regression/irq/irq_suites.h"

static void run(const struct irq_suite *s, struct tf_totals *totals)
{
    tf_run_suite(s->name, s->tests, s->count, totals);
}

int ns_main(void)
{
    struct tf_totals totals = { 0u, 0u };

    run(&irq_timer_suite, &totals);
    run(&irq_uart_suite, &totals);
    for (size_t i = 0; i < irq_backend_suite_count; i++) {
        run(irq_backend_suites[i], &totals);
    }
    tf_log("IRQ suites: %u passed, %u failed\r\n", (unsigned)totals.passed,
           (unsigned)totals.failed);
    return totals.failed == 0u ? 0 : 1;
}
