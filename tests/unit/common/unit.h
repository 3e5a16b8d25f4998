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

/* ... and must stop partition @p name (@p pid) under the panic policy,
 * for the reason @p why (what spm_panic() was told, as the console shows
 * it after "stopped: "; NULL: any reason, or a psa_panic()). */
#define expect_stop(name, pid, why, ...)           \
    do {                                           \
        fake_console_clear();                      \
        EXPECT_HALT(__VA_ARGS__);                  \
        unit_assert_stopped((name), (pid), (why)); \
    } while (0)

/* ... for any reason. */
#define expect_panic(name, pid, ...) expect_stop(name, pid, NULL, __VA_ARGS__)

/* ... and must stop the system, stopping the NS agent for the reason @p
 * why (NULL: any). */
#define expect_ns_agent_stop(why, ...)       \
    do {                                     \
        fake_console_clear();                \
        EXPECT_HALT(__VA_ARGS__);            \
        unit_assert_stopped(NULL, 0, (why)); \
    } while (0)

#define expect_ns_agent_panic(...) expect_ns_agent_stop(NULL, __VA_ARGS__)

/* ... and must fail an SPM invariant in source file @p file. */
#define expect_fatal(file, ...)     \
    do {                            \
        fake_console_clear();       \
        EXPECT_HALT(__VA_ARGS__);   \
        unit_assert_fatal_in(file); \
    } while (0)

/** The console shows exactly one stop under the `halt` policy, of
 * partition @p name (@p pid), or of the NS agent if @p name is NULL: the
 * SPM's, for the reason @p why ("[Warden] partition <name> (<pid>)
 * stopped: <why>: halt"), or, if @p why is NULL, the SPM's for any reason
 * or a psa_panic(). */
void unit_assert_stopped(const char *name, long pid, const char *why);

/** The console shows exactly one stop, the psa_panic() of partition @p name
 * (@p pid), under the `halt` policy. */
void unit_assert_psa_panic(const char *name, long pid);

/** Number of lines on the console that tell a partition's (or the NS
 * agent's) stop by the panic policy. */
unsigned unit_console_stops(void);

/** The console shows an invariant failure in @p file and no panic. */
void unit_assert_fatal_in(const char *file);

/** The console holds @p text somewhere. */
void unit_assert_console_has(const char *text);

/** Number of times @p text occurs on the console. */
unsigned unit_console_count(const char *text);

#endif /* WARDEN_UNIT_H */
