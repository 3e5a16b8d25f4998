/*
 * The end of an SVC call (isolation levels 2 and 3, svc.c): the call's
 * function returns here, privileged, on the thread's SVC stack, with its
 * result in r0. Without a second exception, this puts the result in the
 * caller's frame, moves back to the caller's stack and stack limit, ends
 * the call, gives Thread mode the thread's own privilege and then, as the
 * caller's code could, takes r0-r3, r12, LR, the flags and the PC back
 * from the frame the SVC left on its stack. Code every unprivileged
 * partition may run (an505_s.ld.in), since it runs on unprivileged once
 * CONTROL says so.
 *
 * The order keeps a preemption anywhere harmless: the stack moves with no
 * limit set (either stack may lie below the other), the call ends
 * (usp = 0) once the caller's stack is in use, and the saved privilege
 * (control) changes before CONTROL does, so a switch in between gives the
 * thread the privilege it is about to take.
 */
#include <stddef.h>
#include <stdint.h>

#include "arch/armv8m/armv8m_port.h"
#include "warden/config.h"
#include WARDEN_ARCH_THREAD_H

_Static_assert(offsetof(struct arch_thread, control) == 4u &&
                   offsetof(struct arch_thread, usp) == 8u &&
                   offsetof(struct arch_thread, usplim) == 12u &&
                   offsetof(struct arch_thread, base_control) == 16u,
               "the offsets the assembly uses");

void armv8m_svc_return(void);

/*
 * The caller's frame, at r1 = its stack pointer: r0 r1 r2 r3 r12 lr pc
 * xpsr, one pad word above it when xPSR bit 9 says the stack was
 * realigned. The registers go to the top of the frame (pad included) and
 * are popped with the PC, leaving SP where it was before the SVC.
 */
__attribute__((naked)) void armv8m_svc_return(void)
{
    __asm volatile(
        "ldr     r1, =armv8m_running\n\t"
        "ldr     r1, [r1]\n\t"
        "ldr     r2, [r1, #8]\n\t"  /* usp: the caller's frame */
        "ldr     r3, [r1, #12]\n\t" /* usplim */
        "str     r0, [r2]\n\t"      /* the result, as its r0 */
        "movs    r0, #0\n\t"
        "msr     psplim, r0\n\t" /* no limit while SP moves */
        "mov     sp, r2\n\t"
        "msr     psplim, r3\n\t"
        "str     r0, [r1, #8]\n\t"  /* the call is over */
        "ldr     r0, [r1, #16]\n\t" /* base_control */
        "str     r0, [r1, #4]\n\t"
        "msr     control, r0\n\t"
        "isb\n\t"
        /* Now with the thread's own privilege, on its own stack. */
        "ldr     r0, [sp, #28]\n\t" /* xPSR */
        "ubfx    r1, r0, #9, #1\n\t"
        "add     r1, sp, r1, lsl #2\n\t" /* the frame's top - 32 */
        "ldr     r2, [sp, #24]\n\t"      /* PC */
        "orr     r2, r2, #1\n\t"
        "str     r2, [r1, #28]\n\t"
        "ldr     lr, [sp, #20]\n\t"
        "ldr     r2, [sp, #16]\n\t" /* r12 */
        "str     r2, [r1, #24]\n\t"
        "ldr     r2, [sp, #12]\n\t" /* r3 */
        "str     r2, [r1, #20]\n\t"
        "ldr     r2, [sp, #8]\n\t" /* r2 */
        "str     r2, [r1, #16]\n\t"
        "ldr     r2, [sp, #4]\n\t" /* r1 */
        "str     r2, [r1, #12]\n\t"
        "ldr     r2, [sp, #0]\n\t" /* r0 */
        "str     r2, [r1, #8]\n\t"
        "msr     APSR_nzcvqg, r0\n\t" /* no instruction below sets flags */
        "add     r1, r1, #8\n\t"
        "mov     sp, r1\n\t"
        "pop     {r0, r1, r2, r3, r12, pc}\n\t"
        ".ltorg\n\t");
}
