/*
 * arch_ns_launch(): hands the core to the Non-secure image. The secure
 * side stays reachable through the veneers (and its exceptions).
 */
#include <arm_cmse.h>
#include <stdint.h>

#include "arch.h"
#include "armv8m/armv8m_port.h"
#include "armv8m/armv8m_regs.h"
#include "armv8m/fault_print.h"
#include "platform.h"

typedef void __attribute__((cmse_nonsecure_call)) armv8m_ns_entry_t(void);

/* The console output the fault reporter uses (no library call). */
static void say(const char *s)
{
    armv8m_put(platform_console_write, s);
}

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

    armv8m_ns_entry_t *entry =
        cmse_nsfptr_create((armv8m_ns_entry_t *)(uintptr_t)ns_reset);
    entry();

    say("[warden] the Non-secure reset handler returned\n");
    platform_exit(ARMV8M_EXIT_NO_NS_IMAGE);
}
