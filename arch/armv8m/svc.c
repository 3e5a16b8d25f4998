/*
 * The SVC interface (isolation levels 2 and 3): how a partition's thread,
 * unprivileged, reaches the PSA API. The SVC stub a partition calls
 * (spm/backend/ipc/psa_interface_svc.c) puts its arguments in r0-r3 and
 * r12; SVC_Handler checks where the SVC came from, asks the core which
 * function the number names (spm_hook_svc()). A call that never blocks
 * runs at once, in the handler; any other is run by leaving the exception
 * into its function, privileged, on the thread's own SVC stack (out of
 * every partition's reach), with the caller's r0-r3 as its first four
 * arguments and r12 as its fifth. The function runs as the same call does
 * at level 1 — it may block, be preempted, or stop its partition — and
 * returns into armv8m_svc_return(), whose SVC puts its result in the
 * caller's r0 and gives the thread back its own stack and privilege. That
 * switch is an exception's, in one step: a thread is never privileged on
 * its own stack, where another partition of its boundary (level 2) could
 * rewrite its saved context.
 *
 * Refused, each as a fault of whoever made it (spm_hook_fault(), the fault
 * policy): an SVC from Handler mode (an exception handler is the SPM's own
 * code: an SPM fault), one whose frame is not on the secure process stack,
 * an unknown number, an SVC made from inside a call (SPM code) other than
 * its return, and a return made outside a call.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/boundary.h"
#include "arch/armv8m/exception_handlers.h"
#include "arch/armv8m/flih.h"
#include "platform.h"
#include "warden/config.h"
#include WARDEN_ARCH_THREAD_H

void armv8m_svc(uint32_t exc_return, uint32_t msp);

/* A call's function: up to five arguments, one result. */
typedef uint32_t (*svc_fn_t)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);

/* MSP when the SVC being run in Handler mode was taken. */
static uint32_t svc_msp;
/* The port's own number: the end of a call (armv8m_svc_return()). */
#define SVC_RETURN 0x04

void armv8m_svc_return(void);

/* Where the call's function returns: its result is in r0. */
__attribute__((naked, noreturn)) void armv8m_svc_return(void)
{
    __asm volatile("svc    #" ARMV8M_STR(SVC_RETURN) "\n\t");
}

static void set_stack(uint32_t sp, uint32_t limit)
{
    /* Handler mode: PSP is not in use, so the order does not matter. */
    __asm volatile("msr psplim, %0\n\tmsr psp, %1"
                   :
                   : "r"(limit), "r"(sp)
                   : "memory");
}

static void set_control(struct arch_thread *t, uint32_t control)
{
    t->control = control;
    __asm volatile("msr control, %0" : : "r"(control) : "memory");
}

/* Starts the call's function @p fn on @p t's SVC stack, with the caller's
 * frame @p uf's r0-r3 and r12 as its arguments. The SVC's @p exc_return
 * leaves for it: when the caller holds FP state (FType 0) the function's
 * frame is an extended one too, with the caller's S0-S31 and FPSCR
 * (SVC_Handler had the hardware write them into @p uf first), so the
 * state stays the thread's across the call and its return finds an
 * extended frame where it left one. SPM code never uses an FP register
 * (-mgeneral-regs-only, cmake/fp.cmake). */
static void enter(struct arch_thread *t, uint32_t *uf, uintptr_t fn,
                  uint32_t exc_return)
{
    uint32_t fp_words = WARDEN_FPU ? armv8m_fp_frame_words(exc_return) : 0u;
    uint32_t top =
        (uint32_t)(uintptr_t)(t->kstack + ARMV8M_SVC_STACK_SIZE) - 8u;
    /* The frame, then the fifth argument and a pad word above it. */
    uint32_t *k =
        (uint32_t *)(uintptr_t)(top -
                                (ARMV8M_HW_FRAME_WORDS + fp_words + 2u) * 4u);

    k[0] = uf[0];
    k[1] = uf[1];
    k[2] = uf[2];
    k[3] = uf[3];
    k[4] = 0u;
    k[5] = (uint32_t)(uintptr_t)armv8m_svc_return;
    k[6] = (uint32_t)fn & ~1u;
    /* The caller's SFPA, with the FPU (without it nothing to keep). */
    /* cppcheck-suppress badBitmaskCheck */
    k[7] = ARMV8M_XPSR_T | (WARDEN_FPU ? uf[7] & ARMV8M_XPSR_SFPA : 0u);
    /* Without the FPU fp_words is 0: no copy. */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t i = 0; i < fp_words; i++) {
        k[ARMV8M_HW_FRAME_WORDS + i] = uf[ARMV8M_HW_FRAME_WORDS + i];
    }
    k[ARMV8M_HW_FRAME_WORDS + fp_words] = uf[4]; /* r12: the fifth argument */
    k[ARMV8M_HW_FRAME_WORDS + fp_words + 1u] = 0u;
    t->usp = (uint32_t)(uintptr_t)uf;
    t->usplim = armv8m_read_psplim();
    set_stack((uint32_t)(uintptr_t)k, (uint32_t)(uintptr_t)t->kstack);
    set_control(t, t->control & ~ARMV8M_CONTROL_NPRIV);
}

/* The call's function returned @p result: the caller goes on after its
 * SVC, with its own stack and privilege. */
static void leave(struct arch_thread *t, uint32_t result)
{
    uint32_t *uf = (uint32_t *)(uintptr_t)t->usp;

    uf[0] = result;
    set_stack(t->usp, t->usplim);
    t->usp = 0u;
    set_control(t, t->base_control);
}

__attribute__((used)) void armv8m_svc(uint32_t exc_return, uint32_t msp)
{
    const uint32_t thread_psp =
        ARMV8M_EXC_RETURN_S | ARMV8M_EXC_RETURN_MODE | ARMV8M_EXC_RETURN_SPSEL;
    struct arch_thread *t = armv8m_running;
    uint32_t *frame = (uint32_t *)(uintptr_t)armv8m_read_psp();
    uint32_t number;
    uintptr_t fn;
    bool in_handler = false;

    /* A FLIH function (whatever thread it interrupted) makes no SVC but
     * its return. */
    if (armv8m_flih_running()) {
        if ((exc_return & thread_psp) != thread_psp ||
            armv8m_svc_number(frame[6]) != ARMV8M_SVC_FLIH_RETURN) {
            armv8m_fault_report(exc_return, msp, ARCH_FAULT_SVC);
        }
        armv8m_flih_leave(frame[0]);
    }
    /* An NS context's agent resumed through its made frame (ns_ctx.c). */
    if (armv8m_svc_number(frame[6]) == ARMV8M_SVC_NS_RESUME) {
        armv8m_ns_resume_svc(exc_return, msp);
    }
    if ((exc_return & thread_psp) != thread_psp || t == NULL ||
        t->kstack == NULL) {
        armv8m_fault_report(exc_return, msp, ARCH_FAULT_SVC);
    }
    number = armv8m_svc_number(frame[6]);
    if (number == SVC_RETURN && t->usp != 0u) {
        leave(t, frame[0]);
        return;
    }
    fn = (t->usp != 0u || number == SVC_RETURN)
             ? 0u
             : spm_hook_svc(number, &in_handler);
    if (fn == 0u) {
        armv8m_fault_report(exc_return, msp, ARCH_FAULT_SVC);
    }
    if (in_handler) {
        svc_msp = msp;
        frame[0] =
            ((svc_fn_t)fn)(frame[0], frame[1], frame[2], frame[3], frame[4]);
        return;
    }
    enter(t, frame, fn, exc_return);
}

/* A call run in Handler mode ended its thread (arch_thread_exit()): the
 * SVC's exception is left for the thread the scheduler picks, with MSP as
 * it was when the SVC was taken. */
void armv8m_svc_thread_exit(void)
{
    armv8m_thread_resume(spm_hook_switch(), svc_msp);
    platform_halt(); /* not reached */
}

/*
 * With the FPU, an SVC from a thread that holds FP state (FType 0) first
 * has the hardware write that state into the SVC's frame: an FP
 * instruction does it when the frame was only reserved (lazy
 * preservation, FPCCR.LSPACT). The frame is then whole: enter() copies it
 * into the call's frame, and leave() returns through it. Left lazy, the
 * state would be written by whichever FP instruction came next, to
 * wherever FPCCR.FPCAR pointed then, while the returns unstack other
 * frames (the call starts through the one enter() built and ends through
 * the caller's, after the SVC that ends it reserved one of its own): a
 * return that finds the state written unstacks FP words nobody filled
 * in, and the caller gets zeros or stale values back.
 */
#if WARDEN_FPU
#define SVC_PRESERVE_FP    \
    "tst    lr, #0x10\n\t" \
    "it     eq\n\t"        \
    "vmoveq.f32 s0, s0\n\t"
#else
#define SVC_PRESERVE_FP ""
#endif

/*
 * An SVC from Handler mode (EXC_RETURN.Mode 0) is the interrupt handler's
 * request to run a FLIH function (flih_svc.c), or refused there: the
 * handler's r4-r11 (and with the FPU S16-S31, the interrupted thread's)
 * go under the SVC's frame on MSP, where the FLIH function's return finds
 * them, and are cleared before it starts.
 */
__attribute__((naked)) void SVC_Handler(void)
{
    __asm volatile("tst    lr, #8\n\t"
                   "beq    1f\n\t" SVC_PRESERVE_FP "mov    r0, lr\n\t"
                   "mrs    r1, msp\n\t"
                   "push   {r0, lr}\n\t"
                   "bl     armv8m_svc\n\t"
                   "pop    {r0, pc}\n"
                   "1:\n\t"
                   "push   {r4-r11}\n\t" ARMV8M_FLIH_SAVE_FP "mov    r0, lr\n\t"
                   "add    r1, sp, #" ARMV8M_STR(
                       ARMV8M_FLIH_SAVED) "\n\t"
                                          "bl     armv8m_flih_enter\n\t"
                                          "movs   r4, #0\n\t"
                                          "mov    r5, r4\n\t"
                                          "mov    r6, r4\n\t"
                                          "mov    r7, r4\n\t"
                                          "mov    r8, r4\n\t"
                                          "mov    r9, r4\n\t"
                                          "mov    r10, r4\n\t"
                                          "mov    r11, r4\n\t"
                                          "bx     r0\n\t");
}
