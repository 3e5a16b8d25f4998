/*
 * Concurrent secure calls (Armv8-M, run under QEMU with -icount): eight
 * tasks of four priorities, each with an NSCE context of its own (the
 * kernel gives each task a group of its own while slots last), call the
 * secure side with no NS lock at all: the image links warden_ns_client,
 * the client library without one. SysTick fires every 30..100 cycles of
 * the 20 MHz clock (1,500..5,000 instructions), so task switches land
 * inside secure calls all the time, and a task woken meanwhile enters the
 * secure side while others are preempted in it.
 *
 * Each call echoes a payload of 1..64 bytes through CLIENT_TALLY after a
 * spin in the service: the echo must come back byte for byte, and the
 * reply must carry the task's own client ID (its NSID, set at its start)
 * and its next count. At the end the service's counts must equal each
 * task's own. The figures line says how often calls overlapped.
 */
#include <string.h>

#include "kernel.h"
#include "kernel_port.h"
#include "nsce_suites.h"
#include "platform_ns.h"
#include "psa_manifest/sid.h"
#include "tfm_ns_client_ext.h"
#include "tests/partitions/client_store/warden_client_store.h"

#define NUM_WORKERS      8u
#define CALLS_PER_WORKER 12500u
#define TICK_MIN         30u
#define TICK_MAX         100u
#define NSID_BASE        (-200)

struct worker {
    uint8_t prio;
    int32_t nsid;
    uint32_t count;    /* calls answered right */
    uint32_t lost;     /* failed, or the count skipped */
    uint32_t wrong_id; /* answered for another client ID */
    uint32_t garbled;  /* the echo differed */
    uint32_t nsid_fail;
    volatile int done;
};

static struct worker workers[NUM_WORKERS] = {
    { 1, 0, 0, 0, 0, 0, 0, 0 }, { 1, 0, 0, 0, 0, 0, 0, 0 },
    { 2, 0, 0, 0, 0, 0, 0, 0 }, { 2, 0, 0, 0, 0, 0, 0, 0 },
    { 3, 0, 0, 0, 0, 0, 0, 0 }, { 3, 0, 0, 0, 0, 0, 0, 0 },
    { 4, 0, 0, 0, 0, 0, 0, 0 }, { 4, 0, 0, 0, 0, 0, 0, 0 },
};

static const char *const names[NUM_WORKERS] = {
    "conc_0", "conc_1", "conc_2", "conc_3",
    "conc_4", "conc_5", "conc_6", "conc_7",
};

/* Tasks inside a secure call now, the most at once, and the calls that
 * began while another task was inside one. */
static volatile uint32_t inside;
static uint32_t most_inside;
static uint32_t overlapped;

static struct tf_tally tally = { "concurrent", 0u, 0u };

/* The counters of all tasks, changed with the kernel's exceptions masked
 * (a plain read-modify-write could be preempted half way). */
static uint32_t enter_call(void)
{
    uint32_t before;

    __asm volatile("msr basepri, %0" : : "r"(0x40u) : "memory");
    before = inside;
    inside = before + 1u;
    if (before + 1u > most_inside) {
        most_inside = before + 1u;
    }
    overlapped += (before != 0u) ? 1u : 0u;
    __asm volatile("msr basepri, %0" : : "r"(0u) : "memory");
    return before;
}

static void leave_call(void)
{
    __asm volatile("msr basepri, %0" : : "r"(0x40u) : "memory");
    inside = inside - 1u;
    __asm volatile("msr basepri, %0" : : "r"(0u) : "memory");
}

static void one_call(struct worker *w, uint32_t lfsr)
{
    uint8_t out[TALLY_ECHO_MAX];
    uint8_t in[TALLY_ECHO_MAX];
    size_t len = 1u + lfsr % TALLY_ECHO_MAX;
    uint32_t spin = lfsr % 300u;
    struct tally_reply reply = { 0, 0 };
    psa_invec iv[] = { { &spin, sizeof(spin) }, { in, len } };
    psa_outvec ov[] = { { &reply, sizeof(reply) }, { out, sizeof(out) } };
    psa_status_t st;

    for (size_t i = 0; i < len; i++) {
        in[i] = (uint8_t)(lfsr >> (i % 24u)) ^ (uint8_t)i;
        out[i] = (uint8_t)~in[i];
    }
    (void)enter_call();
    st = psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_ECHO, iv, 2, ov, 2);
    leave_call();
    if (st != (psa_status_t)len || ov[1].len != len) {
        w->lost++;
    } else if (reply.client_id != client_id_of(w->nsid)) {
        w->wrong_id++;
    } else if (memcmp(in, out, len) != 0) {
        w->garbled++;
    } else if (reply.count != w->count + 1u) {
        w->lost++;
        w->count = reply.count;
    } else {
        w->count++;
    }
}

static void work(void *arg)
{
    struct worker *w = arg;
    uint32_t lfsr = 0xACE1u + (uint32_t)(-w->nsid);

    if (kernel_set_nsid(w->nsid) != TFM_NS_CLIENT_ERR_SUCCESS) {
        w->nsid_fail++;
    }
    for (uint32_t i = 0; i < CALLS_PER_WORKER; i++) {
        lfsr = (lfsr >> 1) ^ ((0u - (lfsr & 1u)) & 0xB400u);
        one_call(w, lfsr);
        /* Now and then a tick's sleep: the lower priorities run, and are
         * preempted inside their calls when the higher ones wake. */
        if ((lfsr & 3u) == 0u) {
            kernel_sleep(1);
        }
    }
    w->done = 1;
}

static void report(void)
{
    struct kernel_stats st;
    uint32_t calls = 0;
    uint32_t lost = 0;
    uint32_t wrong = 0;
    uint32_t garbled = 0;
    uint32_t nsid_fail = 0;
    int counts_ok = 1;

    kernel_get_stats(&st);
    for (unsigned i = 0; i < NUM_WORKERS; i++) {
        const struct worker *w = &workers[i];

        calls += w->count;
        counts_ok = counts_ok && tally_count(w->nsid) == w->count;
        lost += w->lost;
        wrong += w->wrong_id;
        garbled += w->garbled;
        nsid_fail += w->nsid_fail;
    }
    tf_log("concurrent: %lu calls by %u tasks without an NS lock, %lu lost, "
           "%lu misattributed, %lu garbled; %lu began while another task "
           "was inside one, at most %lu inside at once; %lu ticks (%lu in "
           "secure code), %lu task switches (%lu inside secure calls), %lu "
           "NSCE errors\r\n",
           (unsigned long)calls, NUM_WORKERS, (unsigned long)lost,
           (unsigned long)wrong, (unsigned long)garbled,
           (unsigned long)overlapped, (unsigned long)most_inside,
           (unsigned long)st.ticks, (unsigned long)st.ticks_in_secure,
           (unsigned long)st.switches, (unsigned long)st.switches_in_secure,
           (unsigned long)(st.nsce_errors + nsid_fail));
    tf_check(&tally,
             calls == NUM_WORKERS * CALLS_PER_WORKER && calls >= 100000u,
             "calls_completed", "fewer calls than made");
    tf_check(&tally, lost == 0u, "no_lost_calls",
             "calls failed or went missing");
    tf_check(&tally, wrong == 0u, "no_misattributed_calls",
             "a call reached the service as another client");
    tf_check(&tally, garbled == 0u, "echoes_byte_for_byte", "an echo differed");
    tf_check(&tally, counts_ok, "secure_counts_match",
             "the service counted other numbers");
    tf_check(&tally, most_inside >= 3u && overlapped >= calls / 2u,
             "calls_overlapped", "too few calls overlapped");
    tf_check(&tally, st.switches_in_secure >= calls / 4u,
             "switches_inside_secure_calls",
             "too few task switches inside secure calls");
    tf_check(&tally, st.nsce_errors + nsid_fail == 0u, "no_nsce_errors",
             "an NSCE call of the kernel failed");
}

/* ---- A task ended inside its secure call ---------------------------- */

#define RUNNER_NSID   (-249)
#define VICTIM_NSID   (-250)
#define REUSER_NSID   (-251)
#define VICTIM_SPIN   3000000u
#define VICTIM_SETTLE 2u
#define WAIT_ROUNDS   2000u

static volatile int victim_inside;
static volatile int victim_returned;
static volatile int reuser_ok;

static void victim(void *arg)
{
    uint32_t spin = VICTIM_SPIN;
    struct tally_reply reply = { 0, 0 };
    psa_invec iv[] = { { &spin, sizeof(spin) } };
    psa_outvec ov[] = { { &reply, sizeof(reply) } };

    (void)arg;
    (void)kernel_set_nsid(VICTIM_NSID);
    victim_inside = 1;
    (void)psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_BUMP, iv, 1, ov, 1);
    victim_returned = 1; /* never: it is ended inside the call */
}

static void reuser(void *arg)
{
    struct tally_reply reply = { 0, 0 };
    psa_outvec ov[] = { { &reply, sizeof(reply) } };

    (void)arg;
    (void)kernel_set_nsid(REUSER_NSID);
    reuser_ok = psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_BUMP, NULL, 0, ov,
                         1) == PSA_SUCCESS &&
                reply.client_id == client_id_of(REUSER_NSID) &&
                reply.count == 1u;
    reuser_ok = reuser_ok ? 1 : -1;
}

/* The point 5: deleting a task preempted inside a secure call
 * releases its NSCE context, which aborts the call (the service sees an
 * orphan and replies to it as usual); other tasks' calls go on, and the
 * context serves its next task. */
static void ended_mid_call(void)
{
    struct kernel_task *v = kernel_task_create("victim", 1, victim, NULL);
    struct tally_reply reply = { 0, 0 };
    psa_outvec ov[] = { { &reply, sizeof(reply) } };
    unsigned rounds = 0;
    int in_secure;
    int others_ok;

    /* The victim is switched out inside its call as soon as this task
     * wakes; it must not run again before its end. This task first lets
     * it run VICTIM_SETTLE ticks more (a tick is 1,500 instructions at
     * least), so that the service has taken its request and spins in it:
     * the end then orphans a taken request (a queued one would only be
     * withdrawn, and the service would count nothing). */
    while (v != NULL && !victim_inside && rounds++ < WAIT_ROUNDS) {
        kernel_sleep(1);
    }
    kernel_sleep(VICTIM_SETTLE);
    in_secure = v != NULL && port_task_in_secure(v);
    tf_check(&tally, in_secure && kernel_task_delete(v) == 0,
             "ended_inside_a_call",
             "the victim was not preempted inside its call, or not deleted");
    others_ok = psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_BUMP, NULL, 0, ov,
                         1) == PSA_SUCCESS &&
                reply.client_id == client_id_of(RUNNER_NSID);
    tf_check(&tally, others_ok, "others_unaffected",
             "a call of another task failed after the end");
    for (rounds = 0; tally_count(VICTIM_NSID) != 1u && rounds < WAIT_ROUNDS;
         rounds++) {
        kernel_sleep(10);
    }
    tf_check(&tally, tally_count(VICTIM_NSID) == 1u && !victim_returned,
             "orphan_completed",
             "the ended call was not completed by its service");
    tf_check(&tally, kernel_task_create("reuser", 1, reuser, NULL) != NULL,
             "context_reused_create", "no task");
    for (rounds = 0; reuser_ok == 0 && rounds < WAIT_ROUNDS; rounds++) {
        kernel_sleep(10);
    }
    tf_check(&tally, reuser_ok == 1, "context_reused",
             "the next task's call failed or came as another client");
}

static void runner(void *arg)
{
    unsigned done = 0;

    (void)arg;
    (void)kernel_set_nsid(RUNNER_NSID);
    (void)psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_RESET, NULL, 0, NULL, 0);
    for (unsigned i = 0; i < NUM_WORKERS; i++) {
        workers[i].nsid = NSID_BASE - (int32_t)i;
        if (kernel_task_create(names[i], workers[i].prio, work, &workers[i]) ==
            NULL) {
            tf_check(&tally, 0, "create_tasks", "no task");
            ns_platform_exit(1);
        }
    }
    while (done != NUM_WORKERS) {
        kernel_sleep(1000);
        done = 0;
        for (unsigned i = 0; i < NUM_WORKERS; i++) {
            done += workers[i].done ? 1u : 0u;
        }
    }
    report();
    ended_mid_call();
    ns_platform_exit(tf_tally_end(&tally, "Concurrent") == 0u ? 0 : 1);
}

int ns_main(void)
{
    uint32_t slots = kernel_init(0);

    tf_log("Warden concurrent secure calls: %u tasks x %u calls, no NS "
           "lock, NSCE %u context slots\r\n",
           NUM_WORKERS, CALLS_PER_WORKER, (unsigned)slots);
    if (slots < NUM_WORKERS ||
        kernel_task_create("runner", NSCE_RUNNER_PRIO, runner, NULL) == NULL) {
        tf_log("FAIL: concurrent/start (fewer context slots than tasks, or "
               "no runner)\r\n");
        return 1;
    }
    kernel_start(TICK_MIN, TICK_MAX);
}
