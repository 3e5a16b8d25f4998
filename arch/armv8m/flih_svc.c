/*
 * FLIH functions at isolation levels 2 and 3 (arch_flih_call(), arch/arch.h):
 * a partition's FLIH runs in Thread mode, unprivileged, inside its
 * partition's boundary, on the partition's FLIH stack, while its interrupt
 * stays active (so no switch, and no other secure interrupt, comes in
 * between). Two SVCs carry it, with the reference's numbers:
 *
 *  - SVC 0x40, made by the interrupt handler (Handler mode): saves the
 *    interrupted Thread mode's stack, limit, CONTROL and MPU state, puts the
 *    interrupt handler's r4-r11 aside on MSP and clears them, gives Thread
 *    mode the owner's boundary and a first frame on the FLIH stack, and
 *    leaves the SVC for Thread mode: the FLIH function starts.
 *  - SVC 0x01, made by armv8m_flih_return() when the function returns:
 *    puts everything back and leaves the SVC for the interrupt handler,
 *    whose SVC 0x40 returns the function's result in r0.
 *
 * Anything else while a FLIH runs (another SVC, a fault) is the FLIH's
 * partition's fault (faults.c, svc.c).
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/fp.h"
#include "arch/armv8m/boundary.h"
#include "arch/armv8m/flih.h"
#include "warden/config.h"
#include WARDEN_ARCH_THREAD_H

/* The FLIH in progress (one at a time: secure interrupts share a
 * priority). */
static struct {
    const struct arch_thread *owner; /* set while arch_flih_call() runs */
    uint8_t *stack;
    uint32_t (*fn)(void);
    uint32_t exc_return; /* SVC 0x40's: back to the interrupt handler */
    uint32_t msp;        /* the handler's r4-r11, above them SVC 0x40's frame */
    uint32_t psp;        /* the interrupted Thread mode's */
    uint32_t psplim;
    uint32_t control;
    uint32_t mpu_ctrl; /* the MPU's, which SPM code may have had off */
    uint32_t mpu_rnr;
} flih;

uint32_t arch_flih_call(const struct arch_thread *owner, uint8_t *stack,
                        uint32_t (*fn)(void))
{
    register uint32_t r0 __asm("r0");

    flih.owner = owner;
    flih.stack = stack;
    flih.fn = fn;
    __asm volatile("svc    #" ARMV8M_STR(ARMV8M_SVC_FLIH_ENTER)
                   : "=r"(r0)
                   :
                   : "memory");
    flih.owner = NULL;
    return r0;
}

volatile bool armv8m_flih_active;

static void set_thread_mode(uint32_t sp, uint32_t limit, uint32_t control)
{
    /* Handler mode: PSP is not in use, so the order does not matter. */
    __asm volatile("msr psplim, %0\n\t"
                   "msr psp, %1\n\t"
                   "msr control, %2\n\t"
                   "isb"
                   :
                   : "r"(limit), "r"(sp), "r"(control)
                   : "memory");
}

uint32_t armv8m_flih_enter(uint32_t exc_return, uint32_t msp)
{
    const uint32_t *svc_frame = (const uint32_t *)(uintptr_t)msp;
    uint32_t top = (uint32_t)(uintptr_t)flih.stack + WARDEN_FLIH_STACK_SIZE;
    uint32_t *frame = (uint32_t *)(uintptr_t)(top - 4u * ARMV8M_HW_FRAME_WORDS);

    if (flih.owner == NULL || armv8m_flih_active ||
        armv8m_svc_number(svc_frame[6]) != ARMV8M_SVC_FLIH_ENTER) {
        armv8m_fault_report(exc_return, msp, ARCH_FAULT_SVC);
    }
    armv8m_flih_active = true;
    flih.exc_return = exc_return;
    flih.msp = msp - ARMV8M_FLIH_SAVED; /* what SVC_Handler pushed */
    flih.psp = armv8m_read_psp();
    flih.psplim = armv8m_read_psplim();
    __asm volatile("mrs %0, control" : "=r"(flih.control));
    flih.mpu_ctrl = ARMV8M_MPU_CTRL;
    flih.mpu_rnr = ARMV8M_MPU_RNR;
    armv8m_boundary_load(flih.owner);
    for (uint32_t i = 0; i < 5u; i++) {
        frame[i] = 0u; /* r0-r3, r12 */
    }
    frame[5] = (uint32_t)(uintptr_t)armv8m_flih_return;
    frame[6] = (uint32_t)(uintptr_t)flih.fn & ~1u;
    frame[7] = ARMV8M_XPSR_T;
    set_thread_mode((uint32_t)(uintptr_t)frame, (uint32_t)(uintptr_t)flih.stack,
                    ARMV8M_CONTROL_SPSEL | ARMV8M_CONTROL_NPRIV);
    return ARMV8M_EXC_RETURN_THREAD_S_PSP;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
/* Back into the interrupt handler: what SVC_Handler saved at @p msp, then
 * SVC 0x40's frame above it, through @p exc_return (S0-S15 and FPSCR, the
 * FLIH function's, are cleared on the way: FPCCR.CLRONRET). */
__attribute__((naked, noreturn)) static void resume_handler(uint32_t msp,
                                                            uint32_t exc_return)
{
    __asm volatile("msr    msp, r0\n\t" ARMV8M_FLIH_RESTORE_FP
                   "pop    {r4-r11}\n\t"
                   "bx     r1\n\t");
}
#pragma GCC diagnostic pop

void armv8m_flih_leave(uint32_t result)
{
    /* Thread mode gets back what the interrupt found. */
    set_thread_mode(flih.psp, flih.psplim, flih.control);
    armv8m_boundary_load(armv8m_running);
    ARMV8M_MPU_RNR = flih.mpu_rnr;
    ARMV8M_MPU_CTRL = flih.mpu_ctrl;
    __asm volatile("dsb\n\tisb" ::: "memory");
    /* SVC 0x40 returns the result. */
    ((uint32_t *)(uintptr_t)(flih.msp + ARMV8M_FLIH_SAVED))[0] = result;
    armv8m_flih_active = false;
    /* The function's FP state, if it had any, is dropped unsaved. */
    armv8m_fp_abandon();
    resume_handler(flih.msp, flih.exc_return);
}
