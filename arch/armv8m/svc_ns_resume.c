/*
 * The SVC handler at isolation level 1 (IPC backend with NS contexts):
 * partitions make no SVC there, so the one SVC is the port's own that
 * resumes an NS context's agent thread (ns_ctx.c), which refuses any other
 * as a fault. (At levels 2 and 3, svc.c's handler takes it too.)
 */
#include <stdint.h>

#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/exception_handlers.h"

__attribute__((naked)) void SVC_Handler(void)
{
    __asm volatile("mov    r0, lr\n\t"
                   "mrs    r1, msp\n\t"
                   "b      armv8m_ns_resume_svc\n\t");
}
