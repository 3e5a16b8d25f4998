/* The SFN backend has no suite of its own beyond the common ones. */
#include "ns_suites.h"

const struct ns_suite *const ns_backend_suites[1];
const size_t ns_backend_suite_count = 0;
