/* The NSCE switch with a secure call in flight (bench_switch.c). */
#ifndef WARDEN_BENCH_SWITCH_H
#define WARDEN_BENCH_SWITCH_H

#include <stdbool.h>

#include "bench_harness.h"

/**
 * Times "nsce_switch_in_flight" as bench_run() does, or prints it absent
 * (no NS contexts of their own in this build). Run it after the table:
 * it needs NSCE, which nsce_load_save started. False if it failed.
 */
bool bench_switch_in_flight(bench_log_fn log);

#endif /* WARDEN_BENCH_SWITCH_H */
