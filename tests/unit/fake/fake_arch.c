/* The fake arch: see fake_arch.h. */
#include "fake_arch.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>

#include <cmocka.h>

struct region {
    bool ns;
    uintptr_t base;
    uintptr_t last; /* inclusive */
    uint32_t access;
};

jmp_buf fake_arch_launch_jmp;

static struct region regions[FAKE_ARCH_MAX_REGIONS];
static size_t nregions;
static unsigned checks;
static struct fake_arch_check last_check;
static bool launch_armed;
static unsigned launches;
static bool handler_mode;

void fake_arch_reset(void)
{
    nregions = 0;
    checks = 0;
    last_check = (struct fake_arch_check){ 0 };
    launch_armed = false;
    launches = 0;
    handler_mode = false;
    fake_arch_irq_reset();
}

void fake_arch_set_handler(bool handler)
{
    handler_mode = handler;
}

bool arch_ns_caller_privileged(void)
{
    return handler_mode;
}

bool arch_ns_caller_handler(void)
{
    return handler_mode;
}

void fake_arch_add_region(bool ns, uintptr_t base, size_t size, uint32_t access)
{
    assert_true(nregions < FAKE_ARCH_MAX_REGIONS);
    assert_true(size > 0u);
    regions[nregions].ns = ns;
    regions[nregions].base = base;
    regions[nregions].last = base + (size - 1u);
    regions[nregions].access = access;
    nregions++;
}

unsigned fake_arch_checks(void)
{
    return checks;
}

struct fake_arch_check fake_arch_last_check(void)
{
    return last_check;
}

bool arch_check_caller_range(bool ns, uintptr_t base, size_t size,
                             uint32_t access)
{
    uintptr_t end;

    checks++;
    last_check = (struct fake_arch_check){ ns, base, size, access };
    if (size == 0u || __builtin_add_overflow(base, size, &end)) {
        return false;
    }
    for (size_t i = 0; i < nregions; i++) {
        const struct region *r = &regions[i];

        if (r->ns == ns && base >= r->base && end - 1u <= r->last &&
            (access & ~r->access) == 0u) {
            return true;
        }
    }
    return false;
}

void fake_arch_arm_launch(void)
{
    launch_armed = true;
}

unsigned fake_arch_launches(void)
{
    return launches;
}

void arch_ns_launch(void)
{
    launches++;
    if (!launch_armed) {
        fail_msg("arch_ns_launch() where no test expected it");
        abort(); /* not reached */
    }
    launch_armed = false;
    longjmp(fake_arch_launch_jmp, 1);
}

/* Isolation level 1 only: no caller runs unprivileged. */
bool arch_check_unpriv_range(uintptr_t base, size_t size, uint32_t access)
{
    (void)base;
    (void)size;
    (void)access;
    return false;
}

/* Interrupt masking: a depth the tests can read; waiting: a hook that
 * plays the interrupts that end the wait. */
static uint32_t irq_masked;
static void (*wait_hook)(void);

void fake_arch_irq_reset(void)
{
    irq_masked = 0u;
    wait_hook = NULL;
}

uint32_t arch_irq_mask(void)
{
    uint32_t was = irq_masked;

    irq_masked = 1u;
    return was;
}

void arch_irq_unmask(uint32_t was)
{
    irq_masked = was;
}

bool fake_arch_irq_masked(void)
{
    return irq_masked != 0u;
}

void fake_arch_set_wait_hook(void (*hook)(void))
{
    wait_hook = hook;
}

void arch_wait_for(const volatile uint32_t *word, uint32_t mask)
{
    while ((*word & mask) == 0u) {
        assert_non_null(wait_hook); /* else the wait would never end */
        wait_hook();
    }
}

/* Non-secure interrupts held off by spm_hook_switch_over_ns(). */
static bool ns_held;

void arch_hold_ns_interrupts(void)
{
    ns_held = true;
}

void fake_arch_return_to_ns(void)
{
    ns_held = false;
}

bool fake_arch_ns_held(void)
{
    return ns_held;
}
