/*
 * Secure interrupts raised by the NS side: the hosted interrupt
 * controller's lines, on host only (ns_irq_host.c).
 */
#include "ns_suites.h"

const struct ns_suite ns_irq_suite = { "ns_irq", NULL, 0 };
