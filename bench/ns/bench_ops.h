/* The operations the NS benchmark driver times (bench_ops.c). */
#ifndef WARDEN_BENCH_OPS_H
#define WARDEN_BENCH_OPS_H

#include <stddef.h>

#include "bench_harness.h"

/* In table order; the first is the harness overhead ("overhead"), the
 * second a known length ("calibration"). An op named as a baseline is
 * timed like the others and left out of the table. */
extern const struct bench_op bench_ops[];
extern const size_t bench_op_count;

/** Runs @p op in NS Handler mode (the NS SVC) and returns its result. */
int32_t bench_in_handler(int32_t (*op)(void));

#endif /* WARDEN_BENCH_OPS_H */
