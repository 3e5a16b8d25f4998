/*
 * The NS regression application: runs the NS suites, then the secure suite
 * (through TEST_S_SUITE), and returns non-zero if anything failed.
 */
#include "ns_suites.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/regression/framework/test_framework.h"

int ns_main(void)
{
    struct tf_totals totals = { 0u, 0u };
    psa_status_t secure_failed;

    ns_suite_client_api(&totals);
    ns_suite_bad_input(&totals);
    tf_run_suite(ns_mpu_suite.name, ns_mpu_suite.tests, ns_mpu_suite.count,
                 &totals);
    tf_run_suite(ns_heap_suite.name, ns_heap_suite.tests, ns_heap_suite.count,
                 &totals);
    tf_run_suite(ns_irq_suite.name, ns_irq_suite.tests, ns_irq_suite.count,
                 &totals);
    for (size_t i = 0; i < ns_backend_suite_count; i++) {
        tf_run_suite(ns_backend_suites[i]->name, ns_backend_suites[i]->tests,
                     ns_backend_suites[i]->count, &totals);
    }
    tf_log("Running the secure suite\r\n");
    secure_failed =
        psa_call(TEST_S_SUITE_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0);
    tf_log("Secure suite: %ld failed\r\n", (long)secure_failed);
    tf_log("NS suites: %u passed, %u failed\r\n", (unsigned)totals.passed,
           (unsigned)totals.failed);
    return (totals.failed == 0u && secure_failed == 0) ? 0 : 1;
}
