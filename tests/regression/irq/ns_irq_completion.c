/*
 * The completion interrupt (Armv8-M, run under QEMU with -icount, against
 * a secure image built with WARDEN_NS_SECURE_CONTEXTS=ON and
 * WARDEN_NS_COMPLETION_IRQ=ON): a task of priority 5 makes requests of
 * WARDEN_SP_IRQ_TIMER's SLIH rounds (the partition arms TIMER0 and waits
 * in psa_wait() for its interrupt, several times), while a task of
 * priority 1 counts its loop's turns. The NS tick is far longer than a
 * request, so the low task can run during one only if the request gives
 * the NS kernel its processor back: with completion enabled each request
 * returns to NS at once, the urgent task waits in the kernel, the low one
 * runs, and the completion interrupt wakes the urgent one when the reply
 * is ready (its result checked). Then completion is turned off and the
 * same requests run again: the low task must not run during any of them
 * (so the first half is not the tick's doing).
 */
#include <stdint.h>

#include "arch/armv8m/exception_handlers.h"
#include "kernel.h"
#include "ns_completion.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/irq/irq_test.h"
#include "tests/regression/framework/test_framework.h"
#include "tfm_ns_client_ext.h"

#define REQUESTS    12u
#define ROUNDS      4u
#define TIMER_TICKS 5000u    /* TIMER0 ticks from arming to its interrupt */
#define NS_TICK     4000000u /* NS SysTick, processor cycles */
#define URGENT_PRIO 5u
#define LOW_PRIO    1u
#define RUNNER_PRIO 6u

struct phase {
    uint32_t right; /* requests answered right */
    uint32_t ran;   /* requests during which the low task ran */
    uint32_t turns; /* the low task's turns during the requests */
    uint32_t irqs;  /* completion interrupts during the requests */
    volatile int done;
};

static volatile uint32_t turns;
static volatile uint32_t completion_irqs;
static volatile int stop_low;
static struct phase phases[2];
static unsigned passed;
static unsigned failed;

static void result(int ok, const char *name, const char *why)
{
    if (ok) {
        passed++;
        tf_log("PASS: completion/%s\r\n", name);
    } else {
        failed++;
        tf_log("FAIL: completion/%s (%s)\r\n", name, why);
    }
}

/* Every NS interrupt of this image: only the completion interrupt is
 * enabled. */
void Interrupt_Handler(void)
{
    if (ns_platform_completion_irq_active()) {
        completion_irqs++;
        warden_ns_completion_irq();
    }
}

static void low(void *arg)
{
    (void)arg;
    while (!stop_low) {
        turns++;
    }
}

static void urgent(void *arg)
{
    struct phase *ph = arg;
    uint32_t irqs_before = completion_irqs;

    for (uint32_t i = 0; i < REQUESTS; i++) {
        struct irq_rounds_args a = { ROUNDS, TIMER_TICKS };
        struct irq_rounds r = { 0 };
        psa_invec iv[] = { { &a, sizeof(a) } };
        psa_outvec ov[] = { { &r, sizeof(r) } };
        uint32_t before = turns;
        psa_status_t st;

        st = psa_call(IRQ_TIMER_HANDLE, IRQ_TIMER_SLIH_ROUNDS, iv, 1, ov, 1);
        if (turns != before) {
            ph->ran++;
            ph->turns += turns - before;
        }
        if (st == PSA_SUCCESS && r.delivered == ROUNDS && r.wrong == 0u &&
            r.doubled == 0u && ov[0].len == sizeof(r)) {
            ph->right++;
        }
    }
    ph->irqs = completion_irqs - irqs_before;
    ph->done = 1;
}

static uintptr_t completion_off(uintptr_t unused)
{
    (void)unused;
    return warden_ns_completion_init(NULL);
}

static void run_phase(struct phase *ph)
{
    if (kernel_task_create("urgent", URGENT_PRIO, urgent, ph) == NULL) {
        result(0, "start", "no task");
        ns_platform_exit(1);
    }
    while (!ph->done) {
        kernel_sleep(1);
    }
}

static void runner(void *arg)
{
    (void)arg;
    result(kernel_completion_start() == TFM_NS_CLIENT_ERR_SUCCESS, "enabled",
           "the secure side refused to enable completion");
    if (kernel_task_create("low", LOW_PRIO, low, NULL) == NULL) {
        result(0, "start", "no task");
        ns_platform_exit(1);
    }
    run_phase(&phases[0]);
    result(kernel_handler_call(completion_off, 0u) == TFM_NS_CLIENT_ERR_SUCCESS,
           "disabled", "the secure side refused to disable completion");
    run_phase(&phases[1]);
    stop_low = 1;
    tf_log("completion: with it, the low task ran during %lu of %lu "
           "requests (%lu turns), %lu completion interrupts; without it, "
           "during %lu (%lu turns)\r\n",
           (unsigned long)phases[0].ran, (unsigned long)REQUESTS,
           (unsigned long)phases[0].turns, (unsigned long)phases[0].irqs,
           (unsigned long)phases[1].ran, (unsigned long)phases[1].turns);
    result(phases[0].right == REQUESTS, "results_right",
           "a deferred request's result was wrong");
    result(phases[0].ran == REQUESTS, "others_ran_while_waiting",
           "the low task did not run during every request");
    result(phases[0].irqs >= REQUESTS, "woken_by_interrupt",
           "fewer completion interrupts than requests");
    result(phases[1].right == REQUESTS, "results_right_without",
           "a request's result was wrong without completion");
    result(phases[1].ran == 0u && phases[1].irqs == 0u,
           "without_it_nothing_ran",
           "the low task ran during a request that waited in the secure "
           "side");
    tf_log("NS completion: %u passed, %u failed\r\n", passed, failed);
    ns_platform_exit(failed == 0u ? 0 : 1);
}

int ns_main(void)
{
    (void)kernel_init(0);
    tf_log("Warden NS completion interrupt: %u SLIH requests of %u rounds "
           "with it and without\r\n",
           REQUESTS, ROUNDS);
    if (kernel_task_create("runner", RUNNER_PRIO, runner, NULL) == NULL) {
        tf_log("FAIL: completion/start (no runner)\r\n");
        return 1;
    }
    kernel_start(NS_TICK, NS_TICK);
}
