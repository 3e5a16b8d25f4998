#include "fmt.h"

#include <stdbool.h>
#include <stdint.h>

/*
 * Everything is formatted in unsigned long (the widest type the l and z
 * modifiers can name on ILP32 and LP64), so a 32-bit target divides with
 * its own instruction and pulls no 64-bit division from libgcc.
 */

struct out {
    fmt_sink_t sink;
    int n;
};

static void emit(struct out *o, const char *s, size_t len)
{
    o->sink(s, len);
    o->n += (int)len;
}

/* s[0..len) in a field of @p width: a '-' sign goes before zero padding
 * and after space padding. */
static void field(struct out *o, const char *s, size_t len, char pad,
                  unsigned width, bool negative)
{
    size_t total = len + (negative ? 1u : 0u);

    if (negative && pad == '0') {
        emit(o, "-", 1);
    }
    for (; total < width; total++) {
        emit(o, &pad, 1);
    }
    if (negative && pad != '0') {
        emit(o, "-", 1);
    }
    emit(o, s, len);
}

static void number(struct out *o, unsigned long v, unsigned base, char alpha,
                   bool negative, char pad, unsigned width)
{
    char buf[3 * sizeof(unsigned long)];
    size_t i = sizeof(buf);

    do {
        unsigned d = (unsigned)(v % base);

        buf[--i] = (char)(d < 10u ? '0' + d : alpha + d - 10u);
        v /= base;
    } while (v != 0u);
    field(o, &buf[i], sizeof(buf) - i, pad, width, negative);
}

/* The argument of an integer conversion, by length modifier (0: none,
 * 'l', 'z'), widened: sign-extended if @p is_signed. */
static unsigned long get_integer(va_list *ap, char length, bool is_signed)
{
    if (length == 'l') {
        return is_signed ? (unsigned long)va_arg(*ap, long)
                         : va_arg(*ap, unsigned long);
    }
    if (length == 'z') { /* ptrdiff_t: the signed type of size_t's width */
        return is_signed ? (unsigned long)(long)va_arg(*ap, ptrdiff_t)
                         : (unsigned long)va_arg(*ap, size_t);
    }
    return is_signed ? (unsigned long)(long)va_arg(*ap, int)
                     : (unsigned long)va_arg(*ap, unsigned int);
}

static void conversion(struct out *o, char conv, va_list *ap, char length,
                       char pad, unsigned width)
{
    if (conv == 'd' || conv == 'i') {
        long v = (long)get_integer(ap, length, true);
        unsigned long mag = (v < 0) ? 0ul - (unsigned long)v : (unsigned long)v;

        number(o, mag, 10u, 'a', v < 0, pad, width);
    } else if (conv == 'u' || conv == 'x' || conv == 'X') {
        number(o, get_integer(ap, length, false), conv == 'u' ? 10u : 16u,
               conv == 'X' ? 'A' : 'a', false, pad, width);
    } else if (conv == 'p') {
        emit(o, "0x", 2);
        number(o, (uintptr_t)va_arg(*ap, void *), 16u, 'a', false, pad, width);
    } else if (conv == 'c' || conv == 's') {
        char c = 0;
        const char *str = &c;
        size_t len = 1;

        if (conv == 'c') {
            c = (char)va_arg(*ap, int);
        } else {
            str = va_arg(*ap, const char *);
            if (str == NULL) {
                str = "(null)";
            }
            for (len = 0; str[len] != '\0'; len++) {
            }
        }
        field(o, str, len, pad, width, false);
    } else {
        emit(o, "%", 1);
        emit(o, &conv, 1);
    }
}

int fmt_vprint(fmt_sink_t sink, const char *fmt, va_list ap)
{
    struct out o = { sink, 0 };
    va_list args;

    va_copy(args, ap);
    while (*fmt != '\0') {
        const char *start = fmt;
        char pad = ' ';
        unsigned width = 0u;
        char length = 0;

        while (*fmt != '\0' && *fmt != '%') {
            fmt++;
        }
        if (fmt != start) {
            emit(&o, start, (size_t)(fmt - start));
        }
        if (*fmt == '\0') {
            break;
        }
        fmt++;
        if (*fmt == '%') {
            emit(&o, "%", 1);
            fmt++;
            continue;
        }
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10u + (unsigned)(*fmt - '0');
            fmt++;
        }
        if (*fmt == 'l' || *fmt == 'z') {
            length = *fmt++;
        }
        if (*fmt == '\0') {
            break;
        }
        conversion(&o, *fmt++, &args, length, pad, width);
    }
    va_end(args);
    return o.n;
}

int fmt_print(fmt_sink_t sink, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = fmt_vprint(sink, fmt, ap);
    va_end(ap);
    return n;
}
