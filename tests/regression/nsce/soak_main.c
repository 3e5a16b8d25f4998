/*
 * The NSCE soak (Armv8-M, run under QEMU with -icount): five tasks of equal
 * priority make secure calls while SysTick fires every 30..100 cycles of
 * the 20 MHz clock (1,500..5,000 instructions), so task switches land
 * inside secure calls all the time, with the kernel saving and loading
 * NSCE contexts meanwhile. Four tasks have fixed NSIDs; the fifth is a
 * provisioning task that switches between two NSIDs before every call.
 *
 * Between calls each task works in NS for a while, so that when a tick
 * lands in one task's secure call, others are ready to take its place.
 *
 * Each call bumps the caller's counter in CLIENT_TALLY, which answers with
 * the client ID it saw and the count. A call is lost if it fails or the
 * count skips; misattributed if the client ID is not the caller's. At the
 * end the secure counts must equal each task's own. PASS/FAIL lines as in
 * the regression suites.
 */
#include <string.h>

#include "kernel.h"
#include "nsce_suites.h"
#include "nsid_manager.h"
#include "platform_ns.h"
#include "psa_manifest/sid.h"
#include "tfm_ns_client_ext.h"
#include "tests/partitions/client_store/warden_client_store.h"

#define CALLS_PER_TASK 4000u
#define NUM_TASKS      5u
#define TICK_MIN       30u
#define TICK_MAX       100u
#define PROVISION_A    (-20)
#define PROVISION_B    (-21)

struct worker {
    const char *name;
    int provisioning;
    int32_t nsid[2];    /* [0]: the name table's; [1]: provisioning only */
    uint32_t count[2];  /* successful calls per NSID */
    uint32_t lost;      /* failed, or the count skipped */
    uint32_t wrong;     /* answered for another client ID */
    uint32_t nsce_fail; /* kernel_set_nsid() refused */
    volatile int done;
};

static struct worker workers[NUM_TASKS] = {
    { "Thread_A", 0, { 0, 0 }, { 0, 0 }, 0, 0, 0, 0 },
    { "Thread_B", 0, { 0, 0 }, { 0, 0 }, 0, 0, 0, 0 },
    { "Thread_C", 0, { 0, 0 }, { 0, 0 }, 0, 0, 0, 0 },
    { "Thread_D", 0, { 0, 0 }, { 0, 0 }, 0, 0, 0, 0 },
    { "provision", 1, { PROVISION_A, PROVISION_B }, { 0, 0 }, 0, 0, 0, 0 },
};

static struct tf_tally tally = { "soak", 0u, 0u };

static void one_call(struct worker *w, unsigned k, uint32_t spin)
{
    struct tally_reply reply = { 0, 0 };
    psa_invec iv[] = { { &spin, sizeof(spin) } };
    psa_outvec ov[] = { { &reply, sizeof(reply) } };
    psa_status_t st =
        psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_BUMP, iv, 1, ov, 1);

    if (st != PSA_SUCCESS) {
        w->lost++;
    } else if (reply.client_id != client_id_of(w->nsid[k])) {
        w->wrong++;
    } else if (reply.count != w->count[k] + 1u) {
        w->lost++;
        w->count[k] = reply.count;
    } else {
        w->count[k]++;
    }
}

static void work(void *arg)
{
    struct worker *w = arg;
    uint32_t lfsr = 0x1234u + (uint32_t)(-w->nsid[0]);

    for (uint32_t i = 0; i < CALLS_PER_TASK; i++) {
        unsigned k = w->provisioning ? (i & 1u) : 0u;

        if (w->provisioning &&
            kernel_set_nsid(w->nsid[k]) != TFM_NS_CLIENT_ERR_SUCCESS) {
            w->nsce_fail++;
        }
        lfsr = (lfsr >> 1) ^ ((0u - (lfsr & 1u)) & 0xB400u);
        one_call(w, k, lfsr % 200u);
        /* NS work between calls: the other tasks are then ready, not all
         * waiting for the lock, when a tick lands in a secure call. */
        for (volatile uint32_t n = lfsr % 400u; n != 0u; n--) {
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
    uint32_t nsce_fail = 0;
    int tally_ok = 1;

    kernel_get_stats(&st);
    for (unsigned i = 0; i < NUM_TASKS; i++) {
        struct worker *w = &workers[i];

        for (unsigned k = 0; k < (w->provisioning ? 2u : 1u); k++) {
            calls += w->count[k];
            tally_ok = tally_ok && tally_count(w->nsid[k]) == w->count[k];
        }
        lost += w->lost;
        wrong += w->wrong;
        nsce_fail += w->nsce_fail;
    }
    tf_log("soak: %lu calls by %u tasks, %lu lost, %lu misattributed; "
           "%lu ticks (%lu in secure code), %lu task switches (%lu inside "
           "secure calls), %lu NSCE errors\r\n",
           (unsigned long)calls, NUM_TASKS, (unsigned long)lost,
           (unsigned long)wrong, (unsigned long)st.ticks,
           (unsigned long)st.ticks_in_secure, (unsigned long)st.switches,
           (unsigned long)st.switches_in_secure,
           (unsigned long)(st.nsce_errors + nsce_fail));
    tf_check(&tally, calls == NUM_TASKS * CALLS_PER_TASK && calls >= 10000u,
             "calls_completed", "fewer calls than made");
    tf_check(&tally, lost == 0u, "no_lost_calls",
             "calls failed or went missing");
    tf_check(&tally, wrong == 0u, "no_misattributed_calls",
             "a call reached the service as another client");
    tf_check(&tally, tally_ok, "secure_counts_match",
             "the service counted other numbers");
    tf_check(&tally, st.switches_in_secure >= 1000u,
             "switches_inside_secure_calls",
             "too few task switches inside secure calls");
    tf_check(&tally, st.nsce_errors + nsce_fail == 0u, "no_nsce_errors",
             "an NSCE call of the kernel failed");
}

static void runner(void *arg)
{
    unsigned done = 0;

    (void)arg;
    (void)psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_RESET, NULL, 0, NULL, 0);
    for (unsigned i = 0; i < NUM_TASKS; i++) {
        if (!workers[i].provisioning) {
            workers[i].nsid[0] = nsid_map_lookup(workers[i].name);
        }
        if (kernel_task_create(workers[i].name, 3, work, &workers[i]) == NULL) {
            tf_check(&tally, 0, "create_tasks", "no task");
            ns_platform_exit(1);
        }
    }
    while (done != NUM_TASKS) {
        kernel_sleep(1000);
        done = 0;
        for (unsigned i = 0; i < NUM_TASKS; i++) {
            done += workers[i].done ? 1u : 0u;
        }
    }
    report();
    ns_platform_exit(tf_tally_end(&tally, "Soak") == 0u ? 0 : 1);
}

int ns_main(void)
{
    uint32_t slots = kernel_init(0);

    tf_log("Warden NSCE soak: %u tasks x %u calls, NSCE %u context slots\r\n",
           NUM_TASKS, CALLS_PER_TASK, (unsigned)slots);
    if (slots == 0u ||
        kernel_task_create("runner", NSCE_RUNNER_PRIO, runner, NULL) == NULL) {
        tf_log("FAIL: soak/start (NSCE or the runner missing)\r\n");
        return 1;
    }
    kernel_start(TICK_MIN, TICK_MAX);
}
