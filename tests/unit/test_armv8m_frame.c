/*
 * arch/armv8m/frame.h on the host: where a switched-out thread's hardware
 * frame starts, and how many FP words an exception frame has, with and
 * without FP state (EXC_RETURN.FType).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "arch/armv8m/frame.h"

/* Secure Thread mode on PSP: basic frame (FType 1), extended (FType 0). */
#define BASIC    0xFFFFFFFDu
#define EXTENDED (BASIC & ~ARMV8M_EXC_RETURN_FTYPE)

static void test_fp_frame_words(void **state)
{
    (void)state;
    assert_int_equal(armv8m_fp_frame_words(BASIC), 0);
    assert_int_equal(armv8m_fp_frame_words(EXTENDED), 34);
    /* Only FType decides: the other bits do not. */
    assert_int_equal(armv8m_fp_frame_words(0xFFFFFFBCu), 0);
    assert_int_equal(armv8m_fp_frame_words(0xFFFFFFACu), 34);
}

static void test_hw_frame_index(void **state)
{
    uint32_t sw[ARMV8M_SW_FRAME_WORDS + ARMV8M_FP_CALLEE_WORDS] = { 0 };

    (void)state;
    sw[ARMV8M_SW_FRAME_WORDS - 1u] = BASIC;
    assert_int_equal(armv8m_hw_frame_index(sw), 10);
    sw[ARMV8M_SW_FRAME_WORDS - 1u] = EXTENDED;
    assert_int_equal(armv8m_hw_frame_index(sw), 26);
    /* The word read is the saved EXC_RETURN, not its neighbours. */
    sw[ARMV8M_SW_FRAME_WORDS - 2u] = 0u;
    sw[ARMV8M_SW_FRAME_WORDS] = 0u;
    sw[ARMV8M_SW_FRAME_WORDS - 1u] = BASIC;
    assert_int_equal(armv8m_hw_frame_index(sw), 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fp_frame_words),
        cmocka_unit_test(test_hw_frame_index),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
