/*
 * Fault decoding that touches no register: where an exception's frame
 * lies, and whether a fault was raised by a partition thread's own code.
 * Pure functions of the values the handlers read (faults.c,
 * thread_v8m.c), so that the host's unit tests reach every case
 * (tests/unit/test_armv8m_fault_decode.c); inline, as each has one caller.
 */
#ifndef WARDEN_ARMV8M_FAULT_DECODE_H
#define WARDEN_ARMV8M_FAULT_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/armv8m/armv8m_regs.h"

/* The stack pointers of both states at the handler's entry, and
 * CONTROL_NS (its SPSEL names the NS Thread-mode stack). */
struct armv8m_stacks {
    uint32_t msp;
    uint32_t psp;
    uint32_t msp_ns;
    uint32_t psp_ns;
    uint32_t control_ns;
};

/**
 * The address of the basic frame (R0-R3, R12, LR, PC, xPSR) of the
 * exception whose EXC_RETURN is @p exc_return, taken to Secure state, and
 * in *@p secure whether it lies on a Secure stack. EXC_RETURN.SPSEL is
 * CONTROL_S.SPSEL: it names the frame's stack only for a Secure frame; a
 * Non-secure Thread-mode frame is on the stack CONTROL_NS.SPSEL selects.
 * Secure state interrupted for a Non-secure exception stacked the callee
 * registers (10 words) under the basic frame.
 */
static inline uint32_t armv8m_frame_sp(uint32_t exc_return,
                                       const struct armv8m_stacks *s,
                                       bool *secure)
{
    bool thread = (exc_return & ARMV8M_EXC_RETURN_MODE) != 0u;

    *secure = (exc_return & ARMV8M_EXC_RETURN_S) != 0u;
    if (*secure) {
        bool process = thread && (exc_return & ARMV8M_EXC_RETURN_SPSEL) != 0u;
        uint32_t sp = process ? s->psp : s->msp;

        if ((exc_return & ARMV8M_EXC_RETURN_DCRS) == 0u) {
            sp += 40u;
        }
        return sp;
    }
    return (thread && (s->control_ns & ARMV8M_CONTROL_SPSEL) != 0u) ? s->psp_ns
                                                                    : s->msp_ns;
}

/**
 * True if a fault with @p exc_return was raised by the running thread's
 * own code: secure Thread mode on PSP, @p psp not on the SPM's stack
 * [@p spm_lo, @p spm_hi] (SPM code runs there).
 */
static inline bool armv8m_fault_in_thread(uint32_t exc_return, uint32_t psp,
                                          uintptr_t spm_lo, uintptr_t spm_hi)
{
    uint32_t bits =
        ARMV8M_EXC_RETURN_S | ARMV8M_EXC_RETURN_MODE | ARMV8M_EXC_RETURN_SPSEL;

    return (exc_return & bits) == bits && (psp < spm_lo || psp > spm_hi);
}

#endif /* WARDEN_ARMV8M_FAULT_DECODE_H */
