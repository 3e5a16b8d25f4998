/*
 * The IPC backend's IRQ suite: an FF-M 1.0 partition (WARDEN_SP_IRQ_V10,
 * IPC model) whose IRQ is enabled when it is loaded, without a
 * psa_irq_enable() of its own.
 */
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/irq/irq_test.h"
#include "tests/regression/irq/irq_suites.h"

static void t_ffm10_enabled_at_load(struct test_result_t *ret)
{
    psa_handle_t h = psa_connect(IRQ_V10_SID, IRQ_V10_VERSION);
    psa_status_t first;
    psa_status_t second;

    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "connect to the FF-M 1.0 partition");
    first = psa_call(h, PSA_IPC_CALL, NULL, 0, NULL, 0);
    second = psa_call(h, PSA_IPC_CALL, NULL, 0, NULL, 0);
    psa_close(h);
    TEST_CHECK(first == 1,
               "its IRQ was not enabled at load (no signal after a byte)");
    TEST_CHECK(second == 1, "its IRQ did not come back after psa_eoi()");
}

static const struct test_t tests[] = {
    { t_ffm10_enabled_at_load, "ffm10_enabled_at_load",
      "FF-M 1.0: IRQs are enabled at load" },
};

static const struct irq_suite irq_ipc_suite = {
    "irq_ipc", tests, sizeof(tests) / sizeof(tests[0])
};

const struct irq_suite *const irq_backend_suites[] = { &irq_ipc_suite };
const size_t irq_backend_suite_count = 1;
