#include "tests/regression/framework/test_framework.h"

/* The results of the suite running, for its summary: one bit per test (set:
 * failed). A suite runs to its end before the next starts, in each world. */
static uint32_t failed_bits[TF_SUMMARY_MAX / 32u];

static void note_result(size_t i, int failed)
{
    if (i < TF_SUMMARY_MAX && failed) {
        failed_bits[i / 32u] |= 1u << (i % 32u);
    }
}

static const char *result_word(size_t i)
{
    if (i >= TF_SUMMARY_MAX) {
        return "see above";
    }
    return (failed_bits[i / 32u] & (1u << (i % 32u))) != 0u ? "FAILED"
                                                            : "passed";
}

static void run_one(const char *suite, const struct test_t *t, size_t i,
                    struct tf_totals *totals)
{
    struct test_result_t ret = { TEST_PASSED, NULL, NULL, 0u };

    tf_log("> Running %s (suite %s)\r\n", t->name, suite);
    if (t->desc != NULL && t->desc[0] != '\0') {
        tf_log("  Description: %s\r\n", t->desc);
    }
    t->test(&ret);
    note_result(i, ret.val != TEST_PASSED);
    if (ret.val == TEST_PASSED) {
        totals->passed++;
        tf_log("PASS: %s/%s\r\n", suite, t->name);
    } else {
        totals->failed++;
        tf_log("FAIL: %s/%s (%s at %s:%u)\r\n", suite, t->name,
               ret.info_msg != NULL ? ret.info_msg : "failed",
               ret.filename != NULL ? ret.filename : "?", (unsigned)ret.line);
    }
}

void tf_run_suite(const char *suite, const struct test_t *tests, size_t count,
                  struct tf_totals *totals)
{
    struct tf_totals mine = { 0u, 0u };

    for (size_t w = 0; w < TF_SUMMARY_MAX / 32u; w++) {
        failed_bits[w] = 0u;
    }
    tf_log("Suite %s: %u tests\r\n", suite, (unsigned)count);
    for (size_t i = 0; i < count; i++) {
        run_one(suite, &tests[i], i, &mine);
    }
    tf_log("End of suite %s: %u passed, %u failed\r\n", suite,
           (unsigned)mine.passed, (unsigned)mine.failed);
    for (size_t i = 0; i < count; i++) {
        tf_log("  %s  %s%s%s\r\n", result_word(i), tests[i].name,
               (tests[i].desc != NULL && tests[i].desc[0] != '\0') ? " - " : "",
               tests[i].desc != NULL ? tests[i].desc : "");
    }
    totals->passed += mine.passed;
    totals->failed += mine.failed;
}

void tf_check(struct tf_tally *t, bool ok, const char *name, const char *why)
{
    if (ok) {
        t->passed++;
        tf_log("PASS: %s/%s\r\n", t->suite, name);
    } else {
        t->failed++;
        tf_log("FAIL: %s/%s (%s)\r\n", t->suite, name, why);
    }
}

unsigned tf_tally_end(const struct tf_tally *t, const char *title)
{
    tf_log("%s: %u passed, %u failed\r\n", title, t->passed, t->failed);
    return t->failed;
}
