/*
 * See bench_reps.h. The client partition is built once per configuration,
 * so its repetitions come from this object, linked into each secure image
 * with that image's BENCH_REPS (bench/CMakeLists.txt).
 */
#include "bench_reps.h"

#include "bench_harness.h"

const uint32_t bench_secure_reps = BENCH_REPS;
