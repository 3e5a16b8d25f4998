/*
 * WARDEN_SP_FP_B (fp_test.h): at each FP_OP_RUN it loads its own values
 * into every FP register and holds them across some FP arithmetic, which
 * must come out right and leave s16-s31 and the FPSCR modes as loaded.
 *
 * Under the IPC backend it runs in a thread of its own and first looks at
 * the FP registers its thread resumed with: no value of FP_A's may be
 * there. Under the SFN backend it runs inside its caller's call (FP_A's,
 * or the NS task's) and sees that caller's registers, as any function
 * does: nothing to look for then. Under either, no value of FP_FLIH's,
 * whose interrupts come at any time, may be found before or after.
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/fp_b.h"
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

/* The arithmetic: a sum of halves, exact in every rounding mode. */
#define WORK_STEPS 64u
#define WORK_SUM   80.0f /* 16 rounds of 0.5 + 1.0 + 1.5 + 2.0 */

static struct fp_counts counts;
/* Read at each step: the compiler cannot work the sum out beforehand. */
static volatile float steps[4] = { 0.5f, 1.0f, 1.5f, 2.0f };

/* What fp_hold_call() runs: FP arithmetic (in s0-s15, and in s16-s31
 * only if saved first: AAPCS), its result in *@p arg. */
static void add_up(void *arg)
{
    float acc = 0.0f;

    for (uint32_t i = 0; i < WORK_STEPS; i++) {
        acc += steps[i % 4u];
    }
    *(float *)arg = acc;
}

static psa_status_t run(void)
{
    uint32_t seen[FP_WORDS];
    uint32_t in[FP_WORDS];
    uint32_t out[FP_WORDS];
    float sum; /* add_up() sets it */
    uint32_t reg;

    fp_read(seen); /* first: before anything here uses an FP register */
    fp_pattern(in, FP_BASE_B, FP_FPSCR_B);
    fp_hold_call(in, out, add_up, &sum);
    reg = fp_first_of(seen, FP_BASE_A);
    if (FP_B_OWN_THREAD && reg < FP_REGS) {
        return fp_fail(&counts, FP_FAIL_B_SAW_A, seen, reg, 0u);
    }
    /* The FLIH's values never reach the code it interrupted. */
    reg = fp_first_of(seen, FP_BASE_FLIH);
    if (reg < FP_REGS) {
        return fp_fail(&counts, FP_FAIL_B_SAW_FLIH, seen, reg, 0u);
    }
    reg = fp_first_of(out, FP_BASE_FLIH);
    if (reg < FP_REGS) {
        return fp_fail(&counts, FP_FAIL_B_SAW_FLIH, out, reg, 0u);
    }
    /* s0-s15 are add_up()'s to use; FPSCR's flags too. */
    reg = fp_first_diff(out, in, FP_CALLER_REGS, FP_REGS);
    if (reg < FP_REGS) {
        return fp_fail(&counts, FP_FAIL_B_CHANGED, out, reg, in[reg]);
    }
    if ((out[FP_FPSCR] & FP_FPSCR_CONTROL) != FP_FPSCR_B) {
        return fp_fail(&counts, FP_FAIL_B_CHANGED, out, FP_FPSCR, FP_FPSCR_B);
    }
    return sum == WORK_SUM
               ? PSA_SUCCESS
               : fp_fail(&counts, FP_FAIL_B_ARITHMETIC, out, FP_WORDS, 0u);
}

psa_status_t fp_b_sfn(const psa_msg_t *msg)
{
    return fp_serve(msg, &counts, run);
}
