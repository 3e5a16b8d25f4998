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

#endif /* WARDEN_FAKE_ARCH_THREAD_H */
