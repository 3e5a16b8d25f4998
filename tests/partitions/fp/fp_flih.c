/*
 * WARDEN_SP_FP_FLIH (fp_test.h): owns TIMER1, handled as an FLIH. At each
 * interrupt its FLIH function:
 *
 *  - at isolation levels 2 and 3, where it runs in Thread mode inside its
 *    partition's boundary (arch/armv8m/flih_svc.c), looks at the FP
 *    registers it was given: every one must be zero, FPSCR too, whatever
 *    the interrupted code held (S16-S31 are put aside and zeroed before
 *    the function starts, S0-S15 and FPSCR cleared by the return that
 *    starts it). At level 1 it is a plain call inside the interrupt
 *    handler, in the interrupted code's FP context: nothing to look for;
 *  - loads its own values into every FP register and holds them while an
 *    FP-free function takes the interrupt back and re-arms TIMER1; then
 *    every register and FPSCR must be as loaded: nothing preempts a FLIH
 *    (secure interrupts share a priority, and every NS one is lower);
 *  - every hold_every-th run holds them a while longer after re-arming
 *    TIMER1 (hold_ticks, longer than the NS tick's longest interval): an
 *    NS tick is pending as it returns, and the NS test's tick handler,
 *    which looks for any partition's value in every register at its
 *    entry, runs tail-chained onto the secure interrupt's return, in the
 *    registers that return left (the FLIH's, and at isolation levels 2
 *    and 3 whatever the SPM put back for the interrupted code).
 *
 * Its service starts the interrupts (FP_OP_FLIH_START), stops them and
 * gives the figures (FP_OP_FLIH_STOP), or gives them only (FP_OP_COUNTS).
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/fp_flih.h"
#include "tests/fp/fp_hold.h"
#include "tests/partitions/fp/fp_test.h"
#include "tests/partitions/irq/irq_devices.h"
#include "warden/config.h"

/* 1 when the FLIH function runs inside its own boundary and must be given
 * no FP value (isolation levels 2 and 3). */
#if TFM_ISOLATION_LEVEL >= 2
#define FLIH_ISOLATED 1
#else
#define FLIH_ISOLATED 0
#endif

/* How the interval moves within the spread from one interrupt to the
 * next (a prime: every part of the spread comes in turn). */
#define SPREAD_STEP 97u

/* Set by the service, read by the FLIH at interrupt time. */
static struct {
    volatile uint32_t on; /* re-arm at each interrupt */
    volatile uint32_t ticks;
    volatile uint32_t spread;
    volatile uint32_t hold_every; /* 0: no run holds longer */
    volatile uint32_t hold_ticks;
} burst;

static volatile struct fp_flih_counts counts;

/* The FLIH function's words (one runs at a time): its values, what it
 * found at entry, what it found after holding them. */
static uint32_t in[FP_WORDS];
static uint32_t seen[FP_WORDS];
static uint32_t out[FP_WORDS];

/* Waits until TIMER1, armed with @p armed ticks, has counted
 * burst.hold_ticks of them (fewer than @p armed: it does not reach 0
 * first). */
static void hold(uint32_t armed)
{
    while (IRQ_TIMER1->value + burst.hold_ticks > armed) {
    }
    counts.held++;
}

/* What fp_hold_call() runs: takes TIMER1's interrupt back and re-arms the
 * timer while the burst is on, and on every hold_every-th interrupt waits
 * hold_ticks of it. No FP register used. */
static void take_interrupt(void *arg)
{
    (void)arg;
    if (!timer_fired(IRQ_TIMER1)) {
        return;
    }
    timer_stop_clear(IRQ_TIMER1);
    counts.found++;
    if (burst.on != 0u) {
        uint32_t armed =
            burst.ticks + (counts.found * SPREAD_STEP) % burst.spread;

        timer_arm(IRQ_TIMER1, armed);
        if (burst.hold_every != 0u && counts.found % burst.hold_every == 0u) {
            hold(armed);
        }
    }
}

/* Records the first failure (@p code; register @p reg of @p got, which
 * should have held @p want). */
static void record(uint32_t code, const uint32_t got[FP_WORDS], uint32_t reg,
                   uint32_t want)
{
    if (counts.first_code == 0u) {
        counts.first_code = code;
        counts.bad_reg = reg;
        counts.bad_got = got[reg];
        counts.bad_want = want;
    }
}

/* The first of the words of @p got (s0-s31, FPSCR) that is not zero;
 * FP_WORDS if none. */
static uint32_t first_nonzero(const uint32_t got[FP_WORDS])
{
    uint32_t i = 0;

    while (i < FP_WORDS && got[i] == 0u) {
        i++;
    }
    return i;
}

psa_flih_result_t timer1_irq_flih(void)
{
    uint32_t reg;

    fp_read(seen); /* first: before anything here uses an FP register */
    fp_hold_call(in, out, take_interrupt, NULL);
    counts.runs++;
    if (FLIH_ISOLATED) {
        counts.checked++;
        reg = first_nonzero(seen);
        if (reg < FP_WORDS) {
            counts.saw++;
            record(FP_FAIL_FLIH_SAW, seen, reg, 0u);
        }
    }
    reg = fp_first_diff(out, in, 0u, FP_WORDS);
    if (reg < FP_WORDS) {
        counts.changed++;
        record(FP_FAIL_FLIH_CHANGED, out, reg, in[reg]);
    }
    return PSA_FLIH_NO_SIGNAL;
}

/* TIMER1 stopped, its interrupt disabled and taken back. A FLIH that
 * comes before the first step re-arms the timer; one after it does not. */
static void stop(void)
{
    burst.on = 0u;
    (void)psa_irq_disable(TIMER1_IRQ_SIGNAL);
    timer_stop_clear(IRQ_TIMER1);
}

static psa_status_t start(const psa_msg_t *msg)
{
    struct fp_flih_args a;

    if (msg->in_size[0] != sizeof(a) ||
        psa_read(msg->handle, 0, &a, sizeof(a)) != sizeof(a) ||
        a.ticks < FP_FLIH_MIN_TICKS || a.spread == 0u ||
        a.hold_ticks > a.ticks - FP_FLIH_MIN_TICKS) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    stop();
    counts.runs = 0u;
    counts.found = 0u;
    counts.checked = 0u;
    counts.saw = 0u;
    counts.changed = 0u;
    counts.held = 0u;
    counts.first_code = 0u;
    counts.bad_reg = 0u;
    counts.bad_got = 0u;
    counts.bad_want = 0u;
    fp_pattern(in, FP_BASE_FLIH, FP_FPSCR_FLIH);
    burst.ticks = a.ticks;
    burst.spread = a.spread;
    burst.hold_every = a.hold_every;
    burst.hold_ticks = a.hold_ticks;
    burst.on = 1u;
    psa_irq_enable(TIMER1_IRQ_SIGNAL);
    timer_arm(IRQ_TIMER1, a.ticks);
    return PSA_SUCCESS;
}

static psa_status_t answer_counts(const psa_msg_t *msg)
{
    struct fp_flih_counts c;

    if (msg->out_size[0] < sizeof(c)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    c.runs = counts.runs;
    c.found = counts.found;
    c.checked = counts.checked;
    c.saw = counts.saw;
    c.changed = counts.changed;
    c.held = counts.held;
    c.first_code = counts.first_code;
    c.bad_reg = counts.bad_reg;
    c.bad_got = counts.bad_got;
    c.bad_want = counts.bad_want;
    psa_write(msg->handle, 0, &c, sizeof(c));
    return PSA_SUCCESS;
}

psa_status_t fp_flih_sfn(const psa_msg_t *msg)
{
    switch (msg->type) {
    case FP_OP_FLIH_START:
        return start(msg);
    case FP_OP_FLIH_STOP:
        stop();
        return answer_counts(msg);
    case FP_OP_COUNTS:
        return answer_counts(msg);
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}
