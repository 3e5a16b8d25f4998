#include "fmt.h"

#include <stdint.h>
#include <string.h>

struct spec {
    char pad;
    unsigned width;
    unsigned length; /* 0: int, 1: long, 2: size_t */
};

static int put_padded(fmt_sink_t sink, const char *s, size_t len,
                      const struct spec *sp)
{
    int n = (int)len;
    char c = sp->pad;

    while ((size_t)n < sp->width) {
        sink(&c, 1);
        n++;
    }
    sink(s, len);
    return n;
}

static int put_unsigned(fmt_sink_t sink, uintmax_t v, unsigned base, int upper,
                        int negative, const struct spec *sp)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[24];
    size_t i = sizeof(buf);

    do {
        buf[--i] = digits[v % base];
        v /= base;
    } while (v != 0u);
    if (negative) {
        if (sp->pad == '0' && sp->width > 0u) {
            struct spec rest = *sp;
            sink("-", 1);
            rest.width--;
            return 1 + put_padded(sink, &buf[i], sizeof(buf) - i, &rest);
        }
        buf[--i] = '-';
    }
    return put_padded(sink, &buf[i], sizeof(buf) - i, sp);
}

static uintmax_t get_unsigned(va_list *ap, unsigned length)
{
    if (length == 1u) {
        return va_arg(*ap, unsigned long);
    }
    if (length == 2u) {
        return va_arg(*ap, size_t);
    }
    return va_arg(*ap, unsigned int);
}

static intmax_t get_signed(va_list *ap, unsigned length)
{
    if (length == 1u) {
        return va_arg(*ap, long);
    }
    if (length == 2u) {
        /* The signed type of size_t's width. */
        return va_arg(*ap, ptrdiff_t);
    }
    return va_arg(*ap, int);
}

static int put_conv(fmt_sink_t sink, char conv, va_list *ap,
                    const struct spec *sp)
{
    switch (conv) {
    case 'd':
    case 'i': {
        intmax_t v = get_signed(ap, sp->length);
        uintmax_t mag = (v < 0) ? (uintmax_t)0 - (uintmax_t)v : (uintmax_t)v;
        return put_unsigned(sink, mag, 10u, 0, v < 0, sp);
    }
    case 'u':
        return put_unsigned(sink, get_unsigned(ap, sp->length), 10u, 0, 0, sp);
    case 'x':
    case 'X':
        return put_unsigned(sink, get_unsigned(ap, sp->length), 16u,
                            conv == 'X', 0, sp);
    case 'p':
        sink("0x", 2);
        return 2 + put_unsigned(sink, (uintptr_t)va_arg(*ap, void *), 16u, 0, 0,
                                sp);
    case 'c': {
        char c = (char)va_arg(*ap, int);
        return put_padded(sink, &c, 1, sp);
    }
    case 's': {
        const char *s = va_arg(*ap, const char *);
        if (s == NULL) {
            s = "(null)";
        }
        return put_padded(sink, s, strlen(s), sp);
    }
    default:
        sink("%", 1);
        sink(&conv, 1);
        return 2;
    }
}

int fmt_vprint(fmt_sink_t sink, const char *fmt, va_list ap)
{
    va_list args;
    int n = 0;

    va_copy(args, ap);
    while (*fmt != '\0') {
        const char *start = fmt;
        struct spec sp = { ' ', 0u, 0u };

        while (*fmt != '\0' && *fmt != '%') {
            fmt++;
        }
        if (fmt != start) {
            sink(start, (size_t)(fmt - start));
            n += (int)(fmt - start);
        }
        if (*fmt == '\0') {
            break;
        }
        fmt++;
        if (*fmt == '%') {
            sink("%", 1);
            n++;
            fmt++;
            continue;
        }
        if (*fmt == '0') {
            sp.pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            sp.width = sp.width * 10u + (unsigned)(*fmt - '0');
            fmt++;
        }
        if (*fmt == 'l') {
            sp.length = 1u;
            fmt++;
        } else if (*fmt == 'z') {
            sp.length = 2u;
            fmt++;
        }
        if (*fmt == '\0') {
            break;
        }
        n += put_conv(sink, *fmt, &args, &sp);
        fmt++;
    }
    va_end(args);
    return n;
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
