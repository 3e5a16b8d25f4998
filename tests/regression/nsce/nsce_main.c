/*
 * The NSCE regression image: the NSCE suites before the NS kernel starts
 * (main, Thread mode, calls into Handler mode through the kernel's SVC),
 * then the kernel suite in a runner task. Exits non-zero if anything
 * failed.
 */
#include "kernel.h"
#include "nsce_suites.h"
#include "platform_ns.h"
#include "warden/config.h"

/* One tick: 1 ms of the AN505's 20 MHz clock. */
#define TICK_CYCLES 20000u

static struct tf_totals totals;

static void runner(void *arg)
{
    struct kernel_stats st;

    (void)arg;
    nsce_suite_kernel(&totals);
    kernel_get_stats(&st);
    tf_log("NS kernel: %lu ticks (%lu in secure code), %lu switches (%lu "
           "inside secure calls), %lu NSCE errors\r\n",
           (unsigned long)st.ticks, (unsigned long)st.ticks_in_secure,
           (unsigned long)st.switches, (unsigned long)st.switches_in_secure,
           (unsigned long)st.nsce_errors);
    tf_log("NSCE suites: %u passed, %u failed\r\n", (unsigned)totals.passed,
           (unsigned)totals.failed);
    ns_platform_exit(totals.failed == 0u ? 0 : 1);
}

int ns_main(void)
{
    uint32_t slots;

    tf_log("Warden NSCE tests (TFM_NS_MANAGE_NSID=%s, %u context slots)\r\n",
           TFM_NS_MANAGE_NSID ? "ON" : "OFF",
           (unsigned)WARDEN_NS_CONTEXT_SLOTS);
    if (TFM_NS_MANAGE_NSID) {
        nsce_suite_matrix(&totals);
        nsce_suite_tz_shim(&totals);
        nsce_suite_privilege(&totals);
    } else {
        nsce_suite_off(&totals);
    }
    slots = kernel_init(0);
    tf_log("NS kernel: NSCE granted %u context slots\r\n", (unsigned)slots);
    if (kernel_task_create("runner", NSCE_RUNNER_PRIO, runner, NULL) == NULL) {
        tf_log("FAIL: kernel/create_runner (no task)\r\n");
        return 1;
    }
    kernel_start(TICK_CYCLES, TICK_CYCLES);
}
