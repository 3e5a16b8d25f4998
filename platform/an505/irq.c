/*
 * Secure interrupts on the AN505 (platform.h): the NVIC routes the lines
 * the manifests name to the Secure state at the thread switch's priority
 * (ARMV8M_PENDSV_PRIORITY) and every other line to the Non-secure state
 * (tz_setup.c); the vector table sends every line to
 * Interrupt_Handler, which hands the line to the SPM.
 */
#include <stdint.h>

#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/exception_handlers.h"
#include "memory_map.h"
#include "platform.h"
#include "spm/irq.h"

static uint32_t bit(uint32_t line)
{
    return 1u << (line % 32u);
}

void platform_irq_route(uint32_t line)
{
    ARMV8M_NVIC_ICER(line / 32u) = bit(line);
    ARMV8M_NVIC_ICPR(line / 32u) = bit(line);
    ARMV8M_NVIC_IPR(line) = ARMV8M_PENDSV_PRIORITY;
    ARMV8M_NVIC_ITNS(line / 32u) &= ~bit(line);
    __asm volatile("dsb\n\tisb" ::: "memory");
}

void platform_irq_enable(uint32_t line)
{
    ARMV8M_NVIC_ISER(line / 32u) = bit(line);
}

/* The barriers: no interrupt of the line is taken after this returns. */
void platform_irq_disable(uint32_t line)
{
    ARMV8M_NVIC_ICER(line / 32u) = bit(line);
    __asm volatile("dsb\n\tisb" ::: "memory");
}

void platform_irq_clear_pending(uint32_t line)
{
    ARMV8M_NVIC_ICPR(line / 32u) = bit(line);
}

/* Only routed lines reach the Secure vector table. */
void Interrupt_Handler(void)
{
    spm_irq_dispatch(armv8m_read_ipsr() - 16u);
}

void platform_ns_completion_raise(void)
{
    ARMV8M_NVIC_ISPR(AN505_NS_COMPLETION_IRQ / 32u) =
        bit(AN505_NS_COMPLETION_IRQ);
}
