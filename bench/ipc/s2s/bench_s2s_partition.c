/*
 * The secure benchmark client (IPC model): times the operations of
 * bench_s2s_ops.c from this partition, printing BENCH lines with keys
 * "s2s_..." on the secure console, then serves BENCH_S2S
 * (bench_service.h) with the verdict.
 *
 * It runs at boot, before the NS image: at LOW priority it starts once NOP
 * and ECHO wait for requests, and the NS agent runs only when no secure
 * thread is ready, which this one is until it blocks in psa_wait() below.
 * So the secure SysTick it times with is read while nothing but this
 * partition, the SPM and the services runs (the SPM itself uses no
 * SysTick: the IPC backend does not slice time, and no secure interrupt
 * is enabled), and the NS driver's timing, which comes later, is not
 * disturbed. tools/bench/bench.py builds it only into a second build of an
 * IPC configuration (manifest_list.yaml here) and keeps only its figures
 * from that build.
 */
#include "bench_harness.h"
#include "bench_reps.h"
#include "bench_s2s_ops.h"
#include "bench_service.h"
#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/bench_s2s_partition.h"
#include "psa_manifest/sid.h"
#include "warden/log.h"

_Static_assert(BENCH_S2S_SID == BENCH_S2S_STATUS_SID,
               "bench_service.h names BENCH_S2S's SID for the NS driver");

static bool run_all(void)
{
    bench_timer_init();
    for (size_t i = 0; i < bench_s2s_op_count; i++) {
        if (!bench_run(&bench_s2s_ops[i], bench_secure_reps, warden_log)) {
            return false;
        }
    }
    warden_log("BENCH-S2S-DONE\r\n");
    return true;
}

void bench_s2s_main(void)
{
    psa_status_t verdict =
        run_all() ? PSA_SUCCESS : PSA_ERROR_CONNECTION_REFUSED;

    for (;;) {
        psa_signal_t signals = psa_wait(BENCH_S2S_SIGNAL, PSA_BLOCK);
        psa_msg_t msg;

        if ((signals & BENCH_S2S_SIGNAL) != 0u &&
            psa_get(BENCH_S2S_SIGNAL, &msg) == PSA_SUCCESS) {
            psa_reply(msg.handle,
                      msg.type == PSA_IPC_CONNECT ? verdict : PSA_SUCCESS);
        }
    }
}
