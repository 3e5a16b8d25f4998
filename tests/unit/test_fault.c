/*
 * spm/fault.c, the port's fault and thread-exit hooks (arch/arch.h):
 * the fault policy decides, the port only reports. Built twice, against
 * the IPC fixture under the halt policy (test_fault) and under the
 * terminate policy (test_fault_terminate): only the second stops a
 * partition whose own thread faulted, and only that.
 */
#include "unit_req.h"
#include "arch/arch.h"
#include "ipc_world.h"
#include "fake_threads.h"
#include "spm/backend/ipc/sched.h"

#define SERVER (iw_part(FXI_SERVER))

static const struct arch_fault thread_fault = {
    .pc = 0x10001234u,
    .cause = ARCH_FAULT_USAGE,
    .in_thread = true,
};

/* A fault of the running partition's own thread: stopped, and the next
 * thread is resumed, under `terminate`; the run ends otherwise. */
static void test_fault_of_a_partition_thread(void **state)
{
    struct arch_thread *next;

    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    fake_console_clear();
    next = spm_hook_fault(&thread_fault);
    if (!WARDEN_FAULT_POLICY_TERMINATE) {
        assert_null(next);
        assert_int_equal(SERVER->state, SPM_PART_READY);
        assert_int_equal(unit_console_count("faulted"), 0);
        return;
    }
    assert_non_null(next);
    assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
    assert_int_equal(sched_thread_of(SERVER)->state, SCHED_DEAD);
    assert_ptr_not_equal(next, &sched_thread_of(SERVER)->ctx);
    assert_ptr_equal(next, &sched_current()->ctx);
    unit_assert_console_has("[Warden] partition FXI_SP_SERVER (");
    unit_assert_console_has(") faulted: terminate\r\n");
}

/* Not the thread's own code (a handler, SPM code): the run ends. */
static void test_fault_outside_the_thread_ends_the_run(void **state)
{
    struct arch_fault f = thread_fault;

    (void)state;
    f.in_thread = false;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    assert_null(spm_hook_fault(&f));
    assert_int_equal(SERVER->state, SPM_PART_READY);
    assert_int_equal(sched_thread_of(SERVER)->state, SCHED_READY);
}

/* The NS agent's thread is the NS side's: nothing secure to stop. */
static void test_fault_of_the_ns_agent_ends_the_run(void **state)
{
    (void)state;
    iw_run_as(IW_NS);
    assert_null(spm_hook_fault(&thread_fault));
    assert_int_equal(sched_thread_of(IW_NS)->state, SCHED_READY);
}

/* A thread body that returns is its partition's bug: a panic. */
static void test_thread_returned_panics_its_partition(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    if (WARDEN_FAULT_POLICY_TERMINATE) {
        /* Stopped: it gives the processor away for good. */
        FAKE_UNTIL_PARKED(spm_hook_thread_returned());
        assert_ptr_equal(fake_parked(), iw_thread(FXI_SERVER));
        assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
        return;
    }
    expect_panic("FXI_SP_SERVER", FXI_SERVER_PID, spm_hook_thread_returned());
}

#define BOOTED(fn) cmocka_unit_test_setup(fn, iw_setup_booted)

int main(void)
{
    const struct CMUnitTest tests[] = {
        BOOTED(test_fault_of_a_partition_thread),
        BOOTED(test_fault_outside_the_thread_ends_the_run),
        BOOTED(test_fault_of_the_ns_agent_ends_the_run),
        BOOTED(test_thread_returned_panics_its_partition),
    };

    return cmocka_run_group_tests_name(WARDEN_FAULT_POLICY_NAME, tests, NULL,
                                       NULL);
}
