/*
 * Secure interrupts and the fault policy (spm/fault.c, spm/panic.c) under
 * the IPC backend, against the IPC fixture with IRQs: a fault the port
 * reports inside a FLIH function, and a misuse of the IRQ API. Built
 * under the halt policy (test_irq_policy), terminate
 * (test_irq_policy_terminate) and reset (test_irq_policy_reset): under
 * `terminate` only the partition stops, its lines disabled, and everything
 * else goes on.
 */
#include "unit_req.h"
#include "arch/arch.h"
#include "ipc_irq_fixture.h"
#include "ipc_world.h"
#include "spm/backend/ipc/sched.h"
#include "spm/backend.h"
#include "spm/fault.h"
#include "spm/irq.h"

#define SERVER (iw_part(FXI_SERVER))
#define PEER   (iw_part(FXI_PEER))

#define SLIH FXI_SLIH_SIGNAL
#define FLIH FXI_FLIH_SIGNAL

static int setup(void **state)
{
    (void)state;
    fxi_flih_reset();
    iw_boot();
    return 0;
}

static const struct fake_irq_line *line(uint32_t n)
{
    return fake_irq_line(n);
}

/* FXI_SERVER enables both its IRQs, with a request of NS queued for it;
 * it runs, as NS waits for its reply. */
static void server_serving(void)
{
    iw_wake(FXI_SERVER);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    iw_run_as(SERVER);
    psa_irq_enable(SLIH);
    psa_irq_enable(FLIH);
    fake_console_clear();
}

/* Under `terminate`: FXI_SERVER stopped, its lines disabled, NS answered;
 * FXI_PEER's line as it was. */
static void expect_server_stopped(void)
{
    assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_DEAD);
    assert_false(line(FXI_SLIH_LINE)->enabled);
    assert_false(line(FXI_FLIH_LINE)->enabled);
    assert_true(line(FXI_PEER_LINE)->enabled);
    assert_int_equal(PEER->state, SPM_PART_READY);
    assert_int_equal(iw_finish(IW_NS), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(fake_platform_stops(), 0);
}

static bool fault_returned;
static struct arch_thread *fault_next;

/* The port's report of a fault inside the FLIH function (isolation
 * levels 2 and 3); under `terminate` the function then ends as if it
 * returned ARCH_FLIH_FAULTED. */
static void flih_faults(void)
{
    struct arch_fault f = {
        .pc = 0x10002468u,
        .cause = ARCH_FAULT_MEMMANAGE,
        .in_thread = false,
        .resumable = true,
        .in_flih = true,
    };

    fault_next = spm_hook_fault(&f);
    fault_returned = true;
    fxi_flih.result = ARCH_FLIH_FAULTED;
}

static void test_fault_in_a_flih_follows_the_policy(void **state)
{
    (void)state;
    server_serving();
    fault_returned = false;
    fxi_flih.hook = flih_faults;
    if (WARDEN_FAULT_POLICY_TERMINATE) {
        /* The interrupt came in the server's thread code: stopped at once,
         * the thread never resumes. */
        FAKE_UNTIL_PARKED(spm_irq_dispatch(FXI_FLIH_LINE));
        assert_ptr_equal(fake_parked(), iw_thread(FXI_SERVER));
        assert_true(fault_returned);
        assert_null(fault_next); /* the port goes on where it was */
        assert_null(spm_irq_flih_partition());
        assert_string_equal(fake_console(),
                            "[Warden] partition FXI_SP_SERVER (200, "
                            "privileged, isolation level 1) faulted in a FLIH "
                            "function: terminate\r\n");
        expect_server_stopped();
        return;
    }
    EXPECT_STOP(WARDEN_FAULT_POLICY_RESET ? FAKE_STOP_RESET : FAKE_STOP_HALT,
                spm_irq_dispatch(FXI_FLIH_LINE));
    assert_string_equal(fake_console(),
                        "[Warden] partition FXI_SP_SERVER (200, privileged, "
                        "isolation level 1) faulted in a FLIH "
                        "function: " WARDEN_FAULT_POLICY_NAME "\r\n");
    if (WARDEN_FAULT_POLICY_RESET) {
        const struct platform_reset_record *r = fake_platform_last_reset();

        assert_int_equal(r->reason, PLATFORM_RESET_FAULT);
        assert_int_equal(r->cause, ARCH_FAULT_MEMMANAGE);
        assert_int_equal(r->pc, 0x10002468u);
        assert_int_equal(r->pid, FXI_SERVER_PID);
    }
    assert_false(fault_returned);
    assert_int_equal(SERVER->state, SPM_PART_READY);
}

/* A FLIH fault reported while no FLIH function runs: the port's bug. */
static void test_flih_fault_outside_a_flih_is_an_spm_invariant(void **state)
{
    struct arch_fault f = { .cause = ARCH_FAULT_MEMMANAGE, .in_flih = true };

    (void)state;
    expect_fatal("spm/fault.c:", (void)spm_hook_fault(&f));
}

/* A misuse of the IRQ API: the panic policy, after the refusal. */
static void test_irq_misuse_follows_the_policy(void **state)
{
    (void)state;
    server_serving();
    if (WARDEN_FAULT_POLICY_TERMINATE) {
        FAKE_UNTIL_PARKED(psa_eoi(SLIH));
        assert_ptr_equal(fake_parked(), iw_thread(FXI_SERVER));
        assert_false(sched_core.locked);
        expect_server_stopped();
    } else if (WARDEN_FAULT_POLICY_RESET) {
        EXPECT_STOP(FAKE_STOP_RESET, psa_eoi(SLIH));
        assert_int_equal(fake_platform_last_reset()->reason,
                         PLATFORM_RESET_PANIC);
        assert_int_equal(fake_platform_last_reset()->pid, FXI_SERVER_PID);
    } else {
        EXPECT_HALT(psa_eoi(SLIH));
    }
    unit_assert_console_has("[Warden] partition FXI_SP_SERVER (200) stopped: "
                            "psa_eoi(0x80000000): the signal is not "
                            "asserted: " WARDEN_FAULT_POLICY_NAME "\r\n");
}

#define BOOTED(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        BOOTED(test_fault_in_a_flih_follows_the_policy),
        BOOTED(test_flih_fault_outside_a_flih_is_an_spm_invariant),
        BOOTED(test_irq_misuse_follows_the_policy),
    };

    return cmocka_run_group_tests_name("irq_" WARDEN_FAULT_POLICY_NAME, tests,
                                       NULL, NULL);
}
