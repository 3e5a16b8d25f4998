/*
 * The benchmark driver (NS image): times each operation of bench_ops.c
 * (bench_harness.h), calling the veneers directly (no NS client library,
 * no NS mutex: the figure is the SPM's own), then prints the clock and an
 * end marker:
 *
 *   BENCH ... lines (bench_harness.h), one or two per operation
 *   BENCH-CLOCK <SysTick Hz>
 *   BENCH-DONE
 */
#include <stdbool.h>
#include <stdint.h>

#include "bench_harness.h"
#include "bench_ops.h"
#include "memory_map.h"
#include "ns_log.h"
#include "platform_ns.h"

int ns_main(void)
{
    bench_timer_init();
    for (size_t i = 0; i < bench_op_count; i++) {
        if (!bench_run(&bench_ops[i], BENCH_REPS, ns_log)) {
            return 1;
        }
    }
    ns_log("BENCH-CLOCK %lu\r\n", (unsigned long)AN505_SYSCLK_HZ);
    ns_log("BENCH-DONE\r\n");
    return 0;
}
