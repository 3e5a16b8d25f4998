/* A thread on the host: a ucontext on a stack of the port's own. */
#ifndef WARDEN_HOST_ARCH_THREAD_H
#define WARDEN_HOST_ARCH_THREAD_H

#include <ucontext.h>

struct arch_thread {
    ucontext_t uc;
    void (*entry)(void);
};

#endif /* WARDEN_HOST_ARCH_THREAD_H */
