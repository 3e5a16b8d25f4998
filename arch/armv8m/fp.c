/*
 * The FPU's security state (docs/floating_point.md): which side may use
 * it, and how the hardware keeps the Secure side's FP registers from NS.
 * Set once at boot, before any code that may use an FP register.
 *
 *   CPACR_S CP10/CP11  the Secure side may use the FPU. Needed whenever
 *                      either side has it: the context switch saves FP
 *                      state, and lazy preservation on behalf of an NS
 *                      handler that preempted Secure code checks CPACR_S.
 *   NSACR CP10/CP11    NS may use the FPU (NS enables it in its CPACR_NS).
 *   FPCCR_S.TS         FP registers are Secure state: an NS exception that
 *                      preempts Secure FP use stacks s0-s31 on the Secure
 *                      stack and clears them before NS code runs.
 *   FPCCR.CLRONRET     every exception return clears s0-s15 and FPSCR
 *                      unless it restores them: a Secure handler's values
 *                      never reach the code it returns to. (QEMU's
 *                      Cortex-M33 was seen not to: the thread switch
 *                      zeroes them itself, thread_v8m.c.)
 *   FPCCR_S.CLRONRETS  only the Secure side may change CLRONRET.
 *   FPCCR.LSPEN        lazy preservation (CONFIG_TFM_LAZY_STACKING): the FP
 *                      frame is reserved on exception entry and written at
 *                      the handler's first FP instruction.
 *   FPCCR_S.LSPENS     only the Secure side may change LSPEN.
 *   FPCCR.ASPEN        FP use marks the context as holding FP state
 *                      (CONTROL.FPCA), so that exceptions preserve it.
 */
#include <stdint.h>

#include "warden/config.h"

#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/fp.h"

/* s16-s31 of a thread that starts, or resumes, with no FP state of its
 * own (thread_v8m.c): nothing of the thread before it stays there. */
const uint32_t armv8m_fp_zeros[16] __attribute__((aligned(8)));

void armv8m_fp_init(void)
{
    if (!WARDEN_FPU) {
        return; /* CPACR_S and NSACR stay 0: FP instructions fault (NOCP) */
    }
    ARMV8M_CPACR |= ARMV8M_CPACR_CP10_CP11;
    if (WARDEN_FP_NS) {
        ARMV8M_NSACR |= ARMV8M_NSACR_CP10_CP11;
    }
    ARMV8M_FPCCR = ARMV8M_FPCCR_ASPEN |
                   (CONFIG_TFM_LAZY_STACKING ? ARMV8M_FPCCR_LSPEN : 0u) |
                   ARMV8M_FPCCR_LSPENS | ARMV8M_FPCCR_CLRONRET |
                   ARMV8M_FPCCR_CLRONRETS | ARMV8M_FPCCR_TS;
    __asm volatile("dsb\n\tisb" : : : "memory");
}

/* An FP instruction with no effect of its own: executed while a frame is
 * lazily reserved, it has the hardware write the frame first. */
#if WARDEN_FPU
#define TOUCH_FPU "vmov.f32 s0, s0"
#else
#define TOUCH_FPU ""
#endif

/* A faulted context that goes on elsewhere (the SFN backend's unwinding,
 * faults.c) holds its FP values in its frame, or still in the registers
 * if the frame was only reserved: they are written out, then zeroed in the
 * frame, which the exception return loads. Whoever it returns to gets no
 * value of the faulted partition's: not in S0-S15 and FPSCR, which the
 * veneer's return would clear too, and not in S16-S31, which the
 * partition would have put back had it returned (its caller's values there
 * are lost with the call: they were saved, if at all, on the partition's
 * stack). */
void armv8m_fp_clear_frame(uint32_t *frame, uint32_t exc_return)
{
    uint32_t words = armv8m_fp_frame_words(exc_return);

    if (words == 0u) {
        return;
    }
    __asm volatile(TOUCH_FPU : : : "memory");
    for (uint32_t i = 0; i < words; i++) {
        frame[ARMV8M_HW_FRAME_WORDS + i] = 0u;
    }
}
