/*
 * The interrupt benchmark's driver (NS image warden_bench_ns_irq.elf, run by
 * tools/bench/irq_latency.py under an instruction trace): asks the
 * BENCH_IRQ service to arm its FLIH timer and spins in bench_irq_spin(),
 * where the interrupt lands; then the same with the SLIH timer. Twice
 * each: the second round is the one measured (nothing is cold there).
 *
 *   BENCH-IRQ-DONE    every call succeeded
 */
#include <stdint.h>

#include "bench_irq_timer.h"
#include "ns_log.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tfm_psa_call_pack.h"
#include "tfm_veneers.h"

/* Where the interrupts land: long enough for the timer to expire (its
 * ticks are tens of instructions) and for everything after. */
void bench_irq_spin(void);

__attribute__((noinline)) void bench_irq_spin(void)
{
    for (volatile uint32_t i = 0; i < 20000u; i++) {
    }
}

static int arm(int32_t type)
{
    psa_status_t status = tfm_psa_call_veneer(
        BENCH_IRQ_HANDLE, PARAM_PACK(type, 0, 0), NULL, NULL);

    if (status != PSA_SUCCESS) {
        ns_log("BENCH-FAIL irq: arming %ld: %ld\r\n", (long)type, (long)status);
        return 1;
    }
    bench_irq_spin();
    return 0;
}

int ns_main(void)
{
    for (int round = 0; round < 2; round++) {
        if (arm(BENCH_IRQ_ARM_FLIH) != 0 || arm(BENCH_IRQ_ARM_SLIH) != 0) {
            return 1;
        }
    }
    ns_log("BENCH-IRQ-DONE\r\n");
    return 0;
}
