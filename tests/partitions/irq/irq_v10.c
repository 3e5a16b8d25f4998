/*
 * WARDEN_SP_IRQ_V10: an FF-M 1.0 (IPC model) partition with an IRQ,
 * UART4's TX interrupt, which it never enables: FF-M 1.0 partitions' IRQs
 * are enabled when they are loaded. A call sends a byte, whose TX
 * interrupt is taken during the write, and answers 1 if the signal was
 * then asserted, 0 if not (irq_test.h, IRQ_V10).
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/irq_v10.h"
#include "tests/partitions/irq/irq_devices.h"
#include "tests/partitions/irq/irq_test.h"

static psa_status_t probe(void)
{
    psa_signal_t seen;

    uart_tx_setup(IRQ_UART4);
    IRQ_UART4->data = 'V';
    seen = psa_wait(IRQ_V10_UART4_TX_SIGNAL, PSA_POLL);
    (void)uart_tx_clear(IRQ_UART4);
    if (seen != 0u) {
        psa_eoi(IRQ_V10_UART4_TX_SIGNAL);
    }
    IRQ_UART4->ctrl = 0u;
    return seen == IRQ_V10_UART4_TX_SIGNAL ? 1 : 0;
}

void irq_v10_main(void)
{
    for (;;) {
        psa_msg_t msg;
        psa_status_t status = PSA_SUCCESS;

        (void)psa_wait(IRQ_V10_SIGNAL, PSA_BLOCK);
        if (psa_get(IRQ_V10_SIGNAL, &msg) != PSA_SUCCESS) {
            continue;
        }
        if (msg.type == PSA_IPC_CALL) {
            status = probe();
        }
        psa_reply(msg.handle, status);
    }
}
