/*
 * spm/backend/ipc/ns_ctx.c and its use by spm/nsce/: NS contexts of the IPC
 * backend. Loading one makes its NS agent the thread of the scheduler's
 * NS rank (the others are out of the run order, their state kept); its
 * calls have their own client ID and busy flag; the thread NS preempted is
 * switched out as an ordinary one; releasing a context whose call is in
 * flight aborts that call as a stopped client's (its connection stays the
 * NS client's), and its next call waits for an orphan's reply. SPM code
 * holds NS interrupts off. The fake threads record the port's part
 * (fake_threads.h).
 */
#include "ipc_world.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/client_api.h"
#include "spm/handle.h"
#include "spm/nsce/ns_client.h"
#include "spm/nsce/nsce.h"
#include "tfm_ns_client_ext.h"
#include "fake_arch.h"
#include "unit_req.h"

#define SERVER   (iw_part(FXI_SERVER))
#define AGENT(c) (spm_ns_agent_of(c))
#define NS_RANK  (1u << (SCHED_RANKS - 1u))

static void test_agents_and_their_indices(void **state)
{
    (void)state;
    assert_int_equal(SPM_NUM_CLIENTS, FXI_NUM_PARTS + 1 + WARDEN_NS_CONTEXTS);
    for (uint32_t c = 0; c <= WARDEN_NS_CONTEXTS; c++) {
        struct spm_partition *a = AGENT(c);

        assert_true(spm_is_ns(a));
        assert_int_equal(spm_ns_ctx_of(a), c);
        assert_ptr_equal(spm_client_by_index(a->index), a);
        assert_int_equal(spm_conn_owner(a), 0);
    }
    assert_ptr_equal(AGENT(0), &spm_ns_agent);
    assert_int_equal(AGENT(1)->index, FXI_NUM_PARTS + 1);
    assert_int_equal(spm_conn_owner(SERVER), SERVER->index);
}

static void test_boot_runs_context_0(void **state)
{
    (void)state;
    assert_ptr_equal(backend_ns_agent(), &spm_ns_agent);
    assert_ptr_equal(sched_ns_thread(), sched_thread_of(&spm_ns_agent));
    assert_ptr_equal(sched_current(), sched_ns_thread());
}

static void test_load_makes_its_agent_the_ns_side(void **state)
{
    struct sched_thread *t = sched_thread_of(AGENT(2));
    struct fake_ns_counts n;

    (void)state;
    backend_ns_ctx_load(2);
    assert_ptr_equal(backend_ns_agent(), AGENT(2));
    assert_ptr_equal(sched_ns_thread(), t);
    assert_ptr_equal(sched_current(), t);
    assert_ptr_equal(backend_current(), AGENT(2));
    assert_int_equal(t->rank, SCHED_RANKS - 1u);
    n = fake_ns_ctx_counts();
    assert_int_equal(n.parks, 1);
    assert_int_equal(n.detached, 0);
    assert_int_equal(n.enters, 1);
    /* The same again: nothing; out of range: nothing. */
    backend_ns_ctx_load(2);
    backend_ns_ctx_load(WARDEN_NS_CONTEXTS + 1u);
    assert_int_equal(fake_ns_ctx_counts().enters, 1);
    assert_ptr_equal(backend_ns_agent(), AGENT(2));
    backend_ns_ctx_load(0);
    assert_ptr_equal(backend_ns_agent(), &spm_ns_agent);
    assert_ptr_equal(sched_ns_thread(), sched_thread_of(&spm_ns_agent));
}

/* A thread NS preempted (a partition's) is switched out as any other:
 * it stays ready, whichever context is loaded next, and runs first (the
 * load asks for the switch). */
static void test_preempted_partition_is_switched_out(void **state)
{
    (void)state;
    fake_threads_player(NULL);
    backend_ns_ctx_load(1);
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    fake_threads_clear_counts();
    backend_ns_ctx_load(3);
    assert_int_equal(fake_ns_ctx_counts().detached, 1);
    assert_int_equal(fake_yields(), 1);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_SERVER));
    assert_ptr_equal(sched_current(), sched_thread_of(AGENT(3)));
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_READY);
    /* Nothing more urgent ready: no switch asked. */
    iw_block(FXI_SERVER);
    fake_threads_clear_counts();
    backend_ns_ctx_load(2);
    assert_int_equal(fake_yields(), 0);
}

/* An agent out of the run order keeps its state: a reply readies it
 * without touching the NS rank's bit, which follows the loaded agent. */
static void test_parked_agent_keeps_its_state(void **state)
{
    struct sched_thread *a1 = sched_thread_of(AGENT(1));

    (void)state;
    backend_ns_ctx_load(1);
    assert_int_equal(iw_call(AGENT(1), FXI_SL_A_HANDLE, 1, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(a1->state, SCHED_BLOCKED);
    backend_ns_ctx_load(0);
    sched_block(sched_thread_of(&spm_ns_agent));
    assert_int_equal(sched_core.ready & NS_RANK, 0u);
    iw_serve(FXI_SERVER, FXI_SIG(1), PSA_SUCCESS);
    assert_int_equal(a1->state, SCHED_READY);
    assert_int_equal(sched_core.ready & NS_RANK, 0u);
    sched_block(a1);
    assert_int_equal(a1->state, SCHED_BLOCKED);
    sched_ready(a1);
    assert_int_equal(sched_core.ready & NS_RANK, 0u);
    sched_ready(sched_thread_of(&spm_ns_agent));
    backend_ns_ctx_load(1);
    assert_int_equal(sched_core.ready & NS_RANK, NS_RANK);
    assert_int_equal(iw_finish(AGENT(1)), PSA_SUCCESS);
}

/* Each context's call has its own busy flag and client ID. */
static void test_calls_of_two_contexts_at_once(void **state)
{
    uint32_t t1;
    uint32_t t2;

    (void)state;
    fake_arch_set_handler(true);
    assert_int_equal(spm_nsce_init(0), WARDEN_NS_CONTEXT_SLOTS);
    t1 = spm_nsce_acquire(0, 1);
    t2 = spm_nsce_acquire(1, 2);
    assert_int_equal(spm_nsce_load(t1, -11), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_ptr_equal(backend_ns_agent(), AGENT(1));
    assert_int_equal(spm_ns_enter(AGENT(1)), PSA_SUCCESS);
    assert_int_equal(spm_nsce_save(t1), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_ptr_equal(backend_ns_agent(), &spm_ns_agent);
    assert_int_equal(spm_nsce_load(t2, -12), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_ptr_equal(backend_ns_agent(), AGENT(2));
    assert_int_equal(spm_ns_enter(AGENT(2)), PSA_SUCCESS);
    assert_int_equal(spm_ns_enter(AGENT(2)), PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(spm_ns_client_id(AGENT(1)), spm_nsid_to_client_id(-11));
    assert_int_equal(spm_ns_client_id(AGENT(2)), spm_nsid_to_client_id(-12));
    assert_true(spm_ns_in_call(AGENT(1)));
    assert_true(spm_ns_in_call(AGENT(2)));
    assert_false(spm_ns_in_call(AGENT(3)));
    spm_ns_leave(AGENT(2));
    assert_false(spm_ns_in_call(AGENT(2)));
    assert_true(spm_ns_in_call(AGENT(1)));
    spm_ns_leave(AGENT(1));
}

/* Released with its call queued: withdrawn, the service never sees it. */
static void test_release_withdraws_a_queued_call(void **state)
{
    (void)state;
    iw_block(FXI_SERVER);
    backend_ns_ctx_load(1);
    assert_int_equal(spm_ns_enter(AGENT(1)), PSA_SUCCESS);
    assert_int_equal(iw_call(AGENT(1), FXI_SL_A_HANDLE, 1, 0, 0),
                     SPM_STATUS_PENDING);
    assert_ptr_equal(SERVER->be.queue, unit_req(AGENT(1)));
    backend_ns_ctx_release(1);
    assert_null(SERVER->be.queue);
    assert_int_equal(SERVER->be.asserted & FXI_SIG(1), 0u);
    assert_null(AGENT(1)->be.pending);
    assert_false(spm_ns_in_call(AGENT(1)));
    assert_int_equal(sched_thread_of(AGENT(1))->state, SCHED_READY);
    assert_int_equal(fake_ns_ctx_counts().resets, 1);
    assert_ptr_equal(backend_ns_agent(), &spm_ns_agent);
    /* Nothing to abort: the context is reset all the same. */
    backend_ns_ctx_release(2);
    assert_int_equal(fake_ns_ctx_counts().resets, 2);
    backend_ns_ctx_release(0);
    backend_ns_ctx_release(WARDEN_NS_CONTEXTS + 1u);
    assert_int_equal(fake_ns_ctx_counts().resets, 2);
}

/* Released with its stateless call taken: an orphan, which its service
 * replies to as usual; the context's next call waits for that reply. */
static void test_release_orphans_a_taken_call(void **state)
{
    psa_handle_t h;

    (void)state;
    fake_threads_player(NULL);
    backend_ns_ctx_load(1);
    assert_int_equal(spm_ns_enter(AGENT(1)), PSA_SUCCESS);
    assert_int_equal(iw_call(AGENT(1), FXI_SL_A_HANDLE, 1, 0, 0),
                     SPM_STATUS_PENDING);
    h = iw_get(FXI_SERVER, FXI_SIG(1))->handle;
    backend_ns_ctx_release(1);
    assert_int_not_equal(AGENT(1)->be_small.sl_orphan, 0);
    backend_ns_ctx_load(1);
    assert_false(backend_ns_begin(AGENT(1)));
    iw_run_as(SERVER);
    psa_reply(h, PSA_SUCCESS);
    assert_int_equal(AGENT(1)->be_small.sl_orphan, 0);
    backend_ns_ctx_load(1);
    assert_true(backend_ns_begin(AGENT(1)));
    backend_ns_end();
}

/* Released with a call on a connection queued: the connection stays open,
 * the NS client's, for any of its contexts. */
static void test_release_keeps_the_ns_connection(void **state)
{
    psa_handle_t h;

    (void)state;
    backend_ns_ctx_load(1);
    h = iw_open(AGENT(1), FXI_CONN);
    backend_ns_ctx_load(1);
    assert_int_equal(spm_ns_enter(AGENT(1)), PSA_SUCCESS);
    assert_int_equal(iw_call(AGENT(1), h, 1, 0, 0), SPM_STATUS_PENDING);
    backend_ns_ctx_release(1);
    assert_int_equal(spm_conn_from_handle(h)->state, SPM_CONN_IDLE);
    backend_ns_ctx_load(2);
    assert_int_equal(iw_call(AGENT(2), h, 2, 0, 0), SPM_STATUS_PENDING);
    iw_serve(FXI_SERVER, FXI_SIG(0), PSA_SUCCESS);
    assert_int_equal(iw_finish(AGENT(2)), PSA_SUCCESS);
}

/* SPM code holds NS interrupts off (NS contexts exist in this fixture). */
static void test_lock_holds_ns_interrupts(void **state)
{
    (void)state;
    assert_int_equal(fake_ns_irq_held(), 0);
    sched_lock();
    assert_int_equal(fake_ns_irq_held(), 1);
    sched_unlock();
    assert_int_equal(fake_ns_irq_held(), 0);
    assert_true(sched_try_lock());
    assert_int_equal(fake_ns_irq_held(), 1);
    backend_ns_end();
    assert_int_equal(fake_ns_irq_held(), 0);
    /* Dropped only if held. */
    sched_drop_lock();
    assert_int_equal(fake_ns_irq_held(), 0);
}

/* What an interrupt raised under the lock, as NS could first preempt. */
static uint32_t parts_at_release;
static psa_signal_t asserted_at_release;

static void note_release(void)
{
    if (parts_at_release != ~0u) {
        return; /* the first one counts */
    }
    parts_at_release = sched_core.irq_parts;
    asserted_at_release = SERVER->be.asserted;
}

#define IRQ_SIG 0x80000000u

/* Signals an interrupt raised under the lock are delivered before NS
 * interrupts are let in: NS preempting first would switch out the holder
 * (a partition that just blocked, waiting for just that signal), and
 * nothing would deliver them (the IRQ burst stalled so). */
static void test_unlock_delivers_before_ns_runs(void **state)
{
    (void)state;
    fake_ns_irq_on_release(note_release);
    for (int path = 0; path < 3; path++) {
        SERVER->be.asserted = 0u;
        parts_at_release = ~0u;
        asserted_at_release = 0u;
        sched_lock();
        backend_irq_assert(SERVER, IRQ_SIG);
        assert_int_not_equal(sched_core.irq_parts, 0u);
        if (path == 0) {
            sched_unlock();
        } else if (path == 1) {
            backend_ns_end();
        } else {
            sched_drop_lock();
        }
        assert_int_equal(parts_at_release, 0u);
        assert_int_equal(asserted_at_release & IRQ_SIG, IRQ_SIG);
    }
    fake_ns_irq_on_release(NULL);
}

#define LOW_PRIO  10u
#define HIGH_PRIO 200u

/* NS priorities: secure work done for a less urgent NS thread waits while
 * a more urgent one's context is loaded, and runs after that thread's own
 * secure work, whatever the manifest ranks say (SERVER is ranked before
 * PEER). */
static void test_ns_priority_orders_secure_work(void **state)
{
    struct sched_thread *server = iw_thread(FXI_SERVER);
    struct sched_thread *peer = iw_thread(FXI_PEER);
    struct sched_thread *high = sched_thread_of(AGENT(2));

    (void)state;
    fake_threads_player(NULL);
    assert_true(server->rank < peer->rank);
    backend_ns_ctx_priority(1, LOW_PRIO);
    backend_ns_ctx_load(1);
    iw_wake(FXI_SERVER);
    server->ns_prio = LOW_PRIO; /* it serves the less urgent thread */
    iw_run_as(SERVER);
    fake_threads_clear_counts();
    backend_ns_ctx_priority(2, HIGH_PRIO);
    backend_ns_ctx_load(2);
    assert_int_equal(fake_yields(), 0);
    assert_ptr_equal(sched_pick(), high);
    assert_false(sched_preempt_due());
    /* The urgent thread's own secure work comes first... */
    iw_wake(FXI_PEER);
    peer->ns_prio = HIGH_PRIO;
    assert_ptr_equal(sched_pick(), peer);
    assert_true(sched_preempt_due());
    /* ... the other's once nothing more urgent is ready. */
    iw_block(FXI_PEER);
    sched_block(high);
    assert_ptr_equal(sched_pick(), server);
    sched_ready(high);
    /* Context 0 (an NS RTOS between a save and a load) lets only the top
     * priority's work run at the load: SERVER's waits for its thread. */
    fake_threads_clear_counts();
    backend_ns_ctx_load(0);
    assert_int_equal(fake_yields(), 0);
    assert_ptr_equal(sched_pick(), sched_thread_of(&spm_ns_agent));
    server->ns_prio = SCHED_NS_PRIO_TOP;
    assert_ptr_equal(sched_pick(), server);
    server->ns_prio = LOW_PRIO;
    /* Its own context loaded: the work comes before the agent in the run
     * order (the context resumes into the scheduler), but the load runs
     * none of it inside the NS RTOS's switch. */
    backend_ns_ctx_priority(1, LOW_PRIO);
    fake_threads_clear_counts();
    backend_ns_ctx_load(1);
    assert_int_equal(fake_yields(), 0);
    assert_ptr_equal(sched_pick(), server);
    /* A more urgent context's work does run at a load. */
    peer->ns_prio = HIGH_PRIO;
    sched_ready(peer);
    backend_ns_ctx_load(3);
    backend_ns_ctx_priority(1, LOW_PRIO);
    fake_threads_clear_counts();
    backend_ns_ctx_load(1);
    assert_int_equal(fake_yields(), 1);
}

/* Without a priority told, the manifest ranks decide, as always. */
static void test_no_priority_keeps_the_ranks(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_wake(FXI_PEER);
    iw_thread(FXI_PEER)->ns_prio = HIGH_PRIO;
    assert_false(sched_core.by_ns_prio);
    assert_ptr_equal(sched_pick(), iw_thread(FXI_SERVER));
    backend_ns_ctx_priority(1, WARDEN_NS_PRIORITY_MAX);
    assert_false(sched_core.by_ns_prio);
    backend_ns_ctx_priority(WARDEN_NS_CONTEXTS + 1u, LOW_PRIO);
    assert_false(sched_core.by_ns_prio);
    backend_ns_ctx_priority(1, WARDEN_NS_PRIORITY_MAX - 1u);
    assert_true(sched_core.by_ns_prio);
}

/* A partition runs at the NS priority of the client it serves: raised to a
 * queued request's, set to a taken one's; an interrupt's is the top. */
static void test_partitions_inherit_ns_priority(void **state)
{
    struct sched_thread *server = iw_thread(FXI_SERVER);

    (void)state;
    backend_ns_ctx_priority(1, LOW_PRIO);
    backend_ns_ctx_priority(2, HIGH_PRIO);
    assert_int_equal(server->ns_prio, SCHED_NS_PRIO_TOP);
    backend_ns_ctx_load(1);
    assert_int_equal(iw_call(AGENT(1), FXI_SL_A_HANDLE, 1, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(server->ns_prio, SCHED_NS_PRIO_TOP);
    (void)iw_get(FXI_SERVER, FXI_SIG(1));
    assert_int_equal(server->ns_prio, LOW_PRIO);
    backend_ns_ctx_load(2);
    assert_int_equal(iw_call(AGENT(2), FXI_SL_B_HANDLE, 1, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(server->ns_prio, HIGH_PRIO);
    (void)iw_get(FXI_SERVER, FXI_SIG(2));
    assert_int_equal(server->ns_prio, HIGH_PRIO);
    backend_irq_assert(SERVER, IRQ_SIG);
    assert_int_equal(server->ns_prio, SCHED_NS_PRIO_TOP);
    /* Blocked in psa_wait(), it serves nobody: the next request, a less
     * urgent thread's, sets its priority (not the top it had). */
    SERVER->be.asserted = 0u;
    assert_ptr_equal(backend_current(), SERVER);
    assert_int_equal(ipc_wait(FXI_ANY_SERVICE, PSA_BLOCK), 0u);
    assert_int_equal(server->ns_prio, 0u);
    backend_ns_ctx_priority(3, LOW_PRIO);
    backend_ns_ctx_load(3);
    assert_int_equal(iw_call(AGENT(3), FXI_SL_A_HANDLE, 1, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(server->ns_prio, LOW_PRIO);
}

/* A stack without room to switch a context out stops the system. */
static void test_park_without_room_is_fatal(void **state)
{
    (void)state;
    fake_ns_ctx_fail_park(true);
    expect_fatal("ns_ctx.c", backend_ns_ctx_load(1));
    fake_ns_ctx_fail_park(false);
}

#define T(fn) cmocka_unit_test_setup(fn, iw_setup_booted)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_agents_and_their_indices),
        T(test_boot_runs_context_0),
        T(test_load_makes_its_agent_the_ns_side),
        T(test_preempted_partition_is_switched_out),
        T(test_parked_agent_keeps_its_state),
        T(test_calls_of_two_contexts_at_once),
        T(test_release_withdraws_a_queued_call),
        T(test_release_orphans_a_taken_call),
        T(test_release_keeps_the_ns_connection),
        T(test_lock_holds_ns_interrupts),
        T(test_unlock_delivers_before_ns_runs),
        T(test_ns_priority_orders_secure_work),
        T(test_no_priority_keeps_the_ranks),
        T(test_partitions_inherit_ns_priority),
        T(test_park_without_room_is_fatal),
    };

    return cmocka_run_group_tests_name("ns_ctx", tests, NULL, NULL);
}
