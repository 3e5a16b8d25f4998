/*
 * One misuse of the IRQ API (IRQ_MISUSE_CASE, tests/partitions/irq/
 * irq_test.h): the victim must be alive before, fail the request that
 * made it with PSA_ERROR_SERVICE_FAILURE (the `terminate` policy), stay
 * stopped, and leave the other partitions serving. tests/run_all.py
 * checks the secure console's refusal line and panic line after the
 * "[irq] misuse case N" line.
 */
#include <stdint.h>

#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/irq/irq_test.h"
#include "tests/regression/framework/test_framework.h"

static unsigned failures;

static void expect(const char *what, int ok)
{
    tf_log("%s: irq_misuse/case_%d_%s\r\n", ok ? "PASS" : "FAIL",
           IRQ_MISUSE_CASE, what);
    failures += ok ? 0u : 1u;
}

static psa_status_t victim(int32_t type)
{
    return psa_call(IRQ_VICTIM_HANDLE, type, NULL, 0, NULL, 0);
}

static int others_serve(void)
{
    uint8_t in[4] = { 1, 2, 3, 4 };
    uint8_t out[4] = { 0 };
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };

    return psa_call(IRQ_TIMER_HANDLE, IRQ_TIMER_PING, iv, 1, ov, 1) == 10 &&
           out[3] == 4u;
}

int ns_main(void)
{
    psa_status_t st;

    expect("alive_before", victim(IRQ_VICTIM_ALIVE) == PSA_SUCCESS);
    tf_log("[irq] misuse case %d\r\n", IRQ_MISUSE_CASE);
    st = victim(IRQ_MISUSE_CASE);
    tf_log("[irq] misuse case %d: status %ld\r\n", IRQ_MISUSE_CASE, (long)st);
    expect("stopped", st == PSA_ERROR_SERVICE_FAILURE);
    expect("stays_stopped",
           victim(IRQ_VICTIM_ALIVE) == PSA_ERROR_SERVICE_FAILURE);
    expect("others_serve", others_serve());
    return failures == 0u ? 0 : 1;
}
