/* Console output for secure partitions (include/warden/log.h, and TF-M's
 * tfm_sp_log_printf() of include/tfm_sp_log.h): printf-style
 * formatting in the partition's own thread, each piece handed to
 * warden_log_sink() — straight to the console at isolation level 1
 * (log_sink_direct.c), through the SPM at levels 2 and 3 (log_sink_svc.c).
 * At those levels this is code every unprivileged partition may run
 * (an505_s.ld.in). */
#include <stdarg.h>
#include <stddef.h>

#include "lib/fmt/fmt.h"
#include "tfm_sp_log.h"
#include "warden/log.h"

void warden_log_sink(const char *s, size_t len);

void warden_vlog(const char *fmt, va_list ap)
{
    (void)fmt_vprint(warden_log_sink, fmt, ap);
}

void warden_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    warden_vlog(fmt, ap);
    va_end(ap);
}

int tfm_sp_log_printf(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = fmt_vprint(warden_log_sink, fmt, ap);
    va_end(ap);
    return n;
}
