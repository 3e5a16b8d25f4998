/*
 * The CMSIS TrustZone context API (ns/tz_shim.c over NSCE), called from NS
 * Handler mode as an RTOS calls it. Runs after the NSCE matrix, before the
 * NS kernel starts.
 */
#include "nsce_suites.h"
#include "nsid_manager.h"
#include "tz_context.h"

#define MODULE(nsid) ((uint32_t)(int32_t)(nsid))

static void t_init(struct test_result_t *ret)
{
    TEST_CHECK(TZ_InitContextSystem_S() == 0u, "Thread mode: 0");
    TEST_CHECK(h_tz_init() == 1u, "Handler mode: 1");
}

static void t_alloc_load_store_free(struct test_result_t *ret)
{
    uint32_t id = h_tz_alloc(MODULE(-9));
    int32_t cid = 0;

    TEST_CHECK(id != 0u, "a memory ID");
    TEST_CHECK(h_tz_load(id) == 1u, "load");
    TEST_CHECK(calls_are(-9), "calls are the module's NSID");
    TEST_CHECK(h_tz_store(id) == 1u, "store");
    TEST_CHECK(who_am_i(&cid) == PSA_ERROR_PROGRAMMER_ERROR,
               "no call once stored");
    TEST_CHECK(h_tz_free(id) == 1u, "free");
    TEST_CHECK(h_tz_free(id) == 0u, "free again");
    TEST_CHECK(h_tz_load(id) == 0u, "load after free");
}

static void t_memory_id_0_and_unknown(struct test_result_t *ret)
{
    TEST_CHECK(h_tz_load(0) == 0u, "load 0");
    TEST_CHECK(h_tz_store(0) == 0u, "store 0");
    TEST_CHECK(h_tz_free(0) == 0u, "free 0");
    TEST_CHECK(h_tz_load(0x12345u) == 0u, "load unknown");
    TEST_CHECK(h_tz_store(0x12345u) == 0u, "store unknown");
}

static void t_module_not_an_nsid(struct test_result_t *ret)
{
    TEST_CHECK(h_tz_alloc(0) == 0u, "module 0");
    TEST_CHECK(h_tz_alloc(5) == 0u, "module 5");
}

static void t_untranslatable_nsid_refused_at_load(struct test_result_t *ret)
{
    uint32_t id = h_tz_alloc(MODULE(-70000));

    TEST_CHECK(id != 0u, "allocated");
    TEST_CHECK(h_tz_load(id) == 0u, "the secure side refuses the NSID");
    TEST_CHECK(h_tz_free(id) == 1u, "free");
}

static void t_load_without_store(struct test_result_t *ret)
{
    uint32_t a = h_tz_alloc(MODULE(-10));
    uint32_t b = h_tz_alloc(MODULE(-11));

    TEST_CHECK(a != 0u && b != 0u && a != b, "two contexts");
    TEST_CHECK(h_tz_load(a) == 1u && calls_are(-10), "load A");
    TEST_CHECK(h_tz_load(b) == 1u && calls_are(-11), "load B, no store");
    TEST_CHECK(h_tz_store(a) == 0u, "A was stored implicitly");
    TEST_CHECK(h_tz_store(b) == 1u, "store B");
    TEST_CHECK(h_tz_free(a) == 1u && h_tz_free(b) == 1u, "free");
}

static void t_exhaust_manager(struct test_result_t *ret)
{
    uint32_t ids[NSID_MGR_ENTRIES];
    uint32_t n = 0;

    while (n < NSID_MGR_ENTRIES) {
        ids[n] = h_tz_alloc(MODULE(-20 - (int32_t)n));
        TEST_CHECK(ids[n] != 0u, "allocated");
        n++;
    }
    TEST_CHECK(h_tz_alloc(MODULE(-99)) == 0u, "the NSID manager is full");
    TEST_CHECK(h_tz_load(ids[7]) == 1u && calls_are(-27), "the eighth");
    while (n != 0u) {
        TEST_CHECK(h_tz_free(ids[--n]) == 1u, "free");
    }
    TEST_CHECK((ids[0] = h_tz_alloc(MODULE(-99))) != 0u, "room again");
    TEST_CHECK(h_tz_free(ids[0]) == 1u, "free");
}

static const struct test_t tests[] = {
    { t_init, "init", "" },
    { t_alloc_load_store_free, "alloc_load_store_free", "" },
    { t_memory_id_0_and_unknown, "memory_id_0_and_unknown", "" },
    { t_module_not_an_nsid, "module_not_an_nsid", "" },
    { t_untranslatable_nsid_refused_at_load,
      "untranslatable_nsid_refused_at_load", "" },
    { t_load_without_store, "load_without_store", "" },
    { t_exhaust_manager, "exhaust_nsid_manager", "" },
};

void nsce_suite_tz_shim(struct tf_totals *totals)
{
    tf_run_suite("tz_shim", tests, sizeof(tests) / sizeof(tests[0]), totals);
}
