/* The secure benchmark client's timed repetitions (bench_reps.c). */
#ifndef WARDEN_BENCH_REPS_H
#define WARDEN_BENCH_REPS_H

#include <stdint.h>

/* BENCH_REPS of the secure image this is linked into: 1,000 in
 * warden_bench_s, 50 in warden_bench_s_quick (for profiling). */
extern const uint32_t bench_secure_reps;

#endif /* WARDEN_BENCH_REPS_H */
