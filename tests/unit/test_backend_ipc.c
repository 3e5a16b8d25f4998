/*
 * spm/backend/ipc/backend_ipc.c: initialisation (the signals each partition may
 * wait for, states, threads), the system run, messaging (the owner's queue, its
 * signal, the blocked client; partitions that do not serve), the two-phase
 * completion of a request, and ipc_cross().
 */
#include "unit_req.h"
#include "ipc_world.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/client_api.h"
#include "spm/handle.h"

#define NS_REQ   (unit_req(IW_NS))
#define REQ(p)   (unit_req(iw_part(p)))
#define SERVER   (iw_part(FXI_SERVER))
#define CLIENT   (iw_part(FXI_CLIENT))
#define PEER     (iw_part(FXI_PEER))
#define SIG_CONN (0x10u)
#define SIG_SL_A (0x20u)
#define SIG_SL_B (0x40u)

static void test_init_allowed_signals(void **state)
{
    (void)state;
    /* Service i has 1 << (4 + i); every partition may wait for its doorbell. */
    assert_int_equal(SERVER->be.allowed, 0x78u);
    assert_int_equal(iw_part(FXI_SFN)->be.allowed, 0x38u);
    assert_int_equal(CLIENT->be.allowed, 0x18u);
    assert_int_equal(PEER->be.allowed, 0x18u);
    assert_int_equal(IW_NS->be.allowed, 0u);
}

static void test_init_states_and_threads(void **state)
{
    static void (*const entries[FXI_NUM_PARTS])(void) = {
        fxi_server_main, ipc_sfn_thread_main, fxi_client_main, fxi_peer_main
    };
    static const size_t sizes[FXI_NUM_PARTS] = { 1024, 512, 2048, 256 };
    static const uint8_t ranks[FXI_NUM_PARTS] = { 1, 3, 0, 2 };

    (void)state;
    /* IPC-model partitions serve from the start; an SFN-model one once its
     * thread ran entry_init. */
    assert_int_equal(SERVER->state, SPM_PART_READY);
    assert_int_equal(iw_part(FXI_SFN)->state, SPM_PART_UNINIT);
    assert_int_equal(CLIENT->state, SPM_PART_READY);
    assert_int_equal(PEER->state, SPM_PART_READY);
    assert_int_equal(fake_thread_inits(), FXI_NUM_PARTS);
    for (unsigned p = 0; p < FXI_NUM_PARTS; p++) {
        const struct sched_thread *t = iw_thread(p);

        assert_ptr_equal(t->ctx.entry, entries[p]);
        assert_ptr_equal(t->ctx.stack, warden_partitions[p].stack);
        assert_int_equal(t->ctx.size, sizes[p]);
        assert_int_equal(t->rank, ranks[p]);
        assert_int_equal(t->state, SCHED_READY);
        assert_int_equal(iw_part(p)->be.asserted, 0u);
        assert_null(iw_part(p)->be.queue);
    }
    /* The boot context is the NS agent's thread, the least urgent. */
    assert_int_equal(iw_ns_thread()->rank, 4);
    assert_ptr_equal(sched_current(), iw_ns_thread());
    assert_ptr_equal(backend_current(), IW_NS);
    assert_int_equal(fake_yields(), 0);
}

static void test_system_run_starts_partitions_first(void **state)
{
    (void)state;
    fake_threads_player(iw_play_sfn);
    fake_arch_arm_launch();
    if (setjmp(fake_arch_launch_jmp) == 0) {
        backend_system_run();
    }
    assert_int_equal(fake_arch_launches(), 1);
    /* Each partition ran, in run order, until it waited; then NS. */
    assert_int_equal(fake_yields(), 5);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_CLIENT));
    assert_ptr_equal(fake_pick(1), iw_thread(FXI_SERVER));
    assert_ptr_equal(fake_pick(2), iw_thread(FXI_PEER));
    assert_ptr_equal(fake_pick(3), iw_thread(FXI_SFN));
    assert_ptr_equal(fake_pick(4), iw_ns_thread());
    for (unsigned p = 0; p < FXI_NUM_PARTS; p++) {
        assert_int_equal(iw_thread(p)->state, SCHED_BLOCKED);
    }
    /* The SFN partition's thread initialised it and waits for its
     * services' signals only. */
    assert_int_equal(fxi.ninit, 1);
    assert_int_equal(iw_part(FXI_SFN)->state, SPM_PART_READY);
    assert_int_equal(iw_part(FXI_SFN)->be.wait_mask, 0x30u);
    assert_string_equal(fake_console(), "[Warden] partitions started\r\n");
    assert_ptr_equal(backend_current(), IW_NS);
}

static void test_messaging_queues_raises_and_blocks(void **state)
{
    (void)state;
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 3, 0, 0),
                     SPM_STATUS_PENDING);
    assert_ptr_equal(SERVER->be.queue, NS_REQ);
    assert_null(NS_REQ->be.next);
    assert_ptr_equal(IW_NS->sl_req, NS_REQ); /* its message handle is valid */
    assert_int_equal(SERVER->be.asserted, SIG_SL_A);
    /* The client waits for the reply... */
    assert_ptr_equal(IW_NS->be.pending, NS_REQ);
    assert_int_equal(iw_ns_thread()->state, SCHED_BLOCKED);
    /* ... and the server, which waited for any of its signals, is woken. */
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_READY);
    assert_int_equal(fake_yields(), 0);
}

static void test_messaging_wakes_only_an_owner_waiting_for_it(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    FAKE_UNTIL_PARKED(psa_wait(SIG_SL_B, PSA_BLOCK));
    assert_ptr_equal(fake_parked(), iw_thread(FXI_SERVER));
    assert_int_equal(SERVER->be.wait_mask, SIG_SL_B);
    /* A signal it does not wait for is raised, and it sleeps on. */
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(SERVER->be.asserted, SIG_SL_A);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
    /* The one it waits for wakes it. */
    iw_wake(FXI_PEER);
    assert_int_equal(iw_call(PEER, FXI_SL_B_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(SERVER->be.asserted, SIG_SL_A | SIG_SL_B);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_READY);
}

/* The wake records what the psa_wait() returns: the signals of its mask
 * raised by then. One raised later stays raised for the next psa_wait(). */
static void test_wake_records_the_wait_result(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    FAKE_UNTIL_PARKED(psa_wait(SIG_SL_A | SIG_SL_B, PSA_BLOCK));
    ipc_assert_signal(SERVER, PSA_DOORBELL); /* not in its mask */
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
    ipc_assert_signal(SERVER, SIG_SL_B);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_READY);
    assert_int_equal(SERVER->be.wait_mask, 0u);
    assert_int_equal(SERVER->be.woken, SIG_SL_B);
    ipc_assert_signal(SERVER, SIG_SL_A);
    assert_int_equal(SERVER->be.woken, SIG_SL_B);
    assert_int_equal(SERVER->be.asserted, PSA_DOORBELL | SIG_SL_A | SIG_SL_B);
    iw_run_as(SERVER);
    assert_int_equal(ipc_wait_result(), SIG_SL_B);
    assert_int_equal(psa_wait(SIG_SL_A | SIG_SL_B, PSA_BLOCK),
                     SIG_SL_A | SIG_SL_B);
}

static void test_queue_is_fifo_per_signal(void **state)
{
    const psa_msg_t *m;

    (void)state;
    iw_wake(FXI_CLIENT);
    iw_wake(FXI_PEER);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 1, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(iw_call(CLIENT, FXI_SL_B_HANDLE, 2, 0, 0),
                     SPM_STATUS_PENDING);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 3, 0, 0),
                     SPM_STATUS_PENDING);
    assert_ptr_equal(SERVER->be.queue, NS_REQ);
    assert_ptr_equal(NS_REQ->be.next, REQ(FXI_CLIENT));
    assert_ptr_equal(REQ(FXI_CLIENT)->be.next, REQ(FXI_PEER));
    assert_null(REQ(FXI_PEER)->be.next);
    assert_int_equal(SERVER->be.asserted, SIG_SL_A | SIG_SL_B);
    /* The oldest message of that signal, wherever it is queued... */
    m = iw_get(FXI_SERVER, SIG_SL_B);
    assert_int_equal(m->type, 2);
    assert_int_equal(m->client_id, FXI_CLIENT_PID);
    assert_int_equal(SERVER->be.asserted, SIG_SL_A);
    assert_ptr_equal(NS_REQ->be.next, REQ(FXI_PEER));
    /* ... and a signal stays raised while a message for it is left. */
    m = iw_get(FXI_SERVER, SIG_SL_A);
    assert_int_equal(m->type, 1);
    assert_int_equal(m->client_id, NS_CLIENT_ID);
    assert_int_equal(SERVER->be.asserted, SIG_SL_A);
    m = iw_get(FXI_SERVER, SIG_SL_A);
    assert_int_equal(m->type, 3);
    assert_int_equal(m->client_id, FXI_PEER_PID);
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_null(SERVER->be.queue);
}

/* Every kind of request to a partition that does not serve is answered at
 * once: nothing queued, no signal, the client not blocked. @p h is the
 * client's connection, opened while the partition served. */
static void expect_not_served(struct spm_partition *client, psa_handle_t h)
{
    struct spm_conn *conn = spm_conn_from_handle(h);
    struct spm_conn *spare = spm_conn_alloc(); /* what a connect takes */
    uint32_t gen = spare->gen;

    iw_run_as(client);
    assert_int_equal(spm_connect(client, unit_req(client), FXI_CONN_SID, 1),
                     PSA_ERROR_CONNECTION_REFUSED);
    assert_int_equal(spare->state, SPM_CONN_FREE);
    assert_int_equal(spare->gen, gen + 1u);
    assert_int_equal(iw_call(client, FXI_SL_A_HANDLE, 0, 0, 0),
                     PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(iw_call(client, h, 7, 0, 0), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(conn->state, SPM_CONN_IDLE);
    assert_int_equal(spm_close(client, unit_req(client), h), PSA_SUCCESS);
    assert_int_equal(conn->state, SPM_CONN_FREE);
    assert_null(client->be.pending);
    assert_int_equal(sched_thread_of(client)->state, SCHED_READY);
    assert_null(SERVER->be.queue);
    assert_int_equal(SERVER->be.asserted, 0u);
}

static void test_messaging_to_a_partition_that_does_not_serve(void **state)
{
    static const uint8_t stopped[] = { SPM_PART_FAILED, SPM_PART_TERMINATED };

    (void)state;
    for (unsigned i = 0; i < sizeof(stopped); i++) {
        psa_handle_t ns_h;
        psa_handle_t peer_h;

        iw_boot();
        ns_h = iw_open(IW_NS, FXI_CONN);
        iw_wake(FXI_PEER);
        peer_h = iw_open(PEER, FXI_CONN);
        SERVER->state = stopped[i];
        fake_threads_clear_counts();
        expect_not_served(IW_NS, ns_h);
        /* A secure client is told too, not stopped. */
        expect_not_served(PEER, peer_h);
        assert_int_equal(fake_yields(), 0);
        assert_int_equal(fake_platform_stops(), 0);
    }
}

static void test_reply_completes_a_stateless_call(void **state)
{
    const psa_msg_t *m;
    uint32_t last = IW_NS->sl_handle;

    (void)state;
    world_in(&ns_mem, 0, "ping", 4);
    world_out(&ns_mem, 0, 8);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 5, 1, 1),
                     SPM_STATUS_PENDING);
    m = iw_get(FXI_SERVER, SIG_SL_A);
    memcpy(svc_buf, "pong!", 5);
    psa_write(m->handle, 0, svc_buf, 5);
    assert_int_equal(m->handle, (psa_handle_t)(last + 0x100u));
    assert_int_equal(IW_NS->sl_handle, last + 0x100u);
    psa_reply(m->handle, 7);
    /* The reply is recorded and the client woken; nothing completed yet.
     * The message handle is stale from now on. */
    assert_null(IW_NS->sl_req);
    assert_ptr_equal(IW_NS->be.pending, NS_REQ);
    assert_int_equal(NS_REQ->be.reply, 7);
    assert_int_equal(iw_ns_thread()->state, SCHED_READY);
    assert_int_equal(ns_mem.out[0].len, 8);
    assert_int_equal(fake_yields(), 0); /* NS is less urgent */
    /* The client completes the call in its own thread... */
    assert_int_equal(iw_finish(IW_NS), 7);
    assert_int_equal(ns_mem.out[0].len, 5);
    assert_memory_equal(ns_mem.out_buf[0], "pong!", 5);
    assert_null(IW_NS->sl_req);
    assert_null(IW_NS->be.pending);
    /* ... once the server, more urgent, went back to waiting. */
    assert_int_equal(fake_yields(), 2);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_SERVER));
    assert_ptr_equal(fake_pick(1), iw_ns_thread());
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
    assert_int_equal(SERVER->be.wait_mask, 0x78u);
}

static void test_reply_completes_connection_messages(void **state)
{
    struct spm_conn *c = &spm_conns[0];
    const psa_msg_t *m;
    psa_handle_t h;

    (void)state;
    h = iw_open(IW_NS, FXI_CONN);
    assert_int_equal(h, 0x101);
    assert_int_equal(c->state, SPM_CONN_IDLE);
    assert_int_equal(iw_call(IW_NS, h, 9, 0, 0), SPM_STATUS_PENDING);
    m = iw_get(FXI_SERVER, SIG_CONN);
    assert_int_equal(m->type, 9);
    assert_int_equal(m->handle, h);
    assert_int_equal(c->state, SPM_CONN_ACTIVE);
    assert_ptr_equal(c->req, NS_REQ);
    psa_reply(h, 4);
    assert_int_equal(c->state, SPM_CONN_REPLIED);
    assert_int_equal(iw_finish(IW_NS), 4);
    assert_int_equal(c->state, SPM_CONN_IDLE); /* stays open */
    assert_null(c->req);
    assert_int_equal(c->gen, 1);
    iw_run_as(IW_NS);
    assert_int_equal(spm_close(IW_NS, unit_req(IW_NS), h), SPM_STATUS_PENDING);
    m = iw_get(FXI_SERVER, SIG_CONN);
    assert_int_equal(m->type, PSA_IPC_DISCONNECT);
    assert_int_equal(m->handle, h);
    psa_reply(h, PSA_ERROR_GENERIC_ERROR); /* not the client's business */
    assert_int_equal(iw_finish(IW_NS), PSA_SUCCESS);
    assert_int_equal(c->state, SPM_CONN_FREE);
    assert_int_equal(c->gen, 2);
}

static void test_client_blamed_by_its_service(void **state)
{
    (void)state;
    /* NS is told... */
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    iw_serve(FXI_SERVER, SIG_SL_A, PSA_ERROR_PROGRAMMER_ERROR);
    assert_int_equal(iw_finish(IW_NS), PSA_ERROR_PROGRAMMER_ERROR);
    /* ... a secure client is stopped as it completes the call. */
    iw_wake(FXI_CLIENT);
    assert_int_equal(iw_call(CLIENT, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    fake_threads_clear_counts();
    iw_serve(FXI_SERVER, SIG_SL_A, PSA_ERROR_PROGRAMMER_ERROR);
    /* The reply made the more urgent client ready: the server gave way. */
    assert_int_equal(fake_yields(), 1);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_CLIENT));
    expect_iw_panic(FXI_CLIENT, iw_finish(CLIENT));
    assert_null(CLIENT->sl_req);
    assert_null(CLIENT->be.pending);
}

static void test_client_resolve_passes_other_statuses(void **state)
{
    static const psa_status_t statuses[] = { PSA_SUCCESS, 0x101, 17,
                                             PSA_ERROR_CONNECTION_BUSY,
                                             PSA_ERROR_PROGRAMMER_ERROR };

    (void)state;
    for (unsigned i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
        assert_int_equal(backend_client_resolve(IW_NS, statuses[i]),
                         statuses[i]);
    }
    assert_int_equal(fake_yields(), 0);
    assert_int_equal(fake_spm_calls(), 0);
}

static void test_replied_needs_a_reply(void **state)
{
    psa_status_t status = 1;

    (void)state;
    expect_fatal("spm/backend/ipc/backend_ipc.c:",
                 backend_replied(IW_NS, &status));
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    expect_fatal("spm/backend/ipc/backend_ipc.c:",
                 backend_replied(IW_NS, &status));
    assert_ptr_equal(IW_NS->be.pending, NS_REQ);
    assert_int_equal(status, 1);
}

static uint32_t locked_body(void *arg)
{
    /* The scheduler is locked: a switch asked for now is put off. */
    assert_ptr_equal(sched_switch(sched_current()), sched_current());
    return *(const uint32_t *)arg + 1u;
}

static void test_cross_runs_spm_code_locked(void **state)
{
    const uint32_t v = 41;

    (void)state;
    iw_run_as(CLIENT);
    assert_int_equal(ipc_cross(locked_body, (void *)&v), 42u);
    assert_int_equal(fake_spm_calls(), 1);
    /* The switch put off changed nothing that makes one due: the client
     * goes on without one. */
    assert_int_equal(fake_yields(), 0);
    assert_ptr_equal(sched_current(), iw_thread(FXI_CLIENT));
}

static uint32_t wake_client(void *arg)
{
    (void)arg;
    sched_ready(iw_thread(FXI_CLIENT));
    return 5;
}

static uint32_t nothing(void *arg)
{
    (void)arg;
    return 6;
}

static void test_cross_gives_way_to_a_more_urgent_thread(void **state)
{
    (void)state;
    assert_int_equal(ipc_cross(nothing, NULL), 6);
    assert_int_equal(fake_yields(), 0);
    assert_int_equal(ipc_cross(wake_client, NULL), 5);
    /* The client ran until it waited again, then NS went on. */
    assert_int_equal(fake_yields(), 2);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_CLIENT));
    assert_ptr_equal(fake_pick(1), iw_ns_thread());
    assert_int_equal(iw_thread(FXI_CLIENT)->state, SCHED_BLOCKED);
    assert_ptr_equal(backend_current(), IW_NS);
    assert_int_equal(fake_spm_calls(), 3); /* 2 here, 1 the client's wait */
}

#define LOADED(fn) cmocka_unit_test_setup(fn, iw_setup)
#define BOOTED(fn) cmocka_unit_test_setup(fn, iw_setup_booted)

int main(void)
{
    const struct CMUnitTest tests[] = {
        LOADED(test_init_allowed_signals),
        LOADED(test_init_states_and_threads),
        LOADED(test_system_run_starts_partitions_first),
        BOOTED(test_messaging_queues_raises_and_blocks),
        BOOTED(test_messaging_wakes_only_an_owner_waiting_for_it),
        BOOTED(test_wake_records_the_wait_result),
        BOOTED(test_queue_is_fifo_per_signal),
        BOOTED(test_messaging_to_a_partition_that_does_not_serve),
        BOOTED(test_reply_completes_a_stateless_call),
        BOOTED(test_reply_completes_connection_messages),
        BOOTED(test_client_blamed_by_its_service),
        BOOTED(test_client_resolve_passes_other_statuses),
        BOOTED(test_replied_needs_a_reply),
        LOADED(test_cross_runs_spm_code_locked),
        BOOTED(test_cross_gives_way_to_a_more_urgent_thread),
    };

    return cmocka_run_group_tests_name("backend_ipc", tests, NULL, NULL);
}
