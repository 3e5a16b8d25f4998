/*
 * spm/nsce/nsce_absent.c (TFM_NS_MANAGE_NSID=OFF): the veneers refuse
 * everything, from either mode, and every NS call uses NSID -1.
 */
#include <stdint.h>

#include "fake_arch.h"
#include "spm/nsce/ns_client.h"
#include "spm/nsce/nsce.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "unit.h"

static void refuses_all(void)
{
    assert_int_equal(spm_nsce_init(0), 0);
    assert_int_equal(spm_nsce_init(1), 0);
    assert_int_equal(spm_nsce_acquire(0, 1), TFM_NS_CLIENT_INVALID_TOKEN);
    assert_int_equal(spm_nsce_load(0x00000001u, -2),
                     TFM_NS_CLIENT_ERR_INVALID_ACCESS);
    assert_int_equal(spm_nsce_save(0x00000001u),
                     TFM_NS_CLIENT_ERR_INVALID_ACCESS);
    assert_int_equal(spm_nsce_release(0x00000001u),
                     TFM_NS_CLIENT_ERR_INVALID_ACCESS);
    assert_int_equal(spm_nsce_register_client_id(-5), TFM_ERROR_GENERIC);
    assert_int_equal(spm_nsce_current_nsid(), -1);
}

static void test_handler_mode(void **state)
{
    (void)state;
    fake_arch_reset();
    fake_arch_set_handler(true);
    refuses_all();
}

static void test_thread_mode(void **state)
{
    (void)state;
    fake_arch_reset();
    refuses_all();
}

static void test_ns_calls_use_nsid_minus_1(void **state)
{
    (void)state;
    fake_arch_reset();
    fake_arch_set_handler(true);
    (void)spm_nsce_init(0);
    (void)spm_nsce_acquire(0, 0);
    spm_ns_client_reset();
    assert_int_equal(spm_ns_enter(&spm_ns_agent), PSA_SUCCESS);
    assert_int_equal((uint32_t)spm_ns_client_id(&spm_ns_agent), 0xC4000000u);
    spm_ns_leave(&spm_ns_agent);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_handler_mode),
        cmocka_unit_test(test_thread_mode),
        cmocka_unit_test(test_ns_calls_use_nsid_minus_1),
    };

    return cmocka_run_group_tests_name("nsce_absent", tests, NULL, NULL);
}
