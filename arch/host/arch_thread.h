/* A thread on the host: a fiber on a stack of the port's own. */
#ifndef WARDEN_HOST_ARCH_THREAD_H
#define WARDEN_HOST_ARCH_THREAD_H

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

#endif /* WARDEN_HOST_ARCH_THREAD_H */
