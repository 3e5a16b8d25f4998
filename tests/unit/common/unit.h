/*
 * What every unit test includes: cmocka, and the assertions for calls that
 * must not return (they end in platform_halt(), which the fake platform
 * turns into a jump back here).
 */
#ifndef WARDEN_UNIT_H
#define WARDEN_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fake_platform.h"

/* Runs the statement(s), which must stop the system as @p kind (enum
 * fake_stop: a halt, a reset); the test goes on. */
#define EXPECT_STOP(kind, ...)                                  \
    do {                                                        \
        fake_platform_arm();                                    \
        if (setjmp(fake_platform_jmp) == 0) {                   \
            __VA_ARGS__;                                        \
            fake_platform_disarm();                             \
            fail_msg("expected a stop from: %s", #__VA_ARGS__); \
        }                                                       \
        assert_int_equal(fake_platform_last_stop(), (kind));    \
    } while (0)

/* ... which must halt the system. */
#define EXPECT_HALT(...) EXPECT_STOP(FAKE_STOP_HALT, __VA_ARGS__)

/* ... and must stop partition @p name (@p pid) under the panic policy. */
#define expect_panic(name, pid, ...)         \
    do {                                     \
        fake_console_clear();                \
        EXPECT_HALT(__VA_ARGS__);            \
        unit_assert_panicked((name), (pid)); \
    } while (0)

/* ... and must stop the system for a panic of the NS agent. */
#define expect_ns_agent_panic(...)                                     \
    do {                                                               \
        fake_console_clear();                                          \
        EXPECT_HALT(__VA_ARGS__);                                      \
        unit_assert_console_has("[Warden] panic in the NS agent\r\n"); \
    } while (0)

/* ... and must fail an SPM invariant in source file @p file. */
#define expect_fatal(file, ...)     \
    do {                            \
        fake_console_clear();       \
        EXPECT_HALT(__VA_ARGS__);   \
        unit_assert_fatal_in(file); \
    } while (0)

/** The console shows exactly one panic, of partition @p name (@p pid). */
void unit_assert_panicked(const char *name, long pid);

/** The console shows an invariant failure in @p file and no panic. */
void unit_assert_fatal_in(const char *file);

/** The console holds @p text somewhere. */
void unit_assert_console_has(const char *text);

/** Number of times @p text occurs on the console. */
unsigned unit_console_count(const char *text);

#endif /* WARDEN_UNIT_H */
