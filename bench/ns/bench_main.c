/*
 * The benchmark driver (NS image): each operation is timed over
 * BENCH_REPS repetitions after BENCH_WARMUP untimed ones, calling the
 * veneers directly (no NS client library, no NS mutex: the figure is the
 * SPM's own). Every repetition's result is checked; a wrong one ends the
 * run with status 1, so nothing is measured that did not do its job.
 *
 * Output, one line per operation, then the clock and an end marker:
 *
 *   BENCH-BASELINE <key> <baseline key>     (for an op with a baseline)
 *   BENCH <key> <repetitions> <ticks> <label>
 *   BENCH-ABSENT <key>                      (the configuration lacks it)
 *   BENCH-CLOCK <SysTick Hz>
 *   BENCH-DONE
 *
 * The key "overhead" is the harness itself (a call to a function that only
 * returns); tools/bench/bench.py subtracts it (or an op's baseline) and
 * converts ticks to instructions.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "bench_ops.h"
#include "bench_timer.h"
#include "memory_map.h"
#include "ns_log.h"
#include "platform_ns.h"

/* The profiling image (warden_bench_ns_quick) builds with fewer. */
#ifndef BENCH_REPS
#define BENCH_REPS 1000u /* a multiple of BENCH_PHASES */
#endif
#define BENCH_WARMUP BENCH_PHASES

_Static_assert(BENCH_REPS % BENCH_PHASES == 0u,
               "every alignment must be used equally often");

/* Times op->run() @p reps times; false if a result was wrong. */
static bool measure(const struct bench_op *op, uint32_t reps, uint32_t *ticks)
{
    uint32_t sum = 0u;

    for (uint32_t i = 0; i < reps; i++) {
        uint32_t t0;
        uint32_t t1;
        int32_t ret;

        if (op->pre != NULL) {
            op->pre();
        }
        bench_align(i % BENCH_PHASES);
        t0 = bench_ticks();
        ret = op->run();
        t1 = bench_ticks();
        sum += bench_elapsed(t0, t1);
        if (!op->check(ret)) {
            ns_log("BENCH-FAIL %s returned %ld (repetition %lu)\r\n", op->key,
                   (long)ret, (unsigned long)i);
            return false;
        }
        if (op->post != NULL) {
            op->post();
        }
    }
    *ticks = sum;
    return true;
}

static bool run_op(const struct bench_op *op)
{
    uint32_t ticks = 0u;
    enum bench_setup state = BENCH_READY;
    bool ok;

    if (op->setup != NULL) {
        state = op->setup();
    }
    if (state == BENCH_ABSENT) {
        ns_log("BENCH-ABSENT %s\r\n", op->key);
        return true;
    }
    ok = state == BENCH_READY && measure(op, BENCH_WARMUP, &ticks) &&
         measure(op, BENCH_REPS, &ticks);
    if (op->teardown != NULL) {
        op->teardown();
    }
    if (!ok) {
        ns_log("BENCH-FAIL %s\r\n", op->key);
        return false;
    }
    if (op->baseline != NULL) {
        ns_log("BENCH-BASELINE %s %s\r\n", op->key, op->baseline);
    }
    ns_log("BENCH %s %lu %lu %s\r\n", op->key, (unsigned long)BENCH_REPS,
           (unsigned long)ticks, op->label);
    return true;
}

int ns_main(void)
{
    bench_timer_init();
    for (size_t i = 0; i < bench_op_count; i++) {
        if (!run_op(&bench_ops[i])) {
            return 1;
        }
    }
    ns_log("BENCH-CLOCK %lu\r\n", (unsigned long)AN505_SYSCLK_HZ);
    ns_log("BENCH-DONE\r\n");
    return 0;
}
