/* A thread on the host: a fiber on a stack of the port's own. */
#ifndef WARDEN_HOST_ARCH_THREAD_H
#define WARDEN_HOST_ARCH_THREAD_H

#include <stdint.h>

#include "arch/host/host_fiber.h"

struct arch_thread {
    struct host_fiber fiber;
    void (*entry)(void);
};

/* An NS context (arch/arch.h): nothing to keep on the host, whose NS side
 * never switches threads inside a secure call (ns/kernel/port_host.c). */
struct arch_ns_ctx {
    int unused;
};

/* arch/arch.h's hold of NS interrupts: none to hold on the host. */
static inline uint32_t arch_ns_irq_hold(void)
{
    return 0u;
}

static inline void arch_ns_irq_release(uint32_t held)
{
    (void)held;
}

#endif /* WARDEN_HOST_ARCH_THREAD_H */
