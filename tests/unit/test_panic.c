/* spm/panic.c and spm/log.c: the two failure tiers, and the console. */
#include <limits.h>
#include <stdio.h>

#include "spm/log.h"
#include "spm/panic.h"
#include "spm/spm.h"
#include "unit.h"

static const struct warden_partition_info sp_info = { .name = "SP_X",
                                                      .pid = 4242 };
static struct spm_partition ns = { .info = NULL,
                                   .state = SPM_PART_READY,
                                   .index = 0 };
static struct spm_partition sp = { .info = &sp_info,
                                   .state = SPM_PART_READY,
                                   .index = 1 };

static int setup(void **state)
{
    (void)state;
    fake_platform_reset();
    return 0;
}

static void test_programmer_error_ns_gets_status(void **state)
{
    (void)state;
    assert_int_equal(
        spm_programmer_error(&ns, PSA_ERROR_PROGRAMMER_ERROR, "psa_call: x"),
        PSA_ERROR_PROGRAMMER_ERROR);
    assert_int_equal(spm_programmer_error(&ns, PSA_ERROR_CONNECTION_REFUSED,
                                          "psa_connect: %u", 1u),
                     PSA_ERROR_CONNECTION_REFUSED);
    assert_int_equal(fake_platform_stops(), 0);
    /* Nothing said: the NS caller controls this path. */
    assert_string_equal(fake_console(), "");
}

static void test_programmer_error_other_statuses_pass(void **state)
{
    static const psa_status_t others[] = {
        PSA_SUCCESS,
        1,
        PSA_ERROR_CONNECTION_BUSY,
        PSA_ERROR_SERVICE_FAILURE,
        PSA_ERROR_GENERIC_ERROR,
        PSA_ERROR_INVALID_HANDLE,
    };

    (void)state;
    for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
        assert_int_equal(spm_programmer_error(&sp, others[i], "x"), others[i]);
        assert_int_equal(spm_programmer_error(&ns, others[i], "x"), others[i]);
    }
    assert_int_equal(fake_platform_stops(), 0);
    assert_string_equal(fake_console(), "");
}

static void test_programmer_error_secure_caller_panics(void **state)
{
    (void)state;
    expect_stop("SP_X", 4242L, "psa_call: type -7 is out of range",
                spm_programmer_error(&sp, PSA_ERROR_PROGRAMMER_ERROR,
                                     "psa_call: type %d is out of range", -7));
    expect_stop("SP_X", 4242L, "psa_connect: no service has SID 0x0000beef",
                spm_programmer_error(&sp, PSA_ERROR_CONNECTION_REFUSED,
                                     "psa_connect: no service has SID 0x%x",
                                     0xBEEFu));
    assert_int_equal(fake_platform_stops(), 2);
}

/* The SPM's stop says which call broke which rule, then the policy. */
static void test_panic_of_partition_says_why_and_halts(void **state)
{
    (void)state;
    EXPECT_HALT(spm_panic(&sp,
                          "psa_write: %u bytes do not fit in outvec %u (%u "
                          "bytes left)",
                          4u, 0u, 2u));
    assert_string_equal(fake_console(),
                        "[Warden] partition SP_X (4242) stopped: psa_write: 4 "
                        "bytes do not fit in outvec 0 (2 bytes left): "
                        "halt\r\n");
}

/* A psa_panic() is the partition's own call, told as such: no "stopped",
 * no reason of the SPM's. */
static void test_psa_panic_is_told_apart(void **state)
{
    (void)state;
    EXPECT_HALT(spm_psa_panic(&sp));
    assert_string_equal(fake_console(),
                        "[Warden] partition SP_X (4242) called psa_panic(): "
                        "halt\r\n");
    assert_int_equal(fake_platform_stops(), 1);
}

static void test_panic_of_ns_agent(void **state)
{
    (void)state;
    EXPECT_HALT(spm_panic(&ns, "psa_eoi(0x%x): %s", 1u, "why"));
    assert_string_equal(fake_console(),
                        "[Warden] NS agent stopped: psa_eoi(0x00000001): why: "
                        "halt\r\n");
    fake_console_clear();
    EXPECT_HALT(spm_psa_panic(&ns));
    assert_string_equal(fake_console(),
                        "[Warden] NS agent called psa_panic(): halt\r\n");
}

static void test_fatal_names_the_place(void **state)
{
    (void)state;
    EXPECT_HALT(spm_fatal("spm/x.c", 42));
    assert_string_equal(fake_console(),
                        "[Warden] SPM invariant failed at spm/x.c:42\r\n");
}

static void test_assert_macro(void **state)
{
    volatile int one = 1;

    (void)state;
    SPM_ASSERT(one == 1);
    assert_int_equal(fake_platform_stops(), 0);
    expect_fatal("test_panic.c:", SPM_ASSERT(one == 2));
    assert_int_equal(fake_platform_stops(), 1);
}

static void vlog(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    warden_vlog(fmt, ap);
    va_end(ap);
}

static void test_log_formats_to_the_console(void **state)
{
    (void)state;
    warden_log("a=%d b=%s c=%x\r\n", -5, "str", 0xABu);
    vlog("%05u|%c", 42u, '!');
    assert_string_equal(fake_console(), "a=-5 b=str c=ab\r\n00042|!");
}

static void test_spm_log_conversions(void **state)
{
    (void)state;
    char want[128];

    (void)snprintf(want, sizeof(want),
                   "[name] 0 -1234567 %d %ld %ld 0 7 %u\r\n", INT_MIN, LONG_MIN,
                   LONG_MAX, UINT_MAX);
    spm_log("[%s] %d %ld %d %ld %ld %u %u %u\r\n", "name", 0, -1234567L,
            INT_MIN, LONG_MIN, LONG_MAX, 0u, 7u, UINT_MAX);
    assert_string_equal(fake_console(), want);
}

/* %x writes all eight digits, lower case. */
static void test_spm_log_hex(void **state)
{
    (void)state;
    spm_log("0x%x 0x%x 0x%x", 0u, 0x80000000u, 0x0123ABCDu);
    assert_string_equal(fake_console(), "0x00000000 0x80000000 0x0123abcd");
}

/* What spm_log() does not convert is written as it stands. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
static void test_spm_log_other_sequences_verbatim(void **state)
{
    (void)state;
    spm_log("%");
    spm_log("|%z|%%|%l|%5d|");
    spm_log("%s%s", "", "tail");
    assert_string_equal(fake_console(), "%|%z|%%|%l|%5d|tail");
}
#pragma GCC diagnostic pop

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_programmer_error_ns_gets_status, setup),
        cmocka_unit_test_setup(test_programmer_error_other_statuses_pass,
                               setup),
        cmocka_unit_test_setup(test_programmer_error_secure_caller_panics,
                               setup),
        cmocka_unit_test_setup(test_panic_of_partition_says_why_and_halts,
                               setup),
        cmocka_unit_test_setup(test_psa_panic_is_told_apart, setup),
        cmocka_unit_test_setup(test_panic_of_ns_agent, setup),
        cmocka_unit_test_setup(test_fatal_names_the_place, setup),
        cmocka_unit_test_setup(test_assert_macro, setup),
        cmocka_unit_test_setup(test_log_formats_to_the_console, setup),
        cmocka_unit_test_setup(test_spm_log_conversions, setup),
        cmocka_unit_test_setup(test_spm_log_hex, setup),
        cmocka_unit_test_setup(test_spm_log_other_sequences_verbatim, setup),
    };

    return cmocka_run_group_tests_name("panic", tests, NULL, NULL);
}
