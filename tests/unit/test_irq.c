/*
 * spm/irq.c under the SFN backend (backend_sfn.c, psa_interface_sfn.c),
 * against the fixture with IRQs (fixture/irq/irq_fixture.h): routing at
 * boot, SLIH and FLIH delivery, psa_wait() of IRQ signals,
 * psa_irq_enable/psa_irq_disable/psa_eoi/psa_reset_signal and every misuse
 * of them (the caller stopped, its refusal said first), and a stopped
 * partition's lines.
 */
#include <stdio.h>

#include "irq_common.h"
#include "irq_fixture.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/client_api.h"
#include "spm/irq.h"
#include "unit_req.h"
#include "world.h"

#define NS     (&spm_ns_agent)
#define SERVER (world_part(FX_SERVER))
#define CLIENT (world_part(FX_CLIENT))

#define SLIH   FX_SLIH_SIGNAL
#define FLIH   FX_FLIH_SIGNAL
#define C_SLIH FX_CLIENT_SIGNAL

/* What a partition's secure function does for the test (its request
 * type), with op_signal; op_result is what the call returned. */
enum op {
    OP_ENABLE = 1,
    OP_DISABLE,
    OP_EOI,
    OP_RESET,
    OP_POLL, /* psa_wait(op_signal, PSA_POLL) */
    OP_BLOCK,
};

static psa_signal_t op_signal;
static uint32_t op_result;

static psa_status_t run_op(enum fx_svc svc, const psa_msg_t *msg)
{
    (void)svc;
    switch (msg->type) {
    case OP_ENABLE:
        psa_irq_enable(op_signal);
        break;
    case OP_DISABLE:
        op_result = psa_irq_disable(op_signal);
        break;
    case OP_EOI:
        psa_eoi(op_signal);
        break;
    case OP_RESET:
        psa_reset_signal(op_signal);
        break;
    case OP_POLL:
        op_result = psa_wait(op_signal, PSA_POLL);
        break;
    case OP_BLOCK:
        op_result = psa_wait(op_signal, PSA_BLOCK);
        break;
    default: /* a connect or a disconnect */
        break;
    }
    return PSA_SUCCESS;
}

/* Runs @p op as partition @p p, in the secure function of one of its
 * services, and returns what it returned. FX_BROKEN (no IRQ), whose
 * entry_init failed, serves from now on. */
static uint32_t as(enum fx_part p, enum op op, psa_signal_t signal)
{
    psa_handle_t h = FX_STATELESS_HANDLE;

    op_signal = signal;
    op_result = 0xBADu;
    fx.handler = run_op;
    if (p == FX_CLIENT) {
        h = spm_connect(NS, unit_req(NS), FX_CLIENT_CONN_SID, 1);
        assert_true(h > 0);
    } else if (p == FX_BROKEN) {
        world_part(FX_BROKEN)->state = SPM_PART_READY;
        h = FX_BROKEN_SL_HANDLE;
    } else {
        assert_int_equal(p, FX_SERVER);
    }
    assert_int_equal(ns_call(h, (int32_t)op, 0, 0), PSA_SUCCESS);
    if (p == FX_CLIENT) {
        assert_int_equal(spm_close(NS, unit_req(NS), h), PSA_SUCCESS);
    }
    fx.handler = NULL;
    assert_ptr_equal(backend_current(), NS);
    return op_result;
}

/* The boot spm_main() makes (world.h): load, backend, IRQ routing, then
 * the partitions and NS. */
static void irq_boot(void)
{
    fx_flih_reset();
    world_boot();
    fake_console_clear();
}

static int setup(void **state)
{
    (void)state;
    irq_boot();
    return 0;
}

/* The statement(s) must stop @p p, with its refusal on the console
 * (irq_common.h). */
#define expect_refusal(p, refusal, ...) \
    IRQ_EXPECT_REFUSAL(expect_part_panic, p, refusal, __VA_ARGS__)

static void test_init_routes_every_manifest_line(void **state)
{
    (void)state;
    for (uint32_t n = 0; n < FAKE_IRQ_LINES; n++) {
        bool ours =
            n == FX_SLIH_LINE || n == FX_FLIH_LINE || n == FX_CLIENT_LINE;

        assert_int_equal(line(n)->routed, ours);
    }
    /* FX_SERVER's manifest is FF-M 1.1: it enables its own. */
    assert_false(line(FX_SLIH_LINE)->enabled);
    assert_false(line(FX_FLIH_LINE)->enabled);
    /* FX_CLIENT's is FF-M 1.0: enabled at load. */
    assert_true(line(FX_CLIENT_LINE)->enabled);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, SLIH), 0u);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, FLIH), 0u);
    assert_int_equal(as(FX_CLIENT, OP_DISABLE, C_SLIH), 1u);
    assert_false(fake_arch_irq_masked());
    assert_int_equal(fake_platform_stops(), 0);
}

/* The lines are routed first, then enabled: routing leaves a line
 * disabled (the fake, as a controller, disables it). */
static void test_init_enables_after_routing(void **state)
{
    (void)state;
    fake_irq_reset();
    spm_irq_init();
    assert_true(line(FX_CLIENT_LINE)->routed);
    assert_true(line(FX_CLIENT_LINE)->enabled);
}

static void test_irq_signals(void **state)
{
    (void)state;
    assert_int_equal(spm_irq_signals(SERVER), SLIH | FLIH);
    assert_int_equal(spm_irq_signals(CLIENT), C_SLIH);
    assert_int_equal(spm_irq_signals(world_part(FX_BROKEN)), 0u);
    assert_int_equal(spm_irq_signals(world_part(FX_QUIET)), 0u);
}

static void test_slih_delivery_and_eoi(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, SLIH);
    assert_true(line(FX_SLIH_LINE)->enabled);
    assert_false(line(FX_FLIH_LINE)->enabled);
    interrupt(FX_SLIH_LINE);
    /* The line waits for psa_eoi(); the signal is asserted. */
    assert_false(line(FX_SLIH_LINE)->enabled);
    assert_int_equal(*sfn_asserted(SERVER), SLIH);
    assert_int_equal(fx_flih.calls, 0);
    assert_int_equal(as(FX_SERVER, OP_POLL, SLIH | FLIH), SLIH);
    assert_int_equal(as(FX_SERVER, OP_POLL, SLIH), SLIH); /* still */
    assert_int_equal(line(FX_SLIH_LINE)->clears, 0);
    as(FX_SERVER, OP_EOI, SLIH);
    assert_int_equal(*sfn_asserted(SERVER), 0u);
    assert_int_equal(line(FX_SLIH_LINE)->clears, 1);
    assert_true(line(FX_SLIH_LINE)->enabled);
    assert_int_equal(as(FX_SERVER, OP_POLL, SLIH | FLIH), 0u);
    /* Again. */
    interrupt(FX_SLIH_LINE);
    assert_int_equal(as(FX_SERVER, OP_POLL, SLIH), SLIH);
    as(FX_SERVER, OP_EOI, SLIH);
    assert_int_equal(line(FX_SLIH_LINE)->clears, 2);
    assert_true(line(FX_SLIH_LINE)->enabled);
    /* Nobody else saw anything. */
    assert_int_equal(*sfn_asserted(CLIENT), 0u);
    assert_int_equal(fake_platform_stops(), 0);
}

/* FF-M 1.0: enabled at load, and psa_eoi() enables it again. */
static void test_slih_of_a_partition_enabled_at_load(void **state)
{
    (void)state;
    interrupt(FX_CLIENT_LINE);
    assert_false(line(FX_CLIENT_LINE)->enabled);
    assert_int_equal(*sfn_asserted(CLIENT), C_SLIH);
    assert_int_equal(*sfn_asserted(SERVER), 0u);
    assert_int_equal(as(FX_CLIENT, OP_POLL, C_SLIH), C_SLIH);
    as(FX_CLIENT, OP_EOI, C_SLIH);
    assert_int_equal(*sfn_asserted(CLIENT), 0u);
    assert_true(line(FX_CLIENT_LINE)->enabled);
    assert_int_equal(line(FX_CLIENT_LINE)->clears, 1);
}

/* Disabled while its interrupt is handled: psa_eoi() ends the interrupt
 * and leaves the line disabled. */
static void test_eoi_leaves_a_disabled_irq_disabled(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, SLIH);
    interrupt(FX_SLIH_LINE);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, SLIH), 1u);
    assert_false(line(FX_SLIH_LINE)->enabled);
    as(FX_SERVER, OP_EOI, SLIH);
    assert_int_equal(*sfn_asserted(SERVER), 0u);
    assert_int_equal(line(FX_SLIH_LINE)->clears, 1);
    assert_false(line(FX_SLIH_LINE)->enabled);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, SLIH), 0u);
}

/* psa_irq_enable() of an SLIH whose signal is asserted: the line stays
 * disabled until psa_eoi(), which then enables it. */
static void test_enable_of_an_asserted_slih_waits_for_eoi(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, SLIH);
    interrupt(FX_SLIH_LINE);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, SLIH), 1u);
    as(FX_SERVER, OP_ENABLE, SLIH);
    assert_false(line(FX_SLIH_LINE)->enabled);
    assert_false(fake_arch_irq_masked());
    as(FX_SERVER, OP_EOI, SLIH);
    assert_true(line(FX_SLIH_LINE)->enabled);
    /* Enabled twice: no harm, and disable says it was enabled. */
    as(FX_SERVER, OP_ENABLE, SLIH);
    assert_true(line(FX_SLIH_LINE)->enabled);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, SLIH), 1u);
}

static void test_irq_disable_returns_the_previous_state(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, SLIH);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, SLIH), 1u);
    assert_false(line(FX_SLIH_LINE)->enabled);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, SLIH), 0u);
    assert_false(line(FX_SLIH_LINE)->enabled);
    /* Each IRQ apart. */
    as(FX_SERVER, OP_ENABLE, FLIH);
    assert_true(line(FX_FLIH_LINE)->enabled);
    assert_false(line(FX_SLIH_LINE)->enabled);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, SLIH), 0u);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, FLIH), 1u);
    assert_false(line(FX_FLIH_LINE)->enabled);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, FLIH), 0u);
    /* The same signal bit of another partition is another IRQ. */
    assert_int_equal(as(FX_CLIENT, OP_DISABLE, C_SLIH), 1u);
    as(FX_SERVER, OP_ENABLE, SLIH);
    assert_int_equal(as(FX_CLIENT, OP_DISABLE, C_SLIH), 0u);
    assert_false(line(FX_CLIENT_LINE)->enabled);
    assert_true(line(FX_SLIH_LINE)->enabled);
}

static void test_flih_without_a_signal(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, FLIH);
    fx_flih.result = PSA_FLIH_NO_SIGNAL;
    interrupt(FX_FLIH_LINE);
    assert_int_equal(fx_flih.calls, 1);
    assert_ptr_equal(fx_flih.during, SERVER);
    assert_null(spm_irq_flih_partition());
    assert_int_equal(*sfn_asserted(SERVER), 0u);
    /* A FLIH line stays enabled. */
    assert_true(line(FX_FLIH_LINE)->enabled);
    interrupt(FX_FLIH_LINE);
    assert_int_equal(fx_flih.calls, 2);
    assert_int_equal(*sfn_asserted(SERVER), 0u);
    assert_int_equal(line(FX_FLIH_LINE)->clears, 0);
}

static void test_flih_signal_and_reset_signal(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, FLIH);
    fx_flih.result = PSA_FLIH_SIGNAL;
    interrupt(FX_FLIH_LINE);
    assert_int_equal(fx_flih.calls, 1);
    assert_int_equal(*sfn_asserted(SERVER), FLIH);
    assert_true(line(FX_FLIH_LINE)->enabled);
    assert_int_equal(as(FX_SERVER, OP_POLL, SLIH | FLIH), FLIH);
    /* Interrupts go on meanwhile; the signal is asserted once. */
    interrupt(FX_FLIH_LINE);
    assert_int_equal(fx_flih.calls, 2);
    assert_int_equal(*sfn_asserted(SERVER), FLIH);
    as(FX_SERVER, OP_RESET, FLIH);
    assert_int_equal(*sfn_asserted(SERVER), 0u);
    assert_int_equal(as(FX_SERVER, OP_POLL, SLIH | FLIH), 0u);
    assert_true(line(FX_FLIH_LINE)->enabled);
    assert_int_equal(line(FX_FLIH_LINE)->clears, 0);
    /* An enable of an asserted FLIH enables its line at once. */
    interrupt(FX_FLIH_LINE);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, FLIH), 1u);
    as(FX_SERVER, OP_ENABLE, FLIH);
    assert_true(line(FX_FLIH_LINE)->enabled);
    assert_int_equal(*sfn_asserted(SERVER), FLIH);
}

/* Under the SFN backend a FLIH runs in Handler mode, where a fault is the
 * SPM's: the port never reports one as the partition's. */
static void test_flih_fault_is_an_spm_invariant(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, FLIH);
    as(FX_SERVER, OP_ENABLE, SLIH);
    fx_flih.result = ARCH_FLIH_FAULTED;
    expect_fatal("spm/backend/sfn/backend_sfn.c:", interrupt(FX_FLIH_LINE));
    /* Its lines were disabled first. */
    assert_false(line(FX_FLIH_LINE)->enabled);
    assert_false(line(FX_SLIH_LINE)->enabled);
    assert_int_equal(*sfn_asserted(SERVER), 0u);
}

/* The platform routes only manifest lines. */
static void test_dispatch_of_another_line_is_an_spm_invariant(void **state)
{
    (void)state;
    expect_fatal("spm/irq.c:", spm_irq_dispatch(FX_SLIH_LINE + 1u));
    assert_int_equal(*sfn_asserted(SERVER), 0u);
    assert_int_equal(*sfn_asserted(CLIENT), 0u);
}

/* psa_wait(): PSA_POLL returns the asserted signals of the mask. */
static void test_wait_poll_returns_the_mask_s_asserted_signals(void **state)
{
    (void)state;
    assert_int_equal(as(FX_SERVER, OP_POLL, SLIH | FLIH), 0u);
    as(FX_SERVER, OP_ENABLE, SLIH);
    as(FX_SERVER, OP_ENABLE, FLIH);
    fx_flih.result = PSA_FLIH_SIGNAL;
    interrupt(FX_SLIH_LINE);
    interrupt(FX_FLIH_LINE);
    assert_int_equal(as(FX_SERVER, OP_POLL, SLIH), SLIH);
    assert_int_equal(as(FX_SERVER, OP_POLL, FLIH), FLIH);
    assert_int_equal(as(FX_SERVER, OP_POLL, PSA_WAIT_ANY), SLIH | FLIH);
    /* A mask with one IRQ signal and other bits: allowed. */
    assert_int_equal(as(FX_SERVER, OP_POLL, FLIH | 0x10u | PSA_DOORBELL), FLIH);
    assert_int_equal(fake_platform_stops(), 0);
}

static unsigned hook_calls;

/* The wait's interrupts: the FLIH one (signal), then the SLIH one. */
static void two_interrupts(void)
{
    hook_calls++;
    interrupt(hook_calls == 1u ? FX_FLIH_LINE : FX_SLIH_LINE);
}

static void no_interrupt_expected(void)
{
    fail_msg("psa_wait() waited with a signal of its mask asserted");
}

/* PSA_BLOCK sleeps (arch_wait_for()) until a signal of the mask is
 * asserted; one outside the mask does not end the wait. */
static void test_wait_block_sleeps_until_its_signal(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, SLIH);
    as(FX_SERVER, OP_ENABLE, FLIH);
    fx_flih.result = PSA_FLIH_SIGNAL;
    hook_calls = 0;
    fake_arch_set_wait_hook(two_interrupts);
    assert_int_equal(as(FX_SERVER, OP_BLOCK, SLIH), SLIH);
    assert_int_equal(hook_calls, 2);
    assert_int_equal(*sfn_asserted(SERVER), SLIH | FLIH);
    /* Asserted already: no sleep. */
    fake_arch_set_wait_hook(no_interrupt_expected);
    assert_int_equal(as(FX_SERVER, OP_BLOCK, SLIH | FLIH), SLIH | FLIH);
    assert_int_equal(as(FX_SERVER, OP_BLOCK, FLIH), FLIH);
}

static void test_wait_without_an_irq_signal_of_the_caller(void **state)
{
    (void)state;
    expect_refusal(FX_SERVER,
                   "psa_wait(0x00000010): no "
                   "IRQ signal of the partition in the mask",
                   as(FX_SERVER, OP_POLL, 0x10u));
    irq_boot();
    expect_refusal(FX_SERVER,
                   "psa_wait(0x00000000): no "
                   "IRQ signal of the partition in the mask",
                   as(FX_SERVER, OP_BLOCK, 0u));
    irq_boot();
    expect_refusal(FX_SERVER,
                   "psa_wait(0x3ffffff8): no "
                   "IRQ signal of the partition in the mask",
                   as(FX_SERVER, OP_POLL, 0x3FFFFFF8u));
    /* FX_SERVER's FLIH signal is not FX_CLIENT's. */
    irq_boot();
    expect_refusal(FX_CLIENT,
                   "psa_wait(0x40000000): no "
                   "IRQ signal of the partition in the mask",
                   as(FX_CLIENT, OP_POLL, FLIH));
    /* A partition without IRQs has nothing to wait for. */
    irq_boot();
    expect_refusal(FX_BROKEN,
                   "psa_wait(0xffffffff): no "
                   "IRQ signal of the partition in the mask",
                   as(FX_BROKEN, OP_BLOCK, PSA_WAIT_ANY));
}

/* What a misuse must print, and the call that makes it, as FX_SERVER. */
struct misuse {
    enum op op;
    psa_signal_t signal;
    const char *refusal;
};

static const struct misuse server_misuses[] = {
    { OP_ENABLE, 0u, "psa_irq_enable(0x00000000): not exactly one signal" },
    { OP_DISABLE, 0u, "psa_irq_disable(0x00000000): not exactly one signal" },
    { OP_EOI, 0u, "psa_eoi(0x00000000): not exactly one signal" },
    { OP_RESET, 0u, "psa_reset_signal(0x00000000): not exactly one signal" },
    { OP_ENABLE, SLIH | FLIH,
      "psa_irq_enable(0xc0000000): not exactly one signal" },
    { OP_DISABLE, SLIH | 1u,
      "psa_irq_disable(0x80000001): not exactly one signal" },
    { OP_EOI, SLIH | FLIH, "psa_eoi(0xc0000000): not exactly one signal" },
    { OP_RESET, FLIH | 0x10u,
      "psa_reset_signal(0x40000010): not exactly one signal" },
    /* Not an IRQ signal: a service's bit, the doorbell, a reserved bit,
     * an IRQ bit the partition does not have. */
    { OP_ENABLE, 0x10u,
      "psa_irq_enable(0x00000010): not an IRQ signal of the "
      "partition" },
    { OP_DISABLE, PSA_DOORBELL,
      "psa_irq_disable(0x00000008): not an IRQ signal of the "
      "partition" },
    { OP_EOI, PSA_DOORBELL,
      "psa_eoi(0x00000008): not an IRQ signal of the partition" },
    { OP_RESET, 1u,
      "psa_reset_signal(0x00000001): not an IRQ signal of the "
      "partition" },
    { OP_EOI, 0x20000000u,
      "psa_eoi(0x20000000): not an IRQ signal of the partition" },
    /* The wrong handling. */
    { OP_EOI, FLIH,
      "psa_eoi(0x40000000): a FLIH signal (psa_reset_signal() "
      "clears it)" },
    { OP_RESET, SLIH,
      "psa_reset_signal(0x80000000): an SLIH signal (psa_eoi() "
      "ends it)" },
    /* Nothing to end. */
    { OP_EOI, SLIH, "psa_eoi(0x80000000): the signal is not asserted" },
    { OP_RESET, FLIH,
      "psa_reset_signal(0x40000000): the signal is not asserted" },
};

static void test_every_misuse_stops_the_caller(void **state)
{
    char refusal[160];

    (void)state;
    for (size_t i = 0; i < sizeof(server_misuses) / sizeof(server_misuses[0]);
         i++) {
        const struct misuse *m = &server_misuses[i];

        irq_boot();
        as(FX_SERVER, OP_ENABLE, SLIH);
        as(FX_SERVER, OP_ENABLE, FLIH);
        (void)snprintf(refusal, sizeof(refusal), "%s", m->refusal);
        expect_refusal(FX_SERVER, refusal, as(FX_SERVER, m->op, m->signal));
        /* Nothing changed: both lines enabled, nothing asserted. */
        assert_true(line(FX_SLIH_LINE)->enabled);
        assert_true(line(FX_FLIH_LINE)->enabled);
        assert_int_equal(*sfn_asserted(SERVER), 0u);
        assert_int_equal(line(FX_SLIH_LINE)->clears, 0);
    }
}

/* Both IRQs enabled and interrupted: both signals asserted. */
static void both_asserted(void)
{
    irq_boot();
    as(FX_SERVER, OP_ENABLE, SLIH);
    as(FX_SERVER, OP_ENABLE, FLIH);
    fx_flih.result = PSA_FLIH_SIGNAL;
    interrupt(FX_FLIH_LINE);
    interrupt(FX_SLIH_LINE);
}

/* The wrong handling is refused with the signal asserted too: psa_eoi()
 * of an asserted FLIH signal, psa_reset_signal() of an asserted SLIH one;
 * neither signal is cleared. */
static void test_wrong_handling_of_an_asserted_signal(void **state)
{
    (void)state;
    both_asserted();
    expect_refusal(FX_SERVER,
                   "psa_eoi(0x40000000): a "
                   "FLIH signal (psa_reset_signal() clears it)",
                   as(FX_SERVER, OP_EOI, FLIH));
    assert_int_equal(*sfn_asserted(SERVER), SLIH | FLIH);
    both_asserted();
    expect_refusal(FX_SERVER,
                   "psa_reset_signal(0x80000000): "
                   "an SLIH signal (psa_eoi() ends it)",
                   as(FX_SERVER, OP_RESET, SLIH));
    assert_int_equal(*sfn_asserted(SERVER), SLIH | FLIH);
    assert_int_equal(line(FX_SLIH_LINE)->clears, 0);
    assert_false(line(FX_SLIH_LINE)->enabled);
}

/* Another partition's IRQ signal, whatever the call. */
static void test_another_partition_s_irq_signal(void **state)
{
    static const enum op ops[] = { OP_ENABLE, OP_DISABLE, OP_EOI, OP_RESET };
    static const char *const names[] = { "psa_irq_enable", "psa_irq_disable",
                                         "psa_eoi", "psa_reset_signal" };
    char refusal[160];

    (void)state;
    for (size_t i = 0; i < 4u; i++) {
        irq_boot();
        as(FX_SERVER, OP_ENABLE, FLIH);
        fx_flih.result = PSA_FLIH_SIGNAL;
        interrupt(FX_FLIH_LINE);
        (void)snprintf(refusal, sizeof(refusal),
                       "%s(0x40000000): not "
                       "an IRQ signal of the partition",
                       names[i]);
        expect_refusal(FX_CLIENT, refusal, as(FX_CLIENT, ops[i], FLIH));
        /* FX_SERVER's IRQ as it was. */
        assert_true(line(FX_FLIH_LINE)->enabled);
        assert_int_equal(*sfn_asserted(SERVER), FLIH);
    }
    /* A partition without IRQs. */
    irq_boot();
    expect_refusal(FX_BROKEN,
                   "psa_irq_enable(0x80000000): "
                   "not an IRQ signal of the partition",
                   as(FX_BROKEN, OP_ENABLE, SLIH));
    assert_false(line(FX_SLIH_LINE)->enabled);
}

/* The NS agent has no IRQ: its refusals name it. */
static void test_ns_agent_has_no_irq(void **state)
{
    (void)state;
    fake_console_clear();
    EXPECT_HALT(psa_irq_enable(SLIH));
    assert_string_equal(
        fake_console(),
        "[Warden] NS agent stopped: psa_irq_enable(0x80000000): "
        "not an IRQ signal of the partition: halt\r\n");
    irq_boot();
    EXPECT_HALT((void)psa_wait(SLIH, PSA_POLL));
    assert_string_equal(fake_console(),
                        "[Warden] NS agent stopped: psa_wait(0x80000000): no "
                        "IRQ signal of the partition in the mask: halt\r\n");
}

/* A stopped partition gets no interrupt any more: its lines disabled,
 * its IRQs disabled for the API too; the others' untouched. */
static void test_stopped_partition_s_lines_are_disabled(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, SLIH);
    as(FX_SERVER, OP_ENABLE, FLIH);
    backend_terminate(SERVER);
    assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
    assert_false(line(FX_SLIH_LINE)->enabled);
    assert_false(line(FX_FLIH_LINE)->enabled);
    assert_true(line(FX_CLIENT_LINE)->enabled);
    assert_int_equal(spm_irq_disable(SERVER, SLIH), 0u);
    assert_int_equal(spm_irq_disable(SERVER, FLIH), 0u);
    assert_int_equal(as(FX_CLIENT, OP_DISABLE, C_SLIH), 1u);
    /* spm_irq_stop() itself, of the client. */
    irq_boot();
    spm_irq_stop(CLIENT);
    assert_false(line(FX_CLIENT_LINE)->enabled);
    assert_true(line(FX_CLIENT_LINE)->routed);
    assert_int_equal(as(FX_CLIENT, OP_DISABLE, C_SLIH), 0u);
}

/* FX_SERVER's entry_init enables both its IRQs. */
static void server_init_enables(enum fx_part p)
{
    if (p == FX_SERVER) {
        psa_irq_enable(SLIH);
        psa_irq_enable(FLIH);
    }
}

/* A partition whose entry_init fails is not available: whatever it
 * enabled there, its lines are disabled, its FLIH function never runs;
 * the others' lines stay as they were. */
static void test_failed_init_disables_its_lines(void **state)
{
    (void)state;
    world_load();
    fx.init_hook = server_init_enables;
    world_run();
    assert_int_equal(SERVER->state, SPM_PART_READY);
    assert_true(line(FX_SLIH_LINE)->enabled);
    assert_true(line(FX_FLIH_LINE)->enabled);
    world_load();
    fx.init_hook = server_init_enables;
    fx.init_status[FX_SERVER] = PSA_ERROR_GENERIC_ERROR;
    world_run();
    assert_int_equal(SERVER->state, SPM_PART_FAILED);
    assert_false(line(FX_SLIH_LINE)->enabled);
    assert_false(line(FX_FLIH_LINE)->enabled);
    assert_true(line(FX_CLIENT_LINE)->enabled);
}

/* A boot starts from the manifests, whatever the boot before left (the
 * fuzzers and these tests boot again in one process). */
static void test_boot_forgets_the_boot_before(void **state)
{
    (void)state;
    as(FX_SERVER, OP_ENABLE, SLIH);
    as(FX_CLIENT, OP_DISABLE, C_SLIH);
    interrupt(FX_SLIH_LINE);
    irq_boot();
    assert_int_equal(*sfn_asserted(SERVER), 0u);
    assert_int_equal(as(FX_SERVER, OP_DISABLE, SLIH), 0u);
    assert_int_equal(as(FX_CLIENT, OP_DISABLE, C_SLIH), 1u);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_init_routes_every_manifest_line),
        T(test_init_enables_after_routing),
        T(test_irq_signals),
        T(test_slih_delivery_and_eoi),
        T(test_slih_of_a_partition_enabled_at_load),
        T(test_eoi_leaves_a_disabled_irq_disabled),
        T(test_enable_of_an_asserted_slih_waits_for_eoi),
        T(test_irq_disable_returns_the_previous_state),
        T(test_flih_without_a_signal),
        T(test_flih_signal_and_reset_signal),
        T(test_flih_fault_is_an_spm_invariant),
        T(test_dispatch_of_another_line_is_an_spm_invariant),
        T(test_wait_poll_returns_the_mask_s_asserted_signals),
        T(test_wait_block_sleeps_until_its_signal),
        T(test_wait_without_an_irq_signal_of_the_caller),
        T(test_every_misuse_stops_the_caller),
        T(test_wrong_handling_of_an_asserted_signal),
        T(test_another_partition_s_irq_signal),
        T(test_ns_agent_has_no_irq),
        T(test_stopped_partition_s_lines_are_disabled),
        T(test_failed_init_disables_its_lines),
        T(test_boot_forgets_the_boot_before),
    };

    return cmocka_run_group_tests_name("irq", tests, NULL, NULL);
}
