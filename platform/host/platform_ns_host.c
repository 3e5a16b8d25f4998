/* The NS side of the hosted platform. */
#include <stdio.h>
#include <stdlib.h>

#include "platform_ns_host.h"

/*
 * Secure RAM for the negative tests, although this is an NS object: its
 * section is not one of the NS sections (ns_sections.ld.in), so it is not
 * NS memory.
 */
static uint8_t secure_sample[64]
    __attribute__((section("warden_host_secure_ram")));

/* NS read-only data: NS memory, read only, as all the NS objects'. */
static const uint8_t ns_rom[NS_HOST_ROM_SIZE] = {
    'W', 'a', 'r', 'd', 'e', 'n'
};

void ns_platform_console_write(const char *s, size_t len)
{
    (void)fwrite(s, 1, len, stdout);
}

void ns_platform_exit(int status)
{
    (void)fflush(stdout);
    exit(status);
}

void *ns_platform_secure_ram(void)
{
    return secure_sample;
}

const void *ns_platform_ns_rom(void)
{
    return ns_rom;
}

/* The host has no NS interrupts (platform_ns.h): the hosted NS side asks
 * the secure side's completion set itself. */
void ns_platform_completion_irq_init(void)
{
}

int ns_platform_completion_irq_active(void)
{
    return 0;
}
