/*
 * The floating-point test (Armv8-M with CONFIG_TFM_ENABLE_FP, run under
 * QEMU with -icount), against the secure image warden_s_fp and its
 * partitions FP_A, FP_B, FP_VICTIM and FP_FLIH
 * (tests/partitions/fp/fp_test.h). Every party holds values of its own in
 * all FP registers (fp_hold_call(), tests/fp/fp_hold.h) while others run:
 *
 *  - NS task 1 makes 20,000 secure calls (to FP_A, which calls FP_B while
 *    holding its own values; every eighth to FP_B) holding its values;
 *  - NS task 2, of the same priority, holds its values in rounds that make
 *    a call to FP_B (one in four) or spin without a call, until task 1 is
 *    done;
 *  - the NS kernel's SysTick, every 30..100 cycles of the 20 MHz clock
 *    (1,500..5,000 instructions), so that ticks land inside secure calls
 *    by the thousand, first reads the FP registers it was given, then
 *    holds values of its own across a little work; the task switches it
 *    asks for land inside secure calls too;
 *  - FP_FLIH's FLIH function, at each TIMER1 interrupt (every 200..455
 *    ticks of the timer's 20 MHz clock, re-armed by the FLIH until the
 *    tasks are done), so that the interrupts land in the NS tasks, in
 *    their secure calls and in FP_A's and FP_B's threads while each holds
 *    its values, holds values of its own while it takes the interrupt
 *    back; every eighth run holds them longer than the tick's longest
 *    interval, so that a tick is pending as the FLIH returns and the tick
 *    handler (unless NS code had ticks masked) runs tail-chained onto the
 *    secure interrupt's return, in the registers that return left: at
 *    isolation levels 2 and 3 whatever the SPM put back in S16-S31 for
 *    the code the interrupt came into (often FP_A's or FP_B's thread
 *    holding its values, which the hardware frame of a Secure thread
 *    holds: FPCCR_S.TS), and whatever the FLIH left.
 *
 * What each must find afterwards:
 *
 *  - a round without a call, and the tick's own round: every register and
 *    FPSCR as it loaded them;
 *  - a round with a call, under the IPC backend (the partitions run in
 *    their own threads; the call uses no FP register of the caller's):
 *    the same;
 *  - a round with a call, under the SFN backend (the partitions run in the
 *    call and use the FPU): s16-s31 as loaded (AAPCS callee-saved), s0-s15
 *    zero and FPSCR equal to FPDSCR_NS (the veneer's return clears what
 *    the secure side left there, arch/armv8m/veneers.c);
 *  - and never, in any register of any round, nor in the registers the
 *    tick handler finds at its entry, a partition's value (the FLIH's
 *    included): with FPCCR_S.TS the hardware clears the secure FP
 *    registers before an NS handler runs, the veneer before a call
 *    returns, and the return from the secure interrupt clears what the
 *    FLIH left in S0-S15 (S16-S31 are put back by its own code at
 *    isolation level 1, by the SPM at levels 2 and 3: arch/armv8m/flih.h).
 *
 * First of all, FP_VICTIM faults while holding values of its own (a call
 * of task 1's, made holding no FP state), and is stopped (the `terminate`
 * policy): neither task 1 after the call nor a tick handler meanwhile may
 * find any of them.
 *
 * The partitions check their side (fp_test.h) and count their failures,
 * which must be none: FP_A and FP_B find no value of the FLIH's, the FLIH
 * function its own values as it loaded them and, at isolation levels 2
 * and 3, none at all at its entry (nothing of the code it interrupted).
 * The line
 *   fp: N calls by task 1, N by task 2 ...; N changed, N leaked; N ticks
 *   (N in secure code), handler N changed, N leaked; FLIH N runs (N
 *   checked at entry, N saw a value, N held over a tick), N changed
 * gives the figures, then PASS/FAIL lines as in the regression suites.
 */
#include <stdbool.h>
#include <stdint.h>

#include "kernel.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/fp/fp_hold.h"
#include "tests/partitions/fp/fp_test.h"
#include "tests/regression/framework/test_framework.h"
#include "warden/config.h"

#define TASK1_CALLS         20000u
#define TASK1_B_EVERY       8u /* every eighth call of task 1 goes to FP_B */
#define TASK2_CALL_EVERY    4u /* one round of task 2 in four makes a call */
#define TASK2_SPIN          300u
#define TASK_PRIO           3u
#define TICK_MIN            30u /* NS SysTick, cycles of the 20 MHz clock */
#define TICK_MAX            100u
#define MIN_TICKS_IN_SECURE 1000u
#define TICK_WORK           20u
#define FLIH_TICKS          200u /* TIMER1 ticks, 20 MHz: at least ... */
#define FLIH_SPREAD         256u /* ... and up to 255 more */
#define MIN_FLIH_RUNS       2000u
#define FLIH_HOLD_EVERY     8u /* every eighth FLIH run holds ... */
#define FLIH_HOLD_TICKS     (TICK_MAX + 20u) /* ... over a tick */
#define MIN_FLIH_HELD       (MIN_FLIH_RUNS / FLIH_HOLD_EVERY)

/* FPDSCR_NS: the FPSCR a new NS FP context starts with. */
#define FPDSCR_NS (*(volatile uint32_t *)(uintptr_t)0xE000EF3Cu)

/* 1 when a call runs the partitions in the caller's call, with the FPU
 * (the SFN backend): the veneer then clears s0-s15 and sets FPSCR to
 * FPDSCR_NS on the way back. */
#if defined(CONFIG_TFM_SPM_BACKEND_SFN)
#define CALLS_USE_SECURE_FP 1
#else
#define CALLS_USE_SECURE_FP 0
#endif

/* 1 when the FLIH function runs inside its own boundary and checks that
 * it was given no FP value (isolation levels 2 and 3). */
#if TFM_ISOLATION_LEVEL >= 2
#define FLIH_ENTRY_CHECKED 1
#else
#define FLIH_ENTRY_CHECKED 0
#endif

struct party {
    uint32_t in[FP_WORDS];   /* its values */
    uint32_t calls;          /* secure calls made */
    uint32_t spins;          /* rounds without a call */
    uint32_t failed;         /* calls that did not return PSA_SUCCESS */
    uint32_t changed;        /* rounds whose registers came back wrong */
    uint32_t leaked;         /* rounds that found a secure value */
    psa_status_t bad_status; /* the first failed call's status */
    uint32_t bad_reg;        /* the first wrong register (32: FPSCR) */
    uint32_t bad_got;
    uint32_t bad_want;
    volatile int done;
};

static struct party task1;
static struct party task2;
static uint32_t task1_b_calls;

/* The tick handler's figures. */
static struct {
    uint32_t in[FP_WORDS];
    volatile uint32_t runs;
    uint32_t changed;      /* its own values came back wrong */
    uint32_t leaked;       /* ticks that found a secure value at entry */
    uint32_t fpscr_leaked; /* ... a secure FPSCR mode */
    uint32_t bad_tick;     /* the first that found a secure value: when */
    uint32_t bad_reg;      /* ... where */
    uint32_t bad_got;      /* ... what */
    volatile uint32_t work;
} tick;

/* FP_FLIH's figures, given as its interrupts stop; the two requests'
 * statuses. */
static struct fp_flih_counts flih;
static psa_status_t flih_started = PSA_ERROR_GENERIC_ERROR;
/* A start whose held runs would last one tick too long, and one at the
 * bound (fp_test.h). */
static psa_status_t flih_over_bound = PSA_ERROR_GENERIC_ERROR;
static psa_status_t flih_at_bound = PSA_ERROR_GENERIC_ERROR;
static psa_status_t flih_stopped = PSA_ERROR_GENERIC_ERROR;

/* The victim's round (before the tasks start). */
static struct {
    psa_status_t status;
    uint32_t reg; /* the first register found holding a partition's value */
    uint32_t got;
    uint32_t fpscr;
} victim;

static struct tf_tally tally = { "fp", 0u, 0u };

/* ---- The rounds ---------------------------------------------------------- */

struct call {
    psa_handle_t handle;
    psa_status_t status;
};

/* What fp_hold_call() runs for a round with a call. */
static void secure_call(void *arg)
{
    struct call *c = arg;

    c->status = psa_call(c->handle, FP_OP_RUN, NULL, 0, NULL, 0);
}

/* What fp_hold_call() runs for a round without one: a while of integer
 * work, during which ticks come. */
static void spin(void *arg)
{
    for (volatile uint32_t n = *(const uint32_t *)arg; n != 0u; n--) {
    }
}

/* What the registers of @p p should hold after a round (@p called: the
 * round made a secure call). */
static void expected(const struct party *p, bool called,
                     uint32_t want[FP_WORDS])
{
    for (uint32_t i = 0; i < FP_WORDS; i++) {
        want[i] = p->in[i];
    }
    if (called && CALLS_USE_SECURE_FP) {
        for (uint32_t i = 0; i < FP_CALLER_REGS; i++) {
            want[i] = 0u;
        }
        want[FP_FPSCR] = FP_FPDSCR_NS;
    }
}

static void check_round(struct party *p, const uint32_t out[FP_WORDS],
                        bool called, psa_status_t status)
{
    uint32_t want[FP_WORDS];
    uint32_t reg;

    if (called) {
        p->calls++;
        if (status != PSA_SUCCESS && p->failed++ == 0u) {
            p->bad_status = status;
        }
    } else {
        p->spins++;
    }
    expected(p, called, want);
    reg = fp_first_diff(out, want, 0u, FP_WORDS);
    if (reg < FP_WORDS && p->changed++ == 0u) {
        p->bad_reg = reg;
        p->bad_got = out[reg];
        p->bad_want = want[reg];
    }
    p->leaked += (fp_first_secure(out) < FP_REGS) ? 1u : 0u;
}

static void call_round(struct party *p, psa_handle_t handle)
{
    uint32_t out[FP_WORDS];
    struct call c = { handle, PSA_ERROR_GENERIC_ERROR };

    fp_hold_call(p->in, out, secure_call, &c);
    check_round(p, out, true, c.status);
}

static void spin_round(struct party *p)
{
    uint32_t out[FP_WORDS];
    uint32_t n = TASK2_SPIN;

    fp_hold_call(p->in, out, spin, &n);
    check_round(p, out, false, PSA_SUCCESS);
}

/* CONTROL.FPCA cleared: the caller holds no FP state from here on (until
 * its next FP instruction). Privileged code only. */
static void drop_fp_state(void)
{
    uint32_t control;

    __asm volatile("mrs %0, control" : "=r"(control));
    control &= ~4u;
    __asm volatile("msr control, %0\n\tisb" : : "r"(control) : "memory");
}

/* FP_VICTIM faults while holding its values. The call is made holding no
 * FP state, so that under the IPC backend the thread that runs after the
 * fault (the NS agent's) has none either: nothing of its own is restored
 * over what the victim left. Under the SFN backend the fault unwinds to
 * the call, in the same context. */
static void victim_round(void)
{
    uint32_t seen[FP_WORDS];

    drop_fp_state();
    victim.status = psa_call(FP_VICTIM_HANDLE, FP_OP_RUN, NULL, 0, NULL, 0);
    fp_read(seen);
    victim.reg = fp_first_secure(seen);
    victim.got = victim.reg < FP_REGS ? seen[victim.reg] : 0u;
    victim.fpscr = seen[FP_FPSCR];
}

/* ---- FP_FLIH's interrupts ------------------------------------------------ */

static psa_status_t flih_start_with(uint32_t hold_ticks)
{
    struct fp_flih_args a = { FLIH_TICKS, FLIH_SPREAD, FLIH_HOLD_EVERY,
                              hold_ticks };
    psa_invec iv[] = { { &a, sizeof(a) } };

    return psa_call(FP_FLIH_HANDLE, FP_OP_FLIH_START, iv, 1, NULL, 0);
}

/* The bound first (the start at it is replaced by the test's own, which
 * stops the timer and clears the counts first). */
static void flih_start(void)
{
    flih_over_bound = flih_start_with(FLIH_TICKS - FP_FLIH_MIN_TICKS + 1u);
    flih_at_bound = flih_start_with(FLIH_TICKS - FP_FLIH_MIN_TICKS);
    flih_started = flih_start_with(FLIH_HOLD_TICKS);
}

static void flih_stop(void)
{
    psa_outvec ov[] = { { &flih, sizeof(flih) } };

    flih_stopped = psa_call(FP_FLIH_HANDLE, FP_OP_FLIH_STOP, NULL, 0, ov, 1);
}

/* ---- The tick hook (Handler mode) ---------------------------------------- */

static void tick_work(void *arg)
{
    (void)arg;
    for (uint32_t n = 0; n < TICK_WORK; n++) {
        tick.work++;
    }
}

static void tick_hook(void)
{
    uint32_t seen[FP_WORDS];
    uint32_t out[FP_WORDS];
    uint32_t mode;
    uint32_t reg;

    fp_read(seen); /* first: what the handler was given */
    mode = seen[FP_FPSCR] & FP_FPSCR_CONTROL;
    reg = fp_first_secure(seen);
    if (reg < FP_REGS && tick.leaked++ == 0u) {
        tick.bad_tick = kernel_ticks();
        tick.bad_reg = reg;
        tick.bad_got = seen[reg];
    }
    tick.fpscr_leaked +=
        (mode == FP_FPSCR_A || mode == FP_FPSCR_B || mode == FP_FPSCR_FLIH)
            ? 1u
            : 0u;
    fp_hold_call(tick.in, out, tick_work, NULL);
    tick.changed +=
        (fp_first_diff(out, tick.in, 0u, FP_WORDS) < FP_WORDS) ? 1u : 0u;
    tick.runs++;
}

/* ---- The tasks ----------------------------------------------------------- */

static void run_task2(void *arg)
{
    (void)arg;
    for (uint32_t n = 0; !task1.done; n++) {
        if (n % TASK2_CALL_EVERY == 0u) {
            call_round(&task2, FP_B_HANDLE);
        } else {
            spin_round(&task2);
        }
    }
    task2.done = 1;
}

static bool partition_counts(psa_handle_t handle, struct fp_counts *c)
{
    psa_outvec ov[] = { { c, sizeof(*c) } };

    return psa_call(handle, FP_OP_COUNTS, NULL, 0, ov, 1) == PSA_SUCCESS;
}

static void report_party(const char *name, const struct party *p)
{
    if (p->failed != 0u) {
        tf_log("fp: %s: first failed call returned %ld\r\n", name,
               (long)p->bad_status);
    }
    if (p->changed != 0u) {
        tf_log("fp: %s: first change in register %lu: 0x%08lx, not "
               "0x%08lx\r\n",
               name, (unsigned long)p->bad_reg, (unsigned long)p->bad_got,
               (unsigned long)p->bad_want);
    }
}

static void report_partition(const char *name, const struct fp_counts *c)
{
    if (c->failures != 0u) {
        tf_log("fp: %s: first failure 0x%lx, register %lu: 0x%08lx, not "
               "0x%08lx\r\n",
               name, (unsigned long)c->first_code, (unsigned long)c->bad_reg,
               (unsigned long)c->bad_got, (unsigned long)c->bad_want);
    }
}

static void report_flih(void)
{
    if (flih_started != PSA_SUCCESS || flih_stopped != PSA_SUCCESS) {
        tf_log("fp: FP_FLIH: start returned %ld, stop %ld\r\n",
               (long)flih_started, (long)flih_stopped);
    }
    if (flih.first_code != 0u) {
        tf_log("fp: FP_FLIH: first failure 0x%lx, register %lu: 0x%08lx, "
               "not 0x%08lx\r\n",
               (unsigned long)flih.first_code, (unsigned long)flih.bad_reg,
               (unsigned long)flih.bad_got, (unsigned long)flih.bad_want);
    }
}

static void report(void)
{
    struct kernel_stats st;
    struct fp_counts a = { 0 };
    struct fp_counts b = { 0 };
    uint32_t hook_runs = tick.runs;
    bool counted;

    kernel_get_stats(&st);
    counted =
        partition_counts(FP_A_HANDLE, &a) && partition_counts(FP_B_HANDLE, &b);
    tf_log("fp: %lu calls by task 1, %lu by task 2 (and %lu rounds without "
           "a call); %lu changed, %lu leaked; %lu ticks (%lu in secure "
           "code), handler %lu changed, %lu leaked; FLIH %lu runs (%lu "
           "checked at entry, %lu saw a value, %lu held over a tick), %lu "
           "changed\r\n",
           (unsigned long)task1.calls, (unsigned long)task2.calls,
           (unsigned long)task2.spins,
           (unsigned long)(task1.changed + task2.changed),
           (unsigned long)(task1.leaked + task2.leaked),
           (unsigned long)st.ticks, (unsigned long)st.ticks_in_secure,
           (unsigned long)tick.changed,
           (unsigned long)(tick.leaked + tick.fpscr_leaked),
           (unsigned long)flih.runs, (unsigned long)flih.checked,
           (unsigned long)flih.saw, (unsigned long)flih.held,
           (unsigned long)flih.changed);
    tf_log("fp: FP_A %lu runs, %lu failed; FP_B %lu runs, %lu failed\r\n",
           (unsigned long)a.runs, (unsigned long)a.failures,
           (unsigned long)b.runs, (unsigned long)b.failures);
    report_party("task 1", &task1);
    report_party("task 2", &task2);
    report_partition("FP_A", &a);
    report_partition("FP_B", &b);
    report_flih();

    if (tick.leaked != 0u) {
        tf_log("fp: tick %lu found 0x%08lx in register %lu\r\n",
               (unsigned long)tick.bad_tick, (unsigned long)tick.bad_got,
               (unsigned long)tick.bad_reg);
    }
    if (victim.status != PSA_ERROR_SERVICE_FAILURE) {
        tf_log("fp: the victim's call returned %ld\r\n", (long)victim.status);
    }
    if (victim.reg < FP_REGS) {
        tf_log("fp: after the victim's fault register %lu held 0x%08lx\r\n",
               (unsigned long)victim.reg, (unsigned long)victim.got);
    }
    tf_check(&tally, FPDSCR_NS == FP_FPDSCR_NS, "fpdscr_ns_set",
             "FPDSCR_NS did not take the test's value");
    tf_check(&tally, victim.status == PSA_ERROR_SERVICE_FAILURE,
             "victim_stopped",
             "the victim's fault did not end its call with a service failure");
    tf_check(&tally,
             victim.reg == FP_REGS &&
                 (victim.fpscr & FP_FPSCR_CONTROL) != FP_FPSCR_VICTIM,
             "victim_values_cleared",
             "a value of the faulted victim's was in the FP registers after");
    tf_check(&tally, task1.calls == TASK1_CALLS && task1.failed == 0u,
             "task1_calls_succeeded", "a call of task 1 failed");
    tf_check(&tally, task1.changed == 0u, "task1_values_kept",
             "task 1's FP registers came back wrong");
    tf_check(&tally, task1.leaked == 0u, "task1_no_secure_value",
             "task 1 found a secure FP value");
    tf_check(&tally,
             task2.calls != 0u && task2.spins != 0u && task2.failed == 0u,
             "task2_calls_succeeded", "task 2 made no round, or a call failed");
    tf_check(&tally, task2.changed == 0u, "task2_values_kept",
             "task 2's FP registers came back wrong");
    tf_check(&tally, task2.leaked == 0u, "task2_no_secure_value",
             "task 2 found a secure FP value");
    tf_check(&tally,
             hook_runs != 0u && st.ticks >= hook_runs &&
                 st.ticks - hook_runs <= 1u,
             "handler_ran_every_tick", "the tick hook missed ticks");
    tf_check(&tally, tick.changed == 0u, "handler_values_kept",
             "the tick handler's FP registers came back wrong");
    tf_check(&tally, tick.leaked == 0u, "handler_no_secure_value",
             "the tick handler found a secure FP value at its entry");
    tf_check(&tally, tick.fpscr_leaked == 0u, "handler_no_secure_fpscr",
             "the tick handler found a secure FPSCR at its entry");
    tf_check(&tally, st.ticks_in_secure >= MIN_TICKS_IN_SECURE,
             "ticks_in_secure_code", "too few ticks landed in secure code");
    tf_check(&tally, counted && a.failures == 0u && b.failures == 0u,
             "partitions_found_nothing", "a partition's check failed");
    tf_check(&tally,
             flih_started == PSA_SUCCESS && flih_stopped == PSA_SUCCESS &&
                 flih.runs >= MIN_FLIH_RUNS && flih.found == flih.runs,
             "flih_ran",
             "too few FLIH runs, or one that found no interrupt raised");
    tf_check(&tally,
             flih_over_bound == PSA_ERROR_INVALID_ARGUMENT &&
                 flih_at_bound == PSA_SUCCESS,
             "flih_hold_bound",
             "FP_FLIH took a hold that outlasts its interval, or refused one "
             "at the bound");
    tf_check(&tally, flih.held >= MIN_FLIH_HELD, "flih_held_over_ticks",
             "too few FLIH runs held their values over an NS tick");
    if (FLIH_ENTRY_CHECKED) {
        tf_check(&tally, flih.checked == flih.runs && flih.saw == 0u,
                 "flih_no_foreign_value",
                 "the FLIH function was given a value at its entry");
    }
    tf_check(&tally, flih.changed == 0u, "flih_values_kept",
             "the FLIH function's FP registers came back wrong");
    tf_check(&tally,
             counted && a.runs == task1.calls - task1_b_calls &&
                 b.runs == task1_b_calls + task2.calls + a.runs,
             "partitions_ran_every_call",
             "the partitions' counts differ from the calls made");
}

static void run_task1(void *arg)
{
    (void)arg;
    victim_round();
    flih_start();
    for (uint32_t i = 0; i < TASK1_CALLS; i++) {
        bool to_b = (i % TASK1_B_EVERY) == TASK1_B_EVERY - 1u;

        call_round(&task1, to_b ? FP_B_HANDLE : FP_A_HANDLE);
        task1_b_calls += to_b ? 1u : 0u;
        /* Task 2 comes after task 1's first call: FP_A is the first
         * partition to hold FP values, and FP_B's thread (IPC backend)
         * first runs while they are held. */
        if (i == 0u && kernel_task_create("fp_task2", TASK_PRIO, run_task2,
                                          NULL) == NULL) {
            tf_check(&tally, false, "start", "no task 2");
            ns_platform_exit(1);
        }
    }
    task1.done = 1;
    while (!task2.done) {
        kernel_sleep(1);
    }
    flih_stop();
    report();
    ns_platform_exit(tf_tally_end(&tally, "FP test") == 0u ? 0 : 1);
}

int ns_main(void)
{
    (void)kernel_init(0);
    FPDSCR_NS = FP_FPDSCR_NS;
    fp_pattern(task1.in, FP_BASE_NS_TASK1, FP_FPSCR_NS_TASK1);
    fp_pattern(task2.in, FP_BASE_NS_TASK2, FP_FPSCR_NS_TASK2);
    fp_pattern(tick.in, FP_BASE_NS_TICK, FP_FPSCR_NS_TICK);
    kernel_set_tick_hook(tick_hook);
    tf_log("Warden FP test: %u calls by task 1 and a second task, an "
           "FP-using SysTick and FLIH, %s backend, isolation level %u\r\n",
           TASK1_CALLS, WARDEN_BACKEND_NAME, (unsigned)TFM_ISOLATION_LEVEL);
    if (kernel_task_create("fp_task1", TASK_PRIO, run_task1, NULL) == NULL) {
        tf_log("FAIL: fp/start (no task 1)\r\n");
        return 1;
    }
    kernel_start(TICK_MIN, TICK_MAX);
}
