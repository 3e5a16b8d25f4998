/* spm/handle.c and spm/handle.h: slots, generations and the handle
 * encoding, connection and stateless message handles, orphans. */
#include "spm/handle.h"
#include "unit.h"

/* handle.c's neighbours, here without the loader. */
struct spm_partition spm_ns_agent;
struct spm_partition spm_partitions[SPM_PARTITION_ENTRIES];
struct spm_partition
    spm_ns_ctx_agents[WARDEN_NS_CONTEXTS + (WARDEN_NS_CONTEXTS == 0)];
const struct warden_service_info warden_services[WARDEN_NUM_SERVICES + 1] = {
    [2] = { .partition = 1 },
};

/* Pool slots 0..3; message handles also name the 5 clients (NS + 4). */
_Static_assert(WARDEN_CONN_MAX == 4, "the fixture's pool has 4 slots");
_Static_assert(SPM_CONN_POOL == 4, "the fixture has connection services");
_Static_assert(SPM_NUM_SLOTS == 9, "4 pool slots + 5 clients");
/* What a slot keeps now: no message. */
_Static_assert(sizeof(struct spm_conn) <=
                   4 * sizeof(uint32_t) + 2 * sizeof(void *),
               "a connection slot is small");

static struct spm_req req_a;
static struct spm_req req_b;

static int setup(void **state)
{
    (void)state;
    memset(spm_conns, 0xA5, sizeof(spm_conns));
    memset(&spm_ns_agent, 0xA5, sizeof(spm_ns_agent));
    memset(spm_partitions, 0xA5, sizeof(spm_partitions));
    spm_ns_agent.index = 0;
    for (unsigned i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        spm_partitions[i].index = (uint8_t)(i + 1u);
    }
    spm_conn_init();
    return 0;
}

static struct spm_conn *take(unsigned slot)
{
    spm_conns[slot].state = SPM_CONN_IDLE;
    return &spm_conns[slot];
}

static void test_init_resets_every_slot(void **state)
{
    (void)state;
    for (unsigned i = 0; i < SPM_CONN_POOL; i++) {
        assert_int_equal(spm_conns[i].gen, 1);
        assert_int_equal(spm_conns[i].state, SPM_CONN_FREE);
        assert_null(spm_conns[i].rhandle);
        assert_null(spm_conns[i].req);
    }
    for (unsigned i = 0; i < SPM_NUM_CLIENTS; i++) {
        const struct spm_partition *c = spm_client_by_index(i);

        assert_null(c->sl_req);
        assert_int_equal(c->sl_handle, SPM_CONN_POOL + 1u + i);
    }
}

static void test_clients_by_index(void **state)
{
    (void)state;
    assert_ptr_equal(spm_client_by_index(0), &spm_ns_agent);
    assert_ptr_equal(spm_client_by_index(1), &spm_partitions[0]);
    assert_ptr_equal(spm_client_by_index(WARDEN_NUM_PARTITIONS),
                     &spm_partitions[WARDEN_NUM_PARTITIONS - 1]);
}

static void test_alloc_only_pool_slots(void **state)
{
    (void)state;
    for (unsigned i = 0; i < WARDEN_CONN_MAX; i++) {
        assert_ptr_equal(spm_conn_alloc(), &spm_conns[i]);
        take(i);
    }
    assert_null(spm_conn_alloc());
    spm_conn_free(&spm_conns[2]);
    assert_ptr_equal(spm_conn_alloc(), &spm_conns[2]);
}

static void test_handle_encoding(void **state)
{
    (void)state;
    assert_int_equal(spm_conn_handle(&spm_conns[0]), 0x101);
    spm_conns[2].gen = 5;
    assert_int_equal(spm_conn_handle(&spm_conns[2]), 0x503);
    spm_conns[3].gen = SPM_HANDLE_GEN_MASK;
    assert_int_equal(spm_conn_handle(&spm_conns[3]), 0x3FFFFF04);
    assert_false(spm_handle_is_stateless(spm_conn_handle(&spm_conns[3])));
}

static void test_from_handle_round_trip(void **state)
{
    struct spm_conn *pool = take(3);

    (void)state;
    pool->gen = 77;
    assert_ptr_equal(spm_conn_from_handle(spm_conn_handle(pool)), pool);
    /* A client's stateless message handle is never a client handle. */
    assert_null(spm_conn_from_handle(spm_sl_start(&spm_partitions[0])));
}

static void test_from_handle_refuses_non_handles(void **state)
{
    (void)state;
    take(0);
    assert_null(spm_conn_from_handle(0));
    assert_null(spm_conn_from_handle(-1));
    assert_null(spm_conn_from_handle(INT32_MIN));
    assert_null(spm_conn_from_handle((psa_handle_t)0x80000101u));
    /* Stateless indicator on an otherwise valid handle. */
    assert_null(spm_conn_from_handle(0x40000101));
    /* Slot field 0, and slots past the pool. */
    assert_null(spm_conn_from_handle(0x100));
    assert_null(spm_conn_from_handle(0x100 | (SPM_CONN_POOL + 1)));
    assert_null(spm_conn_from_handle(0x1FF));
}

static void test_from_handle_refuses_free_and_stale(void **state)
{
    struct spm_conn *c = take(1);
    psa_handle_t h = spm_conn_handle(c);

    (void)state;
    assert_ptr_equal(spm_conn_from_handle(h), c);
    /* Forged generations. */
    assert_null(spm_conn_from_handle(h + 0x100));
    assert_null(spm_conn_from_handle(h & 0xFF));
    /* Closed: the slot is free, then reused with a new generation. */
    spm_conn_free(c);
    assert_null(spm_conn_from_handle(h));
    take(1);
    assert_null(spm_conn_from_handle(h));
    assert_int_equal(spm_conn_handle(c), h + 0x100);
}

static void test_free_bumps_generation_and_clears(void **state)
{
    struct spm_conn *c = take(0);
    int marker;

    (void)state;
    c->rhandle = &marker;
    c->req = &req_a;
    spm_conn_free(c);
    assert_int_equal(c->state, SPM_CONN_FREE);
    assert_null(c->rhandle);
    assert_null(c->req);
    assert_int_equal(c->gen, 2);
}

static void test_generation_wraps_to_one(void **state)
{
    struct spm_conn *c = take(0);

    (void)state;
    c->gen = SPM_HANDLE_GEN_MASK;
    spm_conn_free(c);
    assert_int_equal(c->gen, 1);
    c->gen = SPM_HANDLE_GEN_MASK - 1u;
    spm_conn_free(c);
    assert_int_equal(c->gen, SPM_HANDLE_GEN_MASK);
}

static void test_stateless_message_handles(void **state)
{
    struct spm_partition *ns = &spm_ns_agent;
    struct spm_partition *sp = &spm_partitions[WARDEN_NUM_PARTITIONS - 1];
    psa_handle_t h1 = spm_sl_start(ns);
    psa_handle_t h2;

    (void)state;
    /* The client after the pool, the next generation. */
    assert_int_equal(h1, 0x100 | (SPM_CONN_POOL + 1));
    assert_int_equal(spm_sl_start(sp), 0x100 | SPM_NUM_SLOTS);
    assert_false(spm_handle_is_stateless(h1));
    /* Names the request only while it is the client's in flight. */
    assert_null(spm_req_from_handle(h1));
    ns->sl_req = &req_a;
    assert_ptr_equal(spm_req_from_handle(h1), &req_a);
    ns->sl_req = NULL;
    assert_null(spm_req_from_handle(h1));
    /* A later request: the earlier handle is stale. */
    h2 = spm_sl_start(ns);
    ns->sl_req = &req_b;
    assert_int_equal(h2, h1 + 0x100);
    assert_ptr_equal(spm_req_from_handle(h2), &req_b);
    assert_null(spm_req_from_handle(h1));
    /* Forged: another generation, another client, bits 31..30. */
    assert_null(spm_req_from_handle(h2 + 0x100));
    assert_null(spm_req_from_handle(h2 + 1));
    assert_null(
        spm_req_from_handle((psa_handle_t)((uint32_t)h2 | 0x40000000u)));
    assert_null(
        spm_req_from_handle((psa_handle_t)((uint32_t)h2 | 0x80000000u)));
    assert_null(spm_req_from_handle(h2 & 0xFF));
}

static void test_stateless_generation_wraps(void **state)
{
    struct spm_partition *ns = &spm_ns_agent;
    psa_handle_t h;

    (void)state;
    ns->sl_handle = ((SPM_HANDLE_GEN_MASK - 1u) << 8) | (SPM_CONN_POOL + 1);
    h = spm_sl_start(ns);
    assert_int_equal(h, 0x3FFFFF00 | (SPM_CONN_POOL + 1));
    ns->sl_req = &req_a;
    assert_ptr_equal(spm_req_from_handle(h), &req_a);
    h = spm_sl_start(ns);
    assert_int_equal(h, SPM_CONN_POOL + 1);
    assert_int_equal(ns->sl_handle, SPM_CONN_POOL + 1);
    assert_ptr_equal(spm_req_from_handle(h), &req_a);
    assert_null(spm_req_from_handle(0x3FFFFF00 | (SPM_CONN_POOL + 1)));
    assert_int_equal(spm_sl_start(ns), 0x100 | (SPM_CONN_POOL + 1));
}

static void test_connection_message_handles(void **state)
{
    struct spm_conn *c = take(2);
    psa_handle_t h = spm_conn_handle(c);

    (void)state;
    c->req = &req_a;
    /* Only while a request is in flight on it. */
    assert_null(spm_req_from_handle(h));
    c->state = SPM_CONN_ACTIVE;
    assert_ptr_equal(spm_req_from_handle(h), &req_a);
    c->state = SPM_CONN_REPLIED;
    assert_null(spm_req_from_handle(h));
    c->state = SPM_CONN_ACTIVE;
    assert_null(spm_req_from_handle(h + 0x100));
    assert_null(spm_req_from_handle(h - 1));
    spm_conn_free(c);
    assert_null(spm_req_from_handle(h));
}

static void test_message_handles_out_of_range(void **state)
{
    (void)state;
    spm_ns_agent.sl_req = &req_a;
    take(0)->state = SPM_CONN_ACTIVE;
    spm_conns[0].req = &req_b;
    assert_null(spm_req_from_handle(0));
    assert_null(spm_req_from_handle(-1));
    assert_null(spm_req_from_handle(0x100));
    assert_null(spm_req_from_handle(0x100 | (SPM_NUM_SLOTS + 1)));
    assert_null(spm_req_from_handle(0x1FF));
}

static void test_stateless_indicator(void **state)
{
    (void)state;
    assert_true(spm_handle_is_stateless(0x40000100));
    assert_true(spm_handle_is_stateless(0x7FFFFFFF));
    assert_false(spm_handle_is_stateless(0x3FFFFFFF));
    assert_false(spm_handle_is_stateless(0));
    assert_false(spm_handle_is_stateless((psa_handle_t)0xC0000100u));
    assert_false(spm_handle_is_stateless(PSA_ERROR_PROGRAMMER_ERROR));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_init_resets_every_slot, setup),
        cmocka_unit_test_setup(test_clients_by_index, setup),
        cmocka_unit_test_setup(test_alloc_only_pool_slots, setup),
        cmocka_unit_test_setup(test_handle_encoding, setup),
        cmocka_unit_test_setup(test_from_handle_round_trip, setup),
        cmocka_unit_test_setup(test_from_handle_refuses_non_handles, setup),
        cmocka_unit_test_setup(test_from_handle_refuses_free_and_stale, setup),
        cmocka_unit_test_setup(test_free_bumps_generation_and_clears, setup),
        cmocka_unit_test_setup(test_generation_wraps_to_one, setup),
        cmocka_unit_test_setup(test_stateless_message_handles, setup),
        cmocka_unit_test_setup(test_stateless_generation_wraps, setup),
        cmocka_unit_test_setup(test_connection_message_handles, setup),
        cmocka_unit_test_setup(test_message_handles_out_of_range, setup),
        cmocka_unit_test_setup(test_stateless_indicator, setup),
    };

    return cmocka_run_group_tests_name("handle", tests, NULL, NULL);
}
