/*
 * The FPU on Armv8-M, inside the port (fp.c, docs/floating_point.md): what
 * it does with a thread's FP state that will never be used again. (Its
 * security state at boot, armv8m_fp_init(), is in armv8m_port.h, for the
 * platform's reset code.)
 */
#ifndef WARDEN_ARMV8M_FP_H
#define WARDEN_ARMV8M_FP_H

#include <stdint.h>

#include "arch/armv8m/armv8m_regs.h"
#include "warden/config.h"

/**
 * Drops a lazily reserved FP frame of a thread that will not run again (a
 * fault's, a thread ended in a call), so that no later FP instruction
 * writes into that thread's stack; its registers are cleared by the switch
 * that follows. Nothing without the FPU.
 */
static inline void armv8m_fp_abandon(void)
{
    if (WARDEN_FPU) {
        ARMV8M_FPCCR &= ~ARMV8M_FPCCR_LSPACT;
    }
}

/**
 * Zeroes the FP state in the hardware frame at @p frame (its EXC_RETURN:
 * @p exc_return; nothing for a basic frame), writing a lazily reserved
 * frame out first: the context that returns through it gets no FP value
 * back. For a faulted context that goes on elsewhere (faults.c).
 */
void armv8m_fp_clear_frame(uint32_t *frame, uint32_t exc_return);

#endif /* WARDEN_ARMV8M_FP_H */
