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

/* What a MemManage fault's access was (armv8m_memmanage_access()). */
enum armv8m_access {
    ARMV8M_ACCESS_FETCH, /* an instruction fetch (MMFSR.IACCVIOL) */
    ARMV8M_ACCESS_READ,  /* a data read */
    ARMV8M_ACCESS_WRITE, /* a data write */
    ARMV8M_ACCESS_DATA,  /* a data access the instruction does not tell */
};

/* MMFSR (CFSR bits 7..0) bits. */
#define ARMV8M_MMFSR_IACCVIOL  (1u << 0)
#define ARMV8M_MMFSR_MSTKERR   (1u << 4) /* stacking for an exception */
#define ARMV8M_MMFSR_MUNSTKERR (1u << 3) /* unstacking */

/**
 * Whether the Thumb instruction whose first halfword is @p hw1 (@p hw2 the
 * next) loads or stores: the load/store encodings of Armv8-M Mainline
 * (16-bit: LDR/STR of every size, SP-relative, literal, PUSH/POP, LDM/STM;
 * 32-bit: the single and dual load/store and load/store-multiple groups,
 * where bit 4 of the first halfword is L). ARMV8M_ACCESS_DATA for any
 * other.
 */
static inline enum armv8m_access armv8m_thumb_access(uint16_t hw1, uint16_t hw2)
{
    (void)hw2;
    if ((hw1 & 0xF800u) >= 0xE800u) { /* 32-bit */
        if ((hw1 & 0xFE00u) == 0xF800u || (hw1 & 0xFE00u) == 0xE800u) {
            return (hw1 & (1u << 4)) != 0u ? ARMV8M_ACCESS_READ
                                           : ARMV8M_ACCESS_WRITE;
        }
        return ARMV8M_ACCESS_DATA;
    }
    if ((hw1 & 0xF000u) == 0x5000u) { /* register offset: opB 000-010 store */
        return ((hw1 >> 9) & 7u) <= 2u ? ARMV8M_ACCESS_WRITE
                                       : ARMV8M_ACCESS_READ;
    }
    if ((hw1 & 0xE000u) == 0x6000u || (hw1 & 0xF000u) == 0x8000u ||
        (hw1 & 0xF000u) == 0x9000u || (hw1 & 0xF000u) == 0xC000u) {
        return (hw1 & (1u << 11)) != 0u ? ARMV8M_ACCESS_READ
                                        : ARMV8M_ACCESS_WRITE;
    }
    if ((hw1 & 0xF800u) == 0x4800u) { /* LDR (literal) */
        return ARMV8M_ACCESS_READ;
    }
    if ((hw1 & 0xFE00u) == 0xB400u) { /* PUSH */
        return ARMV8M_ACCESS_WRITE;
    }
    if ((hw1 & 0xFE00u) == 0xBC00u) { /* POP */
        return ARMV8M_ACCESS_READ;
    }
    return ARMV8M_ACCESS_DATA;
}

/**
 * What the access of a MemManage fault with MMFSR @p mmfsr was: a fetch;
 * for an exception's stacking a write, for its unstacking a read;
 * otherwise the load or store of the faulting instruction, whose
 * halfwords @p hw1 and @p hw2 are valid when @p have_insn.
 */
static inline enum armv8m_access armv8m_memmanage_access(uint32_t mmfsr,
                                                         bool have_insn,
                                                         uint16_t hw1,
                                                         uint16_t hw2)
{
    if ((mmfsr & ARMV8M_MMFSR_IACCVIOL) != 0u) {
        return ARMV8M_ACCESS_FETCH;
    }
    if ((mmfsr & ARMV8M_MMFSR_MSTKERR) != 0u) {
        return ARMV8M_ACCESS_WRITE;
    }
    if ((mmfsr & ARMV8M_MMFSR_MUNSTKERR) != 0u) {
        return ARMV8M_ACCESS_READ;
    }
    return have_insn ? armv8m_thumb_access(hw1, hw2) : ARMV8M_ACCESS_DATA;
}

#endif /* WARDEN_ARMV8M_FAULT_DECODE_H */
