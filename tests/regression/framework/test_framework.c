#include "tests/regression/framework/test_framework.h"

void tf_run_suite(const char *suite, const struct test_t *tests, size_t count,
                  struct tf_totals *totals)
{
    tf_log("Suite %s: %u tests\r\n", suite, (unsigned)count);
    for (size_t i = 0; i < count; i++) {
        struct test_result_t ret = { TEST_PASSED, NULL, NULL, 0u };

        tests[i].test(&ret);
        if (ret.val == TEST_PASSED) {
            totals->passed++;
            tf_log("PASS: %s/%s\r\n", suite, tests[i].name);
        } else {
            totals->failed++;
            tf_log("FAIL: %s/%s (%s at %s:%u)\r\n", suite, tests[i].name,
                   ret.info_msg != NULL ? ret.info_msg : "failed",
                   ret.filename != NULL ? ret.filename : "?",
                   (unsigned)ret.line);
        }
    }
}
