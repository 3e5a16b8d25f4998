/*
 * The CMSIS TrustZone context API (ns/tz_shim.c over NSCE), called from NS
 * Handler mode as an RTOS calls it, with RTX's conventions: module IDs are
 * CMSIS module IDs (1 for every thread, as CMSIS's TrustZone examples
 * create them), each context is a slot and a client identity of its own,
 * and a context the secure side would not take is refused at allocation.
 * The client ID each context gets is what a service reports for a call
 * made with it loaded. Runs after the NSCE matrix, before the NS kernel
 * starts.
 */
#include "nsce_suites.h"
#include "nsid_manager.h"
#include "tz_context.h"
#include "warden/config.h"

#define SLOTS WARDEN_NS_CONTEXT_SLOTS

/* Allocates contexts of @p module until one is refused, at most @p max;
 * returns how many were allocated. */
static uint32_t alloc_until_refused(uint32_t module, uint32_t *ids,
                                    uint32_t max)
{
    uint32_t n = 0;

    while (n < max && (ids[n] = h_tz_alloc(module)) != 0u) {
        n++;
    }
    return n;
}

/* Frees @p n contexts; true if every free succeeded. */
static int free_all(const uint32_t *ids, uint32_t n)
{
    int ok = 1;

    while (n != 0u) {
        ok &= h_tz_free(ids[--n]) == 1u;
    }
    return ok;
}

/* True if a call made with @p id loaded reaches services as NSID @p nsid;
 * stores it again. */
static int context_is(uint32_t id, int32_t nsid)
{
    int ok = h_tz_load(id) == 1u && calls_are(nsid);

    return h_tz_store(id) == 1u && ok;
}

/* How many contexts can be allocated now (every one freed again). */
static uint32_t contexts_free(void)
{
    uint32_t ids[SLOTS + 1u];
    uint32_t n = alloc_until_refused(TZ_TEST_MODULE_RTX, ids, SLOTS + 1u);

    return free_all(ids, n) ? n : 0u;
}

static void t_init(struct test_result_t *ret)
{
    TEST_CHECK(in_thread(UNPRIV, OP_TZ_INIT, 0u, 0u) == 0u,
               "unprivileged Thread mode: 0");
    TEST_CHECK(h_tz_init() == 1u, "Handler mode: 1");
}

static void t_alloc_load_store_free(struct test_result_t *ret)
{
    uint32_t id = h_tz_alloc(TZ_TEST_MODULE_A);
    int32_t cid = 0;

    TEST_CHECK(id != 0u, "a memory ID");
    TEST_CHECK(h_tz_load(id) == 1u, "load");
    TEST_CHECK(calls_are(TZ_TEST_NSID_A), "calls are the module's NSID");
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

static void t_module_0_no_context(struct test_result_t *ret)
{
    /* CMSIS: module 0 is a thread without secure calls. */
    TEST_CHECK(h_tz_alloc(0) == 0u, "module 0: no context");
    TEST_CHECK(contexts_free() == SLOTS, "no slot taken");
}

/* RTX creates every thread with tz_module 1: each its own context and
 * client identity, as many as NSCE has slots, the next one refused. */
static void t_module_1_each_its_own(struct test_result_t *ret)
{
    uint32_t ids[SLOTS + 1u];
    int32_t cids[SLOTS];
    uint32_t n = alloc_until_refused(TZ_TEST_MODULE_RTX, ids, SLOTS + 1u);
    uint32_t i;

    TEST_CHECK(n == SLOTS, "a context per slot granted, then refused");
    for (i = 0; i < n; i++) {
        TEST_CHECK(h_tz_load(ids[i]) == 1u, "load");
        TEST_CHECK(who_am_i(&cids[i]) == PSA_SUCCESS, "a call");
        TEST_CHECK(h_tz_store(ids[i]) == 1u, "store");
        TEST_CHECK(cids[i] == client_id_of(NSID_AUTO(i)),
                   "the automatic NSID of its group");
        for (uint32_t j = 0; j < i; j++) {
            TEST_CHECK(ids[j] != ids[i], "memory IDs apart");
            TEST_CHECK(cids[j] != cids[i], "client IDs apart");
        }
    }
    /* A freed slot is allocatable again, once. */
    i = n / 2u;
    TEST_CHECK(h_tz_free(ids[i]) == 1u, "free one");
    TEST_CHECK((ids[i] = h_tz_alloc(TZ_TEST_MODULE_RTX)) != 0u,
               "allocated again");
    TEST_CHECK(context_is(ids[i], NSID_AUTO(i)), "with the freed group's NSID");
    TEST_CHECK(h_tz_alloc(TZ_TEST_MODULE_RTX) == 0u, "full again");
    TEST_CHECK(context_is(ids[0], NSID_AUTO(0)), "the first kept its own");
    TEST_CHECK(free_all(ids, n), "free them all");
    TEST_CHECK(contexts_free() == SLOTS, "every slot back");
}

/* The module table names a listed module's contexts: the same NSID for
 * each, across re-creation. */
static void t_module_table(struct test_result_t *ret)
{
    uint32_t a = h_tz_alloc(TZ_TEST_MODULE_A);
    uint32_t b = h_tz_alloc(TZ_TEST_MODULE_B);
    uint32_t c = h_tz_alloc(TZ_TEST_MODULE_RTX);
    uint32_t a2;

    TEST_CHECK(a != 0u && b != 0u && c != 0u, "allocated");
    TEST_CHECK(context_is(a, TZ_TEST_NSID_A), "module A's NSID");
    TEST_CHECK(context_is(b, TZ_TEST_NSID_B), "module B's NSID");
    TEST_CHECK(context_is(c, NSID_AUTO(2)), "module 1's: automatic");
    TEST_CHECK(h_tz_free(c) == 1u && h_tz_free(a) == 1u, "free C and A");
    TEST_CHECK((a = h_tz_alloc(TZ_TEST_MODULE_A)) != 0u, "A again");
    TEST_CHECK(context_is(a, TZ_TEST_NSID_A), "the same NSID again");
    a2 = h_tz_alloc(TZ_TEST_MODULE_A);
    TEST_CHECK(a2 != 0u && a2 != a, "a second context of module A");
    TEST_CHECK(context_is(a2, TZ_TEST_NSID_A), "named by the table too");
    TEST_CHECK(h_tz_free(a2) == 1u && h_tz_free(b) == 1u && h_tz_free(a) == 1u,
               "free");
}

/* RTX does not look at TZ_LoadContext_S's answer: what the secure side
 * would refuse is refused at allocation, taking nothing. */
static void t_refused_at_alloc(struct test_result_t *ret)
{
    TEST_CHECK(h_tz_alloc(TZ_TEST_MODULE_UNTRANSLATABLE) == 0u,
               "an NSID the SPM cannot translate");
    TEST_CHECK(h_tz_alloc(TZ_TEST_MODULE_AUTO_NSID) == 0u,
               "an NSID in the automatic range");
    TEST_CHECK(contexts_free() == SLOTS, "no slot taken");
}

static void t_load_without_store(struct test_result_t *ret)
{
    uint32_t a = h_tz_alloc(TZ_TEST_MODULE_RTX);
    uint32_t b = h_tz_alloc(TZ_TEST_MODULE_RTX);

    TEST_CHECK(a != 0u && b != 0u && a != b, "two contexts");
    TEST_CHECK(h_tz_load(a) == 1u && calls_are(NSID_AUTO(0)), "load A");
    TEST_CHECK(h_tz_load(b) == 1u && calls_are(NSID_AUTO(1)),
               "load B, no store");
    TEST_CHECK(h_tz_store(a) == 0u, "A was stored implicitly");
    TEST_CHECK(h_tz_store(b) == 1u, "store B");
    TEST_CHECK(h_tz_free(a) == 1u && h_tz_free(b) == 1u, "free");
}

/* Freed without a store while loaded: nothing is loaded afterwards. */
static void t_free_loaded(struct test_result_t *ret)
{
    uint32_t a = h_tz_alloc(TZ_TEST_MODULE_RTX);
    int32_t cid = 0;

    TEST_CHECK(a != 0u && h_tz_load(a) == 1u, "loaded");
    TEST_CHECK(h_tz_free(a) == 1u, "free, no store");
    TEST_CHECK(who_am_i(&cid) == PSA_ERROR_PROGRAMMER_ERROR,
               "no context loaded");
    TEST_CHECK(contexts_free() == SLOTS, "its slot back");
}

static const struct test_t tests[] = {
    { t_init, "init",
      "init refused from unprivileged Thread mode, done from Handler mode" },
    { t_alloc_load_store_free, "alloc_load_store_free",
      "alloc, load with the module's NSID, store, free; then refused" },
    { t_memory_id_0_and_unknown, "memory_id_0_and_unknown",
      "load, store and free refuse memory ID 0 and unknown IDs" },
    { t_module_0_no_context, "module_0_no_context",
      "module 0 (no secure calls) gets no context and takes no slot" },
    { t_module_1_each_its_own, "module_1_each_its_own",
      "module 1: a context and client ID per thread, one per slot" },
    { t_module_table, "module_table",
      "a listed module's contexts get its table NSID, across re-creation" },
    { t_refused_at_alloc, "refused_at_alloc",
      "an NSID the secure side would refuse fails at alloc, no slot" },
    { t_load_without_store, "load_without_store",
      "loading B without storing A stores A implicitly" },
    { t_free_loaded, "free_loaded",
      "freeing a loaded context leaves none loaded and frees its slot" },
};

void nsce_suite_tz_shim(struct tf_totals *totals)
{
    tf_run_suite("tz_shim", tests, sizeof(tests) / sizeof(tests[0]), totals);
}
