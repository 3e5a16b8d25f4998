/*
 * The frames of a thread on Armv8-M (thread_v8m.c, svc.c, boundary_mpu.c):
 * what a switch saves and where each part lies, with or without FP state.
 * Header only, so that the host's unit tests check it too.
 */
#ifndef WARDEN_ARMV8M_FRAME_H
#define WARDEN_ARMV8M_FRAME_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/armv8m/armv8m_regs.h"

/* The words a thread switch saves under the hardware frame (thread_v8m.c):
 * PSPLIM, R4-R11, EXC_RETURN; the hardware frame's: R0-R3, R12, LR, PC,
 * xPSR. */
#define ARMV8M_SW_FRAME_WORDS 10u
#define ARMV8M_HW_FRAME_WORDS 8u
/* A thread holding FP state (EXC_RETURN.FType 0) has S16-S31 above its
 * software frame, and its hardware frame is the extended one: S0-S15,
 * FPSCR and a reserved word above the basic frame, then S16-S31 again:
 * with FPCCR_S.TS set (fp.c) the hardware stacks them too for every
 * exception taken from Secure state, and unstacks them on every return to
 * it. (A frame of NS code, which the secure side never builds or copies,
 * has the first 18 words only.) */
#define ARMV8M_FP_CALLEE_WORDS 16u
#define ARMV8M_FP_FRAME_WORDS  34u
/* Whether a context whose EXC_RETURN is @p exc_return holds FP state
 * (FType 0: its hardware frame is the extended one). */
static inline bool armv8m_holds_fp(uint32_t exc_return)
{
    return (exc_return & ARMV8M_EXC_RETURN_FTYPE) == 0u;
}

/* The words of FP state a frame of Secure state has above its basic part,
 * by its EXC_RETURN: ARMV8M_FP_FRAME_WORDS when FType is 0, else none. */
static inline uint32_t armv8m_fp_frame_words(uint32_t exc_return)
{
    return armv8m_holds_fp(exc_return) ? ARMV8M_FP_FRAME_WORDS : 0u;
}

/* Where the hardware frame of a switched-out thread starts, in words from
 * its saved stack pointer @p sw (thread_v8m.c's layout). */
static inline uint32_t armv8m_hw_frame_index(const uint32_t *sw)
{
    return ARMV8M_SW_FRAME_WORDS +
           (armv8m_holds_fp(sw[ARMV8M_SW_FRAME_WORDS - 1u])
                ? ARMV8M_FP_CALLEE_WORDS
                : 0u);
}

#endif /* WARDEN_ARMV8M_FRAME_H */
