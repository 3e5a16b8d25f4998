/*
 * On the host there is no stack limit register and no interrupt: the stack
 * overflow and NS-interrupt tests run on QEMU only (ns_ipc_an505.c).
 */
#include "ns_suites.h"

const struct ns_suite ns_ipc_target_suite = { "ns_ipc_target", NULL, 0 };
