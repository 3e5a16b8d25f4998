/*
 * Isolation level 1 (arch/arch.h): no boundary to put a thread behind, an
 * MMIO region in, or a vector into, and no SVC that blocks. Every port
 * builds this at level 1 (the hosted one always: configure refuses more
 * there), and so do the unit tests' and the fuzzers' stand-ins for the
 * port's threads.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/arch.h"

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

void arch_thread_set_r0(struct arch_thread *t, uint32_t value)
{
    (void)t;
    (void)value;
}

void arch_thread_unmap(struct arch_thread *t, uintptr_t base, size_t size,
                       bool writable)
{
    (void)t;
    (void)base;
    (void)size;
    (void)writable;
}

/* Every partition runs privileged: its FLIH is a plain call. */
uint32_t arch_flih_call(const struct arch_thread *owner, uint8_t *stack,
                        uint32_t (*fn)(void))
{
    (void)owner;
    (void)stack;
    return fn();
}
