/* The unit tests' stand-in for a port's thread context (fake_threads.c). */
#ifndef WARDEN_FAKE_ARCH_THREAD_H
#define WARDEN_FAKE_ARCH_THREAD_H

#include <stddef.h>
#include <stdint.h>

struct arch_thread {
    uint8_t *stack; /* as arch_thread_init() was given them */
    size_t size;
    void (*entry)(void);
};

/* An NS context as the fake records it (fake_threads.c). */
struct arch_ns_ctx {
    struct arch_thread *agent; /* as arch_ns_ctx_init() was given it */
    uint8_t *stack;
    unsigned parks;    /* arch_ns_ctx_park() calls */
    unsigned detached; /* of those, with another thread than its agent */
    unsigned enters;
    unsigned resets;
};

/* arch/arch.h's hold of NS interrupts, counted (fake_threads.c). */
uint32_t arch_ns_irq_hold(void);
void arch_ns_irq_release(uint32_t held);

#endif /* WARDEN_FAKE_ARCH_THREAD_H */
