/*
 * spm/service_api.c: psa_read, psa_skip, psa_write, psa_set_rhandle,
 * psa_panic, psa_rot_lifecycle_state. Every misuse stops the partition.
 */
#include <stdio.h>

#include "unit_req.h"
#include "psa/lifecycle.h"
#include "spm/client_api.h"
#include "spm/handle.h"
#include "world.h"

#define NS (&spm_ns_agent)

/* What a service does with a message, per service and message kind. */
typedef void (*action_t)(const psa_msg_t *msg);
enum when { ON_REQUEST, ON_CONNECT, ON_DISCONNECT };
static action_t actions[FX_NUM_SVCS][3];
static size_t got[8];      /* results the actions saw */
static psa_handle_t other; /* a handle an action uses instead of its own */
static int cookie_a;
static int cookie_b;

static psa_status_t handler(enum fx_svc svc, const psa_msg_t *msg)
{
    enum when w = (msg->type == PSA_IPC_CONNECT)      ? ON_CONNECT
                  : (msg->type == PSA_IPC_DISCONNECT) ? ON_DISCONNECT
                                                      : ON_REQUEST;

    if (actions[svc][w] != NULL) {
        actions[svc][w](msg);
    }
    return PSA_SUCCESS;
}

static void reset(void)
{
    world_boot();
    fx.handler = handler;
    memset(actions, 0, sizeof(actions));
    memset(got, 0, sizeof(got));
    other = 0;
}

static int setup(void **state)
{
    (void)state;
    reset();
    return 0;
}

/* NS connects to FX_STRICT; invec 0 holds @p text, outvec 0 has @p cap. */
static psa_handle_t open_with(const char *text, size_t cap)
{
    psa_handle_t h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);

    assert_true(h > 0);
    world_in(&ns_mem, 0, text, strlen(text));
    world_out(&ns_mem, 0, cap);
    return h;
}

static void read_in_pieces(const psa_msg_t *m)
{
    got[0] = psa_read(m->handle, 0, svc_buf, 5);
    got[1] = psa_read(m->handle, 0, &svc_buf[5], 100);
    got[2] = psa_read(m->handle, 0, &svc_buf[20], 4);
    got[3] = psa_read(m->handle, 0, &svc_buf[20], 0);
    got[4] = m->in_size[0];
}

static void test_read_is_sequential(void **state)
{
    psa_handle_t h = open_with("hello world", 0);

    (void)state;
    actions[FX_STRICT][ON_REQUEST] = read_in_pieces;
    assert_int_equal(ns_call(h, 0, 1, 0), PSA_SUCCESS);
    assert_int_equal(got[0], 5);
    assert_int_equal(got[1], 6);
    assert_int_equal(got[2], 0);
    assert_int_equal(got[3], 0);
    assert_int_equal(got[4], 11); /* in_size does not shrink */
    assert_memory_equal(svc_buf, "hello world", 11);
    assert_int_equal(svc_buf[20], 0);
    /* The next request starts again at the beginning. */
    memset(svc_buf, 0, sizeof(svc_buf));
    assert_int_equal(ns_call(h, 0, 1, 0), PSA_SUCCESS);
    assert_int_equal(got[0], 5);
    assert_memory_equal(svc_buf, "hello world", 11);
}

static void skip_and_read(const psa_msg_t *m)
{
    got[0] = psa_skip(m->handle, 0, 3);
    got[1] = psa_read(m->handle, 0, svc_buf, 2);
    got[2] = psa_skip(m->handle, 0, 0);
    got[3] = psa_skip(m->handle, 0, 100);
    got[4] = psa_read(m->handle, 0, svc_buf, 8);
    got[5] = psa_skip(m->handle, 0, 1);
}

static void test_skip(void **state)
{
    psa_handle_t h = open_with("abcdefgh", 0);

    (void)state;
    actions[FX_STRICT][ON_REQUEST] = skip_and_read;
    assert_int_equal(ns_call(h, 0, 1, 0), PSA_SUCCESS);
    assert_int_equal(got[0], 3);
    assert_int_equal(got[1], 2);
    assert_memory_equal(svc_buf, "de", 2);
    assert_int_equal(got[2], 0);
    assert_int_equal(got[3], 3);
    assert_int_equal(got[4], 0);
    assert_int_equal(got[5], 0);
}

static void read_other_vectors(const psa_msg_t *m)
{
    got[0] = psa_read(m->handle, 1, svc_buf, 8);
    got[1] = psa_read(m->handle, 3, svc_buf, 8);
    got[2] = psa_skip(m->handle, 2, 8);
    got[3] = psa_read(m->handle, 0, svc_buf, 8);
}

static void test_read_unused_or_empty_vectors(void **state)
{
    psa_handle_t h = open_with("", 0);

    (void)state;
    actions[FX_STRICT][ON_REQUEST] = read_other_vectors;
    assert_int_equal(ns_call(h, 0, 1, 0), PSA_SUCCESS);
    assert_int_equal(got[0], 0);
    assert_int_equal(got[1], 0);
    assert_int_equal(got[2], 0);
    assert_int_equal(got[3], 0);
    assert_int_equal(fake_platform_stops(), 0);
}

static void read_all(const psa_msg_t *m)
{
    got[0] = psa_read(m->handle, 0, svc_buf, sizeof(svc_buf));
    got[1] = psa_read(m->handle, 1, &svc_buf[100], sizeof(svc_buf) - 100u);
}

static void test_read_stateless_and_secure_client(void **state)
{
    (void)state;
    actions[FX_STATELESS][ON_REQUEST] = read_all;
    world_in(&ns_mem, 0, "ns", 2);
    world_in(&ns_mem, 1, "side", 4);
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 2, 0), PSA_SUCCESS);
    assert_int_equal(got[0], 2);
    assert_int_equal(got[1], 4);
    assert_memory_equal(svc_buf, "ns", 2);
    assert_memory_equal(&svc_buf[100], "side", 4);
    world_in(&s_mem, 0, "secure", 6);
    assert_int_equal(sp_call(FX_CLIENT, FX_STATELESS_HANDLE, 0, 1, 0),
                     PSA_SUCCESS);
    assert_int_equal(got[0], 6);
    assert_memory_equal(svc_buf, "secure", 6);
}

static void write_pieces(const psa_msg_t *m)
{
    memcpy(svc_buf, "abcdefgh", 8);
    psa_write(m->handle, 0, svc_buf, 3);
    psa_write(m->handle, 0, &svc_buf[3], 2);
    psa_write(m->handle, 0, s_ro, 3); /* read-only source is fine */
    psa_write(m->handle, 1, svc_buf, 0);
    psa_write(m->handle, 3, NULL, 0);
}

static void test_write_appends(void **state)
{
    psa_handle_t h = open_with("", 8);

    (void)state;
    world_out(&ns_mem, 1, 0);
    actions[FX_STRICT][ON_REQUEST] = write_pieces;
    assert_int_equal(ns_call(h, 0, 0, 2), PSA_SUCCESS);
    assert_memory_equal(ns_mem.out_buf[0], "abcde\xA5\xA5\xA5", 8);
    assert_int_equal(ns_mem.out_buf[0][8], 0xEE);
    assert_int_equal(ns_mem.out[0].len, 8);
    assert_int_equal(ns_mem.out[1].len, 0);
}

/*
 * The vector just past the request's last one, while its slot still holds
 * an earlier, longer request's counters (a client's request storage is
 * reused: here a static slot, on Armv8-M a stack frame): psa_read() and
 * psa_skip() give 0 bytes, psa_write() stops the service. An index bound
 * of <= instead of < reads or writes through the earlier request's vector.
 */
static size_t n_got;

static void read_and_skip_invec_1(const psa_msg_t *m)
{
    got[n_got++] = psa_read(m->handle, 1, svc_buf, 8);
    got[n_got++] = psa_skip(m->handle, 1, 8);
}

static void test_invec_past_in_len_after_a_longer_request(void **state)
{
    psa_handle_t h = open_with("abc", 0);

    (void)state;
    n_got = 0;
    world_in(&ns_mem, 1, "defgh", 5);
    actions[FX_STRICT][ON_REQUEST] = read_and_skip_invec_1;
    assert_int_equal(ns_call(h, 0, 2, 0), PSA_SUCCESS);
    assert_int_equal(got[0], 5);
    assert_int_equal(got[1], 0);
    assert_int_equal(ns_call(h, 0, 1, 0), PSA_SUCCESS);
    assert_int_equal(got[2], 0);
    assert_int_equal(got[3], 0);
}

static void write_outvec_1(const psa_msg_t *m)
{
    memcpy(svc_buf, "xyz", 3);
    psa_write(m->handle, 1, svc_buf, 3);
}

static void test_outvec_past_out_len_after_a_longer_request(void **state)
{
    psa_handle_t h = open_with("", 8);

    (void)state;
    world_out(&ns_mem, 1, 8);
    actions[FX_STRICT][ON_REQUEST] = write_outvec_1;
    assert_int_equal(ns_call(h, 0, 0, 2), PSA_SUCCESS);
    assert_int_equal(ns_mem.out[1].len, 3);
    expect_part_panic(FX_SERVER, ns_call(h, 0, 0, 1));
}

/* Misuses: each, in a fresh world, must stop FX_SERVER, for the reason
 * @p why (a format of one number, @p addr's low 32 bits if it is not
 * NULL, else @p num), or for its psa_panic() (@p why NULL). */
struct misuse {
    enum when when;
    action_t action;
    const char *why;
    const void *addr;
    unsigned int num;
};

static void m_read_idx4(const psa_msg_t *m)
{
    (void)psa_read(m->handle, 4, svc_buf, 1);
}

static void m_read_idx_max(const psa_msg_t *m)
{
    (void)psa_read(m->handle, UINT32_MAX, svc_buf, 1);
}

static void m_skip_idx4(const psa_msg_t *m)
{
    (void)psa_skip(m->handle, 4, 1);
}

static void m_write_idx4(const psa_msg_t *m)
{
    psa_write(m->handle, 4, svc_buf, 1);
}

static void m_write_past_end(const psa_msg_t *m)
{
    psa_write(m->handle, 0, svc_buf, 5);
}

static void m_write_past_end_later(const psa_msg_t *m)
{
    psa_write(m->handle, 0, svc_buf, 3);
    psa_write(m->handle, 0, svc_buf, 2);
}

static void m_write_unused_outvec(const psa_msg_t *m)
{
    psa_write(m->handle, 2, svc_buf, 1);
}

static void m_read_into_ro(const psa_msg_t *m)
{
    (void)psa_read(m->handle, 0, s_ro, 2);
}

static void m_read_into_ns(const psa_msg_t *m)
{
    (void)psa_read(m->handle, 0, ns_mem.out_buf[1], 2);
}

static void m_read_into_nowhere(const psa_msg_t *m)
{
    (void)psa_read(m->handle, 0, nowhere, 2);
}

static void m_write_from_ns(const psa_msg_t *m)
{
    psa_write(m->handle, 0, ns_mem.in_buf[1], 1);
}

static void m_write_from_nowhere(const psa_msg_t *m)
{
    psa_write(m->handle, 0, nowhere, 1);
}

static void m_read_null_handle(const psa_msg_t *m)
{
    (void)m;
    (void)psa_read(PSA_NULL_HANDLE, 0, svc_buf, 1);
}

static void m_read_stale_handle(const psa_msg_t *m)
{
    (void)psa_read(m->handle + 0x100, 0, svc_buf, 1);
}

static void m_skip_stateless_handle(const psa_msg_t *m)
{
    (void)m;
    (void)psa_skip(FX_STATELESS_HANDLE, 0, 1);
}

static void m_write_negative_handle(const psa_msg_t *m)
{
    (void)m;
    psa_write(-1, 0, svc_buf, 1);
}

static void m_read(const psa_msg_t *m)
{
    (void)psa_read(m->handle, 0, svc_buf, 1);
}

static void m_skip(const psa_msg_t *m)
{
    (void)psa_skip(m->handle, 0, 1);
}

static void m_write(const psa_msg_t *m)
{
    psa_write(m->handle, 0, svc_buf, 0);
}

static void m_rhandle_null_handle(const psa_msg_t *m)
{
    (void)m;
    psa_set_rhandle(PSA_NULL_HANDLE, &cookie_a);
}

static void m_rhandle_stale(const psa_msg_t *m)
{
    psa_set_rhandle(m->handle + 0x100, &cookie_a);
}

static void m_panic(const psa_msg_t *m)
{
    (void)m;
    psa_panic();
}

static void test_misuse_stops_the_service(void **state)
{
    const struct misuse *mu = *state;
    psa_handle_t h = open_with("12345678", 4);
    char why[160] = "";

    if (mu->why != NULL) {
        (void)snprintf(why, sizeof(why), mu->why,
                       mu->addr != NULL ? (unsigned int)(uintptr_t)mu->addr
                                        : mu->num);
    }
    actions[FX_STRICT][mu->when] = mu->action;
    switch (mu->when) {
    case ON_REQUEST:
        expect_part_panic(FX_SERVER, ns_call(h, 1, 1, 1));
        break;
    case ON_CONNECT:
        expect_part_panic(FX_SERVER,
                          spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2));
        break;
    case ON_DISCONNECT:
        expect_part_panic(FX_SERVER, spm_close(NS, unit_req(NS), h));
        break;
    }
    if (mu->why != NULL) {
        unit_assert_stopped(warden_partitions[FX_SERVER].name,
                            (long)warden_partitions[FX_SERVER].pid, why);
    } else {
        unit_assert_psa_panic(warden_partitions[FX_SERVER].name,
                              (long)warden_partitions[FX_SERVER].pid);
    }
}

#define MISUSE_FULL(name, w, fn, why, addr, num)                           \
    {                                                                      \
        name, test_misuse_stops_the_service, setup, NULL, &(struct misuse) \
        {                                                                  \
            w, fn, why, addr, num                                          \
        }                                                                  \
    }
/* The reason a read, skip or write of a connect or disconnect message
 * gives. */
#define NO_VECTORS(call) \
    call ": message 0x%08x is a connect or a disconnect: no vectors"
#define MISUSE(name, w, fn, why) MISUSE_FULL(name, w, fn, why, NULL, 0u)
/* ... whose reason names @p addr, or the number @p num. */
#define MISUSE_AT(name, w, fn, why, addr) \
    MISUSE_FULL(name, w, fn, why, addr, 0u)
#define MISUSE_N(name, w, fn, why, num) MISUSE_FULL(name, w, fn, why, NULL, num)

static void read_foreign(const psa_msg_t *m)
{
    (void)m;
    (void)psa_read(other, 0, svc_buf, 1);
}

static void rhandle_foreign(const psa_msg_t *m)
{
    (void)m;
    psa_set_rhandle(other, &cookie_a);
}

static void call_server_stateless(const psa_msg_t *m)
{
    other = m->handle;
    (void)psa_call(FX_STATELESS_HANDLE, 0, NULL, 0, NULL, 0);
}

static void test_message_of_another_partition(void **state)
{
    psa_handle_t h;

    (void)state;
    /* NS -> FX_CLIENT_CONN (FX_CLIENT) -> FX_STATELESS (FX_SERVER), which
     * names FX_CLIENT's message. */
    actions[FX_CLIENT_CONN][ON_REQUEST] = call_server_stateless;
    actions[FX_STATELESS][ON_REQUEST] = read_foreign;
    h = spm_connect(NS, unit_req(NS), FX_CLIENT_CONN_SID, 1);
    world_in(&ns_mem, 0, "x", 1);
    expect_part_panic(FX_SERVER, ns_call(h, 0, 1, 0));
    reset();
    actions[FX_CLIENT_CONN][ON_REQUEST] = call_server_stateless;
    actions[FX_STATELESS][ON_REQUEST] = rhandle_foreign;
    h = spm_connect(NS, unit_req(NS), FX_CLIENT_CONN_SID, 1);
    expect_part_panic(FX_SERVER, ns_call(h, 0, 0, 0));
}

static void keep_handle(const psa_msg_t *m)
{
    other = m->handle;
}

static void read_neighbour(const psa_msg_t *m)
{
    (void)psa_read(m->handle + 1, 0, svc_buf, 1);
}

/* A stateless message handle names only the client's request in flight:
 * not once it completed, not during the client's next stateless request,
 * not another client's. */
static void test_stale_stateless_message_handle(void **state)
{
    psa_handle_t h;

    (void)state;
    actions[FX_STATELESS][ON_REQUEST] = keep_handle;
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 0, 0), PSA_SUCCESS);
    assert_null(NS->sl_req);
    /* From a connection's request of the same partition, no stateless
     * request in flight. */
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    world_in(&ns_mem, 0, "x", 1);
    actions[FX_STRICT][ON_REQUEST] = read_foreign;
    expect_part_panic(FX_SERVER, ns_call(h, 0, 1, 0));
    /* During the client's next stateless request. */
    reset();
    actions[FX_STATELESS][ON_REQUEST] = keep_handle;
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 0, 0), PSA_SUCCESS);
    actions[FX_STATELESS][ON_REQUEST] = read_foreign;
    world_in(&ns_mem, 0, "x", 1);
    expect_part_panic(FX_SERVER, ns_call(FX_STATELESS_HANDLE, 0, 1, 0));
    /* Another client's: its slot, the same generation. */
    reset();
    actions[FX_STATELESS][ON_REQUEST] = read_neighbour;
    world_in(&ns_mem, 0, "x", 1);
    expect_part_panic(FX_SERVER, ns_call(FX_STATELESS_HANDLE, 0, 1, 0));
}

static void test_message_of_an_idle_connection(void **state)
{
    psa_handle_t h;

    (void)state;
    other = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    world_in(&ns_mem, 0, "x", 1);
    actions[FX_STRICT][ON_REQUEST] = read_foreign;
    expect_part_panic(FX_SERVER, ns_call(h, 0, 1, 0));
    reset();
    other = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    actions[FX_STRICT][ON_REQUEST] = rhandle_foreign;
    expect_part_panic(FX_SERVER, ns_call(h, 0, 0, 0));
}

static void set_a(const psa_msg_t *m)
{
    psa_set_rhandle(m->handle, &cookie_a);
}

static void set_b(const psa_msg_t *m)
{
    psa_set_rhandle(m->handle, &cookie_b);
}

static void test_rhandle_follows_the_connection(void **state)
{
    psa_handle_t h;

    (void)state;
    actions[FX_STRICT][ON_CONNECT] = set_a;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    assert_null(fx.last[FX_STRICT].rhandle); /* set during this message */
    assert_int_equal(ns_call(h, 0, 0, 0), PSA_SUCCESS);
    assert_ptr_equal(fx.last[FX_STRICT].rhandle, &cookie_a);
    actions[FX_STRICT][ON_REQUEST] = set_b;
    assert_int_equal(ns_call(h, 0, 0, 0), PSA_SUCCESS);
    assert_ptr_equal(fx.last[FX_STRICT].rhandle, &cookie_a);
    assert_int_equal(spm_close(NS, unit_req(NS), h), PSA_SUCCESS);
    assert_ptr_equal(fx.last[FX_STRICT].rhandle, &cookie_b);
    /* The slot's next connection starts without one. */
    actions[FX_STRICT][ON_CONNECT] = NULL;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    assert_int_equal(h, 0x201);
    assert_int_equal(ns_call(h, 0, 0, 0), PSA_SUCCESS);
    assert_null(fx.last[FX_STRICT].rhandle);
}

static void test_rhandle_refused_for_stateless(void **state)
{
    (void)state;
    actions[FX_STATELESS][ON_REQUEST] = set_a;
    expect_part_panic(FX_SERVER, ns_call(FX_STATELESS_HANDLE, 0, 0, 0));
}

static void test_psa_panic_outside_a_partition(void **state)
{
    (void)state;
    /* Nothing runs but the NS agent: it is the one stopped. */
    expect_ns_agent_panic(psa_panic());
    unit_assert_console_has("[Warden] NS agent called psa_panic(): halt\r\n");
    expect_ns_agent_stop("psa_read: 0x00000101 is not a message the partition "
                         "got",
                         (void)psa_read(0x101, 0, svc_buf, 1));
}

static psa_status_t lifecycle_reply(enum fx_svc svc, const psa_msg_t *msg)
{
    (void)svc;
    (void)msg;
    return (psa_status_t)psa_rot_lifecycle_state();
}

static void test_lifecycle_state(void **state)
{
    (void)state;
    fx.handler = lifecycle_reply;
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 0, 0),
                     PSA_LIFECYCLE_SECURED);
    fake_platform_set_lifecycle(PSA_LIFECYCLE_DECOMMISSIONED | 0x12u);
    assert_int_equal(psa_rot_lifecycle_state(), 0x6012);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_read_is_sequential),
        T(test_skip),
        T(test_read_unused_or_empty_vectors),
        T(test_read_stateless_and_secure_client),
        T(test_write_appends),
        T(test_invec_past_in_len_after_a_longer_request),
        T(test_outvec_past_out_len_after_a_longer_request),
        MISUSE("misuse_read_invec_index_4", ON_REQUEST, m_read_idx4,
               "psa_read: invec 4 does not exist"),
        MISUSE("misuse_read_invec_index_uint32_max", ON_REQUEST, m_read_idx_max,
               "psa_read: invec 4294967295 does not exist"),
        MISUSE("misuse_skip_invec_index_4", ON_REQUEST, m_skip_idx4,
               "psa_skip: invec 4 does not exist"),
        MISUSE("misuse_write_outvec_index_4", ON_REQUEST, m_write_idx4,
               "psa_write: outvec 4 does not exist"),
        MISUSE("misuse_write_past_the_end", ON_REQUEST, m_write_past_end,
               "psa_write: 5 bytes do not fit in outvec 0 (4 bytes left)"),
        MISUSE("misuse_write_past_the_end_second_write", ON_REQUEST,
               m_write_past_end_later,
               "psa_write: 2 bytes do not fit in outvec 0 (1 bytes left)"),
        MISUSE("misuse_write_unused_outvec", ON_REQUEST, m_write_unused_outvec,
               "psa_write: 1 bytes do not fit in outvec 2 (0 bytes left)"),
        MISUSE_AT(
            "misuse_read_into_read_only_memory", ON_REQUEST, m_read_into_ro,
            "psa_read: the partition may not write 0x%08x (2 bytes)", s_ro),
        MISUSE_AT("misuse_read_into_ns_memory", ON_REQUEST, m_read_into_ns,
                  "psa_read: the partition may not write 0x%08x (2 bytes)",
                  ns_mem.out_buf[1]),
        MISUSE_AT(
            "misuse_read_into_unmapped_memory", ON_REQUEST, m_read_into_nowhere,
            "psa_read: the partition may not write 0x%08x (2 bytes)", nowhere),
        MISUSE_AT("misuse_write_from_ns_memory", ON_REQUEST, m_write_from_ns,
                  "psa_write: the partition may not read 0x%08x (1 bytes)",
                  ns_mem.in_buf[1]),
        MISUSE_AT("misuse_write_from_unmapped_memory", ON_REQUEST,
                  m_write_from_nowhere,
                  "psa_write: the partition may not read 0x%08x (1 bytes)",
                  nowhere),
        MISUSE_N("misuse_read_null_handle", ON_REQUEST, m_read_null_handle,
                 "psa_read: 0x%08x is not a message the partition got", 0u),
        MISUSE_N("misuse_read_stale_handle", ON_REQUEST, m_read_stale_handle,
                 "psa_read: 0x%08x is not a message the partition got", 0x201u),
        MISUSE_N("misuse_skip_stateless_handle", ON_REQUEST,
                 m_skip_stateless_handle,
                 "psa_skip: 0x%08x is not a message the partition got",
                 (unsigned int)FX_STATELESS_HANDLE),
        MISUSE_N("misuse_write_negative_handle", ON_REQUEST,
                 m_write_negative_handle,
                 "psa_write: 0x%08x is not a message the partition got",
                 0xFFFFFFFFu),
        MISUSE_N("misuse_read_connect_message", ON_CONNECT, m_read,
                 NO_VECTORS("psa_read"), 0x102u),
        MISUSE_N("misuse_skip_connect_message", ON_CONNECT, m_skip,
                 NO_VECTORS("psa_skip"), 0x102u),
        MISUSE_N("misuse_write_connect_message", ON_CONNECT, m_write,
                 NO_VECTORS("psa_write"), 0x102u),
        MISUSE_N("misuse_read_disconnect_message", ON_DISCONNECT, m_read,
                 NO_VECTORS("psa_read"), 0x101u),
        MISUSE_N("misuse_set_rhandle_null_handle", ON_REQUEST,
                 m_rhandle_null_handle,
                 "psa_set_rhandle: 0x%08x is not a connection's message the "
                 "partition got",
                 0u),
        MISUSE_N("misuse_set_rhandle_stale_handle", ON_CONNECT, m_rhandle_stale,
                 "psa_set_rhandle: 0x%08x is not a connection's message the "
                 "partition got",
                 0x202u),
        MISUSE("misuse_psa_panic_in_a_request", ON_REQUEST, m_panic, NULL),
        MISUSE("misuse_psa_panic_in_a_connect", ON_CONNECT, m_panic, NULL),
        T(test_message_of_another_partition),
        T(test_stale_stateless_message_handle),
        T(test_message_of_an_idle_connection),
        T(test_rhandle_follows_the_connection),
        T(test_rhandle_refused_for_stateless),
        T(test_psa_panic_outside_a_partition),
        T(test_lifecycle_state),
    };

    return cmocka_run_group_tests_name("service_api", tests, NULL, NULL);
}
