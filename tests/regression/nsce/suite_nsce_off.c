/*
 * TFM_NS_MANAGE_NSID=OFF: the NSCE veneers exist and refuse everything,
 * tfm_register_client_id() too, the TZ shim reports success, and every NS
 * call uses NSID -1 whatever the NS side does.
 */
#include "nsce_suites.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "tz_context.h"

static void t_nsce_refuses(struct test_result_t *ret)
{
    TEST_CHECK(h_init(0) == 0u, "init: no slot");
    TEST_CHECK(h_acquire(0, 1) == TFM_NS_CLIENT_INVALID_TOKEN, "acquire");
    TEST_CHECK(h_load(0x00000001u, -2) == TFM_NS_CLIENT_ERR_INVALID_ACCESS,
               "load");
    TEST_CHECK(h_save(0x00000001u) == TFM_NS_CLIENT_ERR_INVALID_ACCESS, "save");
    TEST_CHECK(h_release(0x00000001u) == TFM_NS_CLIENT_ERR_INVALID_ACCESS,
               "release");
    TEST_CHECK(tfm_nsce_init(0) == 0u, "init from Thread mode");
    TEST_CHECK(calls_are(-1), "calls are NSID -1");
}

static void t_register_refused(struct test_result_t *ret)
{
    TEST_CHECK(h_register(-42) == TFM_ERROR_GENERIC, "register");
    TEST_CHECK(tfm_register_client_id(-42) == TFM_ERROR_GENERIC,
               "register from Thread mode");
    TEST_CHECK(calls_are(-1), "calls are NSID -1");
}

static void t_tz_shim_passes(struct test_result_t *ret)
{
    uint32_t id;

    TEST_CHECK(h_tz_init() == 1u, "init");
    id = h_tz_alloc(TZ_TEST_MODULE_RTX);
    TEST_CHECK(id == 1u, "alloc: 1");
    TEST_CHECK(h_tz_load(id) == 1u && h_tz_store(id) == 1u, "load, store");
    TEST_CHECK(h_tz_load(id) == 1u && calls_are(-1), "calls are NSID -1");
    TEST_CHECK(h_tz_free(id) == 1u, "free");
}

static const struct test_t tests[] = {
    { t_nsce_refuses, "nsce_refuses",
      "every NSCE call is refused and calls stay NSID -1" },
    { t_register_refused, "register_refused",
      "tfm_register_client_id() is refused, calls stay NSID -1" },
    { t_tz_shim_passes, "tz_shim_passes",
      "the TZ shim reports success and calls stay NSID -1" },
};

void nsce_suite_off(struct tf_totals *totals)
{
    tf_run_suite("nsce_off", tests, sizeof(tests) / sizeof(tests[0]), totals);
}
