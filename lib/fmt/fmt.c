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

static void number(struct out *o, unsigned long v, unsigned base, bool upper,
                   bool negative, char pad, unsigned width)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[3 * sizeof(unsigned long)];
    size_t i = sizeof(buf);

    do {
        buf[--i] = digits[v % base];
        v /= base;
    } while (v != 0u);
    field(o, &buf[i], sizeof(buf) - i, pad, width, negative);
}

/* The argument of a d/i (signed) or u/x/X conversion, by length modifier
 * (0: none, 'l', 'z'). */
static long get_signed(va_list *ap, char length)
{
    if (length == 'l') {
        return va_arg(*ap, long);
    }
    if (length == 'z') {
        return (long)va_arg(*ap, ptrdiff_t); /* the signed size_t */
    }
    return va_arg(*ap, int);
}

static unsigned long get_unsigned(va_list *ap, char length)
{
    if (length == 'l') {
        return va_arg(*ap, unsigned long);
    }
    if (length == 'z') {
        return va_arg(*ap, size_t);
    }
    return va_arg(*ap, unsigned int);
}

static void conversion(struct out *o, char conv, va_list *ap, char length,
                       char pad, unsigned width)
{
    switch (conv) {
    case 'd':
    case 'i': {
        long v = get_signed(ap, length);
        unsigned long mag = (v < 0) ? 0ul - (unsigned long)v : (unsigned long)v;
        number(o, mag, 10u, false, v < 0, pad, width);
        return;
    }
    case 'u':
    case 'x':
    case 'X':
        number(o, get_unsigned(ap, length), conv == 'u' ? 10u : 16u,
               conv == 'X', false, pad, width);
        return;
    case 'p':
        emit(o, "0x", 2);
        number(o, (uintptr_t)va_arg(*ap, void *), 16u, false, false, pad,
               width);
        return;
    case 'c': {
        char c = (char)va_arg(*ap, int);
        field(o, &c, 1, pad, width, false);
        return;
    }
    case 's': {
        const char *s = va_arg(*ap, const char *);
        size_t len = 0;

        if (s == NULL) {
            s = "(null)";
        }
        while (s[len] != '\0') {
            len++;
        }
        field(o, s, len, pad, width, false);
        return;
    }
    default:
        emit(o, "%", 1);
        emit(o, &conv, 1);
        return;
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
