/*
 * The sanitizer hooks of host_fiber.h for a WARDEN_SANITIZE build: tell
 * AddressSanitizer which stack runs, so it neither reports false stack
 * errors after a switch nor loses its fake stacks.
 */
#include <sanitizer/common_interface_defs.h>

#include "arch/host/host_fiber.h"

void host_fiber_hook_before(void **state, const void *bottom, size_t size)
{
    __sanitizer_start_switch_fiber(state, bottom, size);
}

void host_fiber_hook_after(void *state, const void **old_bottom,
                           size_t *old_size)
{
    __sanitizer_finish_switch_fiber(state, old_bottom, old_size);
}
