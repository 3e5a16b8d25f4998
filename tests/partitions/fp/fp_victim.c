/*
 * WARDEN_SP_FP_VICTIM (fp_test.h): at its first FP_OP_RUN it loads its
 * own values into every FP register and faults (an undefined instruction)
 * while holding them. Under the `terminate` policy it is stopped and its
 * client gets PSA_ERROR_SERVICE_FAILURE; the code that runs next, whether
 * another thread (IPC backend) or its caller after the unwinding (SFN
 * backend), must find none of its values in the FP registers.
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/fp_victim.h"
#include "tests/fp/fp_hold.h"
#include "tests/partitions/fp/fp_test.h"

/* What fp_hold_call() runs: the fault. */
static void trap(void *arg)
{
    (void)arg;
    __builtin_trap();
}

psa_status_t fp_victim_sfn(const psa_msg_t *msg)
{
    uint32_t in[FP_WORDS];
    uint32_t out[FP_WORDS];

    if (msg->type != FP_OP_RUN) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    fp_pattern(in, FP_BASE_VICTIM, FP_FPSCR_VICTIM);
    fp_hold_call(in, out, trap, NULL);
    return PSA_SUCCESS; /* not reached: the fault stops the partition */
}
