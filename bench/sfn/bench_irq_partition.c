/* Interrupt latency, SFN model: the FLIH stops its timer and asks for
 * nothing; an SLIH request waits in its secure function for the
 * interrupt (bench_irq_woken()), stops the timer and ends it. */
#include "bench_irq_timer.h"
#include "psa/service.h"
#include "psa_manifest/bench_irq_partition.h"

/* The first thing the SLIH's partition code does once woken: a function of
 * its own, whose address tools/bench/irq_latency.py finds in the trace. */
void bench_irq_woken(void);

__attribute__((noinline)) void bench_irq_woken(void)
{
    __asm volatile("" ::: "memory");
}

psa_flih_result_t bench_flih_irq_flih(void)
{
    bench_timer_stop(BENCH_TIMER0);
    return PSA_FLIH_NO_SIGNAL;
}

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
