/* Interrupt masking and waiting on Armv8-M (arch/arch.h). */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"

uint32_t arch_irq_mask(void)
{
    uint32_t was;

    __asm volatile("mrs %0, primask\n\tcpsid i" : "=r"(was) : : "memory");
    return was;
}

void arch_irq_unmask(uint32_t was)
{
    __asm volatile("msr primask, %0" : : "r"(was) : "memory");
}

/* With PRIMASK set an interrupt still ends WFI, and is taken as soon as
 * PRIMASK is cleared: the test and the sleep cannot miss one. */
void arch_wait_for(const volatile uint32_t *word, uint32_t mask)
{
    uint32_t was = arch_irq_mask();

    while ((*word & mask) == 0u) {
        __asm volatile("wfi" ::: "memory");
        arch_irq_unmask(was);
        __asm volatile("isb" ::: "memory");
        (void)arch_irq_mask();
    }
    arch_irq_unmask(was);
}

/* armv8m_restore_context() sets BASEPRI back to 0 as it returns to NS
 * code. */
#define NS_HOLD_PRIORITY ARMV8M_NS_HOLD_PRIORITY

void arch_hold_ns_interrupts(void)
{
    __asm volatile("msr basepri, %0" : : "r"(NS_HOLD_PRIORITY) : "memory");
}
