/* spm/client_api.c: psa_call(), connection-based and stateless. */
#include "unit_req.h"
#include "spm/client_api.h"
#include "spm/handle.h"
#include "test_client_api.h"
#include "world.h"

#define NS       (&spm_ns_agent)
#define SP(p)    world_part(p)
#define PROG_ERR PSA_ERROR_PROGRAMMER_ERROR

/* The services write write_len bytes of write_text to outvec 0 of each
 * request, then reply with fx.reply[svc]. */
static const char *write_text;
static size_t write_len;

static psa_status_t writer(enum fx_svc svc, const psa_msg_t *msg)
{
    if (msg->type >= 0 && write_len > 0u) {
        memcpy(svc_buf, write_text, write_len);
        psa_write(msg->handle, 0, svc_buf, write_len);
    }
    return (msg->type >= 0) ? fx.reply[svc] : PSA_SUCCESS;
}

static int setup(void **state)
{
    world_setup(state);
    write_text = "";
    write_len = 0;
    fx.handler = writer;
    return 0;
}

static struct spm_conn *slot_of(psa_handle_t h)
{
    return &spm_conns[((uint32_t)h & 0xFFu) - 1u];
}

static void test_call_delivers_the_request(void **state)
{
    psa_handle_t h;
    const psa_msg_t *m = &fx.last[FX_STRICT];

    (void)state;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    world_in(&ns_mem, 0, "abc", 3);
    world_in(&ns_mem, 1, "defgh", 5);
    world_out(&ns_mem, 0, 16);
    world_out(&ns_mem, 1, 8);
    write_text = "xyz";
    write_len = 3;
    fx.reply[FX_STRICT] = 42;
    assert_int_equal(ns_call(h, 7, 2, 2), 42);
    assert_int_equal(m->type, 7);
    assert_int_equal(m->handle, h);
    assert_int_equal(m->client_id, NS_CLIENT_ID);
    assert_null(m->rhandle);
    assert_int_equal(m->in_size[0], 3);
    assert_int_equal(m->in_size[1], 5);
    assert_int_equal(m->in_size[2], 0);
    assert_int_equal(m->in_size[3], 0);
    assert_int_equal(m->out_size[0], 16);
    assert_int_equal(m->out_size[1], 8);
    assert_int_equal(m->out_size[2], 0);
    assert_int_equal(m->out_size[3], 0);
    /* The bytes written, and the lengths written back. */
    assert_memory_equal(ns_mem.out_buf[0], "xyz", 3);
    assert_int_equal(ns_mem.out_buf[0][3], 0xEE);
    assert_int_equal(ns_mem.out[0].len, 3);
    assert_int_equal(ns_mem.out[1].len, 0);
    assert_int_equal(slot_of(h)->state, SPM_CONN_IDLE);
}

static void test_call_outvec_progress_is_per_request(void **state)
{
    psa_handle_t h;

    (void)state;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    write_text = "xyz";
    write_len = 3;
    for (int i = 0; i < 2; i++) {
        world_out(&ns_mem, 0, 4);
        assert_int_equal(ns_call(h, 0, 0, 1), PSA_SUCCESS);
        assert_int_equal(ns_mem.out[0].len, 3);
        assert_memory_equal(ns_mem.out_buf[0], "xyz\xEE", 4);
        world_out(&s_mem, 0, 4);
        assert_int_equal(sp_call(FX_CLIENT, FX_STATELESS_HANDLE, 0, 0, 1),
                         PSA_SUCCESS);
        assert_int_equal(s_mem.out[0].len, 3);
        assert_memory_equal(s_mem.out_buf[0], "xyz\xEE", 4);
    }
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_call_reply_statuses_pass_through(void **state)
{
    static const psa_status_t replies[] = {
        PSA_SUCCESS,
        0x7FFFFFFF,
        PSA_ERROR_INVALID_ARGUMENT,
        PSA_ERROR_CONNECTION_REFUSED,
        PSA_ERROR_CONNECTION_BUSY,
    };
    psa_handle_t ns_h;
    psa_handle_t sp_h;

    (void)state;
    ns_h = spm_connect(NS, unit_req(NS), FX_RELAXED_SID, 1);
    sp_h =
        spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_RELAXED_SID, 1);
    for (size_t i = 0; i < sizeof(replies) / sizeof(replies[0]); i++) {
        fx.reply[FX_RELAXED] = replies[i];
        assert_int_equal(ns_call(ns_h, 0, 0, 0), replies[i]);
        assert_int_equal(sp_call(FX_CLIENT, sp_h, 0, 0, 0), replies[i]);
    }
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_call_types(void **state)
{
    psa_handle_t h;

    (void)state;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    assert_int_equal(ns_call(h, 0, 0, 0), PSA_SUCCESS);
    assert_int_equal(fx.last[FX_STRICT].type, 0);
    assert_int_equal(ns_call(h, INT16_MAX, 0, 0), PSA_SUCCESS);
    assert_int_equal(fx.last[FX_STRICT].type, INT16_MAX);
    assert_int_equal(ns_call(h, -1, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(h, PSA_IPC_DISCONNECT, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(h, INT16_MAX + 1, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(h, INT32_MAX, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(h, INT32_MIN, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, -1, 0, 0), PROG_ERR);
    assert_int_equal(fx.calls[FX_STRICT], 3);
    assert_int_equal(fx.calls[FX_STATELESS], 0);
}

static void test_call_bad_connection_handles_ns(void **state)
{
    psa_handle_t h;
    psa_handle_t theirs;

    (void)state;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    theirs =
        spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 2);
    assert_int_equal(ns_call(PSA_NULL_HANDLE, 0, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(-1, 0, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(INT32_MIN, 0, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(h + 0x100, 0, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(0x1FF, 0, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(0x105, 0, 0, 0), PROG_ERR); /* NS's own slot */
    assert_int_equal(ns_call(theirs, 0, 0, 0), PROG_ERR);
    slot_of(h)->state = SPM_CONN_ACTIVE;
    assert_int_equal(ns_call(h, 0, 0, 0), PROG_ERR);
    slot_of(h)->state = SPM_CONN_IDLE;
    assert_int_equal(spm_close(NS, unit_req(NS), h), PSA_SUCCESS);
    assert_int_equal(ns_call(h, 0, 0, 0), PROG_ERR);
    assert_int_equal(fx.nlog, 3); /* connect, connect, disconnect */
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_call_refused_vectors_leave_no_trace(void **state)
{
    psa_handle_t h;

    (void)state;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    world_in(&ns_mem, 0, "abc", 3);
    assert_int_equal(ns_call(h, 0, 5, 0), PROG_ERR);
    ns_mem.in[0].base = nowhere;
    assert_int_equal(ns_call(h, 0, 1, 0), PROG_ERR);
    assert_int_equal(slot_of(h)->state, SPM_CONN_IDLE);
    assert_int_equal(slot_of(h)->gen, 1);
    /* Stateless: no request was started. */
    world_in(&ns_mem, 0, "abc", 3);
    ns_mem.out[0].base = ns_ro;
    ns_mem.out[0].len = 1;
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 1, 1), PROG_ERR);
    assert_null(NS->sl_req);
    assert_int_equal(NS->sl_handle, 5); /* generation 0 */
    assert_int_equal(fx.nlog, 1);
    /* And the connection still works. */
    world_out(&ns_mem, 0, 4);
    assert_int_equal(ns_call(h, 3, 1, 1), PSA_SUCCESS);
    assert_int_equal(fx.last[FX_STRICT].in_size[0], 3);
}

static void test_call_stateless_ns(void **state)
{
    const psa_msg_t *m = &fx.last[FX_STATELESS];

    (void)state;
    world_in(&ns_mem, 0, "q", 1);
    world_out(&ns_mem, 0, 10);
    write_text = "answer";
    write_len = 6;
    fx.reply[FX_STATELESS] = 5;
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 9, 1, 1), 5);
    assert_int_equal(m->type, 9);
    /* The message handle names NS (client 0, after the 4 pool slots: 5),
     * its first stateless generation. */
    assert_int_equal(m->handle, 0x105);
    assert_int_equal(m->client_id, NS_CLIENT_ID);
    assert_null(m->rhandle);
    assert_int_equal(m->in_size[0], 1);
    assert_int_equal(m->out_size[0], 10);
    assert_int_equal(ns_mem.out[0].len, 6);
    assert_memory_equal(ns_mem.out_buf[0], "answer", 6);
    /* Nothing in flight: the handle is stale; the next has a new
     * generation. */
    assert_null(NS->sl_req);
    assert_int_equal(NS->sl_handle, 0x105);
    write_len = 0;
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 0, 0), 5);
    assert_int_equal(m->handle, 0x205);
}

static void test_call_stateless_decode_errors_ns(void **state)
{
    static const psa_handle_t bad[] = {
        FX_STATELESS_HANDLE | 0x20, /* reserved bits 7..5 */
        FX_STATELESS_HANDLE | 0x80,
        FX_STATELESS_HANDLE | 0x10000, /* reserved bits 29..16 */
        FX_STATELESS_HANDLE | 0x20000000,
        FX_SL_HANDLE(5, 1), /* empty stateless indices */
        FX_SL_HANDLE(31, 1),
        FX_SL_HANDLE(1, 0), /* STRICT version 1 */
        FX_SL_HANDLE(1, 2),
        FX_SL_HANDLE(3, 6), /* RELAXED up to 5 */
        FX_SL_HANDLE(3, 0xFF),
    };

    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(ns_call(bad[i], 0, 0, 0), PROG_ERR);
    }
    assert_int_equal(ns_call(FX_SL_SECURE_ONLY_HANDLE, 0, 0, 0),
                     PSA_ERROR_CONNECTION_REFUSED);
    assert_int_equal(ns_call(FX_CLIENT_SL_HANDLE, 0, 0, 0),
                     PSA_ERROR_CONNECTION_REFUSED);
    assert_int_equal(fx.nlog, 0);
    assert_int_equal(ns_call(FX_SL_HANDLE(3, 5), 0, 0, 0), PSA_SUCCESS);
    assert_int_equal(ns_call(FX_SL_HANDLE(3, 4), 0, 0, 0), PSA_SUCCESS);
    assert_int_equal(ns_call(FX_SL_HANDLE(3, 0), 0, 0, 0), PSA_SUCCESS);
    assert_int_equal(fx.calls[FX_SL_RELAXED], 3);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_call_stateless_busy(void **state)
{
    struct spm_req other;

    (void)state;
    NS->sl_req = &other; /* its stateless request is in flight */
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 0, 0),
                     PSA_ERROR_CONNECTION_BUSY);
    SP(FX_CLIENT)->sl_req = &other;
    assert_int_equal(sp_call(FX_CLIENT, FX_STATELESS_HANDLE, 0, 0, 0),
                     PSA_ERROR_CONNECTION_BUSY);
    /* Nothing was started or changed. */
    assert_ptr_equal(NS->sl_req, &other);
    assert_int_equal(NS->sl_handle, 5); /* generation 0 */
    assert_int_equal(fx.calls[FX_STATELESS], 0);
    NS->sl_req = NULL;
    SP(FX_CLIENT)->sl_req = NULL;
    assert_int_equal(fx.nlog, 0);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_call_secure_client(void **state)
{
    psa_handle_t h;

    (void)state;
    h = spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 2);
    world_in(&s_mem, 0, "hi", 2);
    world_out(&s_mem, 0, 4);
    write_text = "ok";
    write_len = 2;
    assert_int_equal(sp_call(FX_CLIENT, h, 1, 1, 1), PSA_SUCCESS);
    assert_int_equal(fx.last[FX_STRICT].client_id, FX_CLIENT_PID);
    assert_int_equal(s_mem.out[0].len, 2);
    assert_memory_equal(s_mem.out_buf[0], "ok", 2);
    /* Stateless: FX_CLIENT (index 3 -> 4 pool slots + 1 + 3 = 8). */
    assert_int_equal(sp_call(FX_CLIENT, FX_STATELESS_HANDLE, 1, 1, 1),
                     PSA_SUCCESS);
    assert_int_equal(fx.last[FX_STATELESS].handle, 0x108);
    assert_int_equal(fx.last[FX_STATELESS].client_id, FX_CLIENT_PID);
    write_len = 0;
    assert_int_equal(sp_call(FX_CLIENT, FX_SL_SECURE_ONLY_HANDLE, 0, 0, 0),
                     PSA_SUCCESS);
}

static void test_call_secure_programmer_errors_panic(void **state)
{
    psa_handle_t h;
    psa_handle_t ns_h;

    (void)state;
    h = spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 2);
    ns_h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    expect_part_stop(FX_CLIENT, "psa_call: 0x00000000 is not a handle",
                     sp_call(FX_CLIENT, PSA_NULL_HANDLE, 0, 0, 0));
    expect_part_stop(FX_CLIENT, "psa_call: type -1 is out of range",
                     sp_call(FX_CLIENT, h, -1, 0, 0));
    expect_part_stopf(
        FX_CLIENT,
        "psa_call: 0x%08x is not an idle connection of the partition",
        (unsigned int)ns_h, sp_call(FX_CLIENT, ns_h, 0, 0, 0));
    expect_part_stop(FX_CLIENT, "psa_call: 3 invecs and 2 outvecs, more than 4",
                     sp_call(FX_CLIENT, h, 0, 3, 2));
    world_in(&s_mem, 0, "x", 1);
    s_mem.in[0].base = ns_mem.in_buf[0];
    expect_part_stopf(
        FX_CLIENT,
        "psa_call: the partition may not read invec 0 (0x%08x, 1 bytes)",
        (unsigned int)(uintptr_t)ns_mem.in_buf[0],
        sp_call(FX_CLIENT, h, 0, 1, 0));
    expect_part_stop(
        FX_CLIENT,
        "psa_call: SID 0x00001005 is not a dependency of the partition",
        sp_call(FX_CLIENT, FX_SL_RELAXED_HANDLE, 0, 0, 0));
    expect_part_stop(FX_CLIENT,
                     "psa_call: SID 0x00001002 does not accept version 9",
                     sp_call(FX_CLIENT, FX_SL_HANDLE(1, 9), 0, 0, 0));
    expect_part_stopf(FX_CLIENT, "psa_call: 0x%08x names no stateless service",
                      (unsigned int)FX_SL_HANDLE(9, 1),
                      sp_call(FX_CLIENT, FX_SL_HANDLE(9, 1), 0, 0, 0));
    assert_int_equal(fx.nlog, 2); /* the two connects */
    assert_int_equal(slot_of(h)->state, SPM_CONN_IDLE);
}

static void test_call_service_blames_the_client(void **state)
{
    psa_handle_t h;

    (void)state;
    fx.reply[FX_STATELESS] = PROG_ERR;
    fx.reply[FX_STRICT] = PROG_ERR;
    world_out(&ns_mem, 0, 8);
    write_text = "why";
    write_len = 3;
    /* NS is told; the lengths are written back, nothing left in flight. */
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 0, 1), PROG_ERR);
    assert_int_equal(ns_mem.out[0].len, 3);
    assert_null(NS->sl_req);
    /* A secure client is stopped, not the service. */
    h = spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 2);
    world_out(&s_mem, 0, 8);
    expect_part_stop(
        FX_CLIENT, "psa_call: its service answered PSA_ERROR_PROGRAMMER_ERROR",
        sp_call(FX_CLIENT, h, 0, 0, 1));
    assert_int_equal(s_mem.out[0].len, 3);
    assert_int_equal(slot_of(h)->state, SPM_CONN_IDLE);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int client_api_call_tests(void)
{
    const struct CMUnitTest tests[] = {
        T(test_call_delivers_the_request),
        T(test_call_outvec_progress_is_per_request),
        T(test_call_reply_statuses_pass_through),
        T(test_call_types),
        T(test_call_bad_connection_handles_ns),
        T(test_call_refused_vectors_leave_no_trace),
        T(test_call_stateless_ns),
        T(test_call_stateless_decode_errors_ns),
        T(test_call_stateless_busy),
        T(test_call_secure_client),
        T(test_call_secure_programmer_errors_panic),
        T(test_call_service_blames_the_client),
    };

    return cmocka_run_group_tests_name("client_api_call", tests, NULL, NULL);
}
