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
 *
 * In the IPC builds with the secure client (bench/ipc/s2s/), it serves
 * BENCH_S2S, connection-based, once it has timed its operations: a connect
 * is accepted if all of them did their job, refused otherwise. The NS
 * driver connects to it before it times anything.
 */
#ifndef WARDEN_BENCH_SERVICE_H
#define WARDEN_BENCH_SERVICE_H

#include "psa/service.h"

#define BENCH_ECHO_MAX 256u

/* BENCH_S2S's SID (bench/ipc/s2s/bench_s2s_partition.yaml), for the NS
 * driver, which must also build where the service does not exist. */
#define BENCH_S2S_STATUS_SID 0x0000BE20u

/** ECHO's reply to @p msg (any type), as described above. */
psa_status_t bench_echo(const psa_msg_t *msg);

#endif /* WARDEN_BENCH_SERVICE_H */
