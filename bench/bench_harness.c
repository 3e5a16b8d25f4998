/* See bench_harness.h. */
#include "bench_harness.h"

#include "psa/error.h"

/* Times op->run() @p reps times; false if a result was wrong. */
static bool measure(const struct bench_op *op, uint32_t reps, uint32_t *ticks,
                    bench_log_fn log)
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
            log("BENCH-FAIL %s returned %ld (repetition %lu)\r\n", op->key,
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

bool bench_run(const struct bench_op *op, uint32_t reps, bench_log_fn log)
{
    uint32_t ticks = 0u;
    enum bench_setup state = BENCH_READY;
    bool ok;

    if (reps % BENCH_PHASES != 0u) {
        log("BENCH-FAIL %s: %lu repetitions\r\n", op->key, (unsigned long)reps);
        return false;
    }
    if (op->setup != NULL) {
        state = op->setup();
    }
    if (state == BENCH_ABSENT) {
        log("BENCH-ABSENT %s\r\n", op->key);
        return true;
    }
    ok = state == BENCH_READY && measure(op, BENCH_WARMUP, &ticks, log) &&
         measure(op, reps, &ticks, log);
    if (op->teardown != NULL) {
        op->teardown();
    }
    if (!ok) {
        log("BENCH-FAIL %s\r\n", op->key);
        return false;
    }
    if (op->baseline != NULL) {
        log("BENCH-BASELINE %s %s\r\n", op->key, op->baseline);
    }
    log("BENCH %s %lu %lu %s\r\n", op->key, (unsigned long)reps,
        (unsigned long)ticks, op->label);
    return true;
}

__attribute__((naked)) int32_t bench_op_nothing(void)
{
    __asm volatile("bx lr");
}

__attribute__((naked)) int32_t bench_op_calibration(void)
{
    __asm volatile(".rept 100\n\t"
                   "nop\n\t"
                   ".endr\n\t"
                   "bx lr");
}

bool bench_any_result(int32_t ret)
{
    (void)ret;
    return true;
}

bool bench_is_success(int32_t ret)
{
    return ret == PSA_SUCCESS;
}
