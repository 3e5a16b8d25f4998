/*
 * spm/backend/ipc/backend_ipc.c, stopping partitions: ipc_terminate_cleanup()
 * and backend_terminate() (the messages a stopped partition had queued or taken
 * are answered, its own connections close, its thread never runs again,
 * its own request in flight is withdrawn or orphaned), and the thread of an
 * SFN-model partition (ipc_sfn_thread_main: entry_init, then its psa_wait()
 * loop).
 */
#include "unit_req.h"
#include "ipc_world.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/client_api.h"
#include "spm/handle.h"

#define NS_REQ (unit_req(IW_NS))
#define REQ(p) (unit_req(iw_part(p)))
#define SERVER (iw_part(FXI_SERVER))
#define SFN    (iw_part(FXI_SFN))
#define CLIENT (iw_part(FXI_CLIENT))
#define PEER   (iw_part(FXI_PEER))

/* @p req was answered with @p status: its message handle is stale, its
 * client woken to complete it. */
static void expect_replied(const struct spm_req *req, psa_status_t status)
{
    if (req->conn != NULL) {
        assert_int_equal(req->conn->state, SPM_CONN_REPLIED);
    } else {
        assert_null(req->client->sl_req);
    }
    assert_ptr_equal(req->client->be.pending, req);
    assert_int_equal(req->be.reply, status);
    assert_null(req->be.next);
    assert_int_equal(sched_thread_of(req->client)->state, SCHED_READY);
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
    assert_int_equal(spm_connect(IW_NS, NS_REQ, FXI_CONN_SID, 1),
                     SPM_STATUS_PENDING);
    iw_run_as(PEER);
    assert_int_equal(spm_close(PEER, REQ(FXI_PEER), peer_h),
                     SPM_STATUS_PENDING);
    assert_int_equal(SERVER->be.asserted, FXI_SIG(0));
    fake_threads_clear_counts();

    iw_run_as(SERVER);
    ipc_terminate_cleanup(SERVER);
    assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_DEAD);
    assert_null(SERVER->be.queue);
    assert_int_equal(SERVER->be.asserted, 0u);
    expect_replied(NS_REQ, PSA_ERROR_CONNECTION_REFUSED);
    assert_ptr_equal(NS_REQ->conn, &spm_conns[1]);
    expect_replied(REQ(FXI_PEER), PSA_SUCCESS);
    assert_ptr_equal(REQ(FXI_PEER)->conn, &spm_conns[0]);
    expect_replied(REQ(FXI_CLIENT), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(fake_yields(), 0); /* it does not switch threads */

    /* Each client completes its request with those statuses. */
    assert_int_equal(iw_finish(CLIENT), PSA_ERROR_SERVICE_FAILURE);
    assert_null(CLIENT->be.pending);
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
    assert_int_equal(spm_close(IW_NS, NS_REQ, ns_h), PSA_SUCCESS);
    assert_int_equal(spm_conns[1].state, SPM_CONN_FREE);
}

/*
 * A client stopped after its reply came but before it completed the call
 * (a fault in its thread in the second phase, say, a stack overflow in
 * backend_client_resolve()'s frames): nothing will ever complete that
 * call, so its connection must close with the others.
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
    assert_null(spm_conns[0].req);
    assert_null(PEER->be.pending);
    assert_ptr_equal(spm_conn_alloc(), &spm_conns[0]);
}

/* Nothing the SPM keeps points into the stopped peer's request any more. */
static void expect_request_dropped(void)
{
    assert_null(PEER->be.pending);
    assert_null(PEER->sl_req);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_DEAD);
    for (unsigned i = 0; i < SPM_CONN_POOL; i++) {
        assert_ptr_not_equal(spm_conns[i].req, REQ(FXI_PEER));
    }
    for (const struct spm_req *r = SERVER->be.queue; r != NULL;
         r = r->be.next) {
        assert_ptr_not_equal(r, REQ(FXI_PEER));
    }
}

/* A client stopped while its request waits in the queue: the request is
 * withdrawn, its service never sees it. */
static void test_dead_client_request_is_withdrawn(void **state)
{
    psa_handle_t h;

    (void)state;
    iw_wake(FXI_PEER);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 0, 0),
                     SPM_STATUS_PENDING);
    ipc_terminate_cleanup(PEER);
    expect_request_dropped();
    assert_null(SERVER->be.queue);
    assert_int_equal(SERVER->be.asserted, 0u); /* nothing left to get */
    assert_int_equal(PEER->be_small.sl_orphan, 0);
    /* A signal stays raised for another request queued with it. */
    iw_boot();
    iw_wake(FXI_PEER);
    iw_wake(FXI_CLIENT);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 3, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(iw_call(CLIENT, FXI_SL_B_HANDLE, 4, 0, 0),
                     SPM_STATUS_PENDING);
    ipc_terminate_cleanup(PEER);
    expect_request_dropped();
    assert_ptr_equal(SERVER->be.queue, NS_REQ);
    assert_ptr_equal(NS_REQ->be.next, REQ(FXI_CLIENT));
    assert_int_equal(SERVER->be.asserted, FXI_SIG(1) | FXI_SIG(2));
    assert_int_equal(iw_get(FXI_SERVER, FXI_SIG(1))->type, 3);
    /* On a connection: its slot is freed. */
    iw_boot();
    iw_wake(FXI_PEER);
    h = iw_open(PEER, FXI_CONN);
    assert_int_equal(iw_call(PEER, h, 2, 0, 0), SPM_STATUS_PENDING);
    ipc_terminate_cleanup(PEER);
    expect_request_dropped();
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(spm_conns[0].gen, 2);
    assert_int_equal(SERVER->be.asserted, 0u);
    /* And a connect. */
    iw_boot();
    iw_wake(FXI_PEER);
    iw_run_as(PEER);
    assert_int_equal(spm_connect(PEER, REQ(FXI_PEER), FXI_CONN_SID, 1),
                     SPM_STATUS_PENDING);
    ipc_terminate_cleanup(PEER);
    expect_request_dropped();
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(fake_platform_stops(), 0);
}

/* A client stopped once its service took the request: an orphan. The
 * service reads nothing, what it writes goes nowhere, its reply ends it. */
static void test_dead_client_request_taken_is_an_orphan(void **state)
{
    const psa_msg_t *m;
    psa_handle_t mh;

    (void)state;
    iw_wake(FXI_PEER);
    world_in(&s_mem, 0, "abc", 3);
    world_out(&s_mem, 0, 8);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 1, 1),
                     SPM_STATUS_PENDING);
    m = iw_get(FXI_SERVER, FXI_SIG(1));
    mh = m->handle;
    assert_int_equal(m->client_id, FXI_PEER_PID);
    ipc_terminate_cleanup(PEER);
    expect_request_dropped();
    assert_int_equal(PEER->be_small.sl_orphan, 1 + FXI_SL_A);
    iw_run_as(SERVER);
    assert_int_equal(psa_read(mh, 0, svc_buf, 3), 0);
    assert_int_equal(psa_skip(mh, 0, 3), 0);
    psa_write(mh, 0, svc_buf, 8);
    assert_int_equal(s_mem.out[0].len, 8); /* the dead client's, untouched */
    psa_reply(mh, 5);
    assert_int_equal(PEER->be_small.sl_orphan, 0);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_DEAD);
    /* Its handle is stale now. */
    expect_iw_panic(FXI_SERVER, psa_reply(mh, 5));
    assert_int_equal(fake_platform_stops(), 1);
}

static void test_orphan_checks(void **state)
{
    psa_handle_t mh;

    (void)state;
    iw_wake(FXI_PEER);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 0, 0),
                     SPM_STATUS_PENDING);
    mh = iw_get(FXI_SERVER, FXI_SIG(1))->handle;
    ipc_terminate_cleanup(PEER);
    /* Only its service may use the handle, and a valid vector index. */
    iw_wake(FXI_CLIENT);
    iw_run_as(CLIENT);
    expect_iw_panic(FXI_CLIENT, psa_reply(mh, 0));
    iw_boot();
    iw_wake(FXI_PEER);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 0, 0),
                     SPM_STATUS_PENDING);
    mh = iw_get(FXI_SERVER, FXI_SIG(1))->handle;
    ipc_terminate_cleanup(PEER);
    iw_wake(FXI_CLIENT);
    iw_run_as(CLIENT);
    expect_iw_panic(FXI_CLIENT, psa_read(mh, 0, svc_buf, 1));
    iw_run_as(SERVER);
    expect_iw_panic(FXI_SERVER, psa_read(mh, PSA_MAX_IOVEC, svc_buf, 1));
    iw_boot();
    iw_wake(FXI_PEER);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 0, 0),
                     SPM_STATUS_PENDING);
    mh = iw_get(FXI_SERVER, FXI_SIG(1))->handle;
    ipc_terminate_cleanup(PEER);
    iw_run_as(SERVER);
    expect_iw_panic(FXI_SERVER, psa_write(mh, PSA_MAX_IOVEC, svc_buf, 1));
    iw_run_as(SERVER);
    expect_iw_panic(FXI_SERVER, psa_skip(mh, PSA_MAX_IOVEC, 1));
    iw_run_as(SERVER);
    expect_iw_panic(FXI_SERVER, psa_reply(mh + 0x100, 0));
}

static void test_orphans_on_a_connection(void **state)
{
    psa_handle_t h;

    (void)state;
    iw_wake(FXI_PEER);
    h = iw_open(PEER, FXI_CONN); /* slot 0 */
    assert_int_equal(iw_call(PEER, h, 2, 0, 0), SPM_STATUS_PENDING);
    assert_int_equal(iw_get(FXI_SERVER, FXI_SIG(0))->handle, h);
    ipc_terminate_cleanup(PEER);
    expect_request_dropped();
    assert_int_equal(spm_conns[0].state, SPM_CONN_ORPHAN);
    iw_run_as(SERVER);
    psa_set_rhandle(h, svc_buf);
    psa_reply(h, 5);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(spm_conns[0].gen, 2);
    /* A connect: only the statuses of a connect may answer it. */
    iw_boot();
    iw_wake(FXI_PEER);
    iw_run_as(PEER);
    assert_int_equal(spm_connect(PEER, REQ(FXI_PEER), FXI_CONN_SID, 1),
                     SPM_STATUS_PENDING);
    h = iw_get(FXI_SERVER, FXI_SIG(0))->handle;
    ipc_terminate_cleanup(PEER);
    expect_request_dropped();
    assert_int_equal(spm_conns[0].state, SPM_CONN_ORPHAN_CONNECT);
    iw_run_as(SERVER);
    psa_reply(h, PSA_ERROR_CONNECTION_REFUSED);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    iw_boot();
    iw_wake(FXI_PEER);
    iw_run_as(PEER);
    assert_int_equal(spm_connect(PEER, REQ(FXI_PEER), FXI_CONN_SID, 1),
                     SPM_STATUS_PENDING);
    h = iw_get(FXI_SERVER, FXI_SIG(0))->handle;
    ipc_terminate_cleanup(PEER);
    iw_run_as(SERVER);
    expect_iw_panic(FXI_SERVER, psa_reply(h, 5));
    assert_int_equal(spm_conns[0].state, SPM_CONN_ORPHAN_CONNECT);
}

/* A service stopped with orphans it took: nobody will reply to them. */
static void test_orphans_end_with_their_service(void **state)
{
    psa_handle_t h;

    (void)state;
    iw_wake(FXI_PEER);
    h = iw_open(PEER, FXI_CONN); /* slot 0 */
    iw_wake(FXI_CLIENT);
    assert_int_equal(iw_call(CLIENT, FXI_SL_A_HANDLE, 1, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(iw_call(PEER, h, 2, 0, 0), SPM_STATUS_PENDING);
    (void)iw_get(FXI_SERVER, FXI_SIG(1));
    (void)iw_get(FXI_SERVER, FXI_SIG(0));
    ipc_terminate_cleanup(CLIENT);
    ipc_terminate_cleanup(PEER);
    assert_int_equal(CLIENT->be_small.sl_orphan, 1 + FXI_SL_A);
    assert_int_equal(spm_conns[0].state, SPM_CONN_ORPHAN);
    iw_run_as(SERVER);
    ipc_terminate_cleanup(SERVER);
    assert_int_equal(CLIENT->be_small.sl_orphan, 0);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(fake_platform_stops(), 0);
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
    expect_replied(NS_REQ, PSA_ERROR_SERVICE_FAILURE);
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
    expect_fatal("spm/backend/ipc/backend_ipc.c:", backend_terminate(PEER));
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
    assert_int_equal(spm_connect(CLIENT, unit_req(CLIENT), FXI_SFN_CONN_SID, 1),
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
    expect_replied(NS_REQ, 12);
    expect_replied(REQ(FXI_CLIENT), PSA_SUCCESS);
    assert_ptr_equal(REQ(FXI_CLIENT)->conn, &spm_conns[0]);
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
    expect_replied(NS_REQ, PSA_ERROR_SERVICE_FAILURE);
    expect_replied(REQ(FXI_CLIENT), PSA_ERROR_CONNECTION_REFUSED);
    assert_ptr_equal(REQ(FXI_CLIENT)->conn, &spm_conns[0]);
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
        BOOTED(test_dead_client_request_is_withdrawn),
        BOOTED(test_dead_client_request_taken_is_an_orphan),
        BOOTED(test_orphan_checks),
        BOOTED(test_orphans_on_a_connection),
        BOOTED(test_orphans_end_with_their_service),
        BOOTED(test_terminate_running_partition_never_resumes),
        BOOTED(test_terminate_other_partition_is_an_invariant),
        LOADED(test_sfn_thread_initialises_then_serves),
        LOADED(test_sfn_thread_of_a_failed_init),
        LOADED(test_sfn_bad_connect_reply_stops_the_partition),
    };

    return cmocka_run_group_tests_name("ipc_terminate", tests, NULL, NULL);
}
