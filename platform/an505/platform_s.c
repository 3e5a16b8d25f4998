/* platform/include/platform.h for the AN505, and the data arch/armv8m needs. */
#include <stdint.h>

#include "an505.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "memory_map.h"
#include "platform.h"
#include "psa/lifecycle.h"

const uintptr_t armv8m_ns_vector_table = AN505_NS_CODE_BASE;

void platform_console_write(const char *s, size_t len)
{
    an505_uart_write(s, len);
}

void platform_exit(int status)
{
    an505_semihost_exit(status);
    platform_halt();
}

void platform_halt(void)
{
    __asm volatile("cpsid i" : : : "memory");
    for (;;) {
        __asm volatile("wfi");
    }
}

void platform_reset(const struct platform_reset_record *why)
{
    uint32_t keep =
        ARMV8M_AIRCR & (ARMV8M_AIRCR_PRIS | ARMV8M_AIRCR_BFHFNMINS |
                        ARMV8M_AIRCR_PRIGROUP | ARMV8M_AIRCR_SYSRESETREQS);

    an505_reset_record_write(why);
    ARMV8M_AIRCR = ARMV8M_AIRCR_VECTKEY | keep | ARMV8M_AIRCR_SYSRESETREQ;
    __asm volatile("dsb" : : : "memory");
    for (;;) {
        __asm volatile("wfi");
    }
}

uint32_t platform_lifecycle_state(void)
{
    /* A development board: nothing is provisioned or locked. */
    return PSA_LIFECYCLE_ASSEMBLY_AND_TEST;
}

/* newlib's console output (printf and friends), should secure code use it. */
int _write(int fd, const void *buf, size_t len)
{
    (void)fd;
    an505_uart_write(buf, len);
    return (int)len;
}
