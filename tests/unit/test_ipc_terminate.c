/*
 * spm/backend_ipc.c, stopping partitions: ipc_terminate_cleanup() and
 * backend_terminate() (the messages a stopped partition had queued or taken
 * are answered, its own connections close, its thread never runs again, a
 * reply to a dead client frees the slot), and the thread of an SFN-model
 * partition (ipc_sfn_thread_main: entry_init, then its psa_wait() loop).
 */
#include "ipc_world.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/backend_ipc.h"
#include "spm/client_api.h"
#include "spm/handle.h"

#define NS_SLOT (&spm_conns[WARDEN_CONN_MAX + 0u])
#define SLOT(p) (&spm_conns[WARDEN_CONN_MAX + 1u + (p)])
#define SERVER  (iw_part(FXI_SERVER))
#define SFN     (iw_part(FXI_SFN))
#define CLIENT  (iw_part(FXI_CLIENT))
#define PEER    (iw_part(FXI_PEER))

static void expect_replied(const struct spm_conn *c, psa_status_t status)
{
    assert_int_equal(c->state, SPM_CONN_REPLIED);
    assert_int_equal(c->be.reply, status);
    assert_null(c->be.next);
    assert_int_equal(sched_thread_of(c->client)->state, SCHED_READY);
}

static void test_cleanup_answers_queued_and_taken_messages(void **state)
{
    psa_handle_t peer_h;

    (void)state;
    iw_wake(FXI_PEER);
    peer_h = iw_open(PEER, FXI_CONN); /* slot 0 */
    iw_wake(FXI_CLIENT);
    /* Taken: a call of the client. */
    assert_int_equal(iw_call(CLIENT, FXI_SL_A_HANDLE, 1, 0, 0),
                     SPM_STATUS_PENDING);
    (void)iw_get(FXI_SERVER, FXI_SIG(1));
    /* Queued: a connect of NS (slot 1), a disconnect of the peer. */
    iw_run_as(IW_NS);
    assert_int_equal(spm_connect(IW_NS, FXI_CONN_SID, 1), SPM_STATUS_PENDING);
    iw_run_as(PEER);
    assert_int_equal(spm_close(PEER, peer_h), SPM_STATUS_PENDING);
    assert_int_equal(SERVER->be.asserted, FXI_SIG(0));
    fake_threads_clear_counts();

    iw_run_as(SERVER);
    ipc_terminate_cleanup(SERVER);
    assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_DEAD);
    assert_null(SERVER->be.queue);
    assert_int_equal(SERVER->be.asserted, 0u);
    expect_replied(&spm_conns[1], PSA_ERROR_CONNECTION_REFUSED);
    expect_replied(&spm_conns[0], PSA_SUCCESS);
    expect_replied(SLOT(FXI_CLIENT), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(fake_yields(), 0); /* it does not switch threads */

    /* Each client completes its request with those statuses. */
    assert_int_equal(iw_finish(CLIENT), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(SLOT(FXI_CLIENT)->state, SPM_CONN_FREE);
    assert_int_equal(iw_finish(IW_NS), PSA_ERROR_CONNECTION_REFUSED);
    assert_int_equal(spm_conns[1].state, SPM_CONN_FREE);
    assert_int_equal(iw_finish(PEER), PSA_SUCCESS);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    /* Later requests get the same at once. */
    assert_int_equal(iw_call(IW_NS, FXI_SL_B_HANDLE, 0, 0, 0),
                     PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_cleanup_closes_its_own_connections(void **state)
{
    psa_handle_t own;
    psa_handle_t ns_h;

    (void)state;
    iw_wake(FXI_SERVER);
    own = iw_open(SERVER, FXI_CLIENT_CONN); /* slot 0: the server's */
    ns_h = iw_open(IW_NS, FXI_CONN);        /* slot 1: to the server */
    assert_int_equal(own, 0x101);
    assert_int_equal(ns_h, 0x102);
    ipc_terminate_cleanup(SERVER);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(spm_conns[0].gen, 2);
    assert_int_equal(CLIENT->state, SPM_PART_READY);
    /* A connection to it stays until its client closes it. */
    assert_int_equal(spm_conns[1].state, SPM_CONN_IDLE);
    assert_int_equal(iw_call(IW_NS, ns_h, 0, 0, 0), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(spm_close(IW_NS, ns_h), PSA_SUCCESS);
    assert_int_equal(spm_conns[1].state, SPM_CONN_FREE);
}

/*
 * A client stopped after its reply came but before it completed the call
 * (a fault in its thread in the second phase, say, a stack overflow in
 * backend_client_resolve()'s frames): nothing will ever complete that
 * call, so its connection must close with the others. FAILS: the slot
 * stays REPLIED for good and the pool loses it.
 */
static void test_cleanup_closes_a_replied_connection(void **state)
{
    psa_handle_t h;

    (void)state;
    iw_wake(FXI_PEER);
    h = iw_open(PEER, FXI_CONN); /* slot 0 */
    assert_int_equal(iw_call(PEER, h, 1, 0, 0), SPM_STATUS_PENDING);
    iw_serve(FXI_SERVER, FXI_SIG(0), 5);
    assert_int_equal(spm_conns[0].state, SPM_CONN_REPLIED);
    iw_run_as(PEER);
    ipc_terminate_cleanup(PEER);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_ptr_equal(spm_conn_alloc(), &spm_conns[0]);
}

static void test_reply_to_a_dead_client_frees_the_slot(void **state)
{
    const psa_msg_t *m;
    uint32_t gen = SLOT(FXI_PEER)->gen;

    (void)state;
    iw_wake(FXI_PEER);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 0, 0),
                     SPM_STATUS_PENDING);
    ipc_terminate_cleanup(PEER);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_DEAD);
    m = iw_get(FXI_SERVER, FXI_SIG(1));
    assert_int_equal(m->client_id, FXI_PEER_PID);
    psa_reply(m->handle, 5);
    assert_int_equal(SLOT(FXI_PEER)->state, SPM_CONN_FREE);
    assert_int_equal(SLOT(FXI_PEER)->gen, gen + 1u);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_DEAD);
    /* Also when its server stops before getting it. */
    iw_load();
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 0, 0),
                     SPM_STATUS_PENDING);
    ipc_terminate_cleanup(PEER);
    ipc_terminate_cleanup(SERVER);
    assert_int_equal(SLOT(FXI_PEER)->state, SPM_CONN_FREE);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_DEAD);
}

static void test_terminate_running_partition_never_resumes(void **state)
{
    (void)state;
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    iw_run_as(SERVER);
    sched_lock(); /* as spm_panic() in SPM code holds it */
    FAKE_UNTIL_PARKED(backend_terminate(SERVER));
    assert_ptr_equal(fake_parked(), iw_thread(FXI_SERVER));
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_DEAD);
    expect_replied(NS_SLOT, PSA_ERROR_SERVICE_FAILURE);
    /* It gave way, the lock released, to the client it answered. */
    assert_int_equal(fake_yields(), 1);
    assert_ptr_equal(fake_pick(0), iw_ns_thread());
    sched_lock();
    sched_unlock();
    assert_int_equal(iw_finish(IW_NS), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_terminate_other_partition_is_an_invariant(void **state)
{
    (void)state;
    /* Only the running partition is ever stopped. */
    expect_fatal("spm/backend_ipc.c:", backend_terminate(PEER));
    assert_int_equal(PEER->state, SPM_PART_TERMINATED);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_DEAD);
}

/* Requests queued for the SFN partition before its thread ever ran: a
 * stateless call of NS (type 4, invec "abc"), a connect of the client.
 * Only the SFN thread and the waiting clients are left. */
static void queue_for_sfn(void)
{
    world_in(&ns_mem, 0, "abc", 3);
    assert_int_equal(iw_call(IW_NS, FXI_SFN_SL_HANDLE, 4, 1, 0),
                     SPM_STATUS_PENDING);
    iw_run_as(CLIENT);
    assert_int_equal(spm_connect(CLIENT, FXI_SFN_CONN_SID, 1),
                     SPM_STATUS_PENDING);
    assert_int_equal(SFN->be.asserted, 0x30u);
    assert_int_equal(iw_thread(FXI_SFN)->state, SCHED_READY);
    iw_block(FXI_SERVER);
    iw_block(FXI_PEER);
    fake_threads_player(iw_play_waiting);
    iw_run_as(SFN);
    iw_allow_stack();
}

static void test_sfn_thread_initialises_then_serves(void **state)
{
    (void)state;
    queue_for_sfn();
    fxi.reply[FXI_SFN_SL] = 12;
    FAKE_UNTIL_PARKED(ipc_sfn_thread_main());
    assert_int_equal(fxi.ninit, 1);
    assert_int_equal(SFN->state, SPM_PART_READY);
    /* Each service's function was called with its message... */
    assert_int_equal(fxi.calls[FXI_SFN_SL], 1);
    assert_int_equal(fxi.last[FXI_SFN_SL].type, 4);
    assert_int_equal(fxi.last[FXI_SFN_SL].client_id, NS_CLIENT_ID);
    assert_int_equal(fxi.last[FXI_SFN_SL].in_size[0], 3);
    assert_int_equal(fxi.calls[FXI_SFN_CONN], 1);
    assert_int_equal(fxi.last[FXI_SFN_CONN].type, PSA_IPC_CONNECT);
    assert_int_equal(fxi.last[FXI_SFN_CONN].client_id, FXI_CLIENT_PID);
    /* ... its return was the reply ... */
    expect_replied(NS_SLOT, 12);
    expect_replied(&spm_conns[0], PSA_SUCCESS);
    /* ... and the thread waits for its services' signals. */
    assert_ptr_equal(fake_parked(), iw_thread(FXI_SFN));
    assert_int_equal(SFN->be.wait_mask, 0x30u);
    assert_int_equal(SFN->be.asserted, 0u);
    /* The connect reply woke the more urgent client: the thread gave way
     * (and again when it waited). */
    assert_int_equal(fake_yields(), 2);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_CLIENT));
    assert_ptr_equal(fake_pick(1), iw_thread(FXI_CLIENT));
    /* A doorbell does not wake it. */
    iw_run_as(CLIENT);
    psa_notify(FXI_SFN_PID);
    assert_int_equal(SFN->be.asserted, PSA_DOORBELL);
    assert_int_equal(iw_thread(FXI_SFN)->state, SCHED_BLOCKED);
    assert_int_equal(iw_finish(CLIENT), 0x101);
    assert_int_equal(iw_finish(IW_NS), 12);
}

static void test_sfn_thread_of_a_failed_init(void **state)
{
    (void)state;
    queue_for_sfn();
    fxi.init_status = PSA_ERROR_GENERIC_ERROR;
    FAKE_UNTIL_PARKED(ipc_sfn_thread_main());
    assert_int_equal(SFN->state, SPM_PART_FAILED);
    assert_int_equal(iw_thread(FXI_SFN)->state, SCHED_DEAD);
    assert_ptr_equal(fake_parked(), iw_thread(FXI_SFN));
    unit_assert_console_has("[Warden] FXI_SP_SFN: entry_init failed, its "
                            "services are not available\r\n");
    /* What was queued is answered; no function was called. */
    assert_null(SFN->be.queue);
    expect_replied(NS_SLOT, PSA_ERROR_SERVICE_FAILURE);
    expect_replied(&spm_conns[0], PSA_ERROR_CONNECTION_REFUSED);
    assert_int_equal(fxi.calls[FXI_SFN_SL] + fxi.calls[FXI_SFN_CONN], 0);
    assert_int_equal(fake_yields(), 1);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_CLIENT));
    assert_int_equal(iw_finish(CLIENT), PSA_ERROR_CONNECTION_REFUSED);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(iw_finish(IW_NS), PSA_ERROR_SERVICE_FAILURE);
    /* Later requests are answered at once. */
    assert_int_equal(iw_call(IW_NS, FXI_SFN_SL_HANDLE, 0, 0, 0),
                     PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_sfn_bad_connect_reply_stops_the_partition(void **state)
{
    (void)state;
    queue_for_sfn();
    fxi.reply[FXI_SFN_CONN] = PSA_ERROR_GENERIC_ERROR;
    expect_iw_panic(FXI_SFN, ipc_sfn_thread_main());
    assert_int_equal(fxi.calls[FXI_SFN_CONN], 1);
    assert_int_equal(spm_conns[0].state, SPM_CONN_ACTIVE);
}

#define LOADED(fn) cmocka_unit_test_setup(fn, iw_setup)
#define BOOTED(fn) cmocka_unit_test_setup(fn, iw_setup_booted)

int main(void)
{
    const struct CMUnitTest tests[] = {
        BOOTED(test_cleanup_answers_queued_and_taken_messages),
        BOOTED(test_cleanup_closes_its_own_connections),
        BOOTED(test_cleanup_closes_a_replied_connection),
        BOOTED(test_reply_to_a_dead_client_frees_the_slot),
        BOOTED(test_terminate_running_partition_never_resumes),
        BOOTED(test_terminate_other_partition_is_an_invariant),
        LOADED(test_sfn_thread_initialises_then_serves),
        LOADED(test_sfn_thread_of_a_failed_init),
        LOADED(test_sfn_bad_connect_reply_stops_the_partition),
    };

    return cmocka_run_group_tests_name("ipc_terminate", tests, NULL, NULL);
}
