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

/* Thumb loads and stores, as GCC emits them for Armv8-M Mainline: each
 * encoding group at its edges. */
static void test_thumb_access(void **state)
{
    static const struct {
        uint16_t hw1;
        enum armv8m_access want;
    } cases[] = {
        { 0x6001u, ARMV8M_ACCESS_WRITE }, /* str r1, [r0] */
        { 0x6801u, ARMV8M_ACCESS_READ },  /* ldr r1, [r0] */
        { 0x7001u, ARMV8M_ACCESS_WRITE }, /* strb r1, [r0] */
        { 0x7FFFu, ARMV8M_ACCESS_READ },  /* ldrb r7, [r7, #31] */
        { 0x8001u, ARMV8M_ACCESS_WRITE }, /* strh */
        { 0x8801u, ARMV8M_ACCESS_READ },  /* ldrh */
        { 0x9000u, ARMV8M_ACCESS_WRITE }, /* str r0, [sp] */
        { 0x9800u, ARMV8M_ACCESS_READ },  /* ldr r0, [sp] */
        { 0x5000u, ARMV8M_ACCESS_WRITE }, /* str r0, [r0, r0] */
        { 0x5400u, ARMV8M_ACCESS_WRITE }, /* strb (register) */
        { 0x5600u, ARMV8M_ACCESS_READ },  /* ldrsb (register) */
        { 0x5800u, ARMV8M_ACCESS_READ },  /* ldr (register) */
        { 0x4800u, ARMV8M_ACCESS_READ },  /* ldr r0, [pc, #0] */
        { 0xB410u, ARMV8M_ACCESS_WRITE }, /* push {r4} */
        { 0xBC10u, ARMV8M_ACCESS_READ },  /* pop {r4} */
        { 0xC001u, ARMV8M_ACCESS_WRITE }, /* stmia r0!, {r0} */
        { 0xC801u, ARMV8M_ACCESS_READ },  /* ldmia r0!, {r0} */
        { 0xF8C0u, ARMV8M_ACCESS_WRITE }, /* str.w */
        { 0xF8D0u, ARMV8M_ACCESS_READ },  /* ldr.w */
        { 0xF9B0u, ARMV8M_ACCESS_READ },  /* ldrsh.w */
        { 0xE9C0u, ARMV8M_ACCESS_WRITE }, /* strd */
        { 0xE9D0u, ARMV8M_ACCESS_READ },  /* ldrd */
        { 0xE880u, ARMV8M_ACCESS_WRITE }, /* stmia.w */
        { 0xE890u, ARMV8M_ACCESS_READ },  /* ldmia.w */
        { 0x4770u, ARMV8M_ACCESS_DATA },  /* bx lr: no access */
        { 0x2000u, ARMV8M_ACCESS_DATA },  /* movs r0, #0 */
        { 0xB500u, ARMV8M_ACCESS_WRITE }, /* push {lr} */
        { 0xF000u, ARMV8M_ACCESS_DATA },  /* bl (first half) */
        { 0xEA40u, ARMV8M_ACCESS_DATA },  /* orr.w: data processing */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(armv8m_thumb_access(cases[i].hw1, 0u), cases[i].want);
    }
}

static void test_memmanage_access(void **state)
{
    (void)state;
    /* A fetch whatever the instruction says. */
    assert_int_equal(armv8m_memmanage_access(0x01u, true, 0x6001u, 0u),
                     ARMV8M_ACCESS_FETCH);
    /* Stacking writes, unstacking reads. */
    assert_int_equal(armv8m_memmanage_access(0x10u, true, 0x6801u, 0u),
                     ARMV8M_ACCESS_WRITE);
    assert_int_equal(armv8m_memmanage_access(0x08u, true, 0x6001u, 0u),
                     ARMV8M_ACCESS_READ);
    /* A data access: the instruction's, if it could be read. */
    assert_int_equal(armv8m_memmanage_access(0x82u, true, 0x6001u, 0u),
                     ARMV8M_ACCESS_WRITE);
    assert_int_equal(armv8m_memmanage_access(0x82u, true, 0x6801u, 0u),
                     ARMV8M_ACCESS_READ);
    assert_int_equal(armv8m_memmanage_access(0x82u, false, 0x6001u, 0u),
                     ARMV8M_ACCESS_DATA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_secure_frames),
        cmocka_unit_test(test_secure_frame_under_callee_registers),
        cmocka_unit_test(test_non_secure_frames),
        cmocka_unit_test(test_in_thread),
        cmocka_unit_test(test_thumb_access),
        cmocka_unit_test(test_memmanage_access),
    };

    return cmocka_run_group_tests_name("armv8m_fault_decode", tests, NULL,
                                       NULL);
}
