/*
 * Isolation level 1: no boundary between the partitions, so nothing to put
 * a thread behind (boundary_mpu.c is levels 2 and 3).
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/boundary.h"

void arch_thread_isolate(struct arch_thread *t, uint32_t index,
                         bool unprivileged)
{
    (void)t;
    (void)index;
    (void)unprivileged;
}

bool arch_thread_grant(struct arch_thread *t, uintptr_t base, size_t size,
                       bool writable)
{
    (void)t;
    (void)base;
    (void)size;
    (void)writable;
    return true;
}

bool arch_thread_map(struct arch_thread *t, uintptr_t base, size_t size,
                     bool writable)
{
    (void)t;
    (void)base;
    (void)size;
    (void)writable;
    return true;
}

void arch_thread_unmap(struct arch_thread *t, uintptr_t base, size_t size,
                       bool writable)
{
    (void)t;
    (void)base;
    (void)size;
    (void)writable;
}

void armv8m_boundary_adopt(struct arch_thread *t)
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
