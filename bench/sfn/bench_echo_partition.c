/* ECHO, SFN model (bench_service.h). */
#include "bench_service.h"
#include "psa/service.h"
#include "psa_manifest/bench_echo_partition.h"

psa_status_t bench_echo_sfn(const psa_msg_t *msg)
{
    return bench_echo(msg);
}

psa_status_t bench_echo_conn_sfn(const psa_msg_t *msg)
{
    return bench_echo(msg);
}
