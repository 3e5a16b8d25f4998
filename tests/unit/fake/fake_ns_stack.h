/* The recorded secure-stack switches of fake_ns_stack.c (the SFN backend's
 * NS contexts, arch/arch.h). */
#ifndef WARDEN_UNIT_FAKE_NS_STACK_H
#define WARDEN_UNIT_FAKE_NS_STACK_H

#include <stdint.h>

struct arch_ns_ctx;

struct fake_ns_stack_calls {
    unsigned inits;                      /* arch_ns_stack_init() calls */
    unsigned switches;                   /* arch_ns_stack_switch() calls */
    const struct arch_ns_ctx *from, *to; /* of the last one */
    unsigned resets;                     /* arch_ns_stack_reset() calls */
    unsigned holds;                      /* arch_ns_irq_hold() calls */
    unsigned held;                       /* holds not released yet */
};

extern struct fake_ns_stack_calls fake_ns_stack;

#endif /* WARDEN_UNIT_FAKE_NS_STACK_H */
