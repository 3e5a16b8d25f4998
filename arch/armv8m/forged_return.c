/*
 * A Non-secure branch to FNC_RETURN while a secure context is preempted.
 *
 * The seal (armv8m_port.h) makes such a branch fault in NS whenever the
 * secure stack it pops from is free. While a secure thread is preempted by
 * an NS exception, though, its stack pointer rests on the architecture's
 * additional state context, whose first word is the integrity signature
 * and whose second is a word the hardware leaves as it was. When that word
 * reads as exception number 0, the branch passes the architecture's check
 * and "returns" into Secure Thread mode at the integrity signature, which
 * faults at once: a secure fault that a partition, or the SPM, did not
 * cause. Here it is undone and handed to NS as the fault the architecture
 * raises when the check fails (a UsageFault with FNC_RETURN stacked as the
 * PC; INVPC is not set in CFSR_NS, which only the hardware can set):
 * the preempted context gets its stack back as it was, and NS sees its own
 * fault. No partition is blamed.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"

/* The integrity signature, bit 0 (FType) clear: where the branch lands. */
#define INTEGRITY_SIG 0xFEFA125Au
/* What NS would have stacked for the failed FNC_RETURN. */
#define FNC_RETURN_PC 0xFEFFFFFEu
#define FRAME_WORDS   ARMV8M_HW_FRAME_WORDS

#define FORGED_BITS                                                           \
    (ARMV8M_EXC_RETURN_S | ARMV8M_EXC_RETURN_MODE | ARMV8M_EXC_RETURN_SPSEL | \
     ARMV8M_EXC_RETURN_DCRS)

static void write_psp(uint32_t v)
{
    __asm volatile("msr psp, %0" : : "r"(v) : "memory");
}

/* The NS stack pointer of NS Thread mode (where the branch was made: from
 * NS Handler mode the architecture's check always fails). */
static uint32_t ns_thread_sp(bool process)
{
    return process ? armv8m_read_psp_ns() : armv8m_read_msp_ns();
}

static void set_ns_thread_sp(bool process, uint32_t v)
{
    if (process) {
        __asm volatile("msr psp_ns, %0" : : "r"(v) : "memory");
    } else {
        __asm volatile("msr msp_ns, %0" : : "r"(v) : "memory");
    }
}

uint32_t armv8m_forged_return(uint32_t exc_return)
{
    uint32_t psp = armv8m_read_psp();
    const uint32_t *f = (const uint32_t *)(uintptr_t)psp;

    /* A fault of Secure Thread mode on PSP, at the integrity signature. */
    if ((exc_return & FORGED_BITS) != FORGED_BITS ||
        !arch_check_caller_range(false, psp, FRAME_WORDS * 4u,
                                 ARCH_ACCESS_READ) ||
        f[6] != INTEGRITY_SIG) {
        return 0u;
    }
    /* The branch popped two words (signature and partial RETPSR) from
     * where the preempted context's additional state begins. */
    uint32_t context = psp + FRAME_WORDS * 4u - 8u +
                       (((f[7] & ARMV8M_XPSR_SPREALIGN) != 0u) ? 4u : 0u);
    bool process = (armv8m_read_control_ns() & ARMV8M_CONTROL_SPSEL) != 0u;
    uint32_t nsp = ns_thread_sp(process);
    uint32_t nframe = (nsp & ~7u) - FRAME_WORDS * 4u;
    uint32_t *nf = (uint32_t *)(uintptr_t)nframe;

    if (!arch_check_caller_range(false, context, 8u, ARCH_ACCESS_RW) ||
        !arch_check_caller_range(true, nframe, FRAME_WORDS * 4u,
                                 ARCH_ACCESS_RW)) {
        return 0u;
    }
    /* NS's frame: its r0-r3, r12 and lr as they were at the branch. */
    for (uint32_t i = 0; i < 6u; i++) {
        nf[i] = f[i];
    }
    nf[6] = FNC_RETURN_PC;
    nf[7] = ARMV8M_XPSR_T | (((nsp & 4u) != 0u) ? ARMV8M_XPSR_SPREALIGN : 0u);
    /* The preempted context as it was (the hardware never reads the
     * second word back). */
    ((uint32_t *)(uintptr_t)context)[0] =
        INTEGRITY_SIG | ((f[7] & ARMV8M_XPSR_T) != 0u ? 1u : 0u);
    ((uint32_t *)(uintptr_t)context)[1] = 0u;
    write_psp(context);
    set_ns_thread_sp(process, nframe);
    /* NS's UsageFault if NS enabled it; otherwise the architecture
     * escalates to HardFault, which is Secure (AIRCR.BFHFNMINS 0) and
     * reports an NS fault. Software cannot set a fault status bit: CFSR_NS
     * says nothing, the stacked PC (FNC_RETURN) says what happened. */
    if ((ARMV8M_SHCSR_NS & ARMV8M_SHCSR_USGFAULTENA) != 0u) {
        ARMV8M_SHCSR_NS |= ARMV8M_SHCSR_USGFAULTPENDED;
    } else {
        ARMV8M_SHCSR |= ARMV8M_SHCSR_HARDFAULTPENDED;
    }
    __asm volatile("dsb\n\tisb" : : : "memory");
    /* EXC_RETURN.SPSEL is the secure state's CONTROL.SPSEL (Thread mode
     * on PSP); the NS frame's stack is the one CONTROL_NS.SPSEL names. */
    return ARMV8M_EXC_RETURN_NS_THREAD | ARMV8M_EXC_RETURN_SPSEL;
}
