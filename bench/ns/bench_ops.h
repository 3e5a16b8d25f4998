/* The operations the NS benchmark driver times (bench_ops.c). */
#ifndef WARDEN_BENCH_OPS_H
#define WARDEN_BENCH_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bench_op {
    const char *key;        /* results.json key: lower case, no spaces */
    const char *label;      /* for the table */
    bool (*setup)(void);    /* once, before timing; optional */
    void (*pre)(void);      /* before each repetition, untimed; optional */
    int32_t (*run)(void);   /* the timed operation */
    bool (*check)(int32_t); /* did run() do its job? untimed */
    void (*post)(void);     /* after each repetition, untimed; optional */
    void (*teardown)(void); /* once, after timing; optional */
};

/* In table order; the first is the harness overhead ("overhead"), the
 * second a known length ("calibration"). */
extern const struct bench_op bench_ops[];
extern const size_t bench_op_count;

#endif /* WARDEN_BENCH_OPS_H */
