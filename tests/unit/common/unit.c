#include "unit.h"

#include <stdio.h>

unsigned unit_console_count(const char *text)
{
    const char *p = fake_console();
    unsigned n = 0;

    while ((p = strstr(p, text)) != NULL) {
        n++;
        p += strlen(text);
    }
    return n;
}

void unit_assert_console_has(const char *text)
{
    if (strstr(fake_console(), text) == NULL) {
        fail_msg("console lacks \"%s\"; it holds:\n%s", text, fake_console());
    }
}

void unit_assert_panicked(const char *name, long pid)
{
    char line[128];

    snprintf(line, sizeof(line),
             "[Warden] partition %s (%ld) panicked: halt\r\n", name, pid);
    unit_assert_console_has(line);
    assert_int_equal(unit_console_count("panicked"), 1);
    assert_int_equal(unit_console_count("invariant"), 0);
}

void unit_assert_fatal_in(const char *file)
{
    unit_assert_console_has("[Warden] SPM invariant failed at ");
    unit_assert_console_has(file);
    assert_int_equal(unit_console_count("panicked"), 0);
    assert_int_equal(unit_console_count("panic in the NS agent"), 0);
}
