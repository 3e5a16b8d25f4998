/*
 * The floating-point tests (tests/regression/fp): what the FP test
 * partitions of tests/partitions/fp serve, and the values each party
 * loads into the FP registers.
 *
 *   WARDEN_SP_FP_A  FP_A: holds its values in every FP register across a
 *                   call to FP_B and checks they come back (SFN model)
 *   WARDEN_SP_FP_B  FP_B: holds its own values across some FP arithmetic
 *                   (SFN model)
 *   WARDEN_SP_FP_VICTIM  faults while holding its values: the `terminate`
 *                   policy stops it (SFN model)
 *   WARDEN_SP_FP_FLIH  owns TIMER1, handled as an FLIH: at each interrupt
 *                   the FLIH function holds its values across the
 *                   interrupt's handling, and at isolation levels 2 and 3
 *                   first checks that it was given no value at all (SFN
 *                   model; its service starts and stops the interrupts)
 *
 * Every party (the partitions, two NS tasks, the NS SysTick handler)
 * has a value of its own for each of s0-s31 and an FPSCR of its own, so
 * that a register holding another party's value is seen and named. The
 * values are normal single-precision numbers near 1.0 (flush-to-zero
 * leaves them alone); the FPSCR values set only bits the Cortex-M33 keeps
 * (AHP 26, DN 25, FZ 24, RMode 23:22).
 */
#ifndef WARDEN_TESTS_FP_TEST_H
#define WARDEN_TESTS_FP_TEST_H

#include <stdbool.h>
#include <stdint.h>

/* The words fp_hold_call() loads and stores (tests/fp/fp_hold.h): s0-s31,
 * then FPSCR. */
#define FP_REGS  32u
#define FP_WORDS 33u
#define FP_FPSCR 32u
/* s0-s15: the registers a call may change (AAPCS caller-saved). */
#define FP_CALLER_REGS 16u

/* Each party's value for register i: its base | i. */
#define FP_BASE_NS_TASK1 0x3F810000u
#define FP_BASE_NS_TASK2 0x3F820000u
#define FP_BASE_NS_TICK  0x3F830000u
#define FP_BASE_A        0x3FA10000u
#define FP_BASE_B        0x3FB20000u
#define FP_BASE_VICTIM   0x3FC30000u
#define FP_BASE_FLIH     0x3FD40000u

/* FPSCR fields. */
#define FP_AHP      (1u << 26)
#define FP_DN       (1u << 25)
#define FP_FZ       (1u << 24)
#define FP_RMODE(m) ((uint32_t)(m) << 22)
/* The control bits of FPSCR (the rest are flags). */
#define FP_FPSCR_CONTROL 0x07C00000u
/* Each party's FPSCR. */
#define FP_FPSCR_A        FP_RMODE(1)
#define FP_FPSCR_B        (FP_RMODE(2) | FP_FZ)
#define FP_FPSCR_VICTIM   (FP_AHP | FP_RMODE(3))
#define FP_FPSCR_FLIH     (FP_AHP | FP_DN | FP_RMODE(2))
#define FP_FPSCR_NS_TASK1 (FP_RMODE(3) | FP_DN)
#define FP_FPSCR_NS_TASK2 (FP_AHP | FP_FZ)
#define FP_FPSCR_NS_TICK  (FP_DN | FP_FZ | FP_RMODE(1))
/* What the NS test sets FPDSCR_NS to: the FPSCR a new NS FP context gets,
 * and the one a secure call that used the FPU hands back (the veneers,
 * arch/armv8m/veneers.c). */
#define FP_FPDSCR_NS (FP_RMODE(2) | FP_DN)

/* ---- FP_A, FP_B and FP_VICTIM ----------------------------------------------
 * The requests (the psa_call type). */
enum fp_op {
    /* The test: FP_A holds its values across a call to FP_B; FP_B holds
     * its own across some FP arithmetic. Replies PSA_SUCCESS or one of
     * the FP_FAIL_ codes. FP_VICTIM faults while holding its own. */
    FP_OP_RUN = 1,
    /* Out: struct fp_counts, the partition's figures so far (FP_A and
     * FP_B); struct fp_flih_counts (FP_FLIH). */
    FP_OP_COUNTS = 2,
    /* FP_FLIH: in: struct fp_flih_args. Clears the counts and starts
     * TIMER1, which the FLIH function re-arms at each interrupt until
     * FP_OP_FLIH_STOP. */
    FP_OP_FLIH_START = 3,
    /* FP_FLIH: stops TIMER1 and its interrupt; out: struct
     * fp_flih_counts. */
    FP_OP_FLIH_STOP = 4,
};

/* What FP_OP_RUN replies when a check fails (the first failure found). */
#define FP_FAIL_A_SAW_B      0x101 /* FP_A found an FP_B value at entry */
#define FP_FAIL_A_CHANGED    0x102 /* FP_A's values changed across the call */
#define FP_FAIL_A_CALL       0x103 /* FP_A's call to FP_B did not succeed */
#define FP_FAIL_A_LEAKED     0x104 /* FP_B values came back to FP_A (IPC) */
#define FP_FAIL_A_SAW_FLIH   0x105 /* FP_A found an FP_FLIH value */
#define FP_FAIL_B_SAW_A      0x201 /* FP_B found an FP_A value at entry */
#define FP_FAIL_B_CHANGED    0x202 /* FP_B's values changed */
#define FP_FAIL_B_ARITHMETIC 0x203 /* FP_B's arithmetic came out wrong */
#define FP_FAIL_B_SAW_FLIH   0x204 /* FP_B found an FP_FLIH value */
/* What FP_FLIH records (struct fp_flih_counts). */
#define FP_FAIL_FLIH_SAW     0x301 /* a value in a register at entry */
#define FP_FAIL_FLIH_CHANGED 0x302 /* its values changed while held */

struct fp_counts {
    uint32_t runs;     /* FP_OP_RUN requests */
    uint32_t failures; /* ... answered with an FP_FAIL_ code */
    /* The first failure: its code, and the first register that was
     * wrong (FP_FPSCR: FPSCR), what it held and what it should have (a
     * value found where none of the other's may be: 0). A failed call to
     * FP_B has no register (FP_WORDS); bad_want is then its status. */
    uint32_t first_code;
    uint32_t bad_reg;
    uint32_t bad_got;
    uint32_t bad_want;
};

/* The shortest interval FP_OP_FLIH_START takes, and the shortest a held
 * run leaves before the next interrupt (TIMER1 ticks). */
#define FP_FLIH_MIN_TICKS 50u

/* FP_OP_FLIH_START's request: the interval from one interrupt to the
 * next, in TIMER1 ticks (20 MHz), is @p ticks plus a part of @p spread that
 * changes from one interrupt to the next, so that the interrupts land at
 * every point of what the others do. Every @p hold_every-th run (0: none)
 * of the FLIH function holds its values @p hold_ticks ticks longer, after
 * re-arming TIMER1 (@p ticks - FP_FLIH_MIN_TICKS at most, or the request
 * is refused: the run must be over long before the next interrupt):
 * longer than the NS tick's
 * longest interval, so that an NS tick is pending as the FLIH returns
 * and its handler runs tail-chained onto the secure interrupt's return,
 * in the registers that return left. */
struct fp_flih_args {
    uint32_t ticks; /* FP_FLIH_MIN_TICKS at least */
    uint32_t spread;
    uint32_t hold_every;
    uint32_t hold_ticks;
};

struct fp_flih_counts {
    uint32_t runs;    /* the FLIH function's */
    uint32_t found;   /* ... that found TIMER1's interrupt raised */
    uint32_t checked; /* ... that checked what they were given at entry
                       * (isolation levels 2 and 3) */
    uint32_t saw;     /* ... that found a value in a register there */
    uint32_t changed; /* ... whose values changed while held */
    uint32_t held;    /* ... that held them hold_ticks longer (an NS tick
                       * pending at their return) */
    /* The first failure, as in struct fp_counts (bad_want: 0 for a value
     * found at entry). */
    uint32_t first_code;
    uint32_t bad_reg;
    uint32_t bad_got;
    uint32_t bad_want;
};

/* ---- Shared checks --------------------------------------------------------
 */

/* Fills @p words with the values of the party whose base and FPSCR these
 * are. */
static inline void fp_pattern(uint32_t words[FP_WORDS], uint32_t base,
                              uint32_t fpscr)
{
    for (uint32_t i = 0; i < FP_REGS; i++) {
        words[i] = base | i;
    }
    words[FP_FPSCR] = fpscr;
}

/* True if @p word is one of the values of the party of @p base. */
static inline bool fp_is_of(uint32_t word, uint32_t base)
{
    return (word & 0xFFFF0000u) == base && (word & 0xFFFFu) < FP_REGS;
}

/* True if @p word is a value of a partition's (FP_A, FP_B, FP_VICTIM,
 * FP_FLIH). */
static inline bool fp_is_secure(uint32_t word)
{
    return fp_is_of(word, FP_BASE_A) || fp_is_of(word, FP_BASE_B) ||
           fp_is_of(word, FP_BASE_VICTIM) || fp_is_of(word, FP_BASE_FLIH);
}

/* The first of words [@p from, @p to) where @p got differs from @p want;
 * @p to if none does. */
static inline uint32_t fp_first_diff(const uint32_t got[FP_WORDS],
                                     const uint32_t want[FP_WORDS],
                                     uint32_t from, uint32_t to)
{
    uint32_t i = from;

    while (i < to && got[i] == want[i]) {
        i++;
    }
    return i;
}

/* The first of the registers s0-s31 of @p got that holds a value of the
 * party of @p base; FP_REGS if none does. */
static inline uint32_t fp_first_of(const uint32_t got[FP_WORDS], uint32_t base)
{
    uint32_t i = 0;

    while (i < FP_REGS && !fp_is_of(got[i], base)) {
        i++;
    }
    return i;
}

/* The first of the registers s0-s31 of @p got that holds a partition's
 * value; FP_REGS if none does. */
static inline uint32_t fp_first_secure(const uint32_t got[FP_WORDS])
{
    uint32_t i = 0;

    while (i < FP_REGS && !fp_is_secure(got[i])) {
        i++;
    }
    return i;
}

#endif /* WARDEN_TESTS_FP_TEST_H */
