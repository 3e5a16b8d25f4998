#include "spm/log.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "lib/fmt/fmt.h"
#include "platform.h"

/* @p m in decimal, after a minus sign if @p minus. */
static void put_dec(unsigned long m, bool minus)
{
    char buf[3u * sizeof(long) + 1u];
    size_t i = sizeof(buf);

    do {
        buf[--i] = (char)('0' + (m % 10u));
        m /= 10u;
    } while (m != 0u);
    if (minus) {
        buf[--i] = '-';
    }
    platform_console_write(&buf[i], sizeof(buf) - i);
}

static void put_signed(long v)
{
    put_dec((v < 0) ? 0ul - (unsigned long)v : (unsigned long)v, v < 0);
}

/* All eight digits: a signal or an address reads the same every time. */
static void put_hex(unsigned int v)
{
    static const char digits[] = "0123456789abcdef";
    char buf[8];

    for (size_t i = 0; i < sizeof(buf); i++) {
        buf[i] = digits[(v >> (28u - 4u * i)) & 0xFu];
    }
    platform_console_write(buf, sizeof(buf));
}

static void put_str(const char *s)
{
    size_t n = 0;

    while (s[n] != '\0') {
        n++;
    }
    platform_console_write(s, n);
}

void spm_vlog(const char *fmt, va_list ap)
{
    while (*fmt != '\0') {
        size_t n = 0;

        while (fmt[n] != '\0' && fmt[n] != '%') {
            n++;
        }
        if (n != 0u) {
            platform_console_write(fmt, n);
            fmt += n;
        }
        if (fmt[0] == '%' && fmt[1] == 's') {
            put_str(va_arg(ap, const char *));
            fmt += 2;
        } else if (fmt[0] == '%' && fmt[1] == 'd') {
            put_signed(va_arg(ap, int));
            fmt += 2;
        } else if (fmt[0] == '%' && fmt[1] == 'u') {
            put_dec(va_arg(ap, unsigned int), false);
            fmt += 2;
        } else if (fmt[0] == '%' && fmt[1] == 'x') {
            put_hex(va_arg(ap, unsigned int));
            fmt += 2;
        } else if (fmt[0] == '%' && fmt[1] == 'l' && fmt[2] == 'd') {
            put_signed(va_arg(ap, long));
            fmt += 3;
        } else if (fmt[0] == '%') {
            platform_console_write(fmt, 1u);
            fmt++;
        }
    }
}

void spm_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    spm_vlog(fmt, ap);
    va_end(ap);
}
