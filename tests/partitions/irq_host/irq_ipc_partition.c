/*
 * WARDEN_SP_IRQ_IPC: an IPC-model partition's side of secure interrupts
 * (warden_irq_test.h). Its thread handles its SLIH as soon as it is
 * woken, before the NS side asks anything.
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/warden_irq_ipc_partition.h"
#include "tests/partitions/irq_host/warden_irq_test.h"

static uint32_t handled;

static void serve(void)
{
    psa_msg_t msg;
    psa_status_t status = PSA_ERROR_NOT_SUPPORTED;

    if (psa_get(WARDEN_IRQ_IPC_TEST_SIGNAL, &msg) != PSA_SUCCESS) {
        return;
    }
    if (msg.type == IRQ_IPC_TYPE_ENABLE) {
        psa_irq_enable(WARDEN_IRQ_IPC_SLIH_SIGNAL);
        status = 0;
    } else if (msg.type == IRQ_IPC_TYPE_HANDLED) {
        status = (psa_status_t)handled;
    }
    psa_reply(msg.handle, status);
}

void warden_irq_ipc_main(void)
{
    for (;;) {
        psa_signal_t signals = psa_wait(
            WARDEN_IRQ_IPC_SLIH_SIGNAL | WARDEN_IRQ_IPC_TEST_SIGNAL, PSA_BLOCK);

        if ((signals & WARDEN_IRQ_IPC_SLIH_SIGNAL) != 0u) {
            handled++;
            psa_eoi(WARDEN_IRQ_IPC_SLIH_SIGNAL);
        }
        if ((signals & WARDEN_IRQ_IPC_TEST_SIGNAL) != 0u) {
            serve();
        }
    }
}
