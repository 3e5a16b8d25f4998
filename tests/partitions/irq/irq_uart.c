/*
 * WARDEN_SP_IRQ_UART: an interrupt-driven UART1 driver (irq_test.h,
 * IRQ_UART). It sends the request's bytes one at a time and, after each,
 * waits in psa_wait() for the TX interrupt (an SLIH) that says the byte
 * has left, takes it back at the UART and calls psa_eoi().
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/irq_uart.h"
#include "tests/partitions/irq/irq_devices.h"
#include "tests/partitions/irq/irq_test.h"

#define MAX_BYTES 128u

static_assert(UART1_TX_IRQ_SIGNAL == IRQ_TEST_FIRST_IRQ_SIGNAL,
              "a partition's first IRQ signal is bit 31");

static void send(const uint8_t *text, size_t n, struct irq_uart_report *r)
{
    uart_tx_setup(IRQ_UART1);
    psa_irq_enable(UART1_TX_IRQ_SIGNAL);
    for (size_t i = 0; i < n; i++) {
        if (IRQ_UART1->state & CMSDK_UART_STATE_TXFULL) {
            r->busy++;
        }
        IRQ_UART1->data = text[i];
        r->bytes++;
        if (psa_wait(UART1_TX_IRQ_SIGNAL, PSA_BLOCK) != UART1_TX_IRQ_SIGNAL) {
            break;
        }
        r->interrupts++;
        if (!uart_tx_clear(IRQ_UART1)) {
            r->spurious++;
        }
        psa_eoi(UART1_TX_IRQ_SIGNAL);
    }
    r->disable_ret = psa_irq_disable(UART1_TX_IRQ_SIGNAL);
    IRQ_UART1->ctrl = 0u;
}

psa_status_t irq_uart_sfn(const psa_msg_t *msg)
{
    uint8_t text[MAX_BYTES];
    struct irq_uart_report r = { 0 };
    size_t n;

    if (msg->in_size[0] > sizeof(text) || msg->out_size[0] < sizeof(r)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    n = psa_read(msg->handle, 0, text, sizeof(text));
    send(text, n, &r);
    psa_write(msg->handle, 0, &r, sizeof(r));
    return (psa_status_t)r.bytes;
}
