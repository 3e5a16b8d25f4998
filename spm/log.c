#include "spm/log.h"

#include <stdarg.h>

#include "fmt.h"
#include "platform.h"

void warden_vlog(const char *fmt, va_list ap)
{
    (void)fmt_vprint(platform_console_write, fmt, ap);
}

void warden_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    warden_vlog(fmt, ap);
    va_end(ap);
}
