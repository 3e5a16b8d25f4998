/* A partition's console output at isolation level 1: the console itself. */
#include <stddef.h>

#include "platform.h"

void warden_log_sink(const char *s, size_t len);

void warden_log_sink(const char *s, size_t len)
{
    platform_console_write(s, len);
}
