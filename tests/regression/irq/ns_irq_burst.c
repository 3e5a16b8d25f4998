/*
 * The IRQ burst (Armv8-M, run under QEMU with -icount): 10,000 TIMER1
 * interrupts handled by WARDEN_SP_IRQ_TIMER's FLIH, each re-arming the
 * timer for one more, and 10,000 TIMER0 interrupts handled as an SLIH
 * (requests of 50 rounds: arm, psa_wait(), psa_eoi()), while NS tasks
 * of the preemptive NS kernel make secure calls to the same partition
 * and SysTick lands in them.
 *
 * Each arming raises exactly one interrupt: a handler that finds the
 * timer's interrupt low counts a doubled delivery; a lost one stops its
 * burst (nothing re-arms the timer), which the runner sees as a stall.
 * At the end every interrupt must have been delivered once; the line
 *   irq burst: FLIH N delivered, N lost, N doubled; SLIH ...
 * gives the counts, then PASS/FAIL lines as in the regression suites.
 */
#include <stdint.h>
#include <string.h>

#include "kernel.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/irq/irq_test.h"
#include "tests/regression/framework/test_framework.h"

#define BURST         10000u
#define FLIH_TICKS    200u /* timer ticks (50 instructions) per interrupt */
#define SLIH_ROUNDS   50u  /* SLIH interrupts per request */
#define SLIH_TICKS    100u
#define NUM_WORKERS   3u
#define PING_BYTES    16u
#define TICK_MIN      200u /* NS SysTick, processor cycles */
#define TICK_MAX      400u
#define POLL_TICKS    20u /* NS ticks between looks at the bursts */
#define STALL_POLLS   25u /* looks without progress: a stall */
#define MIN_MEANWHILE 100u
#define RUNNER_PRIO   6u
#define TASK_PRIO     3u

struct worker {
    const char *name;
    uint32_t calls;  /* answered right */
    uint32_t failed; /* failed or answered wrong */
    uint32_t during; /* answered while the FLIH burst ran */
    volatile int done;
};

static struct worker workers[NUM_WORKERS] = {
    { "irq_worker_a", 0, 0, 0, 0 },
    { "irq_worker_b", 0, 0, 0, 0 },
    { "irq_worker_c", 0, 0, 0, 0 },
};

/* The SLIH requests, as the driver task saw their answers. */
static struct {
    volatile uint32_t delivered;
    volatile uint32_t doubled;
    volatile uint32_t requests;
    /* Interrupts that found SPM code running (IPC level 1), else
     * IRQ_NOT_COUNTED */
    volatile uint32_t deferred;
    volatile int in_call; /* set before it asks for the secure side */
    volatile int failed;
    volatile int done;
} slih;

static volatile int stop_workers;
static struct tf_tally tally = { "irq_burst", 0u, 0u };

static void ping(struct worker *w, uint32_t n)
{
    uint8_t in[PING_BYTES];
    uint8_t out[PING_BYTES] = { 0 };
    uint32_t flih_so_far = 0;
    psa_status_t sum = 0;
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) },
                        { &flih_so_far, sizeof(flih_so_far) } };
    psa_status_t st;

    for (uint32_t i = 0; i < PING_BYTES; i++) {
        in[i] = (uint8_t)(n * 7u + i);
        sum += in[i];
    }
    st = psa_call(IRQ_TIMER_HANDLE, IRQ_TIMER_PING, iv, 1, ov, 2);
    if (st != sum || memcmp(in, out, sizeof(in)) != 0) {
        w->failed++;
        return;
    }
    w->calls++;
    if (flih_so_far != 0u && flih_so_far < BURST) {
        w->during++;
    }
}

static void work(void *arg)
{
    struct worker *w = arg;

    for (uint32_t n = 0; !stop_workers; n++) {
        ping(w, n);
        for (volatile uint32_t spin = (n * 37u) % 300u; spin != 0u; spin--) {
        }
    }
    w->done = 1;
}

static void slih_driver(void *arg)
{
    (void)arg;
    while (slih.delivered < BURST) {
        uint32_t left = BURST - slih.delivered;
        /* Every other request arms its timer 1 to 8 ticks ahead: some of
         * those interrupts land in the SPM code of the partition's
         * psa_wait(). */
        struct irq_rounds_args a = { left < SLIH_ROUNDS ? left : SLIH_ROUNDS,
                                     (slih.requests % 2u) ? 0u : SLIH_TICKS };
        struct irq_rounds r = { 0 };
        psa_invec iv[] = { { &a, sizeof(a) } };
        psa_outvec ov[] = { { &r, sizeof(r) } };
        psa_status_t st;

        slih.in_call = 1;
        st = psa_call(IRQ_TIMER_HANDLE, IRQ_TIMER_SLIH_ROUNDS, iv, 1, ov, 1);
        slih.in_call = 0;
        if (st != PSA_SUCCESS || r.wrong != 0u || r.disable_ret != 1u) {
            slih.failed = 1;
            break;
        }
        slih.delivered += r.delivered;
        slih.doubled += r.doubled;
        slih.deferred = (r.deferred == IRQ_NOT_COUNTED)
                            ? IRQ_NOT_COUNTED
                            : slih.deferred + r.deferred;
        slih.requests++;
    }
    slih.done = 1;
}

static int flih_status(struct irq_burst_status *s)
{
    psa_outvec ov[] = { { s, sizeof(*s) } };

    return psa_call(IRQ_TIMER_HANDLE, IRQ_TIMER_FLIH_STATUS, NULL, 0, ov, 1) ==
           PSA_SUCCESS;
}

enum watch { ENDED, FLIH_STALLED, SLIH_STALLED, NO_STATUS };

/* Watches both bursts until each ends or stalls. The SLIH driver holds
 * the secure side while its request waits for interrupts: if that
 * stalls, no secure call can be made any more. So the FLIH burst's
 * status is asked only while the driver is not in a call (this task
 * outranks it: once it has looked, the driver cannot start one before
 * this call has the secure side). */
static enum watch watch(struct irq_burst_status *flih)
{
    uint32_t flih_idle = 0;
    uint32_t slih_idle = 0;
    uint32_t slih_seen = 0;

    for (;;) {
        uint32_t before = flih->delivered;

        kernel_sleep(POLL_TICKS);
        slih_idle = (slih.requests == slih_seen) ? slih_idle + 1u : 0u;
        slih_seen = slih.requests;
        if (!slih.done && slih_idle >= STALL_POLLS) {
            return SLIH_STALLED;
        }
        if (slih.in_call) {
            continue;
        }
        if (!flih_status(flih)) {
            return NO_STATUS;
        }
        flih_idle = (flih->delivered == before) ? flih_idle + 1u : 0u;
        if (flih->delivered < BURST && flih_idle >= STALL_POLLS) {
            return FLIH_STALLED;
        }
        if (slih.done && flih->delivered >= BURST) {
            return ENDED;
        }
    }
}

static void report(const struct irq_burst_status *flih, enum watch how)
{
    struct kernel_stats st;
    uint32_t calls = 0;
    uint32_t bad = 0;
    uint32_t during = 0;
    uint32_t flih_lost =
        BURST - (flih->delivered < BURST ? flih->delivered : BURST);
    uint32_t slih_lost =
        BURST - (slih.delivered < BURST ? slih.delivered : BURST);

    kernel_get_stats(&st);
    if (how == SLIH_STALLED || how == NO_STATUS) {
        tf_log("irq burst: the watch ended early; the FLIH figures are "
               "those of its last look\r\n");
    }
    for (unsigned i = 0; i < NUM_WORKERS; i++) {
        calls += workers[i].calls;
        bad += workers[i].failed;
        during += workers[i].during;
    }
    tf_log("irq burst: FLIH %lu delivered, %lu lost, %lu doubled; SLIH %lu "
           "delivered, %lu lost, %lu doubled; %lu secure calls by %u tasks "
           "meanwhile (%lu during the FLIH burst, %lu failed); %lu ticks "
           "(%lu in secure code)\r\n",
           (unsigned long)flih->delivered, (unsigned long)flih_lost,
           (unsigned long)flih->doubled, (unsigned long)slih.delivered,
           (unsigned long)slih_lost, (unsigned long)slih.doubled,
           (unsigned long)calls, NUM_WORKERS, (unsigned long)during,
           (unsigned long)bad, (unsigned long)st.ticks,
           (unsigned long)st.ticks_in_secure);
    tf_check(&tally, how == ENDED, "bursts_ended",
             how == FLIH_STALLED   ? "the FLIH burst stalled"
             : how == SLIH_STALLED ? "the SLIH burst stalled"
                                   : "the FLIH burst's status failed");
    tf_check(&tally, flih->delivered == BURST, "flih_all_delivered",
             "FLIH interrupts lost");
    tf_check(&tally, flih->doubled == 0u, "flih_none_doubled",
             "an FLIH ran without its interrupt");
    tf_check(&tally, slih.delivered == BURST && !slih.failed,
             "slih_all_delivered", "SLIH interrupts lost");
    tf_check(&tally, slih.doubled == 0u, "slih_none_doubled",
             "an SLIH signal came without its interrupt");
    tf_check(&tally, during >= MIN_MEANWHILE && bad == 0u, "calls_meanwhile",
             "too few secure calls during the burst, or some failed");
    tf_check(&tally, st.ticks_in_secure != 0u, "ticks_in_secure_calls",
             "no NS tick landed in a secure call");
    if (slih.deferred != IRQ_NOT_COUNTED) {
        tf_log("irq burst: %lu SLIH interrupts found SPM code running\r\n",
               (unsigned long)slih.deferred);
        tf_check(&tally, slih.deferred != 0u, "slih_during_spm_code",
                 "no SLIH interrupt landed in SPM code");
    }
}

static void runner(void *arg)
{
    struct irq_burst_args a = { BURST, FLIH_TICKS };
    struct irq_burst_status flih = { 0 };
    psa_invec iv[] = { { &a, sizeof(a) } };
    enum watch how;

    (void)arg;
    if (psa_call(IRQ_TIMER_HANDLE, IRQ_TIMER_FLIH_BURST, iv, 1, NULL, 0) !=
        PSA_SUCCESS) {
        tf_check(&tally, 0, "start", "the FLIH burst did not start");
        ns_platform_exit(1);
    }
    for (unsigned i = 0; i < NUM_WORKERS; i++) {
        if (kernel_task_create(workers[i].name, TASK_PRIO, work, &workers[i]) ==
            NULL) {
            tf_check(&tally, 0, "start", "no task");
            ns_platform_exit(1);
        }
    }
    if (kernel_task_create("irq_slih", TASK_PRIO, slih_driver, NULL) == NULL) {
        tf_check(&tally, 0, "start", "no task");
        ns_platform_exit(1);
    }
    how = watch(&flih);
    /* A stalled SLIH request holds the secure side: no worker can end
     * its call then. */
    if (how != SLIH_STALLED) {
        stop_workers = 1;
        for (unsigned i = 0; i < NUM_WORKERS; i++) {
            while (!workers[i].done) {
                kernel_sleep(1);
            }
        }
    }
    report(&flih, how);
    ns_platform_exit(tf_tally_end(&tally, "IRQ burst") == 0u ? 0 : 1);
}

int ns_main(void)
{
    (void)kernel_init(0);
    tf_log("Warden IRQ burst: %u FLIH and %u SLIH interrupts, %u tasks "
           "calling meanwhile\r\n",
           BURST, BURST, NUM_WORKERS);
    if (kernel_task_create("irq_runner", RUNNER_PRIO, runner, NULL) == NULL) {
        tf_log("FAIL: irq_burst/start (no runner)\r\n");
        return 1;
    }
    kernel_start(TICK_MIN, TICK_MAX);
}
