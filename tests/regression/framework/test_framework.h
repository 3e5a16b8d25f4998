/*
 * The regression test framework, in the style of TF-M's test suites: a test
 * is a function that fills a struct test_result_t; TEST_LOG prints,
 * TEST_FAIL records a failure. A suite prints, for each test, its name and
 * description, then one result line that the runners parse:
 *   "PASS: <suite>/<test>"  or  "FAIL: <suite>/<test> (<why> at <file>:<line>)"
 * and at its end a summary: its totals and each test's result, on lines
 * that never start with "PASS:" or "FAIL:" (each test counts once):
 *   Suite <suite>: <n> tests
 *   > Running <test> (suite <suite>)
 *     Description: <desc>
 *   PASS: <suite>/<test>
 *   ...
 *   End of suite <suite>: <p> passed, <f> failed
 *     passed  <test> - <desc>
 *     FAILED  <test> - <desc>
 * The same framework is built into the NS image and into the secure
 * test-client partition.
 */
#ifndef WARDEN_TEST_FRAMEWORK_H
#define WARDEN_TEST_FRAMEWORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum test_status_t {
    TEST_PASSED = 0,
    TEST_FAILED = 1,
};

struct test_result_t {
    enum test_status_t val;
    const char *info_msg;
    const char *filename;
    uint32_t line;
};

typedef void TEST_FUN(struct test_result_t *ret);

struct test_t {
    TEST_FUN *test;
    const char *name;
    const char *desc;
};

struct tf_totals {
    uint32_t passed;
    uint32_t failed;
};

/** The tests of a suite whose results its summary lists (a later test's
 * result is on its own line above the summary). */
#define TF_SUMMARY_MAX 128u

/** Runs every test of a suite, printing each one's name, description and
 * result, then the suite's summary; adds the results to @p totals. */
void tf_run_suite(const char *suite, const struct test_t *tests, size_t count,
                  struct tf_totals *totals);

/** printf-style output on this world's console. */
void tf_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Named checks of an image that judges its figures at the end rather than
 * running suites (the soak, the IRQ burst, the concurrent calls...).
 * tf_check() prints "PASS: <suite>/<name>" or "FAIL: <suite>/<name>
 * (<why>)" and counts it; tf_tally_end() prints "<title>: N passed, N
 * failed" and returns the failures.
 */
struct tf_tally {
    const char *suite;
    unsigned passed;
    unsigned failed;
};

void tf_check(struct tf_tally *t, bool ok, const char *name, const char *why);
unsigned tf_tally_end(const struct tf_tally *t, const char *title);

#define TEST_LOG(...) tf_log(__VA_ARGS__)

#define TEST_FAIL(msg)            \
    do {                          \
        ret->val = TEST_FAILED;   \
        ret->info_msg = (msg);    \
        ret->filename = __FILE__; \
        ret->line = __LINE__;     \
    } while (0)

/* Fails the test and returns when @p cond is false. */
#define TEST_CHECK(cond, msg) \
    do {                      \
        if (!(cond)) {        \
            TEST_FAIL(msg);   \
            return;           \
        }                     \
    } while (0)

#endif /* WARDEN_TEST_FRAMEWORK_H */
