/* lib/fmt: every conversion, padding, the l/z modifiers, odd formats. */
#include <limits.h>
#include <stdint.h>
#include <sys/types.h>

#include "lib/fmt/fmt.h"
#include "unit.h"

static char out[256];
static size_t out_len;

static void sink(const char *s, size_t len)
{
    assert_true(out_len + len < sizeof(out));
    memcpy(&out[out_len], s, len);
    out_len += len;
    out[out_len] = '\0';
}

static int print(const char *fmt, ...)
{
    va_list ap;
    int n;

    out_len = 0;
    out[0] = '\0';
    va_start(ap, fmt);
    n = fmt_vprint(sink, fmt, ap);
    va_end(ap);
    return n;
}

/* The output is @p want and the returned count is its length. */
#define CHECK(want, ...)                    \
    do {                                    \
        int n_ = print(__VA_ARGS__);        \
        assert_string_equal(out, (want));   \
        assert_int_equal(n_, strlen(want)); \
    } while (0)

static void test_plain_text(void **state)
{
    (void)state;
    CHECK("", "%s", "");
    CHECK("hello, world\r\n", "hello, world\r\n");
    CHECK("", "");
}

static void test_signed(void **state)
{
    (void)state;
    CHECK("0", "%d", 0);
    CHECK("42", "%d", 42);
    CHECK("-42", "%d", -42);
    CHECK("-7 7", "%i %i", -7, 7);
    CHECK("2147483647", "%d", INT_MAX);
    CHECK("-2147483648", "%d", INT_MIN);
    CHECK("a-1b", "a%db", -1);
}

static void test_unsigned_and_hex(void **state)
{
    (void)state;
    CHECK("0", "%u", 0u);
    CHECK("4294967295", "%u", UINT_MAX);
    CHECK("deadbeef", "%x", 0xDEADBEEFu);
    CHECK("DEADBEEF", "%X", 0xDEADBEEFu);
    CHECK("0", "%x", 0u);
    CHECK("ffffffff", "%x", (unsigned)-1);
}

static void test_long(void **state)
{
    (void)state;
    CHECK("9223372036854775807", "%ld", LONG_MAX);
    CHECK("-9223372036854775808", "%ld", LONG_MIN);
    CHECK("18446744073709551615", "%lu", ULONG_MAX);
    CHECK("ffffffffffffffff", "%lx", ULONG_MAX);
    CHECK("-1", "%ld", -1L);
}

static void test_size(void **state)
{
    (void)state;
    CHECK("18446744073709551615", "%zu", SIZE_MAX);
    CHECK("10", "%zx", (size_t)16);
    CHECK("-5", "%zd", (ssize_t)-5);
    CHECK("0", "%zu", (size_t)0);
}

static void test_char_string_pointer(void **state)
{
    (void)state;
    CHECK("x", "%c", 'x');
    CHECK("abc", "%s", "abc");
    CHECK("(null)", "%s", (const char *)NULL);
    CHECK("0x1234", "%p", (void *)0x1234);
    CHECK("0x0", "%p", (void *)NULL);
    CHECK("[ab|c]", "[%s|%c]", "ab", 'c');
}

static void test_width_and_padding(void **state)
{
    (void)state;
    CHECK("   42", "%5d", 42);
    CHECK("00042", "%05d", 42);
    CHECK("  -42", "%5d", -42);
    CHECK("-0042", "%05d", -42);
    CHECK("-123", "%02d", -123); /* never truncated */
    CHECK("12345", "%3d", 12345);
    CHECK("000000ff", "%08x", 0xFFu);
    CHECK("  abc", "%5s", "abc");
    CHECK("  x", "%3c", 'x');
    CHECK("00000000000000000001", "%020lu", 1UL);
    CHECK("0x0    ff", "%p%6x", (void *)0, 0xFFu);
    CHECK("-1", "%0d", -1);
    CHECK("        -9223372036854775808", "%28ld", LONG_MIN);
    CHECK("-000000000000000000042", "%022zd", (ssize_t)-42);
}

static void test_percent_and_unknown(void **state)
{
    (void)state;
    CHECK("100%", "100%%");
    CHECK("%q", "%q");
    CHECK("%q", "%lq"); /* the modifier is consumed */
    CHECK("a%yb", "a%yb");
    /* A format ending inside a conversion stops there. */
    CHECK("100", "100%");
    CHECK("x", "x%l");
    CHECK("x", "x%05");
}

static void test_fmt_print(void **state)
{
    int n;

    (void)state;
    out_len = 0;
    n = fmt_print(sink, "%s=%d", "v", -3);
    assert_string_equal(out, "v=-3");
    assert_int_equal(n, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text),
        cmocka_unit_test(test_signed),
        cmocka_unit_test(test_unsigned_and_hex),
        cmocka_unit_test(test_long),
        cmocka_unit_test(test_size),
        cmocka_unit_test(test_char_string_pointer),
        cmocka_unit_test(test_width_and_padding),
        cmocka_unit_test(test_percent_and_unknown),
        cmocka_unit_test(test_fmt_print),
    };

    return cmocka_run_group_tests_name("fmt", tests, NULL, NULL);
}
