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
#include "arch/armv8m/exception_handlers.h"
#include "arch/armv8m/fault_decode.h"
#include "arch/armv8m/fault_print.h"
#include "platform.h"

/* Entered from the naked stubs below, with the handler's EXC_RETURN and
 * MSP as they were on exception entry. */
__attribute__((noreturn, used)) void
armv8m_fault_report(uint32_t exc_return, uint32_t msp, uint32_t kind);

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
_Static_assert(ARCH_FAULT_HARD == 0 && ARCH_FAULT_MEMMANAGE == 1 &&
                   ARCH_FAULT_BUS == 2 && ARCH_FAULT_USAGE == 3 &&
                   ARCH_FAULT_SECURE == 4 && ARCH_FAULT_OTHER == 5,
               "the stubs' numbers");

ARMV8M_WEAK_DEFAULT_HANDLERS();

/* Reads the stacked PC, if the frame can be read without a new fault. */
static bool stacked_pc(uint32_t exc_return, uint32_t msp, uint32_t *pc)
{
    const struct armv8m_stacks stacks = {
        .msp = msp,
        .psp = armv8m_read_psp(),
        .msp_ns = armv8m_read_msp_ns(),
        .psp_ns = armv8m_read_psp_ns(),
        .control_ns = armv8m_read_control_ns(),
    };
    bool secure;
    uint32_t sp = armv8m_frame_sp(exc_return, &stacks, &secure);

    if (!arch_check_caller_range(!secure, sp, 32, ARCH_ACCESS_READ)) {
        return false;
    }
    *pc = ((const volatile uint32_t *)(uintptr_t)sp)[6];
    return true;
}

void armv8m_fault_report(uint32_t exc_return, uint32_t msp, uint32_t kind)
{
    static const char *const names[] = {
        "HardFault",  "MemManage",   "BusFault",
        "UsageFault", "SecureFault", "unexpected exception",
    };
    uint32_t cfsr = ARMV8M_CFSR;
    uint32_t sfsr = ARMV8M_SFSR;
    uint32_t pc = 0u;

    armv8m_put(platform_console_write, "\n[warden] FATAL: ");
    armv8m_put(platform_console_write,
               names[kind <= ARCH_FAULT_OTHER ? kind : ARCH_FAULT_OTHER]);
    armv8m_put_hex(platform_console_write, " (exception ",
                   armv8m_read_ipsr() & 0x1FFu);
    armv8m_put(platform_console_write, (exc_return & ARMV8M_EXC_RETURN_S) != 0
                                           ? ") in Secure code\n"
                                           : ") in Non-secure code\n");
    if (stacked_pc(exc_return, msp, &pc)) {
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
    armv8m_fault_resume(exc_return, msp, pc, kind); /* returns if it cannot */
    platform_exit(ARMV8M_EXIT_SECURE_FAULT);
}

/* Without threads (SFN backend) a fault always ends the run. */
__attribute__((weak)) void armv8m_fault_resume(uint32_t exc_return,
                                               uint32_t msp, uint32_t pc,
                                               uint32_t kind)
{
    (void)exc_return;
    (void)msp;
    (void)pc;
    (void)kind;
}
