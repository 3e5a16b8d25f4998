/*
 * WARDEN_SP_FP_A (fp_test.h): at each FP_OP_RUN it looks at the FP
 * registers it was given (no value of FP_B's may be there), then loads
 * its own values into all of them and calls FP_B while holding them. No
 * value of FP_FLIH's, whose interrupts come at any time, may be found
 * before or after.
 *
 * What must come back depends on how FP_B runs. Under the IPC backend it
 * runs in a thread of its own: the switches there and back keep every
 * register of FP_A's thread, FPSCR included, and no value of FP_B's
 * reaches it. Under the SFN backend FP_B runs inside this call, as a
 * function: it may change s0-s15 and FPSCR (AAPCS caller-saved, and they
 * then hold its values) but must give s16-s31 back.
 */
#include <stdint.h>

#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/fp_a.h"
#include "psa_manifest/sid.h"
#include "tests/fp/fp_hold.h"
#include "tests/partitions/fp/fp_serve.h"
#include "tests/partitions/fp/fp_test.h"
#include "warden/config.h"

/* 1 when FP_B runs in a thread of its own (the IPC backend). */
#if defined(CONFIG_TFM_SPM_BACKEND_IPC)
#define FP_B_OWN_THREAD 1
#else
#define FP_B_OWN_THREAD 0
#endif

static struct fp_counts counts;

struct b_call {
    psa_status_t status;
};

/* What fp_hold_call() runs: the call to FP_B (no FP register used). */
static void call_b(void *arg)
{
    struct b_call *c = arg;

    c->status = psa_call(FP_B_HANDLE, FP_OP_RUN, NULL, 0, NULL, 0);
}

static psa_status_t run(void)
{
    uint32_t seen[FP_WORDS];
    uint32_t in[FP_WORDS];
    uint32_t out[FP_WORDS];
    struct b_call c = { PSA_ERROR_GENERIC_ERROR };
    /* What must come back as loaded: every register and FPSCR when FP_B
     * runs in a thread of its own; s16-s31 when it runs in this call,
     * where s0-s15 and FPSCR are its to change. */
    const uint32_t from = FP_B_OWN_THREAD ? 0u : FP_CALLER_REGS;
    const uint32_t to = FP_B_OWN_THREAD ? FP_WORDS : FP_REGS;
    uint32_t reg;

    fp_read(seen); /* first: before anything here uses an FP register */
    fp_pattern(in, FP_BASE_A, FP_FPSCR_A);
    fp_hold_call(in, out, call_b, &c);
    reg = fp_first_of(seen, FP_BASE_B);
    if (reg < FP_REGS) {
        return fp_fail(&counts, FP_FAIL_A_SAW_B, seen, reg, 0u);
    }
    /* The FLIH's values never reach the code it interrupted. */
    reg = fp_first_of(seen, FP_BASE_FLIH);
    if (reg < FP_REGS) {
        return fp_fail(&counts, FP_FAIL_A_SAW_FLIH, seen, reg, 0u);
    }
    reg = fp_first_of(out, FP_BASE_FLIH);
    if (reg < FP_REGS) {
        return fp_fail(&counts, FP_FAIL_A_SAW_FLIH, out, reg, 0u);
    }
    if (c.status != PSA_SUCCESS) {
        return fp_fail(&counts, FP_FAIL_A_CALL, out, FP_WORDS,
                       (uint32_t)c.status);
    }
    reg = fp_first_of(out, FP_BASE_B);
    if (FP_B_OWN_THREAD && reg < FP_REGS) {
        return fp_fail(&counts, FP_FAIL_A_LEAKED, out, reg, in[reg]);
    }
    reg = fp_first_diff(out, in, from, to);
    if (reg < to) {
        return fp_fail(&counts, FP_FAIL_A_CHANGED, out, reg, in[reg]);
    }
    return PSA_SUCCESS;
}

psa_status_t fp_a_sfn(const psa_msg_t *msg)
{
    return fp_serve(msg, &counts, run);
}
