/*
 * Tasks of the NS kernel calling services as different NS clients: each
 * task's NSID (from the NSID manager's name table) reaches services as its
 * client ID, storage keyed by client ID keeps tasks apart and survives a
 * task's re-creation, a provisioning task switches NSIDs, tasks share
 * group contexts, and the kernel schedules by priority. On Armv8-M also:
 * time slicing, and a second NS entry while a task is preempted inside the
 * secure side is refused. Run by the runner task (NSCE_RUNNER_PRIO).
 */
#include <string.h>

#include "kernel.h"
#include "nsce_suites.h"
#include "nsid_manager.h"
#include "psa_manifest/sid.h"
#include "tfm_ns_client_ext.h"
#include "tfm_psa_call_pack.h"
#include "tfm_veneers.h"
#include "warden/config.h"
#include "tests/partitions/client_store/warden_client_store.h"
#include "tests/partitions/test/warden_test_service.h"

#define WAIT_TICKS 3000u

struct job {
    void (*body)(struct job *j);
    volatile int done;
    int ok;
    int32_t id;
    psa_status_t status;
    char data[STORE_DATA_MAX];
    size_t len;
};

/* The client ID a task named @p name has: its NSID's with NSCE, else -1's. */
static int32_t expected_id(const char *name)
{
    return client_id_of(TFM_NS_MANAGE_NSID ? nsid_map_lookup(name) : -1);
}

static void job_entry(void *arg)
{
    struct job *j = arg;

    j->body(j);
    j->done = 1;
}

static int wait_done(struct job *jobs, unsigned n)
{
    for (uint32_t t = 0; t < WAIT_TICKS; t++) {
        unsigned done = 0;

        for (unsigned i = 0; i < n; i++) {
            done += jobs[i].done ? 1u : 0u;
        }
        if (done == n) {
            return 1;
        }
        kernel_sleep(1);
    }
    return 0;
}

static int start_job(struct job *j, const char *name, uint8_t prio,
                     void (*body)(struct job *j))
{
    memset(j, 0, sizeof(*j));
    j->body = body;
    return kernel_task_create(name, prio, job_entry, j) != NULL;
}

/* Runs @p body as task @p name, below the runner, and waits for it. */
static int run_job(struct job *j, const char *name, void (*body)(struct job *j))
{
    return start_job(j, name, 3, body) && wait_done(j, 1);
}

/* ---- Storage keyed by client ID ----------------------------------------- */

static psa_status_t store_set(uint32_t uid, const char *data)
{
    char buf[STORE_DATA_MAX]; /* NS memory on every platform: the stack */
    size_t len = strlen(data) + 1u;
    psa_invec iv[] = { { &uid, sizeof(uid) }, { buf, len } };

    memcpy(buf, data, len);
    return psa_call(CLIENT_STORE_HANDLE, STORE_TYPE_SET, iv, 2, NULL, 0);
}

static psa_status_t store_get(uint32_t uid, struct job *j)
{
    psa_invec iv[] = { { &uid, sizeof(uid) } };
    psa_outvec ov[] = { { j->data, sizeof(j->data) } };
    psa_status_t st =
        psa_call(CLIENT_STORE_HANDLE, STORE_TYPE_GET, iv, 1, ov, 1);

    j->len = ov[0].len;
    return st;
}

static psa_status_t store_remove(uint32_t uid)
{
    psa_invec iv[] = { { &uid, sizeof(uid) } };

    return psa_call(CLIENT_STORE_HANDLE, STORE_TYPE_REMOVE, iv, 1, NULL, 0);
}

/* ---- Client IDs ------------------------------------------------------------
 */

static void body_who(struct job *j)
{
    int32_t first = 0;

    j->ok = 1;
    for (unsigned i = 0; i < 3u; i++) {
        int32_t id = 0;

        if (who_am_i(&id) != PSA_SUCCESS || (i > 0u && id != first)) {
            j->ok = 0;
        }
        first = (i == 0u) ? id : first;
        kernel_yield();
    }
    j->id = first;
}

static void k_client_id_per_task(struct test_result_t *ret)
{
    static const char *const names[] = { "Thread_A", "Thread_B", "Thread_C",
                                         "Thread_D" };
    struct job jobs[4];

    for (unsigned i = 0; i < 4u; i++) {
        TEST_CHECK(start_job(&jobs[i], names[i], 3, body_who), "create");
    }
    TEST_CHECK(wait_done(jobs, 4), "tasks finished");
    for (unsigned i = 0; i < 4u; i++) {
        TEST_CHECK(jobs[i].ok, "every call worked, one ID per task");
        TEST_CHECK(jobs[i].id == expected_id(names[i]),
                   "msg.client_id is the task's NSID, translated");
        TEST_CHECK(jobs[i].id < 0, "negative");
    }
}

static void k_groups_shared(struct test_result_t *ret)
{
    static const char *const names[] = { "Thread_A", "Thread_B", "Thread_C",
                                         "Thread_D", "Thread_E", "Thread_F",
                                         "provision" };
    struct job jobs[7];

    /* With the runner, 8 tasks over 4 slots: groups of two threads. */
    for (unsigned i = 0; i < 7u; i++) {
        TEST_CHECK(start_job(&jobs[i], names[i], 3, body_who), "create");
    }
    TEST_CHECK(wait_done(jobs, 7), "tasks finished");
    for (unsigned i = 0; i < 7u; i++) {
        TEST_CHECK(jobs[i].ok && jobs[i].id == expected_id(names[i]),
                   "each task its own ID");
    }
}

/* ---- Storage --------------------------------------------------------------
 */

static void body_a_writes(struct job *j)
{
    j->status = store_set(1, "alpha");
}

static void body_b_probes(struct job *j)
{
    j->ok = store_get(1, j) == PSA_ERROR_DOES_NOT_EXIST &&
            store_remove(1) == PSA_ERROR_DOES_NOT_EXIST;
    j->status = store_set(1, "beta");
}

static void body_reads_and_removes(struct job *j)
{
    struct job scratch;

    j->status = store_get(1, j);
    j->ok = store_remove(1) == PSA_SUCCESS &&
            store_get(1, &scratch) == PSA_ERROR_DOES_NOT_EXIST;
}

static void k_storage_per_client(struct test_result_t *ret)
{
    struct job j;

    TEST_CHECK(run_job(&j, "Thread_A", body_a_writes), "A runs");
    TEST_CHECK(j.status == PSA_SUCCESS, "A stores uid 1");
    TEST_CHECK(run_job(&j, "Thread_B", body_b_probes), "B runs");
    TEST_CHECK(j.ok, "B can neither read nor remove A's uid 1");
    TEST_CHECK(j.status == PSA_SUCCESS, "B stores its own uid 1");
    /* A again: a new task, the same name, so the same NSID (a reboot). */
    TEST_CHECK(run_job(&j, "Thread_A", body_reads_and_removes), "A again");
    TEST_CHECK(j.status == PSA_SUCCESS && strcmp(j.data, "alpha") == 0 &&
                   j.len == 6u,
               "re-created A reads its data");
    TEST_CHECK(j.ok, "and removes it");
    TEST_CHECK(run_job(&j, "Thread_B", body_reads_and_removes), "B again");
    TEST_CHECK(j.status == PSA_SUCCESS && strcmp(j.data, "beta") == 0,
               "B's data was untouched");
}

static void body_b_reads_shared(struct job *j)
{
    j->status = store_get(1, j);
    j->ok = store_remove(1) == PSA_SUCCESS;
}

/* Without NSCE every task is NSID -1: one client, one store. */
static void k_storage_shared_without_nsce(struct test_result_t *ret)
{
    struct job j;

    TEST_CHECK(run_job(&j, "Thread_A", body_a_writes), "A runs");
    TEST_CHECK(j.status == PSA_SUCCESS, "A stores uid 1");
    TEST_CHECK(run_job(&j, "Thread_B", body_b_reads_shared), "B runs");
    TEST_CHECK(j.status == PSA_SUCCESS && strcmp(j.data, "alpha") == 0,
               "B reads A's data: they are the same client");
    TEST_CHECK(j.ok, "and removes it");
}

/* ---- Provisioning (NSCE integration guide: a task changes its NSID) ----
 */

static void body_provision(struct job *j)
{
    j->ok = calls_are(-6) && kernel_set_nsid(-4) == TFM_NS_CLIENT_ERR_SUCCESS &&
            calls_are(-4) && store_set(7, "key-C") == PSA_SUCCESS &&
            kernel_set_nsid(-100) == TFM_NS_CLIENT_ERR_SUCCESS &&
            calls_are(-100) &&
            kernel_set_nsid(0) == TFM_NS_CLIENT_ERR_INVALID_NSID &&
            kernel_set_nsid(-65537) == TFM_NS_CLIENT_ERR_INVALID_NSID &&
            calls_are(-100) && kernel_task_nsid(kernel_self()) == -100;
    /* A switch out and back in keeps the NSID the task chose. */
    kernel_yield();
    j->ok = j->ok && calls_are(-100) &&
            kernel_set_nsid(-6) == TFM_NS_CLIENT_ERR_SUCCESS && calls_are(-6);
}

static void body_c_reads_key(struct job *j)
{
    j->status = store_get(7, j);
    j->ok = store_remove(7) == PSA_SUCCESS;
}

static void k_provisioning_task(struct test_result_t *ret)
{
    struct job j;

    TEST_CHECK(run_job(&j, "provision", body_provision), "provision runs");
    TEST_CHECK(j.ok, "NSIDs -6, -4, -100 in turn; bad NSIDs refused");
    TEST_CHECK(run_job(&j, "Thread_C", body_c_reads_key), "Thread_C runs");
    TEST_CHECK(j.status == PSA_SUCCESS && strcmp(j.data, "key-C") == 0,
               "Thread_C finds the key provisioned for it");
    TEST_CHECK(j.ok, "and removes it");
}

static void body_set_nsid_refused(struct job *j)
{
    j->ok =
        kernel_set_nsid(-4) == TFM_NS_CLIENT_ERR_INVALID_TOKEN && calls_are(-1);
}

static void k_set_nsid_without_nsce(struct test_result_t *ret)
{
    struct job j;

    TEST_CHECK(run_job(&j, "provision", body_set_nsid_refused), "runs");
    TEST_CHECK(j.ok, "no context to switch: refused, calls stay NSID -1");
}

/* ---- Tasks and priorities ------------------------------------------------ */

static void body_sleep_long(struct job *j)
{
    (void)j;
    kernel_sleep(0x7FFFFFFFu);
}

static void k_create_delete(struct test_result_t *ret)
{
    struct kernel_task *t[KERNEL_MAX_TASKS];
    struct job j[KERNEL_MAX_TASKS];
    struct kernel_stats st;
    unsigned n = 0;

    TEST_CHECK(
        kernel_task_create("x", KERNEL_PRIO_MAX + 1u, job_entry, &j[0]) == NULL,
        "priority above the maximum");
    TEST_CHECK(kernel_task_create("x", 1, NULL, NULL) == NULL, "no entry");
    /* The runner is one task: fill the other slots. */
    while (n < KERNEL_MAX_TASKS - 1u) {
        j[n].body = body_sleep_long;
        t[n] = kernel_task_create("Thread_A", 1, job_entry, &j[n]);
        TEST_CHECK(t[n] != NULL, "create");
        n++;
    }
    TEST_CHECK(kernel_task_create("Thread_B", 1, job_entry, &j[0]) == NULL,
               "every slot in use");
    kernel_sleep(1);
    while (n != 0u) {
        n--;
        TEST_CHECK(kernel_task_delete(t[n]) == 0, "delete a sleeping task");
        TEST_CHECK(kernel_task_delete(t[n]) == -1, "delete it again");
    }
    /* Re-creating in the same slots acquires the same thread IDs again:
     * only possible if deletion released them. */
    TEST_CHECK((t[0] = kernel_task_create("Thread_C", 1, job_entry, &j[0])) !=
                       NULL &&
                   kernel_task_delete(t[0]) == 0,
               "slot reused");
    TEST_CHECK(kernel_task_delete((struct kernel_task *)&st) == -1,
               "not a task");
    kernel_get_stats(&st);
    TEST_CHECK(st.nsce_errors == 0u, "every NSCE call of the kernel worked");
}

static struct kernel_mutex test_lock = KERNEL_MUTEX_INIT;
static volatile int holder_locked;
static volatile int holder_may_go;

static void body_holder(struct job *j)
{
    kernel_mutex_lock(&test_lock);
    holder_locked = 1;
    while (!holder_may_go) {
        kernel_sleep(1);
    }
    kernel_mutex_unlock(&test_lock);
    j->ok = 1;
}

/* A task that holds a mutex (the NS interface lock among them) may be
 * inside a secure call: deleting it is refused. */
static void k_delete_refused_holding_lock(struct test_result_t *ret)
{
    struct job j;
    struct kernel_task *t;

    memset(&j, 0, sizeof(j));
    j.body = body_holder;
    holder_locked = 0;
    holder_may_go = 0;
    t = kernel_task_create("Thread_A", 3, job_entry, &j);
    TEST_CHECK(t != NULL, "create");
    for (unsigned i = 0; i < 100u && !holder_locked; i++) {
        kernel_sleep(1);
    }
    TEST_CHECK(holder_locked, "the task took the mutex");
    TEST_CHECK(kernel_task_delete(t) == -1, "delete refused");
    holder_may_go = 1;
    TEST_CHECK(wait_done(&j, 1) && j.ok, "the task went on and ended");
}

static char order[8];
static unsigned norder;

static void record(char c)
{
    if (norder < sizeof(order) - 1u) {
        order[norder++] = c;
    }
}

static void body_low(struct job *j)
{
    (void)j;
    record('L');
}

static void body_high(struct job *j)
{
    (void)j;
    record('H');
}

static struct job high_job;

static void body_mid(struct job *j)
{
    (void)j;
    record('m');
    /* A task of higher priority runs as soon as it exists. */
    if (!start_job(&high_job, "Thread_F", 5, body_high)) {
        record('!');
    }
    record('M');
}

static void k_priorities(struct test_result_t *ret)
{
    struct job low;
    struct job mid;

    memset(order, 0, sizeof(order));
    norder = 0;
    TEST_CHECK(start_job(&low, "Thread_D", 2, body_low), "create low");
    TEST_CHECK(start_job(&mid, "Thread_E", 4, body_mid), "create mid");
    record('R'); /* neither ran: the runner has the highest priority */
    TEST_CHECK(wait_done(&low, 1) && wait_done(&mid, 1) &&
                   wait_done(&high_job, 1),
               "tasks finished");
    TEST_CHECK(strcmp(order, "RmHML") == 0, "run in priority order");
}

/* ---- The tick hook ------------------------------------------------------- */

static volatile uint32_t hook_runs;
static volatile uint32_t hook_in_task; /* runs that found Thread mode */

static void count_tick(void)
{
    hook_runs++;
    hook_in_task += kernel_in_task() ? 1u : 0u;
}

/* kernel_set_tick_hook(): the hook runs once per tick, in the tick's
 * handler, and no more once cleared. */
static void k_tick_hook(struct test_result_t *ret)
{
    uint32_t before;
    uint32_t ticks;
    uint32_t runs;

    hook_runs = 0u;
    hook_in_task = 0u;
    kernel_set_tick_hook(count_tick);
    before = kernel_ticks();
    kernel_sleep(5);
    ticks = kernel_ticks() - before;
    kernel_set_tick_hook(NULL);
    runs = hook_runs;
    kernel_sleep(2);
    /* A tick may come between setting the hook and reading the count,
     * and another between reading it and clearing the hook (Armv8-M). */
    TEST_CHECK(ticks >= 5u && runs >= ticks && runs <= ticks + 2u,
               "the hook ran once per tick");
    TEST_CHECK(hook_in_task == 0u, "the hook ran in Handler mode");
    TEST_CHECK(hook_runs == runs, "a cleared hook runs no more");
}

/* ---- Armv8-M only: preemption -------------------------------------------- */

static volatile uint32_t spins[2];

static void body_spin(struct job *j)
{
    unsigned me = (j->id == 0) ? 0u : 1u;

    /* Never yields: the other task runs only if a tick preempts this one. */
    do {
        spins[me]++;
    } while (spins[1u - me] == 0u && spins[me] < 20000000u);
    j->ok = spins[1u - me] != 0u;
}

static void k_time_slicing(struct test_result_t *ret)
{
    struct job jobs[2];

    spins[0] = 0u;
    spins[1] = 0u;
    TEST_CHECK(start_job(&jobs[0], "Thread_E", 3, body_spin), "create");
    jobs[0].id = 0;
    TEST_CHECK(start_job(&jobs[1], "Thread_F", 3, body_spin), "create");
    jobs[1].id = 1;
    TEST_CHECK(wait_done(jobs, 2), "tasks finished");
    TEST_CHECK(jobs[0].ok && jobs[1].ok, "each saw the other run");
}

static volatile int lo_in_call;
static struct tally_reply lo_reply;

static void body_reentry_lo(struct job *j)
{
    uint32_t spin = 3000000u;
    psa_invec iv[] = { { &spin, sizeof(spin) } };
    psa_outvec ov[] = { { &lo_reply, sizeof(lo_reply) } };

    lo_in_call = 1;
    j->status = psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_BUMP, iv, 1, ov, 1);
    lo_in_call = 0;
}

static void body_reentry_hi(struct job *j)
{
    int32_t id = 0;
    psa_outvec ov[] = { { &id, sizeof(id) } };
    int ok;

    for (unsigned i = 0; i < 100u && !lo_in_call; i++) {
        kernel_sleep(1);
    }
    /* With a secure context per task the low task's secure work goes on
     * as soon as this task is switched in (it is more urgent than NS
     * code): it must not run again in NS meanwhile, or its call ends.
     * With one, wait until it is well inside. */
    if (WARDEN_NS_CONTEXTS == 0) {
        kernel_sleep(2);
    }
    /* The low task is preempted inside its secure call. Entering the
     * secure side now, without the NS interface lock: */
    ok = lo_in_call;
    if (WARDEN_NS_CONTEXTS > 0) {
        /* each task has a secure context of its own (the IPC backend
         * with NSCE): served, as its own client, while the low task's
         * call stays where it is; */
        ok = ok &&
             tfm_psa_call_veneer(TEST_STATELESS_HANDLE,
                                 PARAM_PACK(TEST_TYPE_CLIENT_ID, 0, 1), NULL,
                                 ov) == PSA_SUCCESS &&
             id == expected_id("reentry_hi");
        ok = ok && tfm_psa_version_veneer(TEST_STATELESS_SID) == 1u;
    } else {
        /* one secure context for all (an integration bug without the
         * lock): refused, not corrupting the call in progress. */
        ok = ok && tfm_psa_call_veneer(TEST_STATELESS_HANDLE,
                                       PARAM_PACK(TEST_TYPE_CLIENT_ID, 0, 1),
                                       NULL, ov) == PSA_ERROR_CONNECTION_BUSY;
        ok = ok &&
             tfm_psa_version_veneer(TEST_STATELESS_SID) == PSA_VERSION_NONE &&
             tfm_psa_connect_veneer(TEST_CONN_SID, 2) ==
                 PSA_ERROR_CONNECTION_BUSY;
    }
    ok = ok && lo_in_call;
    /* With the lock, the task waits its turn and gets in. */
    j->ok = ok && who_am_i(&id) == PSA_SUCCESS;
    j->id = id;
}

static void k_second_entry(struct test_result_t *ret)
{
    struct job jobs[2];
    struct kernel_stats before;
    struct kernel_stats after;

    kernel_get_stats(&before);
    lo_in_call = 0;
    TEST_CHECK(start_job(&jobs[0], "reentry_lo", 2, body_reentry_lo), "create");
    TEST_CHECK(start_job(&jobs[1], "reentry_hi", 5, body_reentry_hi), "create");
    TEST_CHECK(wait_done(jobs, 2), "tasks finished");
    kernel_get_stats(&after);
    TEST_CHECK(jobs[1].ok, (WARDEN_NS_CONTEXTS > 0)
                               ? "served while the low task was inside"
                               : "refused while the low task was inside");
    TEST_CHECK(jobs[1].id == expected_id("reentry_hi"), "high task's ID");
    TEST_CHECK(jobs[0].status == PSA_SUCCESS &&
                   lo_reply.client_id == expected_id("reentry_lo"),
               "the low task's call completed, as its own client");
    TEST_CHECK(after.switches_in_secure > before.switches_in_secure,
               "tasks were switched inside the secure call");
    TEST_CHECK(after.nsce_errors == 0u, "no NSCE error");
}

static const struct test_t with_nsce[] = {
    { k_client_id_per_task, "client_id_per_task",
      "each task calls as the client ID of its own NSID" },
    { k_groups_shared, "groups_shared",
      "tasks sharing group contexts keep their own client IDs" },
    { k_storage_per_client, "storage_per_client",
      "storage keyed by client ID keeps tasks apart across re-creation" },
    { k_provisioning_task, "provisioning_task",
      "a task switches NSID to store another's key; bad NSIDs refused" },
    { k_create_delete, "create_delete",
      "task create limits, delete, and slots and thread IDs reused" },
    { k_delete_refused_holding_lock, "delete_refused_holding_lock",
      "deleting a task that holds a mutex is refused" },
    { k_priorities, "priorities",
      "tasks run in priority order, a higher one as soon as created" },
    { k_tick_hook, "tick_hook",
      "the tick hook runs once per tick in Handler mode until cleared" },
};

static const struct test_t without_nsce[] = {
    { k_client_id_per_task, "client_id_per_task",
      "without NSCE every task calls as NSID -1" },
    { k_storage_shared_without_nsce, "storage_shared_without_nsce",
      "without NSCE all tasks are one client sharing one store" },
    { k_set_nsid_without_nsce, "set_nsid_without_nsce",
      "without NSCE kernel_set_nsid() is refused, calls stay NSID -1" },
    { k_create_delete, "create_delete",
      "task create limits, delete, and slots and thread IDs reused" },
    { k_delete_refused_holding_lock, "delete_refused_holding_lock",
      "deleting a task that holds a mutex is refused" },
    { k_priorities, "priorities",
      "tasks run in priority order, a higher one as soon as created" },
    { k_tick_hook, "tick_hook",
      "the tick hook runs once per tick in Handler mode until cleared" },
};

static const struct test_t preemptive[] = {
    { k_time_slicing, "time_slicing",
      "two tasks that never yield both run: time slicing" },
    { k_second_entry, "second_entry",
      "a second NS entry during a preempted call: served or refused busy" },
};

void nsce_suite_kernel(struct tf_totals *totals)
{
    if (TFM_NS_MANAGE_NSID) {
        tf_run_suite("kernel", with_nsce,
                     sizeof(with_nsce) / sizeof(with_nsce[0]), totals);
    } else {
        tf_run_suite("kernel", without_nsce,
                     sizeof(without_nsce) / sizeof(without_nsce[0]), totals);
    }
    if (kernel_preemptive()) {
        tf_run_suite("kernel_preemptive", preemptive,
                     sizeof(preemptive) / sizeof(preemptive[0]), totals);
    }
}
