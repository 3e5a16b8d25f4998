/*
 * The secure CMSDK watchdog (0x5008_1000, 20 MHz): its first expiry raises
 * an NMI, its second resets the board. The NMI handler records why and
 * leaves the watchdog to reset the device; any other NMI is a fault of the
 * secure side (arch/armv8m/faults.c), under the fault policy.
 */
#include <stdint.h>

#include "an505.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/exception_handlers.h"
#include "arch/armv8m/fault_print.h"
#include "platform.h"

#define WDOG_BASE   0x50081000u
#define WDOG_LOAD   ARMV8M_REG(WDOG_BASE + 0x000u)
#define WDOG_CTRL   ARMV8M_REG(WDOG_BASE + 0x008u)
#define WDOG_INTCLR ARMV8M_REG(WDOG_BASE + 0x00Cu)
#define WDOG_LOCK   ARMV8M_REG(WDOG_BASE + 0xC00u)

#define WDOG_CTRL_INTEN  (1u << 0)
#define WDOG_CTRL_RESEN  (1u << 1)
#define WDOG_UNLOCK      0x1ACCE551u
#define WDOG_MIS_ADDRESS "0x50081014"

void platform_watchdog_start(uint32_t ticks)
{
    WDOG_LOCK = WDOG_UNLOCK;
    WDOG_CTRL = 0u;
    WDOG_INTCLR = 1u;
    if (ticks != 0u) {
        WDOG_LOAD = ticks;
        WDOG_CTRL = WDOG_CTRL_INTEN | WDOG_CTRL_RESEN;
    }
    WDOG_LOCK = 0u;
}

__attribute__((noreturn)) void an505_watchdog_nmi(void);

/* The watchdog's first expiry: the record says so, and the second expiry
 * resets the device (its interrupt is left raised). */
__attribute__((noreturn, used)) void an505_watchdog_nmi(void)
{
    static const struct platform_reset_record why = {
        .reason = PLATFORM_RESET_WATCHDOG,
    };

    an505_reset_record_write(&why);
    armv8m_put(platform_console_write,
               "\n[Warden] watchdog expired: the device resets at its next "
               "expiry\n");
    for (;;) {
        __asm volatile("wfi");
    }
}

/* The watchdog's NMI, or another: decided before anything is pushed, so
 * that the fault entry sees the exception as it was taken. */
__attribute__((naked)) void NMI_Handler(void)
{
    __asm volatile("ldr    r0, =" WDOG_MIS_ADDRESS "\n\t"
                   "ldr    r0, [r0]\n\t"
                   "cmp    r0, #0\n\t"
                   "bne    an505_watchdog_nmi\n\t"
                   "b      armv8m_nmi_fault\n\t"
                   ".ltorg\n\t");
}
