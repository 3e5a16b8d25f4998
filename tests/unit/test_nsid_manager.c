/*
 * ns/nsid_manager.c: the NS side's task-name, module and token bookkeeping
 * of NSIDs, every status of it. Built twice: against the fixture (3 NSCE
 * context slots) and against fixture/many_slots (255), so that the manager
 * is seen to hold a token per slot, however many there are; the module
 * table is fixture/nsid_modules.c.
 */
#include <stdint.h>

#include "ns/nsid_manager.h"
#include "tfm_ns_client_ext.h"
#include "unit.h"
#include "warden/config.h"

static int setup(void **state)
{
    (void)state;
    nsid_mgr_init();
    return 0;
}

static void test_name_table(void **state)
{
    (void)state;
    assert_int_equal(nsid_map_lookup("Thread_A"), -2);
    assert_int_equal(nsid_map_lookup("Thread_D"), -5);
    assert_int_equal(nsid_map_lookup("provision"), -6);
    assert_int_equal(nsid_map_lookup("Thread_Z"), NSID_DEFAULT);
    assert_int_equal(nsid_map_lookup("thread_a"), NSID_DEFAULT);
    assert_int_equal(nsid_map_lookup(""), NSID_DEFAULT);
    assert_int_equal(nsid_map_lookup(NULL), NSID_DEFAULT);
    for (uint32_t i = 0; i < nsid_map_table_size; i++) {
        assert_true(nsid_map_table[i].nsid < 0);
        assert_true(nsid_map_table[i].nsid >= -65536);
    }
}

static void test_add_query_remove(void **state)
{
    (void)state;
    assert_int_equal(nsid_mgr_query_nsid(0x0102u), NSID_NONE);
    assert_int_equal(nsid_mgr_add_entry(0x0102u, -7), NSID_MGR_ERR_SUCCESS);
    assert_int_equal(nsid_mgr_query_nsid(0x0102u), -7);
    /* A known token gets the new NSID, without a second entry. */
    assert_int_equal(nsid_mgr_add_entry(0x0102u, -8), NSID_MGR_ERR_SUCCESS);
    assert_int_equal(nsid_mgr_query_nsid(0x0102u), -8);
    assert_int_equal(nsid_mgr_remove_entry(0x0102u), NSID_MGR_ERR_SUCCESS);
    assert_int_equal(nsid_mgr_query_nsid(0x0102u), NSID_NONE);
    assert_int_equal(nsid_mgr_remove_entry(0x0102u),
                     NSID_MGR_ERR_INVALID_TOKEN);
}

static void test_bad_inputs(void **state)
{
    (void)state;
    assert_int_equal(nsid_mgr_add_entry(1u, 0), NSID_MGR_ERR_INVALID_NSID);
    assert_int_equal(nsid_mgr_add_entry(1u, 5), NSID_MGR_ERR_INVALID_NSID);
    /* Past the NSIDs the secure side translates. */
    assert_int_equal(nsid_mgr_add_entry(1u, -65537), NSID_MGR_ERR_INVALID_NSID);
    assert_int_equal(nsid_mgr_add_entry(1u, INT32_MIN),
                     NSID_MGR_ERR_INVALID_NSID);
    assert_int_equal(nsid_mgr_add_entry(TFM_NS_CLIENT_INVALID_TOKEN, -2),
                     NSID_MGR_ERR_INVALID_TOKEN);
    assert_int_equal(nsid_mgr_query_nsid(1u), NSID_NONE);
    assert_int_equal(nsid_mgr_remove_entry(7u), NSID_MGR_ERR_INVALID_TOKEN);
}

static void test_nsid_range_ends(void **state)
{
    (void)state;
    assert_int_equal(nsid_mgr_add_entry(1u, -65536), NSID_MGR_ERR_SUCCESS);
    assert_int_equal(nsid_mgr_query_nsid(1u), -65536);
    assert_int_equal(nsid_mgr_add_entry(2u, -1), NSID_MGR_ERR_SUCCESS);
    assert_int_equal(nsid_mgr_query_nsid(2u), -1);
}

/* A token for each NSCE context slot, and no more. */
#define LAST (WARDEN_NS_CONTEXT_SLOTS - 1u)

static void test_full(void **state)
{
    (void)state;
    assert_int_equal(NSID_MGR_ENTRIES, WARDEN_NS_CONTEXT_SLOTS);
    for (uint32_t t = 0; t < WARDEN_NS_CONTEXT_SLOTS; t++) {
        assert_int_equal(nsid_mgr_add_entry(t, -1 - (int32_t)t),
                         NSID_MGR_ERR_SUCCESS);
    }
    for (uint32_t t = 0; t < WARDEN_NS_CONTEXT_SLOTS; t++) {
        assert_int_equal(nsid_mgr_query_nsid(t), -1 - (int32_t)t);
    }
    assert_int_equal(nsid_mgr_add_entry(1000u, -2), NSID_MGR_ERR_NO_FREE_ENTRY);
    /* Updating a held token needs no new entry. */
    assert_int_equal(nsid_mgr_add_entry(LAST, -400), NSID_MGR_ERR_SUCCESS);
    assert_int_equal(nsid_mgr_query_nsid(LAST), -400);
    assert_int_equal(nsid_mgr_remove_entry(LAST), NSID_MGR_ERR_SUCCESS);
    assert_int_equal(nsid_mgr_add_entry(1000u, -2), NSID_MGR_ERR_SUCCESS);
    nsid_mgr_init();
    assert_int_equal(nsid_mgr_query_nsid(1000u), NSID_NONE);
}

static void test_module_table(void **state)
{
    (void)state;
    assert_int_equal(nsid_module_lookup(1u), -31);
    assert_int_equal(nsid_module_lookup(9u), -32);
    assert_int_equal(nsid_module_lookup(0xFFFFFFFFu), -65536);
    /* Unlisted. */
    assert_int_equal(nsid_module_lookup(2u), NSID_NONE);
    assert_int_equal(nsid_module_lookup(0x80000001u), NSID_NONE);
    /* CMSIS's "no secure calls", even with a row. */
    assert_int_equal(nsid_module_lookup(0u), NSID_NONE);
}

static void test_automatic_nsids(void **state)
{
    (void)state;
    assert_int_equal(NSID_AUTO(0), -256);
    assert_int_equal(NSID_AUTO(255), -511);
    assert_false(nsid_is_auto(-255));
    assert_true(nsid_is_auto(-256));
    assert_true(nsid_is_auto(-400));
    assert_true(nsid_is_auto(-511));
    assert_false(nsid_is_auto(-512));
    assert_false(nsid_is_auto(NSID_DEFAULT));
    assert_false(nsid_is_auto(NSID_NONE));
    assert_false(nsid_is_auto(NSID_MIN));
    /* Every automatic NSID is one the secure side translates. */
    assert_true(NSID_AUTO(NSID_AUTO_COUNT - 1) >= NSID_MIN);
    /* None is the name table's. */
    for (uint32_t i = 0; i < nsid_map_table_size; i++) {
        assert_false(nsid_is_auto(nsid_map_table[i].nsid));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_name_table, setup),
        cmocka_unit_test_setup(test_add_query_remove, setup),
        cmocka_unit_test_setup(test_bad_inputs, setup),
        cmocka_unit_test_setup(test_nsid_range_ends, setup),
        cmocka_unit_test_setup(test_full, setup),
        cmocka_unit_test_setup(test_module_table, setup),
        cmocka_unit_test_setup(test_automatic_nsids, setup),
    };

    return cmocka_run_group_tests_name(WARDEN_NS_CONTEXT_SLOTS == 255
                                           ? "nsid_manager (255 context slots)"
                                           : "nsid_manager",
                                       tests, NULL, NULL);
}
