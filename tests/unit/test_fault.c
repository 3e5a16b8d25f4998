/*
 * spm/fault.c, the fault policy for what the port reports (arch/arch.h):
 * a partition's own fault, a fault of the SPM, a Non-secure fault, a thread
 * body that returns, and the boot report of the reset before. Built three
 * times against the IPC fixture, under the halt policy (test_fault), the
 * terminate policy (test_fault_terminate) and the reset policy
 * (test_fault_reset); Non-secure faults reset in all three.
 */
#include <stdio.h>

#include "unit_req.h"
#include "arch/arch.h"
#include "fake_threads.h"
#include "ipc_world.h"
#include "spm/backend/ipc/sched.h"
#include "spm/fault.h"
#include "spm/panic.h"

#define SERVER (iw_part(FXI_SERVER))

static const struct arch_fault thread_fault = {
    .pc = 0x10001234u,
    .cause = ARCH_FAULT_USAGE,
    .in_thread = true,
    .resumable = true,
};

static void run_as_server(void)
{
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    fake_console_clear();
}

/* The record a reset left: @p reason, the fault's cause, PC and pid. */
static void expect_record(uint32_t reason, int32_t pid)
{
    const struct platform_reset_record *r = fake_platform_last_reset();

    assert_int_equal(r->reason, reason);
    assert_int_equal(r->cause, ARCH_FAULT_USAGE);
    assert_int_equal(r->pc, 0x10001234u);
    assert_int_equal(r->pid, pid);
}

/* A partition thread's own fault: stopped and the next thread resumed
 * (terminate), the device reset with a record (reset), or halted. */
static void test_fault_of_a_partition_thread(void **state)
{
    struct arch_fault f = thread_fault;
    struct arch_thread *next = NULL;

    (void)state;
    run_as_server();
    if (WARDEN_FAULT_POLICY_TERMINATE) {
        next = spm_hook_fault(&f);
        assert_non_null(next);
        assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
        assert_int_equal(sched_thread_of(SERVER)->state, SCHED_DEAD);
        assert_ptr_not_equal(next, &sched_thread_of(SERVER)->ctx);
        assert_ptr_equal(next, &sched_current()->ctx);
        assert_null(f.redirect);
    } else if (WARDEN_FAULT_POLICY_RESET) {
        EXPECT_STOP(FAKE_STOP_RESET, (void)spm_hook_fault(&f));
        expect_record(PLATFORM_RESET_FAULT, FXI_SERVER_PID);
    } else {
        EXPECT_STOP(FAKE_STOP_HALT, (void)spm_hook_fault(&f));
        assert_int_equal(SERVER->state, SPM_PART_READY);
    }
    unit_assert_console_has("[Warden] partition FXI_SP_SERVER (");
    unit_assert_console_has(") faulted: " WARDEN_FAULT_POLICY_NAME "\r\n");
}

/* A partition thread's stack overflow (the port saw its stack limit
 * stop it): said in words, with the manifest's stack_size, and stopped
 * under the policy as any fault of its own. */
static void test_stack_overflow_of_a_partition_thread(void **state)
{
    struct arch_fault f = thread_fault;
    char line[96];

    (void)state;
    f.stack_overflow = true;
    f.resumable = false;
    run_as_server();
    if (WARDEN_FAULT_POLICY_TERMINATE) {
        assert_non_null(spm_hook_fault(&f));
        assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
    } else {
        EXPECT_STOP(WARDEN_FAULT_POLICY_RESET ? FAKE_STOP_RESET
                                              : FAKE_STOP_HALT,
                    (void)spm_hook_fault(&f));
    }
    (void)snprintf(line, sizeof(line),
                   "[Warden] stack overflow in partition FXI_SP_SERVER "
                   "(stack_size %lu): " WARDEN_FAULT_POLICY_NAME "\r\n",
                   (unsigned long)SERVER->info->stack_size);
    unit_assert_console_has(line);
    assert_int_equal(unit_console_count("faulted"), 0);
}

/* Not the thread's own code (a handler, SPM code, an NMI): no partition
 * to stop, so the device resets, or halts under `halt`. */
static void test_fault_of_the_spm(void **state)
{
    struct arch_fault f = thread_fault;

    (void)state;
    f.in_thread = false;
    run_as_server();
    if (WARDEN_FAULT_POLICY_HALT) {
        EXPECT_STOP(FAKE_STOP_HALT, (void)spm_hook_fault(&f));
        unit_assert_console_has("[Warden] SPM fault: halt\r\n");
    } else {
        EXPECT_STOP(FAKE_STOP_RESET, (void)spm_hook_fault(&f));
        expect_record(PLATFORM_RESET_SPM_FAULT, 0);
        unit_assert_console_has("[Warden] SPM fault: reset\r\n");
    }
    assert_int_equal(SERVER->state, SPM_PART_READY);
    assert_int_equal(unit_console_count("faulted"), 0);
}

/* The NS agent's thread runs SPM code only: its fault is the SPM's. */
static void test_fault_on_the_ns_agent_thread(void **state)
{
    struct arch_fault f = thread_fault;

    (void)state;
    iw_run_as(IW_NS);
    fake_console_clear();
    EXPECT_STOP(WARDEN_FAULT_POLICY_HALT ? FAKE_STOP_HALT : FAKE_STOP_RESET,
                (void)spm_hook_fault(&f));
    unit_assert_console_has("[Warden] SPM fault: ");
}

/* A Non-secure fault that reached the secure side: its own policy. */
static void test_non_secure_fault(void **state)
{
    struct arch_fault f = thread_fault;

    (void)state;
    f.ns = true;
    run_as_server();
    EXPECT_STOP(FAKE_STOP_RESET, (void)spm_hook_fault(&f));
    expect_record(PLATFORM_RESET_NS_FAULT, 0);
    unit_assert_console_has("[Warden] Non-secure fault: reset\r\n");
    assert_int_equal(SERVER->state, SPM_PART_READY);
}

/* A thread body that returns is its partition's bug: a panic. */
static void test_thread_returned_panics_its_partition(void **state)
{
    (void)state;
    run_as_server();
    if (WARDEN_FAULT_POLICY_TERMINATE) {
        /* Stopped: it gives the processor away for good. */
        FAKE_UNTIL_PARKED(spm_hook_thread_returned());
        assert_ptr_equal(fake_parked(), iw_thread(FXI_SERVER));
        assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
    } else if (WARDEN_FAULT_POLICY_RESET) {
        EXPECT_STOP(FAKE_STOP_RESET, spm_hook_thread_returned());
        assert_int_equal(fake_platform_last_reset()->reason,
                         PLATFORM_RESET_PANIC);
        assert_int_equal(fake_platform_last_reset()->pid, FXI_SERVER_PID);
    } else {
        expect_stop("FXI_SP_SERVER", FXI_SERVER_PID,
                    "its thread's function returned",
                    spm_hook_thread_returned());
    }
}

/* At boot, the reset the SPM made before is told once. */
static void test_last_reset_is_reported_once(void **state)
{
    struct arch_fault f = thread_fault;

    (void)state;
    f.ns = true;
    EXPECT_STOP(FAKE_STOP_RESET, (void)spm_hook_fault(&f));
    fake_console_clear();
    spm_report_last_reset();
    unit_assert_console_has("[Warden] last reset: a Non-secure fault "
                            "(partition 0, fault 3 at 268440116)\r\n");
    fake_console_clear();
    spm_report_last_reset();
    assert_int_equal(unit_console_count("last reset"), 0);
}

/* A record whose reason is none the SPM writes is not told. */
static void test_unknown_reset_reason_is_not_reported(void **state)
{
    (void)state;
    EXPECT_STOP(
        FAKE_STOP_RESET,
        spm_stop_system(true, PLATFORM_RESET_WATCHDOG + 1u, NULL, NULL));
    fake_console_clear();
    spm_report_last_reset();
    assert_int_equal(unit_console_count("last reset"), 0);
    /* The highest known reason is told. */
    EXPECT_STOP(FAKE_STOP_RESET,
                spm_stop_system(true, PLATFORM_RESET_WATCHDOG, NULL, NULL));
    spm_report_last_reset();
    unit_assert_console_has("[Warden] last reset: the watchdog ");
}

#define BOOTED(fn) cmocka_unit_test_setup(fn, iw_setup_booted)

int main(void)
{
    const struct CMUnitTest tests[] = {
        BOOTED(test_fault_of_a_partition_thread),
        BOOTED(test_stack_overflow_of_a_partition_thread),
        BOOTED(test_fault_of_the_spm),
        BOOTED(test_fault_on_the_ns_agent_thread),
        BOOTED(test_non_secure_fault),
        BOOTED(test_thread_returned_panics_its_partition),
        BOOTED(test_last_reset_is_reported_once),
        BOOTED(test_unknown_reset_reason_is_not_reported),
    };

    return cmocka_run_group_tests_name(WARDEN_FAULT_POLICY_NAME, tests, NULL,
                                       NULL);
}
