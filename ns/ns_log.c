#include "ns_log.h"

#include <stdarg.h>

#include "lib/fmt/fmt.h"
#include "platform_ns.h"

void ns_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    (void)fmt_vprint(ns_platform_console_write, fmt, ap);
    va_end(ap);
}
