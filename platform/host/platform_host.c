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

/* The host cannot restart the process where it was: a reset ends it with
 * HOST_EXIT_RESET, and a run never starts after one. */
void platform_reset(const struct platform_reset_record *why)
{
    (void)printf("[Warden] reset (reason %lu)\r\n", (unsigned long)why->reason);
    platform_exit(HOST_EXIT_RESET);
}

void platform_reset_taken(struct platform_reset_record *out)
{
    out->reason = PLATFORM_RESET_NONE;
    out->cause = 0u;
    out->pc = 0u;
    out->pid = 0;
}

/* No watchdog on the host. */
void platform_watchdog_start(uint32_t ticks)
{
    (void)ticks;
}

uint32_t platform_lifecycle_state(void)
{
    return PSA_LIFECYCLE_ASSEMBLY_AND_TEST;
}
