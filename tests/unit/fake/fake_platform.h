/*
 * A fake platform (platform/include/platform.h) for the unit tests: the
 * console goes to a buffer, and platform_halt/reset/exit jump back to the
 * test that armed them (see EXPECT_HALT in common/unit.h). An unarmed stop
 * fails the running test.
 */
#ifndef WARDEN_UNIT_FAKE_PLATFORM_H
#define WARDEN_UNIT_FAKE_PLATFORM_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform.h"

enum fake_stop {
    FAKE_STOP_NONE = 0,
    FAKE_STOP_HALT,
    FAKE_STOP_RESET,
    FAKE_STOP_EXIT,
};

/** Where a stop jumps to; set with setjmp() after fake_platform_arm(). */
extern jmp_buf fake_platform_jmp;

/** Clears the console, the stop records, the lifecycle state and the
 * interrupt controller (fake_irq_reset()). */
void fake_platform_reset(void);

/** The next stop jumps to fake_platform_jmp (once). */
void fake_platform_arm(void);
void fake_platform_disarm(void);

/** How the last stop happened, and how many stops there were. */
enum fake_stop fake_platform_last_stop(void);
unsigned fake_platform_stops(void);
int fake_platform_exit_status(void);

/** What the last platform_reset() recorded. */
const struct platform_reset_record *fake_platform_last_reset(void);

/** Everything written to the console since the last clear, NUL-ended. */
const char *fake_console(void);
void fake_console_clear(void);

/** What platform_lifecycle_state() returns. */
void fake_platform_set_lifecycle(uint32_t state);

/* The fake interrupt controller (platform_irq_*()): lines 0..63. */
#define FAKE_IRQ_LINES 64u

struct fake_irq_line {
    bool routed;
    bool enabled;
    bool pending;    /* not set by the fake: a test may model it */
    unsigned clears; /* platform_irq_clear_pending() calls */
};

/** Every line unrouted, disabled, not pending. */
void fake_irq_reset(void);

/** Line @p line's state. */
const struct fake_irq_line *fake_irq_line(uint32_t line);

/** How many times platform_ns_completion_raise() was called since the
 * last ask; the count restarts. */
unsigned fake_ns_completion_raises(void);

#endif /* WARDEN_UNIT_FAKE_PLATFORM_H */
