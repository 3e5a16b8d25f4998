/*
 * WARDEN_SP_IRQ_VICTIM: each request (irq_test.h, IRQ_VICTIM) makes one
 * misuse of the IRQ API, which the SPM must refuse with a log line and
 * stop the partition for, under the fault policy. A case that needs its
 * signal asserted first asserts it the proper way.
 */
#include <assert.h>
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/irq_victim.h"
#include "tests/partitions/irq/irq_devices.h"
#include "tests/partitions/irq/irq_test.h"

#define SLIH UART2_TX_IRQ_SIGNAL
#define FLIH UART3_TX_IRQ_SIGNAL
/* Its service's signal under the IPC backend (the manifest tool gives
 * service i bit 4 + i); under the SFN backend no signal at all. */
#define SERVICE_SIGNAL (1u << 4)
/* What a misuse answers if the SPM let it pass. */
#define NOT_STOPPED 1

/* tests/run_all.py's table names these values. */
static_assert(SLIH == IRQ_TEST_FIRST_IRQ_SIGNAL &&
                  FLIH == IRQ_TEST_SECOND_IRQ_SIGNAL,
              "the victim's IRQ signals moved: update tests/run_all.py");

static const psa_signal_t bad_signals[IRQ_VICTIM_BAD_SIGNALS] = {
    0u, SLIH | FLIH, SERVICE_SIGNAL, PSA_DOORBELL, IRQ_TEST_PEER_SIGNAL,
};

/* The SPM's partition table (spm/spm.h): memory out of every boundary. */
extern uint32_t spm_partitions[];

/* What its FLIH does besides its work: a fault (cases 27 and 28). */
static volatile int32_t flih_misuse;

psa_flih_result_t uart3_tx_irq_flih(void)
{
    (void)uart_tx_clear(IRQ_UART3);
    if (flih_misuse == IRQ_VICTIM_FLIH_FAULT) {
        spm_partitions[0] = 0u; /* SPM memory: out of its boundary */
    } else if (flih_misuse == IRQ_VICTIM_FLIH_SVC) {
        (void)psa_irq_disable(FLIH); /* no PSA call from a FLIH */
    }
    return PSA_FLIH_SIGNAL;
}

/* Asserts the SLIH signal: UART2 sends a byte; its TX interrupt. */
static void assert_slih(void)
{
    psa_irq_enable(SLIH);
    uart_tx_setup(IRQ_UART2);
    IRQ_UART2->data = 'S';
    (void)psa_wait(SLIH, PSA_BLOCK);
    (void)uart_tx_clear(IRQ_UART2);
}

/* Asserts the FLIH signal: UART3 sends a byte; the FLIH signals. */
static void assert_flih(void)
{
    psa_irq_enable(FLIH);
    uart_tx_setup(IRQ_UART3);
    IRQ_UART3->data = 'F';
    (void)psa_wait(FLIH, PSA_BLOCK);
}

static void call_api(uint32_t api, psa_signal_t signal)
{
    switch (api) {
    case 0:
        psa_irq_enable(signal);
        break;
    case 1:
        (void)psa_irq_disable(signal);
        break;
    case 2:
        psa_eoi(signal);
        break;
    default:
        psa_reset_signal(signal);
        break;
    }
}

static void handling_misuse(int32_t which)
{
    switch (which) {
    case IRQ_VICTIM_EOI_FLIH:
        assert_flih();
        psa_eoi(FLIH);
        break;
    case IRQ_VICTIM_RESET_SLIH:
        assert_slih();
        psa_reset_signal(SLIH);
        break;
    case IRQ_VICTIM_EOI_NEVER:
        psa_irq_enable(SLIH);
        psa_eoi(SLIH);
        break;
    case IRQ_VICTIM_EOI_TWICE:
        assert_slih();
        psa_eoi(SLIH);
        psa_eoi(SLIH);
        break;
    case IRQ_VICTIM_RESET_NEVER:
        psa_irq_enable(FLIH);
        psa_reset_signal(FLIH);
        break;
    case IRQ_VICTIM_RESET_TWICE:
        assert_flih();
        psa_reset_signal(FLIH);
        psa_reset_signal(FLIH);
        break;
    default: /* the FLIH faults: the partition stops before the wait ends */
        flih_misuse = which;
        assert_flih();
        break;
    }
}

psa_status_t irq_victim_sfn(const psa_msg_t *msg)
{
    int32_t which = msg->type;

    if (which == IRQ_VICTIM_ALIVE) {
        return PSA_SUCCESS;
    }
    if (which < IRQ_VICTIM_ALIVE || which > IRQ_VICTIM_CASES) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (which < IRQ_VICTIM_EOI_FLIH) {
        uint32_t index = (uint32_t)which - 1u;

        call_api(index / IRQ_VICTIM_BAD_SIGNALS,
                 bad_signals[index % IRQ_VICTIM_BAD_SIGNALS]);
    } else {
        handling_misuse(which);
    }
    return NOT_STOPPED;
}
