/*
 * arch/armv8m/fault_decode.h on the host: which stack holds a fault's
 * frame for every EXC_RETURN class, and which faults are a partition
 * thread's own (what the fault hook's `in_thread` says).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/fault_decode.h"

static const struct armv8m_stacks stacks = {
    .msp = 0x30001000u,
    .psp = 0x30002000u,
    .msp_ns = 0x20001000u,
    .psp_ns = 0x20002000u,
    .control_ns = 0u,
};

/* EXC_RETURN of an exception taken to Secure state: the prefix, ES. */
#define BASE (0xFFFFFF80u | ARMV8M_EXC_RETURN_ES | ARMV8M_EXC_RETURN_FTYPE)
#define S    ARMV8M_EXC_RETURN_S
#define MODE ARMV8M_EXC_RETURN_MODE
#define PSP  ARMV8M_EXC_RETURN_SPSEL
#define DCRS ARMV8M_EXC_RETURN_DCRS

static void expect_frame(uint32_t exc_return, const struct armv8m_stacks *s,
                         uint32_t sp, bool secure)
{
    bool got_secure = !secure;

    assert_int_equal(armv8m_frame_sp(exc_return, s, &got_secure), sp);
    assert_int_equal(got_secure, secure);
}

static void test_secure_frames(void **state)
{
    (void)state;
    /* Thread mode on PSP; on MSP; Handler mode (SPSEL set or not: MSP). */
    expect_frame(BASE | S | DCRS | MODE | PSP, &stacks, stacks.psp, true);
    expect_frame(BASE | S | DCRS | MODE, &stacks, stacks.msp, true);
    expect_frame(BASE | S | DCRS, &stacks, stacks.msp, true);
    expect_frame(BASE | S | DCRS | PSP, &stacks, stacks.msp, true);
}

static void test_secure_frame_under_callee_registers(void **state)
{
    (void)state;
    /* Secure code preempted by an NS exception: 10 more words below. */
    expect_frame(BASE | S | MODE | PSP, &stacks, stacks.psp + 40u, true);
    expect_frame(BASE | S, &stacks, stacks.msp + 40u, true);
}

static void test_non_secure_frames(void **state)
{
    struct armv8m_stacks s = stacks;

    (void)state;
    /* The secure SPSEL bit says nothing of the NS stack: CONTROL_NS does. */
    expect_frame(BASE | DCRS | MODE | PSP, &s, s.msp_ns, false);
    expect_frame(BASE | DCRS | MODE, &s, s.msp_ns, false);
    s.control_ns = ARMV8M_CONTROL_SPSEL;
    expect_frame(BASE | DCRS | MODE, &s, s.psp_ns, false);
    expect_frame(BASE | DCRS | MODE | PSP, &s, s.psp_ns, false);
    /* NS Handler mode always runs on MSP_NS; no callee words added. */
    expect_frame(BASE | DCRS, &s, s.msp_ns, false);
    expect_frame(BASE, &s, s.msp_ns, false);
}

#define SPM_LO 0x30003000u
#define SPM_HI 0x300031A0u

static void test_in_thread(void **state)
{
    uint32_t thread = BASE | S | DCRS | MODE | PSP;

    (void)state;
    assert_true(armv8m_fault_in_thread(thread, SPM_LO - 4u, SPM_LO, SPM_HI));
    assert_true(armv8m_fault_in_thread(thread, SPM_HI + 1u, SPM_LO, SPM_HI));
    /* SPM code on the SPM's stack, its bounds included. */
    assert_false(armv8m_fault_in_thread(thread, SPM_LO, SPM_LO, SPM_HI));
    assert_false(armv8m_fault_in_thread(thread, SPM_HI, SPM_LO, SPM_HI));
    assert_false(armv8m_fault_in_thread(thread, SPM_LO + 8u, SPM_LO, SPM_HI));
    /* Not secure Thread mode on PSP: NS, a handler, MSP. */
    assert_false(armv8m_fault_in_thread(thread & ~S, 0u, SPM_LO, SPM_HI));
    assert_false(armv8m_fault_in_thread(thread & ~MODE, 0u, SPM_LO, SPM_HI));
    assert_false(armv8m_fault_in_thread(thread & ~PSP, 0u, SPM_LO, SPM_HI));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_secure_frames),
        cmocka_unit_test(test_secure_frame_under_callee_registers),
        cmocka_unit_test(test_non_secure_frames),
        cmocka_unit_test(test_in_thread),
    };

    return cmocka_run_group_tests_name("armv8m_fault_decode", tests, NULL,
                                       NULL);
}
