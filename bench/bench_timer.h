/*
 * Instruction counting under QEMU -icount shift=0, for the NS driver and
 * the secure benchmark client alike: one instruction is one nanosecond, and
 * the SysTick of the running security state (banked: each image has its
 * own; processor clock) ticks once per 1e9 / AN505_SYSCLK_HZ instructions
 * (50 at 20 MHz). Secure code must run privileged to use it (isolation
 * level 1 partitions do).
 *
 * A tick is coarse, so a single reading is not an instruction count; a sum
 * is. bench_align(k) first waits until the processor stands exactly at the
 * start of a tick, then runs 3k more instructions. Timing the same code
 * after bench_align(0), ..., bench_align(49) starts it once at each of the
 * 50 instruction positions of a tick (3 and 50 are coprime), and over those
 * 50 runs the ticks it spans add up to exactly its instruction count / 50 x
 * 50: the sum divided by the number of runs, times 50, is its exact length.
 */
#ifndef WARDEN_BENCH_TIMER_H
#define WARDEN_BENCH_TIMER_H

#include <stdint.h>

/* Consecutive alignments that together cover every position of a tick. */
#define BENCH_PHASES 50u

/**
 * Starts this security state's SysTick: processor clock, no interrupt,
 * full 24-bit range.
 */
void bench_timer_init(void);

/**
 * Returns when the processor is exactly 3 * @p k instructions (plus a
 * constant) past the start of a SysTick tick. @p k < BENCH_PHASES.
 */
void bench_align(uint32_t k);

/** The SysTick counter (counts down, 24 bits). */
static inline uint32_t bench_ticks(void)
{
    return *(volatile uint32_t *)0xE000E018u;
}

/** Ticks from @p start to @p end, two bench_ticks() readings. */
static inline uint32_t bench_elapsed(uint32_t start, uint32_t end)
{
    return (start - end) & 0xFFFFFFu;
}

#endif /* WARDEN_BENCH_TIMER_H */
