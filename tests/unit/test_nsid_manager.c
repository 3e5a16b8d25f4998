/*
 * ns/nsid_manager.c: the NS side's task-name and token bookkeeping of
 * NSIDs, every status of it.
 */
#include <stdint.h>

#include "ns/nsid_manager.h"
#include "tfm_ns_client_ext.h"
#include "unit.h"

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
    assert_int_equal(nsid_mgr_add_entry(TFM_NS_CLIENT_INVALID_TOKEN, -2),
                     NSID_MGR_ERR_INVALID_TOKEN);
    assert_int_equal(nsid_mgr_query_nsid(1u), NSID_NONE);
    assert_int_equal(nsid_mgr_remove_entry(7u), NSID_MGR_ERR_INVALID_TOKEN);
}

static void test_full(void **state)
{
    (void)state;
    for (uint32_t t = 0; t < NSID_MGR_ENTRIES; t++) {
        assert_int_equal(nsid_mgr_add_entry(t, -1 - (int32_t)t),
                         NSID_MGR_ERR_SUCCESS);
    }
    assert_int_equal(nsid_mgr_add_entry(100u, -2), NSID_MGR_ERR_NO_FREE_ENTRY);
    /* Updating a held token needs no new entry. */
    assert_int_equal(nsid_mgr_add_entry(3u, -40), NSID_MGR_ERR_SUCCESS);
    assert_int_equal(nsid_mgr_query_nsid(3u), -40);
    assert_int_equal(nsid_mgr_remove_entry(3u), NSID_MGR_ERR_SUCCESS);
    assert_int_equal(nsid_mgr_add_entry(100u, -2), NSID_MGR_ERR_SUCCESS);
    nsid_mgr_init();
    assert_int_equal(nsid_mgr_query_nsid(100u), NSID_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_name_table, setup),
        cmocka_unit_test_setup(test_add_query_remove, setup),
        cmocka_unit_test_setup(test_bad_inputs, setup),
        cmocka_unit_test_setup(test_full, setup),
    };

    return cmocka_run_group_tests_name("nsid_manager", tests, NULL, NULL);
}
