/*
 * NS contexts without threads on Armv8-M (arch/arch.h; SFN backend with NS
 * contexts): PSP_S and PSPLIM_S are the loaded context's. When the NS RTOS
 * preempts an NS thread inside a secure call, the hardware stacks the
 * call's state on that stack under the integrity signature; the NS RTOS
 * resumes it through its own saved EXC_RETURN once it loads the context
 * again, and meanwhile another context's thread enters on a sealed stack
 * of its own (the veneers' gate, arch/armv8m/veneers.c, sees the seal).
 * The IPC backend's NS contexts (ns_ctx.c) do the same for the case where
 * NS preempted the context's own agent thread.
 */
#include <stddef.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "warden/config.h"
#include WARDEN_ARCH_THREAD_H

void arch_ns_stack_init(struct arch_ns_ctx *c, uint8_t *stack, size_t size)
{
    c->resume_sp = 0u;
    if (stack == NULL) {
        c->top = 0u; /* the boot context: taken at its first switch */
        c->psp = 0u;
        c->psplim = 0u;
        return;
    }
    c->psplim = ((uint32_t)(uintptr_t)stack + 7u) & ~7u;
    c->top = (uint32_t)(uintptr_t)armv8m_seal_stack(((uintptr_t)stack + size) &
                                                    ~(uintptr_t)7u);
    c->psp = c->top;
}

void arch_ns_stack_switch(struct arch_ns_ctx *from,
                          const struct arch_ns_ctx *to)
{
    from->psp = armv8m_read_psp();
    from->psplim = armv8m_read_psplim();
    /* Handler mode: PSP is not in use, so the order does not matter. */
    __asm volatile("msr psplim, %0\n\tmsr psp, %1"
                   :
                   : "r"(to->psplim), "r"(to->psp)
                   : "memory");
}

void arch_ns_stack_reset(struct arch_ns_ctx *c)
{
    c->psp = c->top;
}
