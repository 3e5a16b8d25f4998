/*
 * The regression framework's output (tests/regression/framework): each test
 * named with its description, its PASS/FAIL line, and the suite's summary,
 * whose lines the runners do not count (tests/run_all.py counts lines that
 * start with "PASS: " and "FAIL: ").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tests/regression/framework/test_framework.h"

static char console[65536];
static size_t used;

void tf_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    used += (size_t)vsnprintf(console + used, sizeof(console) - used, fmt, ap);
    va_end(ap);
}

static void passes(struct test_result_t *ret)
{
    (void)ret;
}

static void fails(struct test_result_t *ret)
{
    TEST_FAIL("wrong status");
}

static const struct test_t suite[] = {
    { passes, "TEST_X_1001", "a test that passes" },
    { fails, "TEST_X_1002", "a test that fails" },
    { passes, "no_description", "" },
};

static int reset(void **state)
{
    (void)state;
    used = 0;
    console[0] = '\0';
    return 0;
}

static size_t lines_starting(const char *prefix)
{
    size_t n = 0;

    for (const char *l = console; l != NULL && *l != '\0';) {
        if (strncmp(l, prefix, strlen(prefix)) == 0) {
            n++;
        }
        l = strchr(l, '\n');
        l = (l != NULL) ? l + 1 : NULL;
    }
    return n;
}

static void test_each_test_named_then_summary(void **state)
{
    struct tf_totals totals = { 0u, 0u };

    (void)state;
    tf_run_suite("x", suite, 3, &totals);
    assert_int_equal(totals.passed, 2);
    assert_int_equal(totals.failed, 1);
    assert_non_null(strstr(console, "Suite x: 3 tests\r\n"
                                    "> Running TEST_X_1001 (suite x)\r\n"
                                    "  Description: a test that passes\r\n"
                                    "PASS: x/TEST_X_1001\r\n"
                                    "> Running TEST_X_1002 (suite x)\r\n"
                                    "  Description: a test that fails\r\n"
                                    "FAIL: x/TEST_X_1002 (wrong status at "));
    /* No description: no Description line. */
    assert_non_null(strstr(console, "> Running no_description (suite x)\r\n"
                                    "PASS: x/no_description\r\n"
                                    "End of suite x: 2 passed, 1 failed\r\n"
                                    "  passed  TEST_X_1001 - a test that "
                                    "passes\r\n"
                                    "  FAILED  TEST_X_1002 - a test that "
                                    "fails\r\n"
                                    "  passed  no_description\r\n"));
}

static void test_runners_count_each_test_once(void **state)
{
    struct tf_totals totals = { 0u, 0u };

    (void)state;
    tf_run_suite("x", suite, 3, &totals);
    assert_int_equal(lines_starting("PASS: "), 2);
    assert_int_equal(lines_starting("FAIL: "), 1);
}

static void test_next_suite_starts_clean(void **state)
{
    struct tf_totals totals = { 0u, 0u };

    (void)state;
    tf_run_suite("x", suite, 3, &totals);
    reset(NULL);
    tf_run_suite("y", suite, 1, &totals);
    assert_int_equal(totals.passed, 3);
    assert_non_null(strstr(console, "End of suite y: 1 passed, 0 failed\r\n"
                                    "  passed  TEST_X_1001"));
    /* The failure of suite x's second test is not suite y's. */
    reset(NULL);
    tf_run_suite("y", &suite[2], 1, &totals);
    assert_null(strstr(console, "FAILED"));
}

/* TF_SUMMARY_MAX tests are listed with their result; any later one points
 * to its own line above. */
static void test_summary_limit(void **state)
{
    static struct test_t many[TF_SUMMARY_MAX + 1u];
    struct tf_totals totals = { 0u, 0u };

    (void)state;
    for (size_t i = 0; i < TF_SUMMARY_MAX + 1u; i++) {
        many[i] = (struct test_t){ i + 1u >= TF_SUMMARY_MAX ? fails : passes,
                                   "t", "" };
    }
    tf_run_suite("many", many, TF_SUMMARY_MAX + 1u, &totals);
    assert_int_equal(totals.failed, 2);
    /* The summary's last two lines: test TF_SUMMARY_MAX (failed, listed)
     * and the one after it. */
    char *end = strstr(console, "End of suite many: ");
    assert_non_null(end);
    assert_non_null(strstr(end, "  FAILED  t\r\n  see above  t\r\n"));
    assert_null(strstr(strstr(end, "  FAILED  t\r\n") + 12, "FAILED"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_each_test_named_then_summary, reset),
        cmocka_unit_test_setup(test_runners_count_each_test_once, reset),
        cmocka_unit_test_setup(test_next_suite_starts_clean, reset),
        cmocka_unit_test_setup(test_summary_limit, reset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
