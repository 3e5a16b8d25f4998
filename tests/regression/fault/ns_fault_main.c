/*
 * An NS image that reads secure memory: the secure side must report a
 * SecureFault with its cause and end the run with a non-zero status (the
 * test driver checks both). It must never come back here.
 */
#include <stdint.h>

#include "ns_log.h"
#include "platform_ns.h"

int ns_main(void)
{
    volatile const uint32_t *secure = ns_platform_secure_ram();

    ns_log("NS: reading secure memory at %p\r\n", (const void *)secure);
    ns_log("NS: read 0x%08lx: the access was not stopped\r\n",
           (unsigned long)*secure);
    return 0;
}
