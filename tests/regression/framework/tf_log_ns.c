/* The framework's console on the NS side. */
#include <stdarg.h>

#include "lib/fmt/fmt.h"
#include "platform_ns.h"
#include "tests/regression/framework/test_framework.h"

void tf_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    (void)fmt_vprint(ns_platform_console_write, fmt, ap);
    va_end(ap);
}
