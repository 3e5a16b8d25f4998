/*
 * The hosted NS side has no MPU: the tests of NS memory its MPU makes
 * read-only run on QEMU only (ns_mpu_an505.c).
 */
#include "ns_suites.h"

const struct ns_suite ns_mpu_suite = { "ns_mpu", NULL, 0 };
