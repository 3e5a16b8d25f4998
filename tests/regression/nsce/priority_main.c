/*
 * NS priorities (Armv8-M, run under QEMU with -icount; IPC backend with
 * NS contexts of their own): the priority-inversion case of the NS client
 * management document's NS-to-secure priority.
 *
 * A task of low priority makes long secure calls (CLIENT_TALLY spinning
 * LONG_SPIN loops in the service) one after the other. A task of high
 * priority wakes every few ticks, while the long call is in progress, and
 * makes a short call to another partition (IPC_STATELESS), timed in ticks
 * of a fixed length from the tick it was due to wake at.
 *
 * With the kernel telling the SPM its tasks' priorities
 * (warden_nsce_load_ctx_priority()), the urgent task's call runs ahead of
 * the long one, whose partition waits: each call must end before the long
 * one, at most BOUND_TICKS after its wake-up. Told nothing, the long
 * call's partition is more urgent than any NS code and goes on first, as
 * soon as the kernel switches to the urgent task: the urgent task waits
 * for the rest of the long call (its ticks are not even counted then: the
 * switch's exception is active), which the second phase shows, so that
 * the test can see the inversion. The figures line gives both.
 */
#include <stdint.h>

#include "kernel.h"
#include "nsce_suites.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/client_store/warden_client_store.h"
#include "tests/partitions/ipc_test/ipc_test.h"
#include "tests/regression/framework/test_framework.h"

#define TICK_CYCLES 2000u    /* a fixed tick: latencies in ticks */
#define LONG_SPIN   3000000u /* the long call: thousands of ticks */
#define SHORT_SPIN  50u
#define ROUNDS      16u
#define BOUND_TICKS 3u
#define LOW_PRIO    1u
#define HIGH_PRIO   5u
#define WAIT_TICKS  100000u

static volatile int low_inside;
static volatile int stop_low;
static volatile int low_done;
static uint32_t low_calls;
static uint32_t low_failed;

static struct tf_tally tally = { "ns_priority", 0u, 0u };

static void low_task(void *arg)
{
    uint32_t spin = LONG_SPIN;
    struct tally_reply reply = { 0, 0 };
    psa_invec iv[] = { { &spin, sizeof(spin) } };
    psa_outvec ov[] = { { &reply, sizeof(reply) } };

    (void)arg;
    while (!stop_low) {
        low_inside = 1;
        if (psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_BUMP, iv, 1, ov, 1) ==
            PSA_SUCCESS) {
            low_calls++;
        } else {
            low_failed++;
        }
        low_inside = 0;
    }
    low_done = 1;
}

struct phase {
    uint32_t calls;     /* short calls made while the long one ran */
    uint32_t worst;     /* ticks from its wake-up, the longest */
    uint32_t ahead;     /* ... that ended before the long one */
    uint32_t failed;    /* short calls answered wrong */
    uint32_t low_calls; /* long calls completed meanwhile */
};

/* ROUNDS short calls, each made while the long call is in progress. */
static void measure(struct phase *ph)
{
    uint32_t n = SHORT_SPIN;
    psa_invec iv[] = { { &n, sizeof(n) } };
    uint32_t first_low = low_calls;

    *ph = (struct phase){ 0u, 0u, 0u, 0u, 0u };
    for (uint32_t r = 0; r < ROUNDS; r++) {
        uint32_t sleep = 2u + r % 3u;
        uint32_t before;
        uint32_t due;
        uint32_t dt;
        psa_status_t st;

        for (uint32_t w = 0; !low_inside && w < WAIT_TICKS; w++) {
            kernel_sleep(1);
        }
        if (!low_inside) {
            break;
        }
        /* Wakes while the long call runs; the latency counts from the
         * tick it is due at to the end of its own call. */
        before = low_calls;
        due = kernel_ticks() + sleep;
        kernel_sleep(sleep);
        st = psa_call(IPC_STATELESS_HANDLE, IPC_TYPE_SPIN, iv, 1, NULL, 0);
        dt = kernel_ticks() - due;
        ph->ahead += (low_calls == before) ? 1u : 0u;
        if (st != (psa_status_t)SHORT_SPIN) {
            ph->failed++;
        }
        ph->calls++;
        ph->worst = (dt > ph->worst) ? dt : ph->worst;
    }
    ph->low_calls = low_calls - first_low;
}

static void runner(void *arg)
{
    struct phase told;
    struct phase untold;

    (void)arg;
    if (kernel_task_create("low", LOW_PRIO, low_task, NULL) == NULL) {
        tf_check(&tally, 0, "start", "no task");
        ns_platform_exit(1);
    }
    measure(&told);
    /* The same without priorities: the loads from now on tell none, and
     * the long call made under them ends first. */
    kernel_tell_priorities(false);
    for (uint32_t w = 0, c = low_calls; low_calls == c && w < WAIT_TICKS; w++) {
        kernel_sleep(1);
    }
    measure(&untold);
    stop_low = 1;
    for (uint32_t w = 0; !low_done && w < WAIT_TICKS; w++) {
        kernel_sleep(10);
    }
    tf_log("ns priority: with priorities %lu of %lu short calls of the "
           "urgent task ended before the other's long call, in at most %lu "
           "ticks of %u cycles from their wake-up (bound %u); without, %lu "
           "of %lu did; %lu long calls done\r\n",
           (unsigned long)told.ahead, (unsigned long)told.calls,
           (unsigned long)told.worst, TICK_CYCLES, BOUND_TICKS,
           (unsigned long)untold.ahead, (unsigned long)untold.calls,
           (unsigned long)low_calls);
    tf_check(&tally, told.calls == ROUNDS && untold.calls == ROUNDS,
             "calls_overlapped",
             "the long call was not in progress at every short call");
    tf_check(&tally,
             told.failed == 0u && untold.failed == 0u && low_failed == 0u &&
                 low_done,
             "calls_answered", "a call failed or the long calls did not end");
    tf_check(&tally, told.ahead + 1u >= told.calls && told.worst <= BOUND_TICKS,
             "urgent_call_bounded",
             "the urgent task's call waited for the other's secure work");
    tf_check(&tally, untold.ahead <= 1u, "inversion_seen_without",
             "without priorities the urgent call did not wait: the test "
             "cannot see an inversion");
    ns_platform_exit(tf_tally_end(&tally, "NS priority") == 0u ? 0 : 1);
}

int ns_main(void)
{
    uint32_t slots = kernel_init(0);

    tf_log("Warden NS priorities: a long secure call of a task of priority "
           "%u, short ones of a task of priority %u\r\n",
           LOW_PRIO, HIGH_PRIO);
    if (slots < 3u ||
        kernel_task_create("runner", HIGH_PRIO, runner, NULL) == NULL) {
        tf_log("FAIL: ns_priority/start (too few context slots, or no "
               "runner)\r\n");
        return 1;
    }
    kernel_start(TICK_CYCLES, TICK_CYCLES);
}
