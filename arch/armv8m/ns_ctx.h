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

#endif /* WARDEN_ARMV8M_NS_CTX_H */
