/* Stack switching on the host (host_fiber.h). */
#include <stdlib.h>

#include "arch/host/host_fiber.h"

/* The two ends of the switch under way: the arriving side reads them. */
static struct host_fiber *leaving;
static struct host_fiber *arriving;

/* On the arriving stack: the sanitizer learns the switch is done, and the
 * fiber just left has its stack recorded (the boot stack's is learned so). */
static void fiber_arrived(void *state)
{
    host_fiber_hook_after(state, &leaving->stack, &leaving->stack_size);
}

static void fiber_start(void)
{
    struct host_fiber *self = arriving;

    fiber_arrived(NULL);
    self->entry();
    abort(); /* an entry never returns (host_fiber.h) */
}

void host_fiber_make(struct host_fiber *f, void *stack, size_t size,
                     void (*entry)(void))
{
    (void)getcontext(&f->uc);
    f->uc.uc_stack.ss_sp = stack;
    f->uc.uc_stack.ss_size = size;
    f->uc.uc_link = NULL;
    f->entry = entry;
    f->stack = stack;
    f->stack_size = size;
    f->sanitizer_state = NULL;
    makecontext(&f->uc, fiber_start, 0);
}

void host_fiber_swap(struct host_fiber *from, struct host_fiber *to)
{
    leaving = from;
    arriving = to;
    host_fiber_hook_before(&from->sanitizer_state, to->stack, to->stack_size);
    (void)swapcontext(&from->uc, &to->uc);
    fiber_arrived(from->sanitizer_state);
}

void host_fiber_leave(struct host_fiber *from, struct host_fiber *to)
{
    leaving = from;
    arriving = to;
    host_fiber_hook_before(NULL, to->stack, to->stack_size);
    (void)setcontext(&to->uc);
    abort(); /* setcontext() returns only on error */
}
