/*
 * Threads on Armv8-M (IPC backend): secure Thread mode on PSP, one stack per
 * partition with PSPLIM at its bottom (an overflow faults instead of
 * corrupting), switched by PendSV at the lowest secure priority, which is
 * still above every Non-secure one (AIRCR.PRIS). The context is the
 * hardware frame plus R4-R11, PSPLIM and EXC_RETURN, and when the FPU is
 * on (WARDEN_FPU) and the thread holds FP state (EXC_RETURN.FType 0: the
 * hardware frame is the extended one) S16-S31 too (for a context of NS
 * code, or of Handler mode, always: RESTORE_FP below).
 *
 * Saved software frame, lowest address first:
 *   PSPLIM, R4, R5, R6, R7, R8, R9, R10, R11, EXC_RETURN, [S16-S31]
 * then the hardware frame: R0-R3, R12, LR, PC, xPSR, [S0-S15, FPSCR, pad,
 * S16-S31] (the last ones because FPCCR_S.TS is set: armv8m_port.h).
 *
 * FP state never passes from one thread to the next: saving S16-S31 makes
 * the hardware write a lazily reserved S0-S15 into the outgoing frame
 * first (and, FPCCR_S.TS being set, clear the registers); a thread with
 * FP state gets its own registers back from its frames, one without gets
 * zeros in all of S0-S31. The zeros matter after a thread whose FP state
 * was dropped unsaved (armv8m_fp_abandon(): a fault, an ended thread):
 * its values are still in the registers, and FPCCR.CLRONRET, which is
 * set, did not clear S0-S15 on the Cortex-M33 that QEMU models (the FP
 * test, tests/regression/fp, found them there).
 */
#include <stdint.h>

#include "warden/config.h"

#include "arch/arch.h"
#include WARDEN_ARCH_THREAD_H
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/fp.h"
#include "arch/armv8m/boundary.h"
#include "arch/armv8m/exception_handlers.h"
#include "platform.h"

#define ICSR            ARMV8M_REG(0xE000ED04u)
#define ICSR_PENDSVSET  (1u << 28)
#define SHPR3           ARMV8M_REG(0xE000ED20u)
#define SHPR3_PENDSV    (0xFFu << 16)
#define PENDSV_PRIORITY ARMV8M_PENDSV_PRIORITY

#define EXC_RETURN_THREAD_S_PSP ARMV8M_EXC_RETURN_THREAD_S_PSP
#define XPSR_THUMB              (1u << 24)
#define SW_FRAME_WORDS          ARMV8M_SW_FRAME_WORDS
#define HW_FRAME_WORDS          ARMV8M_HW_FRAME_WORDS

/* The SPM's own stack, on which arch_spm_call() runs SPM code (its size:
 * WARDEN_SPM_STACK_SIZE, docs/configuration.md; how it was measured:
 * docs/performance.md). Its address is a link-time constant that
 * arch_spm_call()'s assembly loads directly. */
_Static_assert(WARDEN_SPM_STACK_SIZE % 8u == 0u, "an 8-byte aligned top");
uint8_t armv8m_spm_stack[WARDEN_SPM_STACK_SIZE] __attribute__((aligned(8)));
/* Where arch_spm_call() starts: under the seal at the top. */
#define SPM_STACK_TOP \
    "armv8m_spm_stack + " ARMV8M_STR(WARDEN_SPM_STACK_SIZE) " - 8"

void armv8m_restore_context(void);

/*
 * The FP half of a switch. A secure thread (EXC_RETURN S and Mode set)
 * holding FP state (FType 0) has S16-S31 saved under the software frame;
 * one without has none to keep. Any other context has them saved whatever
 * its FType: NS code and the NSCE veneers' Handler-mode code, which a
 * switch can preempt too, may have live values there that no frame holds
 * (an NS frame has S0-S15 only; NS code in a handler keeps its thread's
 * callee-saved registers as they are, and a veneer's caller expects them
 * back). On the way back such a context gets them loaded again; a secure
 * thread gets zeros, and its exception return loads its own from its
 * hardware frame (with FPCCR_S.TS a Secure frame holds S16-S31 too). S0-S15
 * are zeroed either way (a frame with FP state has them). So no thread's
 * values are in the registers before that return: a Non-secure exception
 * pending then tail-chains into NS code without returning to the thread,
 * and would find them there (QEMU clears S0-S15 only then; the FP test's
 * handler check found S16-S31). Nothing without the FPU.
 */
#if WARDEN_FPU
#define SAVE_FP                \
    "and    r3, lr, #0x58\n\t" \
    "cmp    r3, #0x58\n\t"     \
    "it     ne\n\t"            \
    "vstmdbne r0!, {s16-s31}\n\t"
#define RESTORE_FP             \
    ARMV8M_FP_ZEROS_IN("r2")   \
    "vldmia r2, {s0-s15}\n\t"  \
    "and    r3, lr, #0x48\n\t" \
    "cmp    r3, #0x48\n\t"     \
    "bne    7f\n\t"            \
    "tst    lr, #0x10\n\t"     \
    "it     eq\n\t"            \
    "addeq  r0, r0, #64\n\t"   \
    "vldmia r2, {s16-s31}\n\t" \
    "b      9f\n"              \
    "7:\n\t"                   \
    "vldmia r0!, {s16-s31}\n"  \
    "9:\n\t"
#else
#define SAVE_FP    ""
#define RESTORE_FP ""
#endif

_Static_assert(__builtin_offsetof(struct arch_thread, sp) == 0,
               "PendSV stores at the context's address");

/* The running thread's context: where PendSV saves it. */
struct arch_thread *armv8m_running;

void arch_thread_adopt(struct arch_thread *t)
{
    armv8m_running = t;
    armv8m_boundary_adopt(t);
}

/* Every thread's stack and the SPM's are sealed (armv8m_port.h): a thread's
 * first frame lies under its seal, and arch_spm_call() starts under the
 * SPM stack's (sealed again with each thread: boot time only). */
void arch_thread_init(struct arch_thread *t, uint8_t *stack, size_t size,
                      void (*entry)(void))
{
    uintptr_t limit = ((uintptr_t)stack + 7u) & ~(uintptr_t)7u;
    uintptr_t top = ((uintptr_t)stack + size) & ~(uintptr_t)7u;
    uint32_t *frame =
        armv8m_seal_stack(top) - (SW_FRAME_WORDS + HW_FRAME_WORDS);

    (void)armv8m_seal_stack(
        (uintptr_t)&armv8m_spm_stack[WARDEN_SPM_STACK_SIZE]);
    SHPR3 = (SHPR3 & ~SHPR3_PENDSV) | (PENDSV_PRIORITY << 16);
    for (uint32_t i = 0; i < SW_FRAME_WORDS + HW_FRAME_WORDS; i++) {
        frame[i] = 0u;
    }
    frame[0] = (uint32_t)limit;
    frame[SW_FRAME_WORDS - 1u] = EXC_RETURN_THREAD_S_PSP;
    frame[SW_FRAME_WORDS + 5u] = (uint32_t)(uintptr_t)spm_hook_thread_returned;
    frame[SW_FRAME_WORDS + 6u] = (uint32_t)(uintptr_t)entry & ~1u;
    frame[SW_FRAME_WORDS + 7u] = XPSR_THUMB;
    t->sp = (uint32_t)(uintptr_t)frame;
}

/* A thread ended by a PSA call that ran in Handler mode (svc.c). Without
 * the SVC interface nothing ends a thread there. */
__attribute__((weak)) void armv8m_svc_thread_exit(void)
{
    platform_halt();
}

void arch_thread_exit(void)
{
    if ((armv8m_read_ipsr() & 0x1FFu) != 0u) {
        armv8m_svc_thread_exit();
    }
    arch_yield();
    platform_halt(); /* a dead thread is never picked again */
}

void arch_yield(void)
{
    ICSR = ICSR_PENDSVSET;
    __asm volatile("dsb\n\tisb" ::: "memory");
}

/* Loads the thread context saved at r0 (a stack pointer) and returns from
 * the exception into it: the tail of PendSV, and of a recovered fault. In
 * Handler mode PSP is not the stack in use, so PSPLIM can take the new
 * thread's limit before PSP its stack pointer, which lies above it. */
__attribute__((naked)) void armv8m_restore_context(void)
{
    __asm volatile("ldmia  r0!, {r1, r4-r11, lr}\n\t" RESTORE_FP
                   "msr    psplim, r1\n\t"
                   "msr    psp, r0\n\t"
                   "tst    lr, #0x40\n\t" /* back to NS code: */
                   "bne    1f\n\t"
                   "movs   r1, #0\n\t" /* its interrupts in again */
                   "msr    basepri, r1\n"
                   "1:\n\t"
                   "bx     lr\n\t");
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
/* Leaves a fault handler for the thread saved at @p sp, with MSP as it was
 * when the fault was taken. */
__attribute__((naked, noreturn)) static void resume(uint32_t sp, uint32_t msp)
{
    __asm volatile("msr    msp, r1\n\t"
                   "b      armv8m_restore_context\n\t");
}
#pragma GCC diagnostic pop

void armv8m_spm_stack_bounds(uintptr_t *lo, uintptr_t *hi)
{
    *lo = (uintptr_t)armv8m_spm_stack;
    *hi = (uintptr_t)&armv8m_spm_stack[WARDEN_SPM_STACK_SIZE];
}

void armv8m_thread_resume(struct arch_thread *next, uint32_t msp)
{
    /* The faulted thread's context is never loaded again, nor is its FP
     * state saved. */
    armv8m_fp_abandon();
    armv8m_running = armv8m_boundary_enter(next);
    resume(next->sp, msp);
}

/* At isolation levels 2 and 3 the next thread's privilege (and, at level
 * 3, its MPU regions) is set before its context is loaded
 * (armv8m_boundary_enter() returns the thread it gets). */
#if TFM_ISOLATION_LEVEL > 1
#define ENTER_BOUNDARY "bl     armv8m_boundary_enter\n\t"
#else
#define ENTER_BOUNDARY ""
#endif

/* Saves the running thread's context, in it, asks the scheduler hook for
 * the next (r4 is saved: it keeps &armv8m_running across the call). */
__attribute__((naked)) void PendSV_Handler(void)
{
    __asm volatile("mrs    r0, psp\n\t" SAVE_FP "mrs    r1, psplim\n\t"
                   "stmdb  r0!, {r1, r4-r11, lr}\n\t"
                   "ldr    r4, =armv8m_running\n\t"
                   "ldr    r1, [r4]\n\t"
                   "str    r0, [r1]\n\t"
                   "tst    lr, #0x40\n\t" /* EXC_RETURN.S 0: NS code */
                   "bne    1f\n\t"
                   "bl     spm_hook_switch_over_ns\n\t"
                   "b      2f\n"
                   "1:\n\t"
                   "bl     spm_hook_switch\n"
                   "2:\n\t" ENTER_BOUNDARY "str    r0, [r4]\n\t"
                   "ldr    r0, [r0]\n\t"
                   "b      armv8m_restore_context\n\t"
                   ".ltorg\n\t");
}

/*
 * PSPLIM is 0 while SP moves between the two stacks: an exception taken
 * between the two writes stacks on whichever SP is current, which may lie
 * below the other stack's limit. r6 holds that 0 across the call (it is
 * callee-saved); r4 and r5 the caller's SP and PSPLIM.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
__attribute__((naked)) uint32_t
arch_spm_call(uint32_t (*fn)(void *arg __attribute__((unused))), void *arg)
{
    /* fn in r0, arg in r1: used by the assembly only. */
    __asm volatile("push   {r4, r5, r6, lr}\n\t"
                   "mov    r4, sp\n\t"
                   "mrs    r5, psplim\n\t"
                   "movs   r6, #0\n\t"
                   "msr    psplim, r6\n\t"
                   "ldr    r2, =" SPM_STACK_TOP "\n\t"
                   "mov    sp, r2\n\t"
                   "ldr    r2, =armv8m_spm_stack\n\t"
                   "msr    psplim, r2\n\t"
                   "mov    r2, r0\n\t"
                   "mov    r0, r1\n\t"
                   "blx    r2\n\t"
                   "msr    psplim, r6\n\t"
                   "mov    sp, r4\n\t"
                   "msr    psplim, r5\n\t"
                   "pop    {r4, r5, r6, pc}\n\t"
                   ".ltorg\n\t");
}
#pragma GCC diagnostic pop
