/*
 * WARDEN_SP_IRQ: a partition's side of secure interrupts, driven by the
 * host's NS suite (warden_irq_test.h). Its secure function only polls
 * (psa_wait() with PSA_POLL): the NS side raises the lines before it asks.
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/warden_irq_partition.h"
#include "tests/partitions/irq_host/warden_irq_test.h"

static uint32_t flih_calls;

psa_flih_result_t warden_irq_flih_flih(void)
{
    flih_calls++;
    return (flih_calls % 2u == 0u) ? PSA_FLIH_SIGNAL : PSA_FLIH_NO_SIGNAL;
}

/* 1 if @p signal was asserted, ended with @p end; 0 if it was not. */
static psa_status_t end_if_asserted(psa_signal_t signal,
                                    void (*end)(psa_signal_t))
{
    if (psa_wait(signal, PSA_POLL) != signal) {
        return 0;
    }
    end(signal);
    return 1;
}

psa_status_t warden_irq_test_sfn(const psa_msg_t *msg)
{
    switch (msg->type) {
    case IRQ_TYPE_ENABLE_SLIH:
        psa_irq_enable(WARDEN_IRQ_SLIH_SIGNAL);
        return 0;
    case IRQ_TYPE_DISABLE_SLIH:
        return (psa_status_t)psa_irq_disable(WARDEN_IRQ_SLIH_SIGNAL);
    case IRQ_TYPE_END_SLIH:
        return end_if_asserted(WARDEN_IRQ_SLIH_SIGNAL, psa_eoi);
    case IRQ_TYPE_ENABLE_FLIH:
        psa_irq_enable(WARDEN_IRQ_FLIH_SIGNAL);
        return 0;
    case IRQ_TYPE_DISABLE_FLIH:
        return (psa_status_t)psa_irq_disable(WARDEN_IRQ_FLIH_SIGNAL);
    case IRQ_TYPE_RESET_FLIH:
        return end_if_asserted(WARDEN_IRQ_FLIH_SIGNAL, psa_reset_signal);
    case IRQ_TYPE_FLIH_CALLS:
        return (psa_status_t)flih_calls;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}
