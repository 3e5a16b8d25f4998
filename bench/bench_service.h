/*
 * What the benchmark services do, for both models and the NS driver:
 *
 *   BENCH_NOP, BENCH_NOP_CONN    every request (connect, disconnect, call)
 *                                returns PSA_SUCCESS at once.
 *   BENCH_ECHO, BENCH_ECHO_CONN  a call reads invec i whole and writes it
 *                                to outvec i, for i = 0, 1, ... up to the
 *                                first empty invec, then returns
 *                                PSA_SUCCESS; PSA_ERROR_BUFFER_TOO_SMALL if
 *                                an invec is longer than its outvec or than
 *                                BENCH_ECHO_MAX. Connect and disconnect
 *                                succeed.
 */
#ifndef WARDEN_BENCH_SERVICE_H
#define WARDEN_BENCH_SERVICE_H

#include "psa/service.h"

#define BENCH_ECHO_MAX 256u

/** ECHO's reply to @p msg (any type), as described above. */
psa_status_t bench_echo(const psa_msg_t *msg);

#endif /* WARDEN_BENCH_SERVICE_H */
