/* NOP and ECHO, IPC model, stateless only (bench_service.h). */
#include "bench_service.h"
#include "psa/service.h"
#include "psa_manifest/bench_min_partition.h"

void bench_min_main(void)
{
    for (;;) {
        psa_signal_t signals = psa_wait(PSA_WAIT_ANY, PSA_BLOCK);
        psa_msg_t msg;

        if ((signals & BENCH_NOP_SIGNAL) != 0u &&
            psa_get(BENCH_NOP_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, PSA_SUCCESS);
        }
        if ((signals & BENCH_ECHO_SIGNAL) != 0u &&
            psa_get(BENCH_ECHO_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle, bench_echo(&msg));
        }
    }
}
