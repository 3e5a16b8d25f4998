/* The benchmark-only veneer (bench/secure/bench_veneer.c). */
#ifndef WARDEN_BENCH_VENEER_H
#define WARDEN_BENCH_VENEER_H

#include <stdint.h>

/** Does nothing; returns 0. The cost of crossing to Secure and back. */
uint32_t warden_bench_floor_veneer(void);

#endif /* WARDEN_BENCH_VENEER_H */
