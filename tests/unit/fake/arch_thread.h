/* The unit tests' stand-in for a port's thread context. */
#ifndef WARDEN_FAKE_ARCH_THREAD_H
#define WARDEN_FAKE_ARCH_THREAD_H

#include <stdint.h>

struct arch_thread {
    uint32_t sp;
};

#endif /* WARDEN_FAKE_ARCH_THREAD_H */
