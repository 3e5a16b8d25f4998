/* NOP: connect, disconnect and every call succeed at once. */
#include "psa/service.h"
#include "psa_manifest/bench_nop_partition.h"

psa_status_t bench_nop_sfn(const psa_msg_t *msg)
{
    (void)msg;
    return PSA_SUCCESS;
}

psa_status_t bench_nop_conn_sfn(const psa_msg_t *msg)
{
    (void)msg;
    return PSA_SUCCESS;
}
