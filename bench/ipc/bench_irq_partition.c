/* Interrupt latency, IPC model: the SLIH's thread wakes
 * (bench_irq_woken()), stops its timer and ends the interrupt; the FLIH is
 * bench/irq/bench_irq_handlers.c. */
#include "bench_irq_handlers.h"
#include "bench_irq_timer.h"
#include "psa/service.h"
#include "psa_manifest/bench_irq_partition.h"

static void serve(void)
{
    psa_msg_t msg;

    if (psa_get(BENCH_IRQ_SIGNAL, &msg) != PSA_SUCCESS) {
        return;
    }
    bench_timer_arm(msg.type == BENCH_IRQ_ARM_FLIH ? BENCH_TIMER0
                                                   : BENCH_TIMER1);
    psa_reply(msg.handle, PSA_SUCCESS);
}

void bench_irq_main(void)
{
    psa_irq_enable(BENCH_FLIH_IRQ_SIGNAL);
    psa_irq_enable(BENCH_SLIH_IRQ_SIGNAL);
    for (;;) {
        psa_signal_t signals = psa_wait(PSA_WAIT_ANY, PSA_BLOCK);

        if ((signals & BENCH_SLIH_IRQ_SIGNAL) != 0u) {
            bench_irq_woken();
            bench_timer_stop(BENCH_TIMER1);
            psa_eoi(BENCH_SLIH_IRQ_SIGNAL);
        }
        if ((signals & BENCH_IRQ_SIGNAL) != 0u) {
            serve();
        }
    }
}
