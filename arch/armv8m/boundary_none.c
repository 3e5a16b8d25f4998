/*
 * Isolation level 1 on Armv8-M: no boundary between the partitions, so a
 * switch has nothing to apply (boundary_mpu.c is levels 2 and 3; the
 * contract's no-ops are arch/isolation_none.c).
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/boundary.h"

void armv8m_boundary_adopt(struct arch_thread *t)
{
    (void)t;
}

void armv8m_boundary_init_agent(struct arch_thread *t)
{
    (void)t;
}

struct arch_thread *armv8m_boundary_enter(struct arch_thread *t)
{
    return t;
}

bool armv8m_boundary_in_svc(void)
{
    return false;
}
