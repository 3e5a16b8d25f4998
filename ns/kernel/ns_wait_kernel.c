/*
 * warden_ns_wait_secure() for Warden's NS kernel (include/warden/ns_wait.h):
 * a task sleeps one tick (a sleep, not a yield: a more urgent task waiting
 * for a partition lets a less urgent one that holds it run and finish).
 * In Handler mode, or before the kernel runs, nothing can wait.
 */
#include <stdbool.h>
#include <stdint.h>

#include "kernel.h"
#include "warden/ns_wait.h"

static volatile uint32_t waits;

bool warden_ns_wait_secure(void)
{
    if (!kernel_in_task()) {
        return false;
    }
    waits = waits + 1u; /* a count for tests: a lost update is harmless */
    kernel_sleep(1u);
    return true;
}

uint32_t kernel_secure_waits(void)
{
    return waits;
}
