/*
 * Concurrent secure calls under the SFN backend with NS secure contexts
 * (Armv8-M, QEMU -icount): eight tasks of four priorities, each with an
 * NSCE context of its own and no NS lock (warden_ns_client), call two
 * partitions: the even ones CLIENT_TALLY (WARDEN_SP_CLIENT_STORE; an echo
 * after a spin), the odd ones TEST_STATELESS (WARDEN_SP_TEST; their client
 * ID). SysTick fires every 30..100 cycles, so the NS kernel switches tasks
 * inside secure calls all the time: a task whose partition is inside
 * another task's call is refused and waits (the library's
 * warden_ns_wait_secure(), the kernel's one-tick sleep), and a task of the
 * other partition goes in meanwhile on its own secure stack.
 *
 * Every call must complete (none fails: they wait), with the task's own
 * client ID, its echo byte for byte, and CLIENT_TALLY's counts equal to
 * the tasks' own. Calls must have waited, and calls of the two partitions
 * must have overlapped.
 */
#include <string.h>

#include "kernel.h"
#include "kernel_port.h"
#include "nsce_suites.h"
#include "platform_ns.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/client_store/warden_client_store.h"
#include "tests/partitions/test/warden_test_service.h"

#define NUM_WORKERS      8u
#define CALLS_PER_WORKER 12500u
#define TICK_MIN         30u
#define TICK_MAX         100u
#define NSID_BASE        (-300)

struct worker {
    uint8_t prio;
    int32_t nsid;
    uint32_t count;    /* calls answered right */
    uint32_t lost;     /* failed, or the count skipped */
    uint32_t wrong_id; /* answered for another client ID */
    uint32_t garbled;  /* the echo differed */
    volatile int done;
};

static struct worker workers[NUM_WORKERS] = {
    { 1, 0, 0, 0, 0, 0, 0 }, { 1, 0, 0, 0, 0, 0, 0 }, { 2, 0, 0, 0, 0, 0, 0 },
    { 2, 0, 0, 0, 0, 0, 0 }, { 3, 0, 0, 0, 0, 0, 0 }, { 3, 0, 0, 0, 0, 0, 0 },
    { 4, 0, 0, 0, 0, 0, 0 }, { 4, 0, 0, 0, 0, 0, 0 },
};

static const char *const names[NUM_WORKERS] = {
    "tally_0", "test_1", "tally_2", "test_3",
    "tally_4", "test_5", "tally_6", "test_7",
};

/* Tasks inside a call of each partition now (0: CLIENT_TALLY, 1:
 * TEST_STATELESS), and the calls that began while a task was inside one
 * of the other partition, or of the same. */
static volatile uint32_t inside[2];
static uint32_t crossed;
static uint32_t same;

static struct tf_tally tally = { "sfn_wait", 0u, 0u };

/* The counters, changed with the kernel's exceptions masked. */
static void enter_call(unsigned kind)
{
    __asm volatile("msr basepri, %0" : : "r"(0x40u) : "memory");
    crossed += (inside[1u - kind] != 0u) ? 1u : 0u;
    same += (inside[kind] != 0u) ? 1u : 0u;
    inside[kind] = inside[kind] + 1u;
    __asm volatile("msr basepri, %0" : : "r"(0u) : "memory");
}

static void leave_call(unsigned kind)
{
    __asm volatile("msr basepri, %0" : : "r"(0x40u) : "memory");
    inside[kind] = inside[kind] - 1u;
    __asm volatile("msr basepri, %0" : : "r"(0u) : "memory");
}

static void tally_call(struct worker *w, uint32_t lfsr)
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
    enter_call(0u);
    st = psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_ECHO, iv, 2, ov, 2);
    leave_call(0u);
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

static void test_call(struct worker *w)
{
    int32_t id = 0;
    psa_outvec ov[] = { { &id, sizeof(id) } };
    psa_status_t st;

    enter_call(1u);
    st = psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_CLIENT_ID, NULL, 0, ov, 1);
    leave_call(1u);
    if (st != PSA_SUCCESS || ov[0].len != sizeof(id)) {
        w->lost++;
    } else if (id != client_id_of(w->nsid)) {
        w->wrong_id++;
    } else {
        w->count++;
    }
}

static void work(void *arg)
{
    struct worker *w = arg;
    unsigned kind = (unsigned)(w - workers) % 2u;
    uint32_t lfsr = 0xACE1u + (uint32_t)(-w->nsid);

    (void)kernel_set_nsid(w->nsid);
    for (uint32_t i = 0; i < CALLS_PER_WORKER; i++) {
        lfsr = (lfsr >> 1) ^ ((0u - (lfsr & 1u)) & 0xB400u);
        if (kind == 0u) {
            tally_call(w, lfsr);
        } else {
            test_call(w);
        }
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
    int counts_ok = 1;

    kernel_get_stats(&st);
    for (unsigned i = 0; i < NUM_WORKERS; i++) {
        const struct worker *w = &workers[i];

        calls += w->count;
        counts_ok =
            counts_ok && (i % 2u != 0u || tally_count(w->nsid) == w->count);
        lost += w->lost;
        wrong += w->wrong_id;
        garbled += w->garbled;
    }
    tf_log("sfn_wait: %lu calls by %u tasks without an NS lock, %lu lost, "
           "%lu misattributed, %lu garbled; %lu began while another task "
           "was inside a call of the other partition, %lu of the same; "
           "%lu waits for a partition; %lu task switches (%lu inside "
           "secure calls)\r\n",
           (unsigned long)calls, NUM_WORKERS, (unsigned long)lost,
           (unsigned long)wrong, (unsigned long)garbled, (unsigned long)crossed,
           (unsigned long)same, (unsigned long)kernel_secure_waits(),
           (unsigned long)st.switches, (unsigned long)st.switches_in_secure);
    tf_check(&tally, calls == NUM_WORKERS * CALLS_PER_WORKER, "calls_completed",
             "fewer calls than made");
    tf_check(&tally, lost == 0u, "no_lost_calls",
             "calls failed or went missing");
    tf_check(&tally, wrong == 0u, "no_misattributed_calls",
             "a call reached its service as another client");
    tf_check(&tally, garbled == 0u, "echoes_byte_for_byte", "an echo differed");
    tf_check(&tally, counts_ok, "secure_counts_match",
             "CLIENT_TALLY counted other numbers");
    tf_check(&tally, kernel_secure_waits() >= calls / 20u, "calls_waited",
             "too few calls waited for their partition");
    tf_check(&tally, crossed >= calls / 10u, "partitions_overlapped",
             "too few calls of one partition while the other was in use");
    tf_check(&tally, st.switches_in_secure >= calls / 20u,
             "switches_inside_secure_calls",
             "too few task switches inside secure calls");
}

static void runner(void *arg)
{
    unsigned done = 0;

    (void)arg;
    (void)kernel_set_nsid(NSID_BASE + 1);
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
    ns_platform_exit(tf_tally_end(&tally, "SFN wait") == 0u ? 0 : 1);
}

int ns_main(void)
{
    uint32_t slots = kernel_init(0);

    tf_log("Warden SFN concurrent secure calls: %u tasks x %u calls, no NS "
           "lock, NSCE %u context slots\r\n",
           NUM_WORKERS, CALLS_PER_WORKER, (unsigned)slots);
    if (slots < NUM_WORKERS + 1u ||
        kernel_task_create("runner", NSCE_RUNNER_PRIO, runner, NULL) == NULL) {
        tf_log("FAIL: sfn_wait/start (fewer context slots than tasks, or "
               "no runner)\r\n");
        return 1;
    }
    kernel_start(TICK_MIN, TICK_MAX);
}
