/* The sanitizer hooks of host_fiber.h without a sanitizer: nothing to do. */
#include "arch/host/host_fiber.h"

void host_fiber_hook_before(void **state, const void *bottom, size_t size)
{
    (void)state;
    (void)bottom;
    (void)size;
}

void host_fiber_hook_after(void *state, const void **old_bottom,
                           size_t *old_size)
{
    (void)state;
    (void)old_bottom;
    (void)old_size;
}
