/* A thread on Armv8-M: the stack pointer its context was saved at. */
#ifndef WARDEN_ARMV8M_ARCH_THREAD_H
#define WARDEN_ARMV8M_ARCH_THREAD_H

#include <stdint.h>

#include "arch/armv8m/ns_ctx.h"

struct arch_thread {
    uint32_t sp; /* PSP after the software frame was pushed */
};

#endif /* WARDEN_ARMV8M_ARCH_THREAD_H */
