/*
 * arch_ns_launch(): hands the core to the Non-secure image. The secure
 * side stays reachable through the veneers (and its exceptions).
 */
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/fault_print.h"
#include "platform.h"
#include "warden/config.h"

/* The console output the fault reporter uses (no library call). */
static void say(const char *s)
{
    armv8m_put(platform_console_write, s);
}

__attribute__((naked, noreturn)) static void launch(uintptr_t entry);

void arch_ns_launch(void)
{
    uintptr_t vt = armv8m_ns_vector_table;

    /* An image that is not there (QEMU run without the NS loader) reads as
     * zeros: say so instead of faulting on a jump to address 0. */
    if (!arch_check_caller_range(true, vt, 8, ARCH_ACCESS_READ)) {
        say("[warden] no Non-secure vector table readable by NS\n");
        platform_exit(ARMV8M_EXIT_NO_NS_IMAGE);
    }
    uint32_t ns_sp = ((const volatile uint32_t *)vt)[0];
    uint32_t ns_reset = ((const volatile uint32_t *)vt)[1];
    if (ns_sp == 0u ||
        !arch_check_caller_range(true, ns_reset & ~1u, 2, ARCH_ACCESS_READ)) {
        say("[warden] no Non-secure image at its vector table\n");
        platform_exit(ARMV8M_EXIT_NO_NS_IMAGE);
    }

    __asm volatile("msr msp_ns, %0" : : "r"(ns_sp) : "memory");
    ARMV8M_VTOR_NS = (uint32_t)vt;
    __asm volatile("dsb\n\tisb" : : : "memory");
    launch((uintptr_t)ns_reset & ~(uintptr_t)1u);
}

/*
 * Branches to the NS reset handler at @p entry (bit 0 clear: NS) without a
 * way back: this stack (the NS agent's, from now on) is sealed where its
 * pointer rests, and BXNS, unlike a Non-secure call, pushes no return frame
 * that an NS branch to FNC_RETURN could pop. The frames above the seal are
 * never returned to. No secure value stays in a register NS can read.
 */
/*
 * With a hard-float secure side, partitions (the SFN backend's, at boot)
 * may have left values in FP registers: all are zeroed, FPSCR too, and
 * CONTROL_S.FPCA and SFPA cleared, so that NS starts with no FP state.
 */
#if CONFIG_TFM_ENABLE_FP
#define CLEAR_FP                              \
    ARMV8M_FP_ZERO_ALL("r2")                  \
    "movs   r2, #0\n\t"                       \
    "vmsr   fpscr, r2\n\t"                    \
    "mrs    r2, control\n\t"                  \
    "bic    r2, r2, #12\n\t" /* FPCA, SFPA */ \
    "msr    control, r2\n\t"                  \
    "isb\n\t"
#else
#define CLEAR_FP ""
#endif

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
__attribute__((naked, noreturn)) static void launch(uintptr_t entry)
{
    __asm volatile(CLEAR_FP "mov    r1, sp\n\t"
                            "bic    r1, r1, #7\n\t"
                            "ldr    r2, =" ARMV8M_STR(
                                ARMV8M_STACK_SEAL) "\n\t"
                                                   "str    r2, [r1, #-4]!\n\t"
                                                   "str    r2, [r1, #-4]!\n\t"
                                                   "mov    sp, r1\n\t"
                                                   "movs   r1, #0\n\t"
                                                   "movs   r2, #0\n\t"
                                                   "movs   r3, #0\n\t"
                                                   "movs   r4, #0\n\t"
                                                   "movs   r5, #0\n\t"
                                                   "movs   r6, #0\n\t"
                                                   "movs   r7, #0\n\t"
                                                   "mov    r8, r1\n\t"
                                                   "mov    r9, r1\n\t"
                                                   "mov    r10, r1\n\t"
                                                   "mov    r11, r1\n\t"
                                                   "mov    r12, r1\n\t"
                                                   "mov    lr, r1\n\t"
                                                   "msr    APSR_nzcvqg, r1\n\t"
                                                   "bxns   r0\n\t"
                                                   ".ltorg\n\t");
}
#pragma GCC diagnostic pop
