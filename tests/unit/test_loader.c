/* spm/loader.c: runtime tables from the (fixture's) load info. */
#include "fixture.h"
#include "spm/handle.h"
#include "spm/loader.h"
#include "unit.h"

static int setup(void **state)
{
    (void)state;
    fake_platform_reset();
    /* Leftovers of an earlier run that spm_load() must reset. */
    memset(spm_conns, 0x5A, sizeof(spm_conns));
    memset(spm_partitions, 0x5A, sizeof(spm_partitions));
    memset(&spm_ns_agent, 0x5A, sizeof(spm_ns_agent));
    spm_load();
    return 0;
}

static void test_load_resets_connections(void **state)
{
    (void)state;
    for (unsigned i = 0; i < SPM_CONN_POOL; i++) {
        assert_int_equal(spm_conns[i].state, SPM_CONN_FREE);
        assert_int_equal(spm_conns[i].gen, 1);
    }
    for (unsigned i = 0; i < SPM_NUM_CLIENTS; i++) {
        assert_null(spm_client_by_index(i)->sl_req);
        /* Its message handles name it (generation 0: none yet). */
        assert_int_equal(spm_client_by_index(i)->sl_handle,
                         SPM_CONN_POOL + 1u + i);
    }
}

static void test_load_builds_partitions(void **state)
{
    (void)state;
    assert_null(spm_ns_agent.info);
    assert_int_equal(spm_ns_agent.index, 0);
    assert_int_equal(spm_ns_agent.state, SPM_PART_READY);
    assert_true(spm_is_ns(&spm_ns_agent));
    for (unsigned i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        assert_ptr_equal(spm_partitions[i].info, &warden_partitions[i]);
        assert_int_equal(spm_partitions[i].index, i + 1u);
        assert_int_equal(spm_partitions[i].state, SPM_PART_UNINIT);
        assert_false(spm_is_ns(&spm_partitions[i]));
    }
}

static void test_service_by_sid(void **state)
{
    (void)state;
    for (unsigned i = 0; i < WARDEN_NUM_SERVICES; i++) {
        assert_ptr_equal(spm_service_by_sid(warden_services[i].sid),
                         &warden_services[i]);
    }
    assert_ptr_equal(spm_service_by_sid(FX_QUIET_CONN_SID),
                     &warden_services[FX_QUIET_CONN]);
    assert_null(spm_service_by_sid(FX_UNKNOWN_SID));
    /* The zeroed sentinel entry is no service. */
    assert_null(spm_service_by_sid(0u));
}

static void test_service_by_stateless_index(void **state)
{
    (void)state;
    assert_ptr_equal(spm_service_by_stateless_index(1),
                     &warden_services[FX_STATELESS]);
    assert_ptr_equal(spm_service_by_stateless_index(2),
                     &warden_services[FX_SL_SECURE_ONLY]);
    assert_ptr_equal(spm_service_by_stateless_index(3),
                     &warden_services[FX_SL_RELAXED]);
    assert_ptr_equal(spm_service_by_stateless_index(4),
                     &warden_services[FX_BROKEN_SL]);
    assert_ptr_equal(spm_service_by_stateless_index(32),
                     &warden_services[FX_CLIENT_SL]);
    assert_null(spm_service_by_stateless_index(5));
    assert_null(spm_service_by_stateless_index(31));
    assert_null(spm_service_by_stateless_index(0));
    assert_null(spm_service_by_stateless_index(33));
    assert_null(spm_service_by_stateless_index(UINT32_MAX));
}

static void test_load_twice(void **state)
{
    (void)state;
    /* The stateless table is rebuilt, not found full of duplicates. */
    spm_load();
    assert_int_equal(fake_platform_stops(), 0);
    assert_ptr_equal(spm_service_by_stateless_index(32),
                     &warden_services[FX_CLIENT_SL]);
}

static void test_service_partition(void **state)
{
    (void)state;
    assert_ptr_equal(spm_service_partition(&warden_services[FX_STRICT]),
                     &spm_partitions[FX_SERVER]);
    assert_ptr_equal(spm_service_partition(&warden_services[FX_BROKEN_SL]),
                     &spm_partitions[FX_BROKEN]);
    assert_ptr_equal(spm_service_partition(&warden_services[FX_CLIENT_SL]),
                     &spm_partitions[FX_CLIENT]);
    assert_ptr_equal(spm_service_partition(&warden_services[FX_QUIET_CONN]),
                     &spm_partitions[FX_QUIET]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_load_resets_connections, setup),
        cmocka_unit_test_setup(test_load_builds_partitions, setup),
        cmocka_unit_test_setup(test_service_by_sid, setup),
        cmocka_unit_test_setup(test_service_by_stateless_index, setup),
        cmocka_unit_test_setup(test_load_twice, setup),
        cmocka_unit_test_setup(test_service_partition, setup),
    };

    return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}
