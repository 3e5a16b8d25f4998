/* spm/handle.c: slots, generations and the handle encoding. */
#include "spm/handle.h"
#include "unit.h"

/* Pool slots 0..3, then one stateless slot per client (NS + 4 partitions). */
_Static_assert(WARDEN_CONN_MAX == 4, "the fixture's pool has 4 slots");
_Static_assert(SPM_NUM_SLOTS == 9, "4 pool slots + 5 client slots");

static int setup(void **state)
{
    (void)state;
    memset(spm_conns, 0xA5, sizeof(spm_conns));
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
    for (unsigned i = 0; i < SPM_NUM_SLOTS; i++) {
        assert_int_equal(spm_conns[i].gen, 1);
        assert_int_equal(spm_conns[i].state, SPM_CONN_FREE);
        assert_null(spm_conns[i].rhandle);
        assert_null(spm_conns[i].service);
    }
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

static void test_client_slots_follow_the_pool(void **state)
{
    struct spm_partition ns = { NULL, SPM_PART_READY, 0 };
    struct spm_partition sp = { NULL, SPM_PART_READY, 4 };

    (void)state;
    assert_ptr_equal(spm_conn_client_slot(&ns), &spm_conns[WARDEN_CONN_MAX]);
    assert_ptr_equal(spm_conn_client_slot(&sp), &spm_conns[SPM_NUM_SLOTS - 1]);
}

static void test_handle_encoding(void **state)
{
    (void)state;
    assert_int_equal(spm_conn_handle(&spm_conns[0]), 0x101);
    spm_conns[2].gen = 5;
    assert_int_equal(spm_conn_handle(&spm_conns[2]), 0x503);
    spm_conns[8].gen = SPM_HANDLE_GEN_MASK;
    assert_int_equal(spm_conn_handle(&spm_conns[8]), 0x3FFFFF09);
    assert_false(spm_handle_is_stateless(spm_conn_handle(&spm_conns[8])));
}

static void test_from_handle_round_trip(void **state)
{
    struct spm_conn *pool = take(3);
    struct spm_conn *client = take(WARDEN_CONN_MAX + 1);

    (void)state;
    pool->gen = 77;
    assert_ptr_equal(spm_conn_from_handle(spm_conn_handle(pool), true), pool);
    assert_ptr_equal(spm_conn_from_handle(spm_conn_handle(pool), false), pool);
    /* A client's stateless slot is a message handle, never a client one. */
    assert_null(spm_conn_from_handle(spm_conn_handle(client), true));
    assert_ptr_equal(spm_conn_from_handle(spm_conn_handle(client), false),
                     client);
    /* The last slot of all. */
    client = take(SPM_NUM_SLOTS - 1);
    assert_int_equal(spm_conn_handle(client) & 0xFF, SPM_NUM_SLOTS);
    assert_ptr_equal(spm_conn_from_handle(spm_conn_handle(client), false),
                     client);
}

static void test_from_handle_refuses_non_handles(void **state)
{
    (void)state;
    take(0);
    assert_null(spm_conn_from_handle(0, false));
    assert_null(spm_conn_from_handle(-1, false));
    assert_null(spm_conn_from_handle(INT32_MIN, false));
    assert_null(spm_conn_from_handle((psa_handle_t)0x80000101u, false));
    /* Stateless indicator on an otherwise valid handle. */
    assert_null(spm_conn_from_handle(0x40000101, false));
    /* Slot field 0, and slots past the table. */
    assert_null(spm_conn_from_handle(0x100, false));
    assert_null(spm_conn_from_handle(0x100 | (SPM_NUM_SLOTS + 1), false));
    assert_null(spm_conn_from_handle(0x1FF, false));
}

static void test_from_handle_refuses_free_and_stale(void **state)
{
    struct spm_conn *c = take(1);
    psa_handle_t h = spm_conn_handle(c);

    (void)state;
    assert_ptr_equal(spm_conn_from_handle(h, true), c);
    /* Forged generations. */
    assert_null(spm_conn_from_handle(h + 0x100, true));
    assert_null(spm_conn_from_handle(h & 0xFF, true));
    /* Closed: the slot is free, then reused with a new generation. */
    spm_conn_free(c);
    assert_null(spm_conn_from_handle(h, true));
    take(1);
    assert_null(spm_conn_from_handle(h, true));
    assert_int_equal(spm_conn_handle(c), h + 0x100);
}

static void test_free_bumps_generation_and_clears(void **state)
{
    struct spm_conn *c = take(0);
    int marker;

    (void)state;
    c->rhandle = &marker;
    spm_conn_free(c);
    assert_int_equal(c->state, SPM_CONN_FREE);
    assert_null(c->rhandle);
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
        cmocka_unit_test_setup(test_alloc_only_pool_slots, setup),
        cmocka_unit_test_setup(test_client_slots_follow_the_pool, setup),
        cmocka_unit_test_setup(test_handle_encoding, setup),
        cmocka_unit_test_setup(test_from_handle_round_trip, setup),
        cmocka_unit_test_setup(test_from_handle_refuses_non_handles, setup),
        cmocka_unit_test_setup(test_from_handle_refuses_free_and_stale, setup),
        cmocka_unit_test_setup(test_free_bumps_generation_and_clears, setup),
        cmocka_unit_test_setup(test_generation_wraps_to_one, setup),
        cmocka_unit_test_setup(test_stateless_indicator, setup),
    };

    return cmocka_run_group_tests_name("handle", tests, NULL, NULL);
}
