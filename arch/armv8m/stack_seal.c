/*
 * Sealing the secure stacks (armv8m_port.h, ARMV8M_STACK_SEAL): the Main
 * stack here; the NS agent's stack where arch_ns_launch() leaves it; each
 * partition thread's and the SPM's own stack (thread_v8m.c) and each
 * thread's SVC stack (boundary_mpu.c) through armv8m_seal_stack().
 */
#include <stdint.h>

#include "arch/armv8m/armv8m_port.h"

uint32_t *armv8m_seal_stack(uintptr_t top)
{
    uint32_t *seal = (uint32_t *)top - 2;

    seal[0] = ARMV8M_STACK_SEAL;
    seal[1] = ARMV8M_STACK_SEAL;
    return seal;
}

void armv8m_seal_main_stack(uint32_t *top)
{
    uint32_t *seal = armv8m_seal_stack((uintptr_t)top);

    __asm volatile("msr msp, %0\n\tisb" : : "r"(seal) : "memory");
}
