/* The operations the secure benchmark client times (bench_s2s_ops.c). */
#ifndef WARDEN_BENCH_S2S_OPS_H
#define WARDEN_BENCH_S2S_OPS_H

#include <stddef.h>

#include "bench_harness.h"

/* In table order; the first is the harness overhead ("s2s_overhead"),
 * which every other op names as its baseline; the second a known length
 * ("s2s_calibration"). */
extern const struct bench_op bench_s2s_ops[];
extern const size_t bench_s2s_op_count;

#endif /* WARDEN_BENCH_S2S_OPS_H */
