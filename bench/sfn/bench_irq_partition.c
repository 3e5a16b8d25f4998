/* Interrupt latency, SFN model: an SLIH request waits in its secure
 * function for the interrupt (bench_irq_woken()), stops the timer and ends
 * it; the FLIH is bench/irq/bench_irq_handlers.c. */
#include "bench_irq_handlers.h"
#include "bench_irq_timer.h"
#include "psa/service.h"
#include "psa_manifest/bench_irq_partition.h"

psa_status_t bench_irq_init(void)
{
    psa_irq_enable(BENCH_FLIH_IRQ_SIGNAL);
    psa_irq_enable(BENCH_SLIH_IRQ_SIGNAL);
    return PSA_SUCCESS;
}

psa_status_t bench_irq_sfn(const psa_msg_t *msg)
{
    if (msg->type == BENCH_IRQ_ARM_FLIH) {
        bench_timer_arm(BENCH_TIMER0);
        return PSA_SUCCESS;
    }
    bench_timer_arm(BENCH_TIMER1);
    (void)psa_wait(BENCH_SLIH_IRQ_SIGNAL, PSA_BLOCK);
    bench_irq_woken();
    bench_timer_stop(BENCH_TIMER1);
    psa_eoi(BENCH_SLIH_IRQ_SIGNAL);
    return PSA_SUCCESS;
}
