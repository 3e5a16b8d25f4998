/* The secure SysTick's handler that makes an SVC (iso_psa_tick.h). */
#include <stdint.h>

#include "arch/armv8m/exception_handlers.h"
#include "tests/partitions/isolation/iso_psa_tick.h"

/* The Secure SysTick and SHPR3 (the Secure view of the banked
 * registers). */
#define SYST_CSR            (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR            (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR            (*(volatile uint32_t *)0xE000E018u)
#define SYST_ENABLE_TICKINT 7u /* ENABLE, TICKINT, processor clock */
#define SHPR3               (*(volatile uint32_t *)0xE000ED20u)
#define SHPR3_SYSTICK_SHIFT 24u
/* Below SVCall (0, the highest) and above the Non-secure range (PRIS). */
#define TICK_PRIORITY 0x40u

void iso_psa_tick_start(void)
{
    SHPR3 = (SHPR3 & ~(0xFFu << SHPR3_SYSTICK_SHIFT)) |
            (TICK_PRIORITY << SHPR3_SYSTICK_SHIFT);
    SYST_RVR = 2000u - 1u;
    SYST_CVR = 0u;
    SYST_CSR = SYST_ENABLE_TICKINT;
}

/* psa_framework_version()'s SVC (spm/backend/ipc/svc_abi.h), from Handler
 * mode: refused, "FATAL: SVC refused", an SPM fault. */
void SysTick_Handler(void)
{
    __asm volatile("svc #0x21" : : : "memory");
}
