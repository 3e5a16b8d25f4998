/*
 * TIMER0 handled as an SLIH and TIMER1 as an FLIH (WARDEN_SP_IRQ_TIMER):
 * both start disabled (FF-M 1.1); while disabled nothing is delivered,
 * and the interrupt that became pending meanwhile is delivered once
 * enabled; psa_irq_disable() returns the previous state; psa_eoi() and
 * psa_reset_signal() clear the signal; an FLIH's PSA_FLIH_NO_SIGNAL
 * asserts nothing, its PSA_FLIH_SIGNAL asserts the signal; an FLIH runs
 * unprivileged at isolation levels 2 and 3.
 */
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/irq/irq_test.h"
#include "tests/regression/irq/irq_suites.h"

#define SLIH_SIGNAL IRQ_TEST_FIRST_IRQ_SIGNAL  /* TIMER0 */
#define FLIH_SIGNAL IRQ_TEST_SECOND_IRQ_SIGNAL /* TIMER1 */

/* SLIH rounds: TIMER0 ticks (50 instructions each) per round. */
#define ROUNDS      20u
#define ROUND_TICKS 200u
/* FLIH: a signal every NTH_EVERY ticks, NTH_SIGNALS of them. */
#define NTH_EVERY   4u
#define NTH_SIGNALS 5u
#define NTH_TICKS   100u

static psa_status_t ask(int32_t op, const void *args, size_t args_size,
                        void *out, size_t out_size)
{
    psa_invec iv[] = { { args, args_size } };
    psa_outvec ov[] = { { out, out_size } };

    return psa_call(IRQ_TIMER_HANDLE, op, iv, args == NULL ? 0u : 1u, ov, 1u);
}

/* The gate operations run once, the first time a test needs them: they
 * see the IRQs as the partition's load left them. */
static struct irq_slih_gate slih_gate;
static psa_status_t slih_gate_status = 1;
static struct irq_flih_gate flih_gate;
static psa_status_t flih_gate_status = 1;
static struct irq_nth nth;
static psa_status_t nth_status = 1;

static const struct irq_slih_gate *slih(void)
{
    if (slih_gate_status == 1) {
        slih_gate_status =
            ask(IRQ_TIMER_SLIH_GATE, NULL, 0, &slih_gate, sizeof(slih_gate));
    }
    return slih_gate_status == PSA_SUCCESS ? &slih_gate : NULL;
}

static const struct irq_flih_gate *flih(void)
{
    if (flih_gate_status == 1) {
        flih_gate_status =
            ask(IRQ_TIMER_FLIH_GATE, NULL, 0, &flih_gate, sizeof(flih_gate));
    }
    return flih_gate_status == PSA_SUCCESS ? &flih_gate : NULL;
}

static const struct irq_nth *every_nth(void)
{
    struct irq_nth_args a = { NTH_EVERY, NTH_SIGNALS, NTH_TICKS };

    if (nth_status == 1) {
        nth_status = ask(IRQ_TIMER_FLIH_NTH, &a, sizeof(a), &nth, sizeof(nth));
    }
    return nth_status == PSA_SUCCESS ? &nth : NULL;
}

static void t_slih_starts_disabled(struct test_result_t *ret)
{
    const struct irq_slih_gate *g = slih();

    TEST_CHECK(g != NULL, "the SLIH gate request failed");
    TEST_CHECK(g->disable_at_load == 0u,
               "psa_irq_disable() at load did not return 0 (FF-M 1.1: "
               "disabled)");
}

static void t_slih_held_while_disabled(struct test_result_t *ret)
{
    const struct irq_slih_gate *g = slih();

    TEST_CHECK(g != NULL, "the SLIH gate request failed");
    TEST_CHECK(g->device_fired && g->device_fired_again,
               "TIMER0 did not raise its interrupt");
    TEST_CHECK(g->poll_disabled == 0u,
               "signal asserted while disabled at load");
    TEST_CHECK(g->poll_disabled_again == 0u,
               "signal asserted after psa_irq_disable()");
}

static void t_slih_pending_at_enable(struct test_result_t *ret)
{
    const struct irq_slih_gate *g = slih();

    TEST_CHECK(g != NULL, "the SLIH gate request failed");
    TEST_CHECK(g->poll_enabled == SLIH_SIGNAL,
               "the pending interrupt was not delivered at the first "
               "psa_irq_enable()");
    TEST_CHECK(g->poll_reenabled == SLIH_SIGNAL,
               "the pending interrupt was not delivered at a later "
               "psa_irq_enable()");
    TEST_CHECK(g->status_at_signal == 1u,
               "TIMER0's interrupt was low when its signal was seen");
}

static void t_slih_eoi_clears(struct test_result_t *ret)
{
    const struct irq_slih_gate *g = slih();

    TEST_CHECK(g != NULL, "the SLIH gate request failed");
    TEST_CHECK(g->poll_after_eoi == 0u && g->poll_final == 0u,
               "the signal stayed asserted after psa_eoi()");
}

static void t_slih_disable_returns(struct test_result_t *ret)
{
    const struct irq_slih_gate *g = slih();

    TEST_CHECK(g != NULL, "the SLIH gate request failed");
    TEST_CHECK(g->disable_enabled == 1u,
               "psa_irq_disable() of an enabled IRQ did not return 1");
    TEST_CHECK(g->disable_disabled == 0u,
               "psa_irq_disable() of a disabled IRQ did not return 0");
}

static void t_slih_rounds(struct test_result_t *ret)
{
    struct irq_rounds_args a = { ROUNDS, ROUND_TICKS };
    struct irq_rounds r = { 0 };

    TEST_CHECK(ask(IRQ_TIMER_SLIH_ROUNDS, &a, sizeof(a), &r, sizeof(r)) ==
                   PSA_SUCCESS,
               "the rounds request failed");
    TEST_LOG("irq: SLIH %lu rounds, %lu delivered, %lu doubled\r\n",
             (unsigned long)ROUNDS, (unsigned long)r.delivered,
             (unsigned long)r.doubled);
    TEST_CHECK(r.wrong == 0u, "psa_wait() returned another signal");
    TEST_CHECK(r.doubled == 0u, "a signal came without an interrupt");
    TEST_CHECK(r.delivered == ROUNDS, "an interrupt was not delivered");
    TEST_CHECK(r.poll_after == 0u, "the signal stayed asserted");
    TEST_CHECK(r.disable_ret == 1u,
               "psa_irq_disable() after the rounds did not return 1");
}

static void t_flih_starts_disabled(struct test_result_t *ret)
{
    const struct irq_flih_gate *g = flih();

    TEST_CHECK(g != NULL, "the FLIH gate request failed");
    TEST_CHECK(g->disable_at_load == 0u,
               "psa_irq_disable() at load did not return 0 (FF-M 1.1: "
               "disabled)");
}

static void t_flih_held_while_disabled(struct test_result_t *ret)
{
    const struct irq_flih_gate *g = flih();

    TEST_CHECK(g != NULL, "the FLIH gate request failed");
    TEST_CHECK(g->device_fired, "TIMER1 did not raise its interrupt");
    TEST_CHECK(g->calls_disabled == 0u, "the FLIH ran while disabled");
}

static void t_flih_pending_at_enable(struct test_result_t *ret)
{
    const struct irq_flih_gate *g = flih();

    TEST_CHECK(g != NULL, "the FLIH gate request failed");
    TEST_CHECK(g->calls_enabled == 1u,
               "the FLIH did not run once at psa_irq_enable()");
    TEST_CHECK(g->poll_after == 0u, "PSA_FLIH_NO_SIGNAL asserted the signal");
    TEST_CHECK(g->disable_enabled == 1u,
               "psa_irq_disable() of an enabled IRQ did not return 1");
}

static void t_flih_every_nth(struct test_result_t *ret)
{
    const struct irq_nth *r = every_nth();

    TEST_CHECK(r != NULL, "the FLIH request failed");
    TEST_LOG("irq: FLIH %lu ticks, %lu signals, %lu wakeups\r\n",
             (unsigned long)r->ticks, (unsigned long)r->flih_signals,
             (unsigned long)r->wakeups);
    TEST_CHECK(r->wakeups == NTH_SIGNALS,
               "psa_wait() did not see every PSA_FLIH_SIGNAL");
    TEST_CHECK(r->ticks == NTH_EVERY * NTH_SIGNALS &&
                   r->flih_signals == NTH_SIGNALS,
               "the FLIH did not run once per tick");
    TEST_CHECK(r->misplaced == 0u,
               "a wakeup came at a PSA_FLIH_NO_SIGNAL tick");
    TEST_CHECK(r->doubled == 0u, "the FLIH ran without an interrupt");
    TEST_CHECK(r->poll_after_reset == 0u,
               "psa_reset_signal() did not clear the signal");
}

static void t_flih_privilege(struct test_result_t *ret)
{
    const struct irq_nth *r = every_nth();

    TEST_CHECK(r != NULL, "the FLIH request failed");
    TEST_CHECK(r->flih_privileged + r->flih_unprivileged != 0u,
               "the FLIH never ran");
    if (IRQ_ISOLATION_LEVEL >= 2) {
        TEST_CHECK(r->flih_privileged == 0u,
                   "the FLIH ran privileged at isolation level 2/3");
    } else {
        TEST_CHECK(r->flih_unprivileged == 0u,
                   "the FLIH ran unprivileged at isolation level 1");
    }
}

static const struct test_t tests[] = {
    { t_slih_starts_disabled, "slih_starts_disabled",
      "FF-M 1.1: an SLIH is disabled at load" },
    { t_slih_held_while_disabled, "slih_held_while_disabled",
      "nothing is delivered while disabled" },
    { t_slih_pending_at_enable, "slih_pending_at_enable",
      "a pending interrupt is delivered at psa_irq_enable()" },
    { t_slih_eoi_clears, "slih_eoi_clears", "psa_eoi() clears the signal" },
    { t_slih_disable_returns, "slih_disable_returns",
      "psa_irq_disable() returns the previous state" },
    { t_slih_rounds, "slih_rounds",
      "psa_wait(PSA_BLOCK), psa_eoi(), round after round" },
    { t_flih_starts_disabled, "flih_starts_disabled",
      "FF-M 1.1: an FLIH is disabled at load" },
    { t_flih_held_while_disabled, "flih_held_while_disabled",
      "the FLIH does not run while disabled" },
    { t_flih_pending_at_enable, "flih_pending_at_enable",
      "a pending interrupt runs the FLIH at psa_irq_enable()" },
    { t_flih_every_nth, "flih_every_nth",
      "PSA_FLIH_SIGNAL every Nth tick, PSA_FLIH_NO_SIGNAL otherwise" },
    { t_flih_privilege, "flih_privilege",
      "the FLIH runs unprivileged at isolation levels 2 and 3" },
};

const struct irq_suite irq_timer_suite = { "irq_timer", tests,
                                           sizeof(tests) / sizeof(tests[0]) };
