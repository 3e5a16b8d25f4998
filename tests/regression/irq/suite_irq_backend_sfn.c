/* The SFN backend runs no FF-M 1.0 partition: no suite of its own. */
#include "tests/regression/irq/irq_suites.h"

const struct irq_suite *const irq_backend_suites[1];
const size_t irq_backend_suite_count = 0;
