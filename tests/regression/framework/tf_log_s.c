/* The framework's console in a secure partition. */
#include <stdarg.h>

#include "tests/regression/framework/test_framework.h"
#include "warden/log.h"

void tf_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    warden_vlog(fmt, ap);
    va_end(ap);
}
