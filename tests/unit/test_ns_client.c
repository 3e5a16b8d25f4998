/*
 * spm/nsce/ns_client.c: the NSID range, the NS client ID, and one NS call at a
 * time per NS agent (with spm/nsce/nsce.c behind it). The NS agents of NS
 * contexts are tested in the IPC backend's world (test_ns_ctx.c).
 */
#include <stdint.h>

#include "fake_arch.h"
#include "fake_ns_ctx.h"
#include "spm/nsce/ns_client.h"
#include "spm/nsce/nsce.h"
#include "spm/spm.h"
#include "tfm_ns_client_ext.h"
#include "unit.h"
#include "warden/config.h"

#define NS (&spm_ns_agent)

static int setup(void **state)
{
    (void)state;
    fake_arch_reset();
    fake_ns_ctx_reset();
    spm_ns_client_reset();
    return 0;
}

static void test_nsid_valid_range(void **state)
{
    (void)state;
    assert_true(spm_nsid_valid(-1));
    assert_true(spm_nsid_valid(-2));
    assert_true(spm_nsid_valid(-65535));
    assert_true(spm_nsid_valid(-65536));
}

static void test_nsid_invalid(void **state)
{
    (void)state;
    assert_false(spm_nsid_valid(0));
    assert_false(spm_nsid_valid(1));
    assert_false(spm_nsid_valid(INT32_MAX));
    assert_false(spm_nsid_valid(-65537));
    assert_false(spm_nsid_valid(-0x3C000000));
    assert_false(spm_nsid_valid(INT32_MIN));
}

static void test_default_client_id(void **state)
{
    (void)state;
    assert_int_equal((uint32_t)spm_ns_client_id(NS), 0xC4000000u);
    assert_true(spm_ns_client_id(NS) < 0);
    assert_int_equal(spm_ns_client_id(NS), SPM_NS_CLIENT_ID_LIMIT);
}

static void test_range_ends_map_to_the_id_range(void **state)
{
    (void)state;
    /* NSID n reaches services as (LIMIT + 1) + n. */
    assert_int_equal(spm_nsid_to_client_id(-1), (int32_t)0xC4000000u);
    assert_int_equal(spm_nsid_to_client_id(-65536), SPM_NS_CLIENT_ID_BASE);
    assert_int_equal((uint32_t)SPM_NS_CLIENT_ID_BASE, 0xC3FF0001u);
    assert_int_equal(spm_nsid_to_client_id(-2), (int32_t)0xC3FFFFFFu);
}

static void test_every_valid_nsid_gives_a_negative_id(void **state)
{
    (void)state;
    for (int32_t nsid = -1; nsid >= -65536; nsid--) {
        int32_t id = spm_nsid_to_client_id(nsid);

        if (!spm_nsid_valid(nsid) || id >= 0 || id < SPM_NS_CLIENT_ID_BASE ||
            id > SPM_NS_CLIENT_ID_LIMIT) {
            fail_msg("NSID %ld gives client ID %ld", (long)nsid, (long)id);
        }
    }
}

static void test_one_call_at_a_time(void **state)
{
    (void)state;
    assert_int_equal(spm_ns_enter(NS), PSA_SUCCESS);
    assert_int_equal(spm_ns_enter(NS), PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(spm_ns_enter(NS), PSA_ERROR_CONNECTION_BUSY);
    spm_ns_leave(NS);
    assert_int_equal(spm_ns_enter(NS), PSA_SUCCESS);
    spm_ns_leave(NS);
}

static void test_no_context_loaded_is_refused(void **state)
{
    uint32_t t;

    (void)state;
    fake_arch_set_handler(true);
    assert_int_equal(spm_nsce_init(0), WARDEN_NS_CONTEXT_SLOTS);
    assert_int_equal(spm_ns_enter(NS), PSA_ERROR_PROGRAMMER_ERROR);
    /* The refusal left no call in progress. */
    assert_int_equal(spm_ns_enter(NS), PSA_ERROR_PROGRAMMER_ERROR);
    t = spm_nsce_acquire(1, 1);
    assert_int_equal(spm_nsce_load(t, -7), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_int_equal(spm_ns_enter(NS), PSA_SUCCESS);
    assert_int_equal(spm_ns_client_id(NS), spm_nsid_to_client_id(-7));
    spm_ns_leave(NS);
    assert_int_equal(spm_nsce_save(t), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_int_equal(spm_ns_enter(NS), PSA_ERROR_PROGRAMMER_ERROR);
}

static void test_client_id_taken_once_at_entry(void **state)
{
    uint32_t a;
    uint32_t b;

    (void)state;
    fake_arch_set_handler(true);
    a = spm_nsce_acquire(1, 1);
    b = spm_nsce_acquire(2, 1);
    assert_int_equal(spm_nsce_load(a, -2), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_int_equal(spm_ns_enter(NS), PSA_SUCCESS);
    /* The NS RTOS switches tasks while the call runs. */
    assert_int_equal(spm_nsce_save(a), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_int_equal(spm_nsce_load(b, -3), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_int_equal(spm_ns_client_id(NS), spm_nsid_to_client_id(-2));
    spm_ns_leave(NS);
    assert_int_equal(spm_ns_enter(NS), PSA_SUCCESS);
    assert_int_equal(spm_ns_client_id(NS), spm_nsid_to_client_id(-3));
    spm_ns_leave(NS);
}

static void test_reset_ends_a_call(void **state)
{
    (void)state;
    assert_int_equal(spm_ns_enter(NS), PSA_SUCCESS);
    spm_ns_client_reset();
    assert_int_equal(spm_ns_enter(NS), PSA_SUCCESS);
    spm_ns_leave(NS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_nsid_valid_range, setup),
        cmocka_unit_test_setup(test_nsid_invalid, setup),
        cmocka_unit_test_setup(test_default_client_id, setup),
        cmocka_unit_test_setup(test_range_ends_map_to_the_id_range, setup),
        cmocka_unit_test_setup(test_every_valid_nsid_gives_a_negative_id,
                               setup),
        cmocka_unit_test_setup(test_one_call_at_a_time, setup),
        cmocka_unit_test_setup(test_no_context_loaded_is_refused, setup),
        cmocka_unit_test_setup(test_client_id_taken_once_at_entry, setup),
        cmocka_unit_test_setup(test_reset_ends_a_call, setup),
    };

    return cmocka_run_group_tests_name("ns_client", tests, NULL, NULL);
}
