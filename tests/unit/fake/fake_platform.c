/* The fake platform: see fake_platform.h. */
#include "fake_platform.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "psa/lifecycle.h"

jmp_buf fake_platform_jmp;

static bool armed;
static enum fake_stop last_stop;
static unsigned stops;
static int exit_status;
static uint32_t lifecycle = PSA_LIFECYCLE_SECURED;
static char console[8192];
static size_t console_len;

static struct platform_reset_record last_reset;

void fake_platform_reset(void)
{
    armed = false;
    last_reset.reason = PLATFORM_RESET_NONE;
    last_stop = FAKE_STOP_NONE;
    stops = 0;
    exit_status = 0;
    lifecycle = PSA_LIFECYCLE_SECURED;
    fake_console_clear();
    fake_irq_reset();
}

void fake_platform_arm(void)
{
    armed = true;
}

void fake_platform_disarm(void)
{
    armed = false;
}

enum fake_stop fake_platform_last_stop(void)
{
    return last_stop;
}

unsigned fake_platform_stops(void)
{
    return stops;
}

int fake_platform_exit_status(void)
{
    return exit_status;
}

const char *fake_console(void)
{
    return console;
}

void fake_console_clear(void)
{
    console_len = 0;
    console[0] = '\0';
}

void fake_platform_set_lifecycle(uint32_t state)
{
    lifecycle = state;
}

__attribute__((noreturn)) static void stop(enum fake_stop how)
{
    last_stop = how;
    stops++;
    if (!armed) {
        fprintf(stderr, "unexpected platform stop %d; console:\n%s\n", (int)how,
                console);
        fail_msg("the platform stopped (%d) where no test expected it",
                 (int)how);
        abort(); /* not reached: fail_msg() leaves the test */
    }
    armed = false;
    longjmp(fake_platform_jmp, 1);
}

void platform_console_write(const char *s, size_t len)
{
    size_t room = sizeof(console) - 1u - console_len;
    size_t n = (len < room) ? len : room;

    memcpy(&console[console_len], s, n);
    console_len += n;
    console[console_len] = '\0';
}

void platform_halt(void)
{
    stop(FAKE_STOP_HALT);
}

void platform_reset(const struct platform_reset_record *why)
{
    last_reset = *why;
    stop(FAKE_STOP_RESET);
}

const struct platform_reset_record *fake_platform_last_reset(void)
{
    return &last_reset;
}

void platform_reset_taken(struct platform_reset_record *out)
{
    *out = last_reset;
    last_reset.reason = PLATFORM_RESET_NONE;
}

void platform_watchdog_start(uint32_t ticks)
{
    (void)ticks;
}

void platform_exit(int status)
{
    exit_status = status;
    stop(FAKE_STOP_EXIT);
}

uint32_t platform_lifecycle_state(void)
{
    return lifecycle;
}

/* The interrupt controller: each line's state, for the tests to read. */
static struct fake_irq_line irq_lines[FAKE_IRQ_LINES];

static struct fake_irq_line *irq_line(uint32_t line)
{
    assert_true(line < FAKE_IRQ_LINES);
    return &irq_lines[line];
}

void fake_irq_reset(void)
{
    memset(irq_lines, 0, sizeof(irq_lines));
}

const struct fake_irq_line *fake_irq_line(uint32_t line)
{
    return irq_line(line);
}

void platform_irq_route(uint32_t line)
{
    struct fake_irq_line *l = irq_line(line);

    l->routed = true;
    l->enabled = false;
    l->pending = false;
}

void platform_irq_enable(uint32_t line)
{
    irq_line(line)->enabled = true;
}

void platform_irq_disable(uint32_t line)
{
    irq_line(line)->enabled = false;
}

void platform_irq_clear_pending(uint32_t line)
{
    struct fake_irq_line *l = irq_line(line);

    l->pending = false;
    l->clears++;
}

static unsigned completion_raises;

void platform_ns_completion_raise(void)
{
    completion_raises++;
}

unsigned fake_ns_completion_raises(void)
{
    unsigned n = completion_raises;

    completion_raises = 0u;
    return n;
}
