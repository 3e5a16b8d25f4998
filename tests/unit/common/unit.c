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

unsigned unit_console_stops(void)
{
    return unit_console_count(") stopped: ") +
           unit_console_count("] NS agent stopped: ") +
           unit_console_count(" called psa_panic(): ");
}

/* "[Warden] partition <name> (<pid>) ", or "[Warden] NS agent " (@p name
 * NULL), into @p buf. */
static void who(char *buf, size_t size, const char *name, long pid)
{
    if (name == NULL) {
        (void)snprintf(buf, size, "[Warden] NS agent ");
    } else {
        (void)snprintf(buf, size, "[Warden] partition %s (%ld) ", name, pid);
    }
}

void unit_assert_stopped(const char *name, long pid, const char *why)
{
    char head[128];
    char line[512];
    const char *at;
    const char *end;

    who(head, sizeof(head), name, pid);
    if (why != NULL) {
        (void)snprintf(line, sizeof(line), "%sstopped: %s: halt\r\n", head,
                       why);
        unit_assert_console_has(line);
    } else {
        unit_assert_console_has(head);
        at = strstr(fake_console(), head) + strlen(head);
        end = strstr(at, "\r\n");
        if (end == NULL || end - at < 6 || strncmp(end - 6, ": halt", 6) != 0 ||
            (strncmp(at, "stopped: ", 9) != 0 &&
             strncmp(at, "called psa_panic(): ", 20) != 0)) {
            fail_msg("no stop line of \"%s\"; the console holds:\n%s", head,
                     fake_console());
        }
    }
    assert_int_equal(unit_console_stops(), 1);
    assert_int_equal(unit_console_count("invariant"), 0);
}

void unit_assert_psa_panic(const char *name, long pid)
{
    char line[160];

    (void)snprintf(line, sizeof(line),
                   "[Warden] partition %s (%ld) called psa_panic(): halt\r\n",
                   name, pid);
    unit_assert_console_has(line);
    assert_int_equal(unit_console_stops(), 1);
}

void unit_assert_fatal_in(const char *file)
{
    unit_assert_console_has("[Warden] SPM invariant failed at ");
    unit_assert_console_has(file);
    assert_int_equal(unit_console_stops(), 0);
}
