/* NOP and ECHO, SFN model, stateless only (bench_service.h). */
#include "bench_service.h"
#include "psa/service.h"
#include "psa_manifest/bench_min_partition.h"

psa_status_t bench_nop_sfn(const psa_msg_t *msg)
{
    (void)msg;
    return PSA_SUCCESS;
}

psa_status_t bench_echo_sfn(const psa_msg_t *msg)
{
    return bench_echo(msg);
}
