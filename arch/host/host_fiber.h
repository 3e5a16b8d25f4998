/*
 * Stack switching on the host: a ucontext with the bounds of the stack it
 * runs on, so that AddressSanitizer can follow each switch (in a
 * WARDEN_SANITIZE build; elsewhere the sanitizer hooks do nothing). Every
 * ucontext switch of the hosted build goes through host_fiber_swap() or
 * host_fiber_leave().
 */
#ifndef WARDEN_HOST_FIBER_H
#define WARDEN_HOST_FIBER_H

#include <stddef.h>
#include <ucontext.h>

struct host_fiber {
    ucontext_t uc;
    void (*entry)(void);
    /* The stack the fiber runs on: given to host_fiber_make(), or learned
     * the first time the fiber switches away (the boot stack). */
    const void *stack;
    size_t stack_size;
    /* The sanitizer's per-fiber state while the fiber is switched out. */
    void *sanitizer_state;
};

/**
 * Prepares f to run entry() on stack[0..size) when it is first switched to.
 * entry() must not return: it ends with host_fiber_leave() or exits the
 * program.
 */
void host_fiber_make(struct host_fiber *f, void *stack, size_t size,
                     void (*entry)(void));

/**
 * Saves the running code in from and runs to; returns when a later switch
 * comes back to from. from may be a fiber never made (zero-initialised):
 * it stands for the stack the caller runs on.
 */
void host_fiber_swap(struct host_fiber *from, struct host_fiber *to);

/**
 * Ends the running fiber from for good and runs to. Does not return; from
 * may be made again afterwards.
 */
void host_fiber_leave(struct host_fiber *from, struct host_fiber *to)
    __attribute__((noreturn));

/*
 * The sanitizer hooks around a switch (host_fiber_asan.c in a
 * WARDEN_SANITIZE build, host_fiber_plain.c otherwise). Before: *state
 * receives the leaving fiber's state (state NULL: the fiber ends), and the
 * arriving fiber's stack is [bottom, bottom + size). After, on the arriving
 * stack: state is what its last switch away saved (NULL on its first run),
 * and *old_bottom, *old_size receive the stack just left.
 */
void host_fiber_hook_before(void **state, const void *bottom, size_t size);
void host_fiber_hook_after(void *state, const void **old_bottom,
                           size_t *old_size);

#endif /* WARDEN_HOST_FIBER_H */
