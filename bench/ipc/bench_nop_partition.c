/* NOP, IPC model: every message is answered PSA_SUCCESS at once. */
#include "psa/service.h"
#include "psa_manifest/bench_nop_partition.h"

/* Answers the message behind @p signal, if it is asserted. */
static void serve(psa_signal_t signals, psa_signal_t signal)
{
    psa_msg_t msg;

    if ((signals & signal) != 0u && psa_get(signal, &msg) == PSA_SUCCESS) {
        psa_reply(msg.handle, PSA_SUCCESS);
    }
}

void bench_nop_main(void)
{
    for (;;) {
        psa_signal_t signals = psa_wait(PSA_WAIT_ANY, PSA_BLOCK);

        serve(signals, BENCH_NOP_SIGNAL);
        serve(signals, BENCH_NOP_CONN_SIGNAL);
    }
}
