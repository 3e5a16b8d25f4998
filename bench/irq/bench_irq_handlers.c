/*
 * The interrupt benchmark's handlers, the same in both models' BENCH_IRQ
 * partition (built into each): the FLIH stops its timer and asks for
 * nothing; bench_irq_woken() is the first thing the SLIH's partition code
 * does once woken, a function of its own whose address
 * tools/bench/irq_latency.py finds in the trace.
 */
#include "bench_irq_handlers.h"

#include "bench_irq_timer.h"
#include "psa/service.h"
#include "psa_manifest/bench_irq_partition.h"

__attribute__((noinline)) void bench_irq_woken(void)
{
    __asm volatile("" ::: "memory");
}

psa_flih_result_t bench_flih_irq_flih(void)
{
    bench_timer_stop(BENCH_TIMER0);
    return PSA_FLIH_NO_SIGNAL;
}
