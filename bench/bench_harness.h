/*
 * The benchmark's timing loop, shared by the NS driver (bench/ns/) and the
 * secure client partition of the IPC backend (bench/ipc/s2s/): each operation
 * is timed over a number of repetitions after BENCH_WARMUP untimed ones, each
 * repetition aligned to the SysTick (bench_timer.h), and every
 * repetition's result is checked, so nothing is measured that did not do
 * its job.
 *
 * Output, through the image's console, one or two lines per operation:
 *
 *   BENCH-BASELINE <key> <baseline key>     (for an op with a baseline)
 *   BENCH <key> <repetitions> <ticks> <label>
 *   BENCH-ABSENT <key>                      (the configuration lacks it)
 *   BENCH-FAIL <key> ...                    (a wrong result: the run fails)
 *
 * tools/bench/bench.py subtracts each op's baseline (the harness itself,
 * "overhead" or the secure client's "s2s_overhead", unless the op names
 * another) and converts ticks to instructions.
 */
#ifndef WARDEN_BENCH_HARNESS_H
#define WARDEN_BENCH_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bench_timer.h"

/* Timed repetitions: the profiling images (the *_quick ones) build with
 * fewer. A multiple of BENCH_PHASES, so that every alignment is used
 * equally often. */
#ifndef BENCH_REPS
#define BENCH_REPS 1000u
#endif
#define BENCH_WARMUP BENCH_PHASES

_Static_assert(BENCH_REPS % BENCH_PHASES == 0u,
               "every alignment must be used equally often");

/* What an operation's setup found. */
enum bench_setup {
    BENCH_READY,  /* time it */
    BENCH_ABSENT, /* the configuration does not have it: say so, go on */
    BENCH_BROKEN, /* it should work and does not: the run fails */
};

struct bench_op {
    const char *key;      /* results.json key: lower case, no spaces */
    const char *label;    /* for the table */
    const char *baseline; /* key of the op subtracted; NULL: "overhead" */
    enum bench_setup (*setup)(void); /* once, before timing; optional */
    void (*pre)(void);      /* before each repetition, untimed; optional */
    int32_t (*run)(void);   /* the timed operation */
    bool (*check)(int32_t); /* did run() do its job? untimed */
    void (*post)(void);     /* after each repetition, untimed; optional */
    void (*teardown)(void); /* once, after timing; optional */
};

/* The image's console (ns_log, warden_log). */
typedef void (*bench_log_fn)(const char *fmt, ...);

/**
 * Sets up, warms up and times @p op over @p reps repetitions (a multiple
 * of BENCH_PHASES), tears it down and prints its lines with @p log. The
 * SysTick must be running (bench_timer_init()). Returns false if the setup
 * was broken, a result wrong or @p reps not a multiple of BENCH_PHASES
 * (after a BENCH-FAIL line); true otherwise, an absent op included.
 */
bool bench_run(const struct bench_op *op, uint32_t reps, bench_log_fn log);

/* The harness overhead: a call that only returns (key "overhead"). */
int32_t bench_op_nothing(void);

/* Exactly 100 instructions more than bench_op_nothing(): tools/bench
 * checks that the method measures it as 100 (key "calibration"). */
int32_t bench_op_calibration(void);

/** Accepts any result (the two ops above). */
bool bench_any_result(int32_t ret);

/** True if @p ret is PSA_SUCCESS. */
bool bench_is_success(int32_t ret);

#endif /* WARDEN_BENCH_HARNESS_H */
