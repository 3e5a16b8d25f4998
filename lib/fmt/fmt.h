/*
 * A small printf for both worlds (no heap, no newlib stdio): %d %i %u %x %X
 * %c %s %p %% with optional '0' flag, width, and the l/z length modifiers.
 */
#ifndef WARDEN_FMT_H
#define WARDEN_FMT_H

#include <stdarg.h>
#include <stddef.h>

/** Where formatted text goes. */
typedef void (*fmt_sink_t)(const char *s, size_t len);

/** Formats into @p sink. @return the number of characters produced. */
int fmt_vprint(fmt_sink_t sink, const char *fmt, va_list ap);

/** As fmt_vprint(). */
int fmt_print(fmt_sink_t sink, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif /* WARDEN_FMT_H */
