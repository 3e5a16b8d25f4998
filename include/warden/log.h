/* Console output for secure partitions. */
#ifndef WARDEN_LOG_H
#define WARDEN_LOG_H

#include <stdarg.h>

/** printf-style output on the secure console (%d %u %x %s %c %p, l and z). */
void warden_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** As warden_log() with a va_list. */
void warden_vlog(const char *fmt, va_list ap);

#endif /* WARDEN_LOG_H */
