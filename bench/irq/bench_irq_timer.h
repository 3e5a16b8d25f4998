/*
 * The interrupt benchmark's device: the IoT kit's CMSDK timers at their
 * Secure alias (TIMER0 for the FLIH, TIMER1 for the SLIH), each armed for
 * one expiry a few ticks away, stopped and cleared by its handler.
 */
#ifndef WARDEN_BENCH_IRQ_TIMER_H
#define WARDEN_BENCH_IRQ_TIMER_H

#include <stdint.h>

#define BENCH_TIMER0 0x50000000u
#define BENCH_TIMER1 0x50001000u

#define BENCH_TIMER_CTRL     0x0u
#define BENCH_TIMER_VALUE    0x4u
#define BENCH_TIMER_RELOAD   0x8u
#define BENCH_TIMER_INTCLEAR 0xCu
#define BENCH_TIMER_CTRL_EN  (1u << 0)
#define BENCH_TIMER_CTRL_IRQ (1u << 3)
#define BENCH_TIMER_TICKS    20u /* the expiry: long after the reply */

/* The request types of the BENCH_IRQ service. */
#define BENCH_IRQ_ARM_FLIH 1
#define BENCH_IRQ_ARM_SLIH 2

static inline void bench_timer_reg(uint32_t timer, uint32_t reg, uint32_t v)
{
    *(volatile uint32_t *)(uintptr_t)(timer + reg) = v;
}

/* One expiry BENCH_TIMER_TICKS ticks from now, with its interrupt. */
static inline void bench_timer_arm(uint32_t timer)
{
    bench_timer_reg(timer, BENCH_TIMER_CTRL, 0u);
    bench_timer_reg(timer, BENCH_TIMER_RELOAD, BENCH_TIMER_TICKS);
    bench_timer_reg(timer, BENCH_TIMER_VALUE, BENCH_TIMER_TICKS);
    bench_timer_reg(timer, BENCH_TIMER_CTRL,
                    BENCH_TIMER_CTRL_EN | BENCH_TIMER_CTRL_IRQ);
}

/* Stopped, its interrupt cleared. */
static inline void bench_timer_stop(uint32_t timer)
{
    bench_timer_reg(timer, BENCH_TIMER_CTRL, 0u);
    bench_timer_reg(timer, BENCH_TIMER_INTCLEAR, 1u);
}

#endif /* WARDEN_BENCH_IRQ_TIMER_H */
