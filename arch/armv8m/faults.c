/*
 * Secure fault handlers: one report on the secure console (which fault,
 * where, the cause registers), then the run ends with a non-zero status.
 * Nothing here may fault again: the stacked frame is read only after the
 * memory check says it is readable.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/fp.h"
#include "arch/armv8m/boundary.h"
#include "arch/armv8m/exception_handlers.h"
#include "arch/armv8m/fault_decode.h"
#include "arch/armv8m/fault_print.h"
#include "arch/armv8m/flih.h"
#include "platform.h"
#include "warden/config.h"

/*
 * Each handler enters armv8m_fault_entry with its kind in r2, which
 * captures LR (EXC_RETURN) and MSP before any C code moves MSP. A forged NS
 * return (armv8m_forged_return()) resumes NS with its own fault: r4-r11
 * are still NS's (the C code preserves them), and nothing secure is left
 * in r0-r3 or r12. Anything else is reported.
 */
__asm(".syntax unified\n\t"
      ".thumb\n\t"
      ".text\n\t"
      ".type armv8m_fault_entry, %function\n\t"
      ".thumb_func\n"
      "armv8m_fault_entry:\n\t"
      "mov     r0, lr\n\t"
      "mrs     r1, msp\n\t"
      "push    {r0, r1, r2, r3}\n\t"
      "bl      armv8m_forged_return\n\t"
      "cbnz    r0, 1f\n\t"
      "pop     {r0, r1, r2, r3}\n\t"
      "b       armv8m_fault_report\n"
      "1:\n\t"
      "add     sp, #16\n\t"
      "mov     lr, r0\n\t"
      "movs    r0, #0\n\t"
      "movs    r1, #0\n\t"
      "movs    r2, #0\n\t"
      "movs    r3, #0\n\t"
      "mov     ip, r0\n\t"
      "bx      lr\n\t"
      ".size armv8m_fault_entry, . - armv8m_fault_entry\n\t");

#define SECURE_FAULT_STUB(name, kind)                    \
    __attribute__((naked)) void name(void)               \
    {                                                    \
        __asm volatile("movs   r2, #" #kind "\n\t"       \
                       "b      armv8m_fault_entry\n\t"); \
    }

/* The numbers are enum arch_fault_cause's (arch/arch.h). */
SECURE_FAULT_STUB(HardFault_Handler, 0)
SECURE_FAULT_STUB(MemManage_Handler, 1)
SECURE_FAULT_STUB(BusFault_Handler, 2)
SECURE_FAULT_STUB(UsageFault_Handler, 3)
SECURE_FAULT_STUB(SecureFault_Handler, 4)
ARMV8M_FAULT_STUB(Default_Handler, 5, armv8m_fault_report)
/* The platform's NMI_Handler branches here for an NMI it does not claim. */
void armv8m_nmi_fault(void);
SECURE_FAULT_STUB(armv8m_nmi_fault, 6)
_Static_assert(ARCH_FAULT_HARD == 0 && ARCH_FAULT_MEMMANAGE == 1 &&
                   ARCH_FAULT_BUS == 2 && ARCH_FAULT_USAGE == 3 &&
                   ARCH_FAULT_SECURE == 4 && ARCH_FAULT_OTHER == 5 &&
                   ARCH_FAULT_NMI == 6,
               "the stubs' numbers");

ARMV8M_WEAK_DEFAULT_HANDLERS();

/* Where the faulted context's frame lies (*sp) and whether it is on a
 * Secure stack; false if it cannot be read and written without a new
 * fault. */
static bool frame_of(uint32_t exc_return, uint32_t msp, uint32_t *sp,
                     bool *secure)
{
    const struct armv8m_stacks stacks = {
        .msp = msp,
        .psp = armv8m_read_psp(),
        .msp_ns = armv8m_read_msp_ns(),
        .psp_ns = armv8m_read_psp_ns(),
        .control_ns = armv8m_read_control_ns(),
    };

    *sp = armv8m_frame_sp(exc_return, &stacks, secure);
    return arch_check_caller_range(!*secure, *sp, 32, ARCH_ACCESS_RW);
}

/* A MemManage fault in words: what was accessed where, with which
 * privilege (the faulted Thread mode's: CONTROL.nPRIV). */
static void say_memmanage(uint32_t exc_return, uint32_t cfsr, bool readable,
                          uint32_t pc)
{
    static const char *const kinds[] = {
        "instruction fetch",
        "data read",
        "data write",
        "data access",
    };
    /* The faulting instruction, when it lies in memory the SPM may read. */
    bool have_insn = readable && (pc & 1u) == 0u &&
                     arch_check_caller_range(false, pc, 4u, ARCH_ACCESS_READ);
    const volatile uint16_t *insn = (const volatile uint16_t *)(uintptr_t)pc;
    enum armv8m_access access = armv8m_memmanage_access(
        cfsr & 0xFFu, have_insn, have_insn ? insn[0] : 0u,
        have_insn ? insn[1] : 0u);
    uint32_t control;

    __asm volatile("mrs %0, control" : "=r"(control));
    armv8m_put(platform_console_write, "  MPU: ");
    armv8m_put(platform_console_write, kinds[access]);
    if ((cfsr & ARMV8M_CFSR_MMARVALID) != 0 && access != ARMV8M_ACCESS_FETCH) {
        armv8m_put_hex(platform_console_write, " at ", ARMV8M_MMFAR);
    } else if (access == ARMV8M_ACCESS_FETCH) {
        armv8m_put_hex(platform_console_write, " at ", pc);
    }
    armv8m_put(platform_console_write,
               (exc_return & ARMV8M_EXC_RETURN_MODE) != 0u &&
                       (control & 1u) != 0u
                   ? " by unprivileged code: outside its boundary\n"
                   : " by privileged code: outside the W^X map\n");
}

static void print_report(uint32_t exc_return, uint32_t kind, bool readable,
                         uint32_t pc)
{
    static const char *const names[] = {
        "HardFault",  "MemManage",   "BusFault",
        "UsageFault", "SecureFault", "unexpected exception",
        "NMI",        "SVC refused",
    };
    uint32_t cfsr = ARMV8M_CFSR;
    uint32_t sfsr = ARMV8M_SFSR;

    armv8m_put(platform_console_write, "\n[warden] FATAL: ");
    armv8m_put(platform_console_write,
               names[kind <= ARCH_FAULT_SVC ? kind : ARCH_FAULT_OTHER]);
    armv8m_put_hex(platform_console_write, " (exception ",
                   armv8m_read_ipsr() & 0x1FFu);
    armv8m_put(platform_console_write, (exc_return & ARMV8M_EXC_RETURN_S) != 0
                                           ? ") in Secure code\n"
                                           : ") in Non-secure code\n");
    if (readable) {
        armv8m_put_hex(platform_console_write, "  PC=", pc);
    } else {
        armv8m_put(platform_console_write, "  PC=(frame not readable)");
    }
    armv8m_put_hex(platform_console_write, " EXC_RETURN=", exc_return);
    armv8m_put_hex(platform_console_write, "\n  CFSR=", cfsr);
    armv8m_put_hex(platform_console_write, " CFSR_NS=", ARMV8M_CFSR_NS);
    armv8m_put_hex(platform_console_write, " HFSR=", ARMV8M_HFSR);
    armv8m_put_hex(platform_console_write, " SFSR=", sfsr);
    if ((sfsr & ARMV8M_SFSR_SFARVALID) != 0) {
        armv8m_put_hex(platform_console_write, " SFAR=", ARMV8M_SFAR);
    }
    if ((cfsr & ARMV8M_CFSR_BFARVALID) != 0) {
        armv8m_put_hex(platform_console_write, " BFAR=", ARMV8M_BFAR);
    }
    if ((cfsr & ARMV8M_CFSR_MMARVALID) != 0) {
        armv8m_put_hex(platform_console_write, " MMFAR=", ARMV8M_MMFAR);
    }
    armv8m_put(platform_console_write, "\n");
    if (kind == ARCH_FAULT_MEMMANAGE) {
        say_memmanage(exc_return, cfsr, readable, pc);
    }
    /* The status bits are sticky: clear the ones reported (write one to
     * clear), so that a run the policy resumes reports the next fault's
     * own causes. */
    ARMV8M_CFSR = cfsr;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
/* Returns from the handler with MSP as it was when the fault was taken. */
__attribute__((naked, noreturn)) static void
exception_return(uint32_t exc_return, uint32_t msp)
{
    __asm volatile("msr    msp, r1\n\t"
                   "bx     r0\n\t");
}
#pragma GCC diagnostic pop

/* The faulted context goes on at @p to: its frame at @p sp says so. The
 * xPSR keeps only the Thumb bit, the frame's alignment bit and SFPA (the
 * context used the FPU: the veneer's return clears S0-S15 and FPSCR for
 * NS); its FP registers come back zero (armv8m_fp_clear_frame()). */
static void redirect(uint32_t sp, void (*to)(void), uint32_t exc_return,
                     uint32_t msp)
{
    volatile uint32_t *frame = (volatile uint32_t *)(uintptr_t)sp;

    if (WARDEN_FPU) {
        armv8m_fp_clear_frame((uint32_t *)(uintptr_t)sp, exc_return);
    }
    frame[5] = 0u; /* LR: @p to never returns */
    frame[6] = (uint32_t)(uintptr_t)to & ~1u;
    frame[7] =
        (frame[7] & (ARMV8M_XPSR_SPREALIGN | ARMV8M_XPSR_SFPA)) | ARMV8M_XPSR_T;
    exception_return(exc_return, msp);
}

void armv8m_fault_report(uint32_t exc_return, uint32_t msp, uint32_t kind)
{
    uint32_t sp;
    bool secure;
    bool readable = frame_of(exc_return, msp, &sp, &secure);
    uint32_t pc = readable ? ((const volatile uint32_t *)(uintptr_t)sp)[6] : 0u;
    uintptr_t lo;
    uintptr_t hi;
    struct arch_fault f = {
        .pc = pc,
        .cause = kind,
        .ns = (exc_return & ARMV8M_EXC_RETURN_S) == 0u,
        .resumable = readable && secure &&
                     (ARMV8M_CFSR & ARMV8M_CFSR_STACKING_ERRORS) == 0u,
    };
    struct arch_thread *next;

    armv8m_spm_stack_bounds(&lo, &hi);
    /* A thread in an SVC call runs SPM code: a fault there is the SPM's. */
    f.in_flih =
        armv8m_flih_running() && (exc_return & ARMV8M_EXC_RETURN_MODE) != 0u;
    f.in_thread =
        armv8m_fault_in_thread(exc_return, armv8m_read_psp(), lo, hi) &&
        !armv8m_boundary_in_svc() && !f.in_flih;
    f.stack_overflow = f.in_thread && kind == ARCH_FAULT_USAGE &&
                       (ARMV8M_CFSR & ARMV8M_CFSR_STKOF) != 0u;
    /* A thread's stack overflow is the core's to tell, in words
     * (spm/fault.c): no register dump under a word that it is fatal. */
    if (f.stack_overflow) {
        ARMV8M_CFSR = ARMV8M_CFSR_STKOF;
    } else {
        print_report(exc_return, kind, readable, pc);
    }
    next = spm_hook_fault(&f);
    if (f.in_flih) {
        armv8m_flih_leave(ARCH_FLIH_FAULTED);
    }
    if (next != NULL) {
        armv8m_thread_resume(next, msp);
    }
    if (f.redirect != NULL && f.resumable) {
        redirect(sp, f.redirect, exc_return, msp);
    }
    platform_halt(); /* the core named nothing to resume */
}

/* Isolation level 1: a FLIH function is a call in Handler mode, whose
 * fault is the SPM's. */
__attribute__((weak)) volatile bool armv8m_flih_active;

__attribute__((weak)) void armv8m_flih_leave(uint32_t result)
{
    (void)result;
    platform_halt();
}

/* Without threads (SFN backend) there is no SPM stack, and no thread to
 * resume. */
__attribute__((weak)) void armv8m_spm_stack_bounds(uintptr_t *lo, uintptr_t *hi)
{
    *lo = 0u;
    *hi = 0u;
}

__attribute__((weak)) void armv8m_thread_resume(struct arch_thread *next,
                                                uint32_t msp)
{
    (void)next;
    (void)msp;
}
