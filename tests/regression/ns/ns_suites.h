#ifndef WARDEN_NS_SUITES_H
#define WARDEN_NS_SUITES_H

#include "test_framework.h"

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

extern const struct ns_suite ns_backend_suites[];
extern const size_t ns_backend_suite_count;

/** True if a plain stateless echo still works (after a refused request). */
int ns_good_call_ok(void);

#endif /* WARDEN_NS_SUITES_H */
