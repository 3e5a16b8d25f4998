/*
 * A fake arch (arch/arch.h) for the unit tests.
 *  - arch_check_caller_range() consults a table of regions the test
 *    registered: a range is allowed if it lies inside one region of the
 *    caller's world (NS or secure) whose access covers the one asked; a
 *    range that is empty or wraps the address space never is. Every call is
 *    counted and the last one recorded.
 *  - arch_ns_launch() jumps back to fake_arch_launch_jmp (armed by the test).
 *  - arch_ns_caller_privileged() says what fake_arch_set_handler() set:
 *    true stands for an NS handler, false for an NS thread that NSCE
 *    refuses (false after fake_arch_reset()). Privileged NS threads are
 *    the real host port's to simulate (test_ns_privilege.c).
 */
#ifndef WARDEN_UNIT_FAKE_ARCH_H
#define WARDEN_UNIT_FAKE_ARCH_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/arch.h"

#define FAKE_ARCH_MAX_REGIONS 16

struct fake_arch_check {
    bool ns;
    uintptr_t base;
    size_t size;
    uint32_t access;
};

extern jmp_buf fake_arch_launch_jmp;

/** Forgets every region, the check records, the launches, the interrupt
 * mask and the wait hook. */
void fake_arch_reset(void);

/** Adds [base, base + size) to world @p ns with @p access (ARCH_ACCESS_*). */
void fake_arch_add_region(bool ns, uintptr_t base, size_t size,
                          uint32_t access);

/** Registers a whole object: FAKE_REGION(true, buf, ARCH_ACCESS_READ). */
#define FAKE_REGION(ns, obj, access) \
    fake_arch_add_region((ns), (uintptr_t) & (obj), sizeof(obj), (access))

/** Calls of arch_check_caller_range() so far, and the last one. */
unsigned fake_arch_checks(void);
struct fake_arch_check fake_arch_last_check(void);

/** The next arch_ns_launch() jumps to fake_arch_launch_jmp. */
void fake_arch_arm_launch(void);
unsigned fake_arch_launches(void);

/** What arch_ns_caller_privileged() answers from now on. */
void fake_arch_set_handler(bool handler);

/** Interrupts unmasked, no wait hook (fake_arch_reset() does it too). */
void fake_arch_irq_reset(void);

/** True while arch_irq_mask() masks interrupts. */
bool fake_arch_irq_masked(void);

/** What arch_wait_for() calls while the word it waits for is 0 (a test
 * raises an interrupt there); without one, a wait fails the test. */
void fake_arch_set_wait_hook(void (*hook)(void));

/** True while the scheduler hook holds Non-secure interrupts off, until
 * fake_arch_return_to_ns() (the port's return to NS code). */
bool fake_arch_ns_held(void);
void fake_arch_return_to_ns(void);

#endif /* WARDEN_UNIT_FAKE_ARCH_H */
