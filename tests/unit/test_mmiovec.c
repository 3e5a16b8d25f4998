/*
 * spm/mmiovec.c (SFN backend): psa_map_invec, psa_unmap_invec,
 * psa_map_outvec, psa_unmap_outvec, their interplay with psa_read,
 * psa_skip and psa_write, and the release of every vector still mapped
 * when the secure function returns. Every misuse stops the service.
 * FX_STRICT and FX_STATELESS say mm_iovec: enable; FX_RELAXED does not.
 */
#include "unit_req.h"
#include "spm/client_api.h"
#include "spm/mmiovec.h"
#include "world.h"

#define NS (&spm_ns_agent)

typedef void (*action_t)(const psa_msg_t *msg);
enum when { ON_REQUEST, ON_CONNECT };
static action_t actions[FX_NUM_SVCS][2];
static const void *seen_in[PSA_MAX_IOVEC];
static void *seen_out[PSA_MAX_IOVEC];
static size_t got[4];
static size_t unmap_len; /* what the unmap actions pass */
static struct spm_req *last_req;

static psa_status_t handler(enum fx_svc svc, const psa_msg_t *msg)
{
    enum when w = (msg->type == PSA_IPC_CONNECT) ? ON_CONNECT : ON_REQUEST;

    if (msg->type >= PSA_IPC_CALL) {
        last_req = unit_req(NS);
    }
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
    memset(seen_in, 0, sizeof(seen_in));
    memset(seen_out, 0, sizeof(seen_out));
    memset(got, 0, sizeof(got));
    unmap_len = 0u;
    last_req = NULL;
}

static int setup(void **state)
{
    (void)state;
    reset();
    return 0;
}

/* NS connects to @p sid (@p version); invec 0 holds @p text, outvec 0 has
 * @p cap bytes. */
static psa_handle_t open_svc(uint32_t sid, uint32_t version, const char *text,
                             size_t cap)
{
    psa_handle_t h = spm_connect(NS, unit_req(NS), sid, version);

    assert_true(h > 0);
    world_in(&ns_mem, 0, text, strlen(text));
    world_out(&ns_mem, 0, cap);
    return h;
}

static psa_handle_t open_with(const char *text, size_t cap)
{
    return open_svc(FX_STRICT_SID, FX_STRICT_VERSION, text, cap);
}

/* --- what works --- */

static void map_read_unmap(const psa_msg_t *m)
{
    seen_in[0] = psa_map_invec(m->handle, 0);
    memcpy(svc_buf, seen_in[0], m->in_size[0]);
    psa_unmap_invec(m->handle, 0);
}

static void test_map_invec_is_the_client_buffer(void **state)
{
    psa_handle_t h = open_with("in place", 0);

    (void)state;
    actions[FX_STRICT][ON_REQUEST] = map_read_unmap;
    assert_int_equal(ns_call(h, 0, 1, 0), PSA_SUCCESS);
    assert_ptr_equal(seen_in[0], ns_mem.in_buf[0]); /* not a copy */
    assert_memory_equal(svc_buf, "in place", 8);
    /* The next request on the connection maps it again. */
    seen_in[0] = NULL;
    assert_int_equal(ns_call(h, 0, 1, 0), PSA_SUCCESS);
    assert_ptr_equal(seen_in[0], ns_mem.in_buf[0]);
}

static void map_write_unmap(const psa_msg_t *m)
{
    seen_out[0] = psa_map_outvec(m->handle, 0);
    memcpy(seen_out[0], "mapped", 6);
    psa_unmap_outvec(m->handle, 0, unmap_len);
}

static void test_map_outvec_writes_in_place(void **state)
{
    psa_handle_t h = open_with("", 8);

    (void)state;
    actions[FX_STRICT][ON_REQUEST] = map_write_unmap;
    unmap_len = 6u;
    assert_int_equal(ns_call(h, 0, 0, 1), PSA_SUCCESS);
    assert_ptr_equal(seen_out[0], ns_mem.out_buf[0]);
    assert_memory_equal(ns_mem.out_buf[0], "mapped\xEE\xEE", 8);
    assert_int_equal(ns_mem.out[0].len, 6);
}

/* The unmap length: any value up to out_size, no further. */
static void test_unmap_length_bound(void **state)
{
    psa_handle_t h = open_with("", 8);

    (void)state;
    actions[FX_STRICT][ON_REQUEST] = map_write_unmap;
    unmap_len = 7u; /* one under */
    assert_int_equal(ns_call(h, 0, 0, 1), PSA_SUCCESS);
    assert_int_equal(ns_mem.out[0].len, 7);
    world_out(&ns_mem, 0, 8);
    unmap_len = 8u; /* exactly the size */
    assert_int_equal(ns_call(h, 0, 0, 1), PSA_SUCCESS);
    assert_int_equal(ns_mem.out[0].len, 8);
    world_out(&ns_mem, 0, 8);
    unmap_len = 0u; /* nothing written */
    assert_int_equal(ns_call(h, 0, 0, 1), PSA_SUCCESS);
    assert_int_equal(ns_mem.out[0].len, 0);
    world_out(&ns_mem, 0, 8);
    unmap_len = 9u; /* one over */
    expect_part_stop(
        FX_SERVER, "psa_unmap_outvec: 9 bytes written, more than outvec 0's 8",
        ns_call(h, 0, 0, 1));
}

static void map_all_keep(const psa_msg_t *m)
{
    seen_in[0] = psa_map_invec(m->handle, 0);
    seen_out[0] = psa_map_outvec(m->handle, 0);
    seen_out[1] = psa_map_outvec(m->handle, 1);
    memcpy(seen_out[0], "lost", 4);
    psa_unmap_outvec(m->handle, 1, 2);
}

/* Nothing unmapped before the reply: the SPM unmaps it; the outvec still
 * mapped reports 0 bytes, the one unmapped its length. */
static void test_reply_releases_what_is_mapped(void **state)
{
    psa_handle_t h = open_with("abc", 8);

    (void)state;
    world_out(&ns_mem, 1, 4);
    actions[FX_STRICT][ON_REQUEST] = map_all_keep;
    assert_int_equal(ns_call(h, 0, 1, 2), PSA_SUCCESS);
    assert_int_equal(ns_mem.out[0].len, 0);
    assert_int_equal(ns_mem.out[1].len, 2);
    assert_int_equal(last_req->mm_in & SPM_MM_ANY_MAPPED, 0);
    assert_int_equal(last_req->mm_out & SPM_MM_ANY_MAPPED, 0);
    /* The next request maps them again. */
    world_out(&ns_mem, 0, 8);
    world_out(&ns_mem, 1, 4);
    assert_int_equal(ns_call(h, 0, 1, 2), PSA_SUCCESS);
    assert_int_equal(fake_platform_stops(), 0);
}

static void mix_vectors(const psa_msg_t *m)
{
    seen_in[0] = psa_map_invec(m->handle, 0);
    got[0] = psa_read(m->handle, 1, svc_buf, 8); /* another vector */
    seen_out[1] = psa_map_outvec(m->handle, 1);
    psa_write(m->handle, 0, svc_buf, 2);
    psa_unmap_invec(m->handle, 0);
    psa_unmap_outvec(m->handle, 1, 1);
}

static void test_each_vector_its_own_way(void **state)
{
    (void)state;
    actions[FX_STATELESS][ON_REQUEST] = mix_vectors;
    world_in(&ns_mem, 0, "map", 3);
    world_in(&ns_mem, 1, "read", 4);
    world_out(&ns_mem, 0, 4);
    world_out(&ns_mem, 1, 4);
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 2, 2), PSA_SUCCESS);
    assert_ptr_equal(seen_in[0], ns_mem.in_buf[0]);
    assert_int_equal(got[0], 4);
    assert_int_equal(ns_mem.out[0].len, 2);
    assert_int_equal(ns_mem.out[1].len, 1);
}

static void test_secure_client(void **state)
{
    (void)state;
    actions[FX_STATELESS][ON_REQUEST] = map_read_unmap;
    world_in(&s_mem, 0, "secure", 6);
    assert_int_equal(sp_call(FX_CLIENT, FX_STATELESS_HANDLE, 0, 1, 0),
                     PSA_SUCCESS);
    assert_ptr_equal(seen_in[0], s_mem.in_buf[0]);
    assert_memory_equal(svc_buf, "secure", 6);
}

/* A read that copied nothing leaves no trace: the vector may be mapped. */
static void read_nothing_then_map(const psa_msg_t *m)
{
    got[0] = psa_read(m->handle, 0, svc_buf, 0);
    seen_in[0] = psa_map_invec(m->handle, 0);
}

static void test_empty_read_then_map(void **state)
{
    psa_handle_t h = open_with("x", 0);

    (void)state;
    actions[FX_STRICT][ON_REQUEST] = read_nothing_then_map;
    assert_int_equal(ns_call(h, 0, 1, 0), PSA_SUCCESS);
    assert_int_equal(got[0], 0);
    assert_ptr_equal(seen_in[0], ns_mem.in_buf[0]);
}

/* --- misuse: each stops the service --- */

/* A misuse, and why the SPM stops FX_SERVER for it. */
struct misuse {
    enum when when;
    action_t action;
    const char *why;
};

static void m_map_in(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, 0);
}

static void m_map_in_twice(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, 0);
    (void)psa_map_invec(m->handle, 0);
}

static void m_map_in_after_unmap(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, 0);
    psa_unmap_invec(m->handle, 0);
    (void)psa_map_invec(m->handle, 0);
}

static void m_map_in_after_read(const psa_msg_t *m)
{
    (void)psa_read(m->handle, 0, svc_buf, 1);
    (void)psa_map_invec(m->handle, 0);
}

static void m_map_in_after_skip(const psa_msg_t *m)
{
    (void)psa_skip(m->handle, 0, 1);
    (void)psa_map_invec(m->handle, 0);
}

static void m_read_after_map(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, 0);
    (void)psa_read(m->handle, 0, svc_buf, 1);
}

static void m_skip_after_map(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, 0);
    (void)psa_skip(m->handle, 0, 1);
}

static void m_read_after_unmap(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, 0);
    psa_unmap_invec(m->handle, 0);
    (void)psa_read(m->handle, 0, svc_buf, 1);
}

static void m_map_in_idx_4(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, PSA_MAX_IOVEC);
}

static void m_map_in_past_in_len(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, 1); /* the request has one invec */
}

static void m_map_in_empty(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, 2); /* invec 2: length 0 */
}

static void m_unmap_in_not_mapped(const psa_msg_t *m)
{
    psa_unmap_invec(m->handle, 0);
}

static void m_unmap_in_twice(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle, 0);
    psa_unmap_invec(m->handle, 0);
    psa_unmap_invec(m->handle, 0);
}

static void m_unmap_in_idx_4(const psa_msg_t *m)
{
    psa_unmap_invec(m->handle, PSA_MAX_IOVEC);
}

static void m_map_in_null_handle(const psa_msg_t *m)
{
    (void)m;
    (void)psa_map_invec(PSA_NULL_HANDLE, 0);
}

static void m_map_in_stale_handle(const psa_msg_t *m)
{
    (void)psa_map_invec(m->handle + 0x100, 0);
}

static void m_unmap_in_null_handle(const psa_msg_t *m)
{
    (void)m;
    psa_unmap_invec(PSA_NULL_HANDLE, 0);
}

static void m_map_out(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 0);
}

static void m_map_out_twice(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 0);
    (void)psa_map_outvec(m->handle, 0);
}

static void m_map_out_after_unmap(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 0);
    psa_unmap_outvec(m->handle, 0, 0);
    (void)psa_map_outvec(m->handle, 0);
}

static void m_map_out_after_write(const psa_msg_t *m)
{
    psa_write(m->handle, 0, svc_buf, 1);
    (void)psa_map_outvec(m->handle, 0);
}

static void m_write_after_map(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 0);
    psa_write(m->handle, 0, svc_buf, 1);
}

static void m_write_nothing_after_map(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 0);
    psa_write(m->handle, 0, svc_buf, 0);
}

static void m_write_after_unmap(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 0);
    psa_unmap_outvec(m->handle, 0, 1);
    psa_write(m->handle, 0, svc_buf, 1);
}

static void m_map_out_idx_4(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, PSA_MAX_IOVEC);
}

static void m_map_out_past_out_len(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 1); /* the request has one outvec */
}

static void m_unmap_out_not_mapped(const psa_msg_t *m)
{
    psa_unmap_outvec(m->handle, 0, 0);
}

static void m_unmap_out_twice(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 0);
    psa_unmap_outvec(m->handle, 0, 1);
    psa_unmap_outvec(m->handle, 0, 1);
}

static void m_unmap_out_too_long(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 0);
    psa_unmap_outvec(m->handle, 0, m->out_size[0] + 1u);
}

static void m_unmap_out_huge(const psa_msg_t *m)
{
    (void)psa_map_outvec(m->handle, 0);
    psa_unmap_outvec(m->handle, 0, SIZE_MAX);
}

static void m_unmap_out_idx_4(const psa_msg_t *m)
{
    psa_unmap_outvec(m->handle, PSA_MAX_IOVEC, 0);
}

/* NS -> FX_STRICT with invec 0 "12345678", invec 2 empty, outvec 0 of 4
 * bytes (so the request has invecs 0..2, outvec 0: 3 + 1 vectors). */
static void test_misuse_stops_the_service(void **state)
{
    const struct misuse *mu = *state;

    actions[FX_STRICT][mu->when] = mu->action;
    if (mu->when == ON_CONNECT) {
        expect_part_stop(FX_SERVER, mu->why,
                         spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2));
        return;
    }
    psa_handle_t h = open_with("12345678", 4);
    expect_part_stop(FX_SERVER, mu->why, ns_call(h, 1, 1, 1));
}

/* The same with invec 2 empty: a request of 3 invecs and 1 outvec. */
static void test_misuse_empty_vector(void **state)
{
    const struct misuse *mu = *state;
    psa_handle_t h = open_with("12345678", 4);

    world_in(&ns_mem, 1, "y", 1);
    world_in(&ns_mem, 2, "", 0);
    actions[FX_STRICT][ON_REQUEST] = mu->action;
    expect_part_stop(FX_SERVER, mu->why, ns_call(h, 1, 3, 0));
}

/* A service without mm_iovec: enable may not map. */
static void test_misuse_service_without_mm_iovec(void **state)
{
    const struct misuse *mu = *state;
    psa_handle_t h =
        open_svc(FX_RELAXED_SID, FX_RELAXED_VERSION, "12345678", 4);

    actions[FX_RELAXED][ON_REQUEST] = mu->action;
    expect_part_stop(FX_SERVER, mu->why, ns_call(h, 0, 1, 1));
}

#define CASE(fn, name, w, act, why)             \
    {                                           \
        name, fn, setup, NULL, &(struct misuse) \
        {                                       \
            (w), (act), (why)                   \
        }                                       \
    }
#define MISUSE(name, act, why) \
    CASE(test_misuse_stops_the_service, name, ON_REQUEST, act, why)
#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_map_invec_is_the_client_buffer),
        T(test_map_outvec_writes_in_place),
        T(test_unmap_length_bound),
        T(test_reply_releases_what_is_mapped),
        T(test_each_vector_its_own_way),
        T(test_secure_client),
        T(test_empty_read_then_map),
        MISUSE("map_invec_twice", m_map_in_twice,
               "psa_map_invec: invec 0 was mapped before"),
        MISUSE("map_invec_after_unmap", m_map_in_after_unmap,
               "psa_map_invec: invec 0 was mapped before"),
        MISUSE("map_invec_after_read", m_map_in_after_read,
               "psa_map_invec: invec 0 was read or written already"),
        MISUSE("map_invec_after_skip", m_map_in_after_skip,
               "psa_map_invec: invec 0 was read or written already"),
        MISUSE("read_after_map_invec", m_read_after_map,
               "psa_read: invec 0 was mapped (psa_map_invec)"),
        MISUSE("skip_after_map_invec", m_skip_after_map,
               "psa_skip: invec 0 was mapped (psa_map_invec)"),
        MISUSE("read_after_unmap_invec", m_read_after_unmap,
               "psa_read: invec 0 was mapped (psa_map_invec)"),
        MISUSE("map_invec_index_4", m_map_in_idx_4,
               "psa_map_invec: invec 4 does not exist"),
        MISUSE("map_invec_past_the_request", m_map_in_past_in_len,
               "psa_map_invec: invec 1 is empty"),
        MISUSE("unmap_invec_not_mapped", m_unmap_in_not_mapped,
               "psa_unmap_invec: invec 0 is not mapped"),
        MISUSE("unmap_invec_twice", m_unmap_in_twice,
               "psa_unmap_invec: invec 0 is not mapped"),
        MISUSE("unmap_invec_index_4", m_unmap_in_idx_4,
               "psa_unmap_invec: invec 4 does not exist"),
        MISUSE("map_invec_null_handle", m_map_in_null_handle,
               "psa_map_invec: 0x00000000 is not a message the partition got"),
        MISUSE("map_invec_stale_handle", m_map_in_stale_handle,
               "psa_map_invec: 0x00000201 is not a message the partition got"),
        MISUSE(
            "unmap_invec_null_handle", m_unmap_in_null_handle,
            "psa_unmap_invec: 0x00000000 is not a message the partition got"),
        MISUSE("map_outvec_twice", m_map_out_twice,
               "psa_map_outvec: outvec 0 was mapped before"),
        MISUSE("map_outvec_after_unmap", m_map_out_after_unmap,
               "psa_map_outvec: outvec 0 was mapped before"),
        MISUSE("map_outvec_after_write", m_map_out_after_write,
               "psa_map_outvec: outvec 0 was read or written already"),
        MISUSE("write_after_map_outvec", m_write_after_map,
               "psa_write: outvec 0 was mapped (psa_map_outvec)"),
        MISUSE("write_nothing_after_map_outvec", m_write_nothing_after_map,
               "psa_write: outvec 0 was mapped (psa_map_outvec)"),
        MISUSE("write_after_unmap_outvec", m_write_after_unmap,
               "psa_write: outvec 0 was mapped (psa_map_outvec)"),
        MISUSE("map_outvec_index_4", m_map_out_idx_4,
               "psa_map_outvec: outvec 4 does not exist"),
        MISUSE("map_outvec_past_the_request", m_map_out_past_out_len,
               "psa_map_outvec: outvec 1 is empty"),
        MISUSE("unmap_outvec_not_mapped", m_unmap_out_not_mapped,
               "psa_unmap_outvec: outvec 0 is not mapped"),
        MISUSE("unmap_outvec_twice", m_unmap_out_twice,
               "psa_unmap_outvec: outvec 0 is not mapped"),
        MISUSE("unmap_outvec_one_over", m_unmap_out_too_long,
               "psa_unmap_outvec: 5 bytes written, more than outvec 0's 4"),
        MISUSE("unmap_outvec_size_max", m_unmap_out_huge,
               "psa_unmap_outvec: 4294967295 bytes written, more than outvec "
               "0's 4"),
        MISUSE("unmap_outvec_index_4", m_unmap_out_idx_4,
               "psa_unmap_outvec: outvec 4 does not exist"),
        CASE(test_misuse_stops_the_service, "map_invec_of_a_connect",
             ON_CONNECT, m_map_in,
             "psa_map_invec: message 0x00000101 is a connect or a disconnect: "
             "no vectors"),
        CASE(test_misuse_stops_the_service, "map_outvec_of_a_connect",
             ON_CONNECT, m_map_out,
             "psa_map_outvec: message 0x00000101 is a connect or a "
             "disconnect: no vectors"),
        CASE(test_misuse_empty_vector, "map_invec_empty", ON_REQUEST,
             m_map_in_empty, "psa_map_invec: invec 2 is empty"),
        CASE(test_misuse_service_without_mm_iovec, "map_invec_not_enabled",
             ON_REQUEST, m_map_in,
             "psa_map_invec: the service does not enable mm_iovec"),
        CASE(test_misuse_service_without_mm_iovec, "map_outvec_not_enabled",
             ON_REQUEST, m_map_out,
             "psa_map_outvec: the service does not enable mm_iovec"),
    };

    return cmocka_run_group_tests_name("mmiovec", tests, NULL, NULL);
}
