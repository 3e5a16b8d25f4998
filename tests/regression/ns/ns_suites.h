#ifndef WARDEN_NS_SUITES_H
#define WARDEN_NS_SUITES_H

#include "psa/client.h"
#include "tests/regression/framework/test_framework.h"

/** Good calls: every client API function and what services see. */
void ns_suite_client_api(struct tf_totals *totals);

/** Every bad input the SPM refuses, each followed by a good call. */
void ns_suite_bad_input(struct tf_totals *totals);

/** A suite of the running backend (ns_suites_sfn.c or ns_suite_ipc.c). */
struct ns_suite {
    const char *name;
    const struct test_t *tests;
    size_t count;
};

extern const struct ns_suite *const ns_backend_suites[];
extern const size_t ns_backend_suite_count;

/** IPC suite: true if @p victim fails its request and stays stopped while
 * every other partition keeps serving. */
int victim_stopped(psa_handle_t victim);

/* IPC tests that need the real machine (ns_ipc_an505.c; none on host). */
extern const struct ns_suite ns_ipc_target_suite;

/* Tests of the NS MPU's read-only memory (ns_mpu_an505.c; none on host). */
extern const struct ns_suite ns_mpu_suite;

/* Secure interrupts raised by the NS side (ns_irq_host.c; none on
 * QEMU). */
extern const struct ns_suite ns_irq_suite;

/* Partitions' heaps (ns_suite_heap.c). */
extern const struct ns_suite ns_heap_suite;

/** True if a plain stateless echo still works (after a refused request). */
int ns_good_call_ok(void);

#endif /* WARDEN_NS_SUITES_H */
