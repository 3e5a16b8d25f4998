/* The operations the NS benchmark driver times (bench_ops.c). */
#ifndef WARDEN_BENCH_OPS_H
#define WARDEN_BENCH_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* In table order; the first is the harness overhead ("overhead"), the
 * second a known length ("calibration"). An op named as a baseline is
 * timed like the others and left out of the table. */
extern const struct bench_op bench_ops[];
extern const size_t bench_op_count;

#endif /* WARDEN_BENCH_OPS_H */
