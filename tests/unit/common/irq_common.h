/*
 * What the secure-interrupt tests of both backends share (test_irq.c,
 * test_irq_ipc.c): a line's state at the fake controller, and an
 * interrupt taken as the controller would take it.
 */
#ifndef WARDEN_UNIT_IRQ_COMMON_H
#define WARDEN_UNIT_IRQ_COMMON_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fake_platform.h"
#include "spm/irq.h"

static inline const struct fake_irq_line *line(uint32_t n)
{
    return fake_irq_line(n);
}

/* An interrupt of line @p n: taken only if it is routed and enabled. */
static inline void interrupt(uint32_t n)
{
    assert_true(line(n)->routed);
    assert_true(line(n)->enabled);
    spm_irq_dispatch(n);
}

/* The statement(s) must stop @p p for @p refusal ("<api>(0x<signal>):
 * <why>"), the one line on the console; @p expect_panic is the world's
 * check that @p p panics (test_irq.c's expect_part_panic, test_irq_ipc.c's
 * expect_iw_panic). */
#define IRQ_EXPECT_REFUSAL(expect_panic, p, refusal, ...)                   \
    do {                                                                    \
        char want_[256];                                                    \
        (void)snprintf(want_, sizeof(want_),                                \
                       "[Warden] partition %s (%ld) stopped: %s: halt\r\n", \
                       warden_partitions[p].name,                           \
                       (long)warden_partitions[p].pid, (refusal));          \
        expect_panic((p), __VA_ARGS__);                                     \
        assert_string_equal(fake_console(), want_);                         \
    } while (0)

#endif /* WARDEN_UNIT_IRQ_COMMON_H */
