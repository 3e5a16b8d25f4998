/* ECHO, IPC model (bench_service.h). */
#include "bench_service.h"
#include "psa/service.h"
#include "psa_manifest/bench_echo_partition.h"

/* Answers the message behind @p signal, if it is asserted. */
static void serve(psa_signal_t signals, psa_signal_t signal)
{
    psa_msg_t msg;

    if ((signals & signal) != 0u && psa_get(signal, &msg) == PSA_SUCCESS) {
        psa_reply(msg.handle, bench_echo(&msg));
    }
}

void bench_echo_main(void)
{
    for (;;) {
        psa_signal_t signals = psa_wait(PSA_WAIT_ANY, PSA_BLOCK);

        serve(signals, BENCH_ECHO_SIGNAL);
        serve(signals, BENCH_ECHO_CONN_SIGNAL);
    }
}
