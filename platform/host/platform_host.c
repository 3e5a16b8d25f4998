/* The hosted platform: stdout console, process exit. */
#include <stdio.h>
#include <stdlib.h>

#include "platform.h"
#include "psa/lifecycle.h"

#define HOST_EXIT_HALT  (3)
#define HOST_EXIT_RESET (4)

/* The host has no read-only image of its own to protect: /proc/self/maps
 * tells arch/host which mappings are read-only. */

void platform_console_write(const char *s, size_t len)
{
    (void)fwrite(s, 1, len, stdout);
}

void platform_exit(int status)
{
    (void)fflush(stdout);
    exit(status);
}

void platform_halt(void)
{
    platform_console_write("[Warden] halted\r\n", 17);
    platform_exit(HOST_EXIT_HALT);
}

void platform_reset(void)
{
    platform_console_write("[Warden] reset\r\n", 16);
    platform_exit(HOST_EXIT_RESET);
}

uint32_t platform_lifecycle_state(void)
{
    return PSA_LIFECYCLE_ASSEMBLY_AND_TEST;
}
