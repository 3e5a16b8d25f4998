/*
 * The benchmark driver (NS image): times each operation of bench_ops.c
 * (bench_harness.h), calling the veneers directly (no NS client library,
 * no NS mutex: the figure is the SPM's own), then prints the clock and an
 * end marker:
 *
 *   BENCH ... lines (bench_harness.h), one or two per operation
 *   BENCH-CLOCK <SysTick Hz>
 *   BENCH-DONE
 *
 * In the IPC builds with the secure client (bench/ipc/s2s/), that
 * partition has timed its own operations (keys "s2s_...") before this
 * image ran: the driver first asks it whether they all did their job, and
 * ends the run with status 1 if not, as it does for a wrong result of its
 * own.
 */
#include <stdbool.h>
#include <stdint.h>

#include "bench_harness.h"
#include "bench_ops.h"
#include "bench_service.h"
#include "bench_switch.h"
#include "memory_map.h"
#include "ns_log.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "tfm_veneers.h"

/* The secure client's verdict (bench_service.h); true if there is none. */
static bool secure_client_passed(void)
{
    psa_handle_t h;

    if (tfm_psa_version_veneer(BENCH_S2S_STATUS_SID) == PSA_VERSION_NONE) {
        return true; /* no secure client in this configuration */
    }
    h = tfm_psa_connect_veneer(BENCH_S2S_STATUS_SID, 1u);
    if (!PSA_HANDLE_IS_VALID(h)) {
        ns_log("BENCH-FAIL s2s: the secure client's run failed (%ld)\r\n",
               (long)h);
        return false;
    }
    (void)tfm_psa_close_veneer(h);
    return true;
}

int ns_main(void)
{
    if (!secure_client_passed()) {
        return 1;
    }
    bench_timer_init();
    for (size_t i = 0; i < bench_op_count; i++) {
        if (!bench_run(&bench_ops[i], BENCH_REPS, ns_log)) {
            return 1;
        }
    }
    if (!bench_switch_in_flight(ns_log)) {
        return 1;
    }
    ns_log("BENCH-CLOCK %lu\r\n", (unsigned long)AN505_SYSCLK_HZ);
    ns_log("BENCH-DONE\r\n");
    return 0;
}
