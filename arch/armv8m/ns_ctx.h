/*
 * An NS context on Armv8-M (arch/arch.h, arch/armv8m/ns_ctx.c): where its
 * NS side resumes or enters the secure side next.
 */
#ifndef WARDEN_ARMV8M_NS_CTX_H
#define WARDEN_ARMV8M_NS_CTX_H

#include <stdint.h>

struct arch_ns_ctx {
    /* PSP_S and PSPLIM_S while it is loaded: its stack's seal when no
     * secure call of its is in progress, else the frame NS returns into. */
    uint32_t psp;
    uint32_t psplim;
    uint32_t top; /* its seal: psp when no call is in progress */
    /* Non-zero while psp is a frame made by arch_ns_ctx_park(), which
     * resumes the agent thread through armv8m_ns_resume(): the agent's own
     * saved context, which the thread switch goes on with. */
    uint32_t resume_sp;
};

/* arch/arch.h's hold of NS interrupts: BASEPRI_S at the top of the NS
 * range (0x80, ARMV8M_NS_HOLD_PRIORITY: every NS priority is 0x80 or lower
 * under AIRCR.PRIS), never lowering a mask already there. */
static inline uint32_t arch_ns_irq_hold(void)
{
    uint32_t held;

    __asm volatile("mrs %0, basepri\n\t"
                   "msr basepri_max, %1"
                   : "=&r"(held)
                   : "r"(0x80u)
                   : "memory");
    return held;
}

static inline void arch_ns_irq_release(uint32_t held)
{
    __asm volatile("msr basepri, %0" : : "r"(held) : "memory");
}

#endif /* WARDEN_ARMV8M_NS_CTX_H */
