/*
 * The IPC backend's tests that need the host: an IPC-model partition's
 * thread woken by its secure interrupt, a line of the hosted interrupt
 * controller (arch/host/host_irq.h) the NS side raises. There is no stack
 * limit register and no NS interrupt on the host: the stack overflow and
 * NS-interrupt tests run on QEMU only (ns_ipc_an505.c).
 */
#include <stdint.h>

#include "arch/host/host_irq.h"
#include "ns_suites.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/irq_host/warden_irq_test.h"

static psa_status_t irq_ipc_call(int32_t type)
{
    return psa_call(WARDEN_IRQ_IPC_TEST_HANDLE, type, NULL, 0, NULL, 0);
}

/* The interrupt runs the partition's thread at once (more urgent than
 * NS): its psa_eoi() enabled the line again before host_irq_raise()
 * returned, so the next interrupt is taken too. */
static void t_slih_wakes_its_thread(struct test_result_t *ret)
{
    const uint32_t line = IRQ_TEST_IPC_LINE;
    uint32_t before = host_irq_taken();

    TEST_CHECK(irq_ipc_call(IRQ_IPC_TYPE_HANDLED) == 0, "nothing yet");
    TEST_CHECK(irq_ipc_call(IRQ_IPC_TYPE_ENABLE) == 0, "psa_irq_enable()");
    host_irq_raise(line);
    TEST_CHECK(host_irq_taken() == before + 1u && !host_irq_pending(line),
               "taken");
    host_irq_raise(line);
    TEST_CHECK(host_irq_taken() == before + 2u && !host_irq_pending(line),
               "taken again: the thread ended the first one at once");
    TEST_CHECK(irq_ipc_call(IRQ_IPC_TYPE_HANDLED) == 2,
               "its thread handled both");
}

static const struct test_t target_tests[] = {
    { t_slih_wakes_its_thread, "irq_wakes_its_thread",
      "a secure interrupt runs its IPC-model partition at once" },
};

const struct ns_suite ns_ipc_target_suite = { "ns_ipc_target", target_tests,
                                              sizeof(target_tests) /
                                                  sizeof(target_tests[0]) };
