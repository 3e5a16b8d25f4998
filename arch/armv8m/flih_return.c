/*
 * Where a FLIH function returns at isolation levels 2 and 3 (flih_svc.c):
 * unprivileged code, so the linker script puts this file with the code
 * every partition may run (AN505_COMMON_FILES).
 */
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/flih.h"

/* r0 holds the function's result. */
__attribute__((naked, noreturn)) void armv8m_flih_return(void)
{
    __asm volatile("svc    #" ARMV8M_STR(ARMV8M_SVC_FLIH_RETURN) "\n\t");
}
