/* Interrupt latency, IPC model: the FLIH stops its timer and asks for
 * nothing; the SLIH's thread wakes (bench_irq_woken()), stops its timer
 * and ends the interrupt. */
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
