/*
 * The NS client library's own warden_ns_wait_secure()
 * (include/warden/ns_wait.h): weak, for an image with no RTOS that defines
 * it. It cannot make the caller wait for another thread (it knows of no
 * scheduler that would run the thread holding the partition), so the call
 * ends PSA_ERROR_CONNECTION_BUSY, as a second entry did before NS
 * contexts.
 */
#include <stdbool.h>

#include "warden/ns_wait.h"

__attribute__((weak)) bool warden_ns_wait_secure(void)
{
    return false;
}
