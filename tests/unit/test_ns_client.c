/* spm/ns_client.c: the NSID range and the NS client ID. */
#include <stdint.h>

#include "spm/ns_client.h"
#include "spm/spm.h"
#include "unit.h"

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
    assert_int_equal((uint32_t)spm_ns_client_id(), 0xC4000000u);
    assert_true(spm_ns_client_id() < 0);
    assert_int_equal(spm_ns_client_id(), SPM_NS_CLIENT_ID_LIMIT);
}

static void test_range_ends_map_to_the_id_range(void **state)
{
    (void)state;
    /* NSID n reaches services as (LIMIT + 1) + n. */
    assert_int_equal(SPM_NS_CLIENT_ID_LIMIT + 1 + (-1), (int32_t)0xC4000000u);
    assert_int_equal(SPM_NS_CLIENT_ID_LIMIT + 1 + (-65536),
                     SPM_NS_CLIENT_ID_BASE);
    assert_int_equal((uint32_t)SPM_NS_CLIENT_ID_BASE, 0xC3FF0001u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nsid_valid_range),
        cmocka_unit_test(test_nsid_invalid),
        cmocka_unit_test(test_default_client_id),
        cmocka_unit_test(test_range_ends_map_to_the_id_range),
    };

    return cmocka_run_group_tests_name("ns_client", tests, NULL, NULL);
}
