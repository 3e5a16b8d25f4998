/*
 * spm/backend/ipc/service_ipc.c through the cross-call interface
 * (psa_interface_ipc.c): psa_wait (POLL, BLOCK, the signals a partition may
 * wait for), psa_get, psa_reply, psa_notify and psa_clear, and every misuse of
 * them that stops the calling partition.
 */
#include <stdio.h>

#include "unit_req.h"
#include "ipc_world.h"
#include "psa/client.h"
#include "spm/backend.h"
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

static psa_msg_t ro_msg; /* registered secure read-only */

/* NS calls SL_A (type 0); then the server, out of its wait, runs. */
static void server_with_a_call(void)
{
    iw_wake(FXI_SERVER);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    iw_run_as(SERVER);
}

static void test_wait_poll(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    assert_int_equal(psa_wait(PSA_WAIT_ANY, PSA_POLL), 0u);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    iw_run_as(SERVER);
    assert_int_equal(psa_wait(SIG_SL_B, PSA_POLL), 0u);
    assert_int_equal(psa_wait(SIG_SL_A | SIG_SL_B, PSA_POLL), SIG_SL_A);
    assert_int_equal(psa_wait(PSA_WAIT_ANY, PSA_POLL), SIG_SL_A);
    psa_notify(FXI_SERVER_PID);
    assert_int_equal(psa_wait(PSA_WAIT_ANY, PSA_POLL), 0x28u);
    assert_int_equal(psa_wait(PSA_DOORBELL, PSA_POLL), PSA_DOORBELL);
    /* Polling neither blocks nor consumes a signal. */
    assert_int_equal(SERVER->be.asserted, 0x28u);
    assert_int_equal(SERVER->be.wait_mask, 0u);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_READY);
    assert_int_equal(fake_yields(), 0);
}

static void test_wait_block_returns_at_once_when_raised(void **state)
{
    (void)state;
    server_with_a_call();
    assert_int_equal(psa_wait(PSA_WAIT_ANY, PSA_BLOCK), SIG_SL_A);
    assert_int_equal(SERVER->be.wait_mask, 0u);
    assert_int_equal(fake_yields(), 0);
    assert_int_equal(fake_spm_calls(), 1);
}

/* Plays NS: it calls SL_B. */
static void ns_calls_sl_b(struct sched_thread *t)
{
    if (t == iw_ns_thread()) {
        assert_int_equal(spm_call(IW_NS, unit_req(IW_NS), FXI_SL_B_HANDLE, 0,
                                  uptr(ns_mem.in), 0, uptr(ns_mem.out), 0),
                         SPM_STATUS_PENDING);
    }
}

static void test_wait_block_sleeps_until_raised(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    fake_threads_player(ns_calls_sl_b);
    assert_int_equal(psa_wait(SIG_SL_B, PSA_BLOCK), SIG_SL_B);
    /* It slept (one give-way, in ipc_cross()), NS ran and raised the
     * signal, the server ran again: no second wait, and no second SPM
     * call (the wake recorded what psa_wait() returns). */
    assert_int_equal(fake_yields(), 1);
    assert_ptr_equal(fake_pick(0), iw_ns_thread());
    assert_int_equal(SERVER->be.wait_mask, 0u);
    assert_int_equal(SERVER->be.asserted, SIG_SL_B);
    assert_int_equal(fake_spm_calls(), 1);
}

static void test_wait_block_without_signal_sleeps(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    FAKE_UNTIL_PARKED(psa_wait(SIG_SL_A | PSA_DOORBELL, PSA_BLOCK));
    assert_ptr_equal(fake_parked(), iw_thread(FXI_SERVER));
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
    assert_int_equal(SERVER->be.wait_mask, 0x28u);
    assert_int_equal(fake_yields(), 1);
    assert_ptr_equal(fake_pick(0), iw_ns_thread());
}

static void test_wait_outside_its_signals_panics(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    expect_iw_stop(FXI_SERVER,
                   "psa_wait: no signal of the partition in 0x00000000",
                   psa_wait(0u, PSA_POLL));
    expect_iw_panic(FXI_SERVER, psa_wait(0x7u, PSA_BLOCK)); /* reserved */
    expect_iw_panic(FXI_SERVER, psa_wait(0xFFFFFF80u, PSA_BLOCK));
    iw_wake(FXI_PEER);
    iw_run_as(PEER);
    /* the server's */
    expect_iw_stop(FXI_PEER,
                   "psa_wait: no signal of the partition in 0x00000020",
                   psa_wait(SIG_SL_A, PSA_POLL));
    /* One signal of its own in the mask is enough. */
    assert_int_equal(psa_wait(SIG_SL_A | PSA_DOORBELL, PSA_POLL), 0u);
    assert_int_equal(fake_platform_stops(), 4);
    assert_int_equal(PEER->be.wait_mask, 0u);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_READY);
}

static void test_get_copies_the_message(void **state)
{
    const psa_msg_t *m;

    (void)state;
    world_in(&ns_mem, 0, "abc", 3);
    world_in(&ns_mem, 1, "defgh", 5);
    world_out(&ns_mem, 0, 16);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 77, 2, 1),
                     SPM_STATUS_PENDING);
    m = iw_get(FXI_SERVER, SIG_SL_A);
    assert_int_equal(m->type, 77);
    assert_int_equal(m->handle, 0x105); /* NS's slot, generation 1 */
    assert_int_equal(m->client_id, NS_CLIENT_ID);
    assert_null(m->rhandle);
    assert_int_equal(m->in_size[0], 3);
    assert_int_equal(m->in_size[1], 5);
    assert_int_equal(m->in_size[2], 0);
    assert_int_equal(m->in_size[3], 0);
    assert_int_equal(m->out_size[0], 16);
    assert_int_equal(m->out_size[1], 0);
    assert_null(SERVER->be.queue);
    assert_int_equal(SERVER->be.asserted, 0u);
}

static void test_get_delivers_the_rhandle(void **state)
{
    static int cookie;
    const psa_msg_t *m;
    psa_handle_t h;

    (void)state;
    iw_run_as(IW_NS);
    assert_int_equal(spm_connect(IW_NS, unit_req(IW_NS), FXI_CONN_SID, 1),
                     SPM_STATUS_PENDING);
    m = iw_get(FXI_SERVER, SIG_CONN);
    assert_int_equal(m->type, PSA_IPC_CONNECT);
    assert_null(m->rhandle);
    psa_set_rhandle(m->handle, &cookie);
    psa_reply(m->handle, PSA_SUCCESS);
    h = iw_finish(IW_NS);
    assert_int_equal(iw_call(IW_NS, h, 1, 0, 0), SPM_STATUS_PENDING);
    m = iw_get(FXI_SERVER, SIG_CONN);
    assert_int_equal(m->type, 1);
    assert_int_equal(m->handle, h);
    assert_ptr_equal(m->rhandle, &cookie);
}

static void test_get_misuse_panics(void **state)
{
    char why[96];

    (void)state;
    FAKE_REGION(false, ro_msg, ARCH_ACCESS_READ);
    server_with_a_call();
    iw_wake(FXI_PEER);
    assert_int_equal(iw_call(PEER, FXI_SL_B_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    iw_run_as(SERVER);
    /* Exactly one signal, raised. */
    expect_iw_stop(FXI_SERVER, "psa_get: 0x00000000 is not one signal",
                   psa_get(0u, &iw_msg));
    expect_iw_panic(FXI_SERVER, psa_get(SIG_SL_A | SIG_SL_B, &iw_msg));
    expect_iw_stop(FXI_SERVER, "psa_get: signal 0x00000010 is not asserted",
                   psa_get(SIG_CONN, &iw_msg));
    expect_iw_panic(FXI_SERVER, psa_get(PSA_DOORBELL, &iw_msg));
    /* A psa_msg_t it may write. */
    (void)snprintf(why, sizeof(why),
                   "psa_get: the partition may not write 0x00000000 (%u bytes)",
                   (unsigned int)sizeof(psa_msg_t));
    expect_iw_stop(FXI_SERVER, why, psa_get(SIG_SL_A, NULL));
    expect_iw_panic(FXI_SERVER, psa_get(SIG_SL_A, (psa_msg_t *)nowhere));
    expect_iw_panic(FXI_SERVER, psa_get(SIG_SL_A, &ro_msg));
    expect_iw_panic(FXI_SERVER, psa_get(SIG_SL_A, (psa_msg_t *)&ns_mem));
    assert_int_equal(fake_platform_stops(), 8);
    /* Nothing was taken. */
    assert_ptr_equal(SERVER->be.queue, NS_REQ);
    assert_ptr_equal(NS_REQ->be.next, REQ(FXI_PEER));
    assert_int_equal(SERVER->be.asserted, SIG_SL_A | SIG_SL_B);
    assert_int_equal(psa_get(SIG_SL_A, &iw_msg), PSA_SUCCESS);
    assert_int_equal(iw_msg.client_id, NS_CLIENT_ID);
}

/* A psa_msg_t in the partition's own stack needs no region of the memory
 * check (the fixture's stacks have none): at its bottom and at its top.
 * One that sticks out of it gets the general check, which refuses it. */
static void test_get_into_its_own_stack(void **state)
{
    const struct warden_partition_info *info = SERVER->info;
    psa_msg_t *bottom = (psa_msg_t *)(void *)info->stack;
    psa_msg_t *top = (psa_msg_t *)(void *)(info->stack + info->stack_size -
                                           sizeof(psa_msg_t));
    psa_msg_t *out = (psa_msg_t *)(void *)(info->stack + info->stack_size -
                                           sizeof(psa_msg_t) + 4u);
    psa_msg_t *below = (psa_msg_t *)(void *)(info->stack - 4u);

    (void)state;
    server_with_a_call();
    expect_iw_panic(FXI_SERVER, psa_get(SIG_SL_A, out));
    expect_iw_panic(FXI_SERVER, psa_get(SIG_SL_A, below));
    assert_int_equal(fake_platform_stops(), 2);
    assert_int_equal(psa_get(SIG_SL_A, top), PSA_SUCCESS);
    assert_int_equal(top->handle, 0x105);
    psa_reply(top->handle, PSA_SUCCESS);
    assert_int_equal(iw_finish(IW_NS), PSA_SUCCESS);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 9, 0, 0),
                     SPM_STATUS_PENDING);
    iw_run_as(SERVER);
    assert_int_equal(psa_get(SIG_SL_A, bottom), PSA_SUCCESS);
    assert_int_equal(bottom->type, 9);
}

static void test_get_of_the_doorbell(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    psa_notify(FXI_SERVER_PID);
    memset(&iw_msg, 0x5A, sizeof(iw_msg));
    assert_int_equal(psa_get(PSA_DOORBELL, &iw_msg), PSA_ERROR_DOES_NOT_EXIST);
    assert_int_equal(SERVER->be.asserted, PSA_DOORBELL); /* psa_clear's */
    assert_int_equal(iw_msg.type, 0x5A5A5A5A);
}

static void test_reply_wakes_the_client_with_its_status(void **state)
{
    const psa_msg_t *m;

    (void)state;
    iw_wake(FXI_CLIENT);
    assert_int_equal(iw_call(CLIENT, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    m = iw_get(FXI_SERVER, SIG_SL_A);
    fake_threads_clear_counts();
    psa_reply(m->handle, 33);
    assert_null(CLIENT->sl_req); /* replied: the handle is stale */
    assert_int_equal(REQ(FXI_CLIENT)->be.reply, 33);
    assert_int_equal(iw_thread(FXI_CLIENT)->state, SCHED_READY);
    /* The client is more urgent: the server gave way at once. */
    assert_int_equal(fake_yields(), 1);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_CLIENT));
    assert_int_equal(iw_finish(CLIENT), 33);
}

static void test_reply_to_a_connect(void **state)
{
    static const psa_status_t replies[] = { PSA_SUCCESS,
                                            PSA_ERROR_CONNECTION_REFUSED,
                                            PSA_ERROR_CONNECTION_BUSY };
    static const psa_status_t results[] = { 0x101, PSA_ERROR_CONNECTION_REFUSED,
                                            PSA_ERROR_CONNECTION_BUSY };
    static const uint8_t slot[] = { SPM_CONN_IDLE, SPM_CONN_FREE,
                                    SPM_CONN_FREE };

    (void)state;
    for (unsigned i = 0; i < 3u; i++) {
        /* NS, then a secure client: both are told, neither stopped. */
        iw_boot();
        iw_run_as(IW_NS);
        assert_int_equal(spm_connect(IW_NS, unit_req(IW_NS), FXI_CONN_SID, 1),
                         SPM_STATUS_PENDING);
        iw_serve(FXI_SERVER, SIG_CONN, replies[i]);
        assert_int_equal(iw_finish(IW_NS), results[i]);
        assert_int_equal(spm_conns[0].state, slot[i]);
        iw_wake(FXI_PEER);
        iw_run_as(PEER);
        assert_int_equal(spm_connect(PEER, unit_req(PEER), FXI_CONN_SID, 1),
                         SPM_STATUS_PENDING);
        iw_serve(FXI_SERVER, SIG_CONN, replies[i]);
        assert_int_equal(iw_finish(PEER),
                         results[i] == 0x101 ? 0x102 : results[i]);
        assert_int_equal(fake_platform_stops(), 0);
    }
}

static void test_reply_misuse_panics(void **state)
{
    static const psa_status_t bad_connect[] = { PSA_ERROR_GENERIC_ERROR,
                                                PSA_ERROR_PROGRAMMER_ERROR,
                                                PSA_ERROR_SERVICE_FAILURE, 1 };
    psa_handle_t h;

    (void)state;
    h = iw_open(IW_NS, FXI_CONN); /* 0x101 */
    assert_int_equal(iw_call(IW_NS, h, 1, 0, 0), SPM_STATUS_PENDING);
    iw_run_as(SERVER);
    expect_iw_stop(FXI_SERVER,
                   "psa_reply: 0x00000000 is not a message the partition got",
                   psa_reply(PSA_NULL_HANDLE, 0));
    expect_iw_panic(FXI_SERVER, psa_reply(h + 0x100, 0)); /* generation */
    expect_iw_panic(FXI_SERVER, psa_reply(0x1FF, 0));     /* no such slot */
    expect_iw_panic(FXI_SERVER, psa_reply(FXI_SL_A_HANDLE, 0));
    /* queued, not got */
    expect_iw_stop(FXI_SERVER,
                   "psa_reply: 0x00000101 is not a message the partition got",
                   psa_reply(h, 0));
    /* Got: only its server may reply, and once. */
    (void)iw_get(FXI_SERVER, SIG_CONN);
    iw_wake(FXI_PEER);
    iw_run_as(PEER);
    expect_iw_panic(FXI_PEER, psa_reply(h, 0));
    iw_run_as(SERVER);
    psa_reply(h, 2);
    expect_iw_panic(FXI_SERVER, psa_reply(h, 3)); /* replied */
    assert_int_equal(NS_REQ->be.reply, 2);
    assert_int_equal(iw_finish(IW_NS), 2);
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    expect_iw_panic(FXI_SERVER, psa_reply(h, 3)); /* idle */
    assert_int_equal(fake_platform_stops(), 8);
    /* A connect answered with anything but success, refused or busy. */
    iw_run_as(IW_NS);
    assert_int_equal(spm_connect(IW_NS, unit_req(IW_NS), FXI_CONN_SID, 1),
                     SPM_STATUS_PENDING);
    (void)iw_get(FXI_SERVER, SIG_CONN);
    expect_iw_stop(FXI_SERVER, "psa_reply: status 1 cannot answer a connect",
                   psa_reply(iw_msg.handle, 1));
    for (unsigned i = 0; i < 4u; i++) {
        expect_iw_panic(FXI_SERVER, psa_reply(iw_msg.handle, bad_connect[i]));
    }
    assert_int_equal(spm_conns[1].state, SPM_CONN_ACTIVE);
    assert_int_equal(iw_ns_thread()->state, SCHED_BLOCKED);
    assert_int_equal(fake_platform_stops(), 13);
}

/* A request still queued for the server (not got) cannot be read, skipped,
 * written or given an rhandle through its guessed handle: the server is
 * stopped, and nothing of the request changed. Once got, the same calls
 * work. */
static void test_queued_request_is_not_the_servers_yet(void **state)
{
    psa_handle_t h;

    (void)state;
    world_in(&ns_mem, 0, "abc", 3);
    world_out(&ns_mem, 0, 16);
    h = iw_open(IW_NS, FXI_CONN); /* 0x101 */
    assert_int_equal(iw_call(IW_NS, h, 1, 1, 1), SPM_STATUS_PENDING);
    iw_run_as(SERVER);
    expect_iw_panic(FXI_SERVER, psa_read(h, 0, svc_buf, 1));
    expect_iw_panic(FXI_SERVER, psa_skip(h, 0, 1));
    expect_iw_panic(FXI_SERVER, psa_write(h, 0, svc_buf, 1));
    expect_iw_panic(FXI_SERVER, psa_write(h, 0, svc_buf, 0));
    expect_iw_panic(FXI_SERVER, psa_set_rhandle(h, svc_buf));
    assert_int_equal(fake_platform_stops(), 5);
    assert_int_equal(NS_REQ->in_done[0], 0u);
    assert_int_equal(NS_REQ->out_done[0], 0u);
    assert_null(spm_conns[0].rhandle);
    /* Got: the server's to use. */
    iw_run_as(SERVER);
    assert_int_equal(iw_get(FXI_SERVER, SIG_CONN)->handle, h);
    assert_int_equal(psa_read(h, 0, svc_buf, 16), 3);
    assert_memory_equal(svc_buf, "abc", 3);
    psa_write(h, 0, svc_buf, 3);
    assert_int_equal(NS_REQ->out_done[0], 3u);
    psa_set_rhandle(h, svc_buf);
    assert_ptr_equal(spm_conns[0].rhandle, svc_buf);
    assert_int_equal(fake_platform_stops(), 5);
}

static void test_notify_raises_a_doorbell(void **state)
{
    (void)state;
    iw_wake(FXI_PEER);
    iw_run_as(PEER);
    psa_notify(FXI_SERVER_PID);
    assert_int_equal(SERVER->be.asserted, PSA_DOORBELL);
    /* The server waited for any signal: woken, and more urgent, it ran. */
    assert_int_equal(fake_yields(), 1);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_SERVER));
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_READY);
    /* A partition waiting for other signals sleeps on. */
    iw_run_as(SERVER);
    FAKE_UNTIL_PARKED(psa_wait(SIG_SL_A, PSA_BLOCK));
    iw_wake(FXI_PEER); /* it waited again meanwhile */
    iw_run_as(PEER);
    psa_notify(FXI_SERVER_PID);
    assert_int_equal(SERVER->be.asserted, PSA_DOORBELL);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
    /* Its own, then cleared: once. */
    psa_notify(FXI_PEER_PID);
    assert_int_equal(PEER->be.asserted, PSA_DOORBELL);
    psa_clear();
    assert_int_equal(PEER->be.asserted, 0u);
    expect_iw_stop(FXI_PEER, "psa_clear: the doorbell is not asserted",
                   psa_clear());
    assert_int_equal(fake_platform_stops(), 1);
}

static void test_notify_unknown_partition_panics(void **state)
{
    static const int32_t pids[] = { 0, -1, NS_CLIENT_ID, 204, 100 };

    (void)state;
    iw_wake(FXI_PEER);
    iw_run_as(PEER);
    for (unsigned i = 0; i < sizeof(pids) / sizeof(pids[0]); i++) {
        expect_iw_panic(FXI_PEER, psa_notify(pids[i]));
    }
    expect_iw_stop(FXI_PEER, "psa_notify: no partition -1", psa_notify(-1));
    for (unsigned p = 0; p < FXI_NUM_PARTS; p++) {
        assert_int_equal(iw_part(p)->be.asserted, 0u);
    }
}

static void test_clear_needs_a_raised_doorbell(void **state)
{
    (void)state;
    server_with_a_call();
    expect_iw_panic(FXI_SERVER, psa_clear());
    assert_int_equal(SERVER->be.asserted, SIG_SL_A);
}

#define T(fn) cmocka_unit_test_setup(fn, iw_setup_booted)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_wait_poll),
        T(test_wait_block_returns_at_once_when_raised),
        T(test_wait_block_sleeps_until_raised),
        T(test_wait_block_without_signal_sleeps),
        T(test_wait_outside_its_signals_panics),
        T(test_get_copies_the_message),
        T(test_get_delivers_the_rhandle),
        T(test_get_misuse_panics),
        T(test_get_into_its_own_stack),
        T(test_get_of_the_doorbell),
        T(test_reply_wakes_the_client_with_its_status),
        T(test_reply_to_a_connect),
        T(test_reply_misuse_panics),
        T(test_queued_request_is_not_the_servers_yet),
        T(test_notify_raises_a_doorbell),
        T(test_notify_unknown_partition_panics),
        T(test_clear_needs_a_raised_doorbell),
    };

    return cmocka_run_group_tests_name("service_ipc", tests, NULL, NULL);
}
