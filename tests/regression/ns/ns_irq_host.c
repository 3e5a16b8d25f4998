/*
 * NS suite (host): secure interrupts. The NS side raises lines of the
 * hosted interrupt controller (arch/host/host_irq.h) as a device would;
 * WARDEN_SP_IRQ (tests/partitions/irq_host/) handles them, and its service
 * says what it saw. The controller takes an interrupt at once when its
 * line is routed and enabled; otherwise it stays pending.
 */
#include <stdint.h>

#include "arch/host/host_irq.h"
#include "ns_suites.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/irq_host/warden_irq_test.h"

static psa_status_t irq_call(int32_t type)
{
    return psa_call(WARDEN_IRQ_TEST_HANDLE, type, NULL, 0, NULL, 0);
}

/* Line @p line was taken @p n times since @p before, and is (not)
 * pending. */
static int taken(uint32_t before, uint32_t n, uint32_t line, int pending)
{
    return host_irq_taken() == before + n &&
           (int)host_irq_pending(line) == pending;
}

static void t_slih(struct test_result_t *ret)
{
    const uint32_t line = IRQ_TEST_SLIH_LINE;
    uint32_t before = host_irq_taken();

    TEST_CHECK(irq_call(IRQ_TYPE_END_SLIH) == 0, "nothing asserted at boot");
    host_irq_raise(line);
    TEST_CHECK(taken(before, 0, line, 1),
               "disabled at boot (FF-M 1.1): pending, not taken");
    TEST_CHECK(irq_call(IRQ_TYPE_ENABLE_SLIH) == 0, "psa_irq_enable()");
    TEST_CHECK(taken(before, 1, line, 0), "taken once enabled");
    host_irq_raise(line);
    TEST_CHECK(taken(before, 1, line, 1),
               "the line is disabled until psa_eoi(): pending");
    TEST_CHECK(irq_call(IRQ_TYPE_END_SLIH) == 1,
               "the partition's psa_wait() sees its signal; psa_eoi()");
    TEST_CHECK(taken(before, 1, line, 0), "psa_eoi() cleared the pending one");
    TEST_CHECK(irq_call(IRQ_TYPE_END_SLIH) == 0, "the signal is cleared");
    host_irq_raise(line);
    TEST_CHECK(taken(before, 2, line, 0), "enabled again by psa_eoi()");
    TEST_CHECK(irq_call(IRQ_TYPE_DISABLE_SLIH) == 1, "it was enabled");
    TEST_CHECK(irq_call(IRQ_TYPE_END_SLIH) == 1, "psa_eoi() while disabled");
    host_irq_raise(line);
    TEST_CHECK(taken(before, 2, line, 1), "psa_eoi() left it disabled");
    TEST_CHECK(irq_call(IRQ_TYPE_DISABLE_SLIH) == 0, "it was disabled");
    TEST_CHECK(irq_call(IRQ_TYPE_ENABLE_SLIH) == 0, "enabled again");
    TEST_CHECK(taken(before, 3, line, 0), "the pending one taken");
    TEST_CHECK(irq_call(IRQ_TYPE_END_SLIH) == 1, "and handled");
    TEST_CHECK(irq_call(IRQ_TYPE_DISABLE_SLIH) == 1, "disabled at the end");
}

static void t_flih(struct test_result_t *ret)
{
    const uint32_t line = IRQ_TEST_FLIH_LINE;
    uint32_t before = host_irq_taken();
    psa_status_t calls = irq_call(IRQ_TYPE_FLIH_CALLS);

    TEST_CHECK(calls == 0, "no FLIH call before its first interrupt");
    host_irq_raise(line);
    TEST_CHECK(taken(before, 0, line, 1), "disabled at boot: pending");
    TEST_CHECK(irq_call(IRQ_TYPE_ENABLE_FLIH) == 0, "psa_irq_enable()");
    TEST_CHECK(taken(before, 1, line, 0), "taken once enabled");
    TEST_CHECK(irq_call(IRQ_TYPE_FLIH_CALLS) == 1, "the FLIH function ran");
    TEST_CHECK(irq_call(IRQ_TYPE_RESET_FLIH) == 0,
               "PSA_FLIH_NO_SIGNAL: nothing asserted");
    host_irq_raise(line);
    TEST_CHECK(taken(before, 2, line, 0), "a FLIH line stays enabled");
    TEST_CHECK(irq_call(IRQ_TYPE_FLIH_CALLS) == 2, "it ran again");
    TEST_CHECK(irq_call(IRQ_TYPE_RESET_FLIH) == 1,
               "PSA_FLIH_SIGNAL: asserted; psa_reset_signal()");
    TEST_CHECK(irq_call(IRQ_TYPE_RESET_FLIH) == 0, "the signal is cleared");
    host_irq_raise(line);
    host_irq_raise(line);
    TEST_CHECK(taken(before, 4, line, 0), "two more");
    TEST_CHECK(irq_call(IRQ_TYPE_FLIH_CALLS) == 4, "each ran the function");
    TEST_CHECK(irq_call(IRQ_TYPE_RESET_FLIH) == 1, "the 4th signalled");
    TEST_CHECK(irq_call(IRQ_TYPE_DISABLE_FLIH) == 1, "it was enabled");
    host_irq_raise(line);
    TEST_CHECK(taken(before, 4, line, 1), "disabled: pending");
    TEST_CHECK(irq_call(IRQ_TYPE_FLIH_CALLS) == 4, "the function did not run");
    TEST_CHECK(irq_call(IRQ_TYPE_DISABLE_FLIH) == 0, "it was disabled");
}

/* A line no manifest names is not routed to the secure side. */
static void t_unrouted_line(struct test_result_t *ret)
{
    uint32_t before = host_irq_taken();

    host_irq_raise(IRQ_TEST_UNROUTED_LINE);
    TEST_CHECK(taken(before, 0, IRQ_TEST_UNROUTED_LINE, 1),
               "pending, never taken");
    TEST_CHECK(irq_call(IRQ_TYPE_END_SLIH) == 0 &&
                   irq_call(IRQ_TYPE_RESET_FLIH) == 0,
               "nothing asserted for the partition");
}

static const struct test_t irq_tests[] = {
    { t_slih, "slih", "an SLIH: enabled, delivered, psa_eoi(), disabled" },
    { t_flih, "flih", "a FLIH: the function runs, its signal, disabled" },
    { t_unrouted_line, "unrouted_line", "a line no manifest names" },
};

const struct ns_suite ns_irq_suite = {
    "ns_irq", irq_tests, sizeof(irq_tests) / sizeof(irq_tests[0])
};
