/*
 * NSCE from NS Thread mode, by privilege (WARDEN_NSCE_PRIVILEGED_THREAD,
 * the NS client management document's open item): every NSCE call,
 * tfm_register_client_id() and the TZ calls over them, from a privileged
 * thread (CONTROL_NS.nPRIV clear: served with the option, refused without
 * it) and from an unprivileged one (refused either way, nothing changed).
 * Runs after the TZ shim's suite, before the NS kernel starts; the NS side
 * manages NSIDs by then.
 */
#include "nsce_suites.h"
#include "nsid_manager.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "warden/config.h"

#define SLOTS   WARDEN_NS_CONTEXT_SLOTS
#define THREADS WARDEN_NSCE_PRIVILEGED_THREAD
#define INVALID TFM_NS_CLIENT_INVALID_TOKEN
#define OK      TFM_NS_CLIENT_ERR_SUCCESS
#define ACCESS  TFM_NS_CLIENT_ERR_INVALID_ACCESS

/* What a privileged thread's call returns: @p served with the option,
 * @p refused without it. */
#define PRIV_ANSWER(served, refused) (THREADS ? (served) : (refused))

static void t_privileged_thread_nsce(struct test_result_t *ret)
{
    uint32_t t;

    TEST_CHECK(in_thread(PRIV, OP_INIT, 0u, 0u) == PRIV_ANSWER(SLOTS, 0u),
               "init");
    t = in_thread(PRIV, OP_ACQUIRE, 7u, 1u);
    TEST_CHECK(t != THREAD_PRIVILEGE_UNSET && (t != INVALID) == THREADS,
               "acquire");
    if (!THREADS) {
        TEST_CHECK((t = h_acquire(7, 1)) != INVALID, "a handler acquires");
    }
    TEST_CHECK(t != INVALID, "a token");
    TEST_CHECK(in_thread(PRIV, OP_LOAD, t, (uint32_t)-12) ==
                   PRIV_ANSWER(OK, ACCESS),
               "load");
    if (!THREADS) {
        TEST_CHECK(h_load(t, -11) == OK, "a handler loads");
    }
    TEST_CHECK(calls_are(PRIV_ANSWER(-12, -11)), "calls are the load's NSID");
    TEST_CHECK(in_thread(PRIV, OP_REGISTER, (uint32_t)-13, 0u) ==
                   PRIV_ANSWER((uint32_t)TFM_SUCCESS,
                               (uint32_t)TFM_ERROR_NS_THREAD_MODE_CALL),
               "register");
    TEST_CHECK(calls_are(PRIV_ANSWER(-13, -11)), "calls are its NSID");
    TEST_CHECK(in_thread(PRIV, OP_SAVE, t, 0u) == PRIV_ANSWER(OK, ACCESS),
               "save");
    TEST_CHECK(in_thread(PRIV, OP_RELEASE, t, 0u) == PRIV_ANSWER(OK, ACCESS),
               "release");
    if (!THREADS) {
        TEST_CHECK(h_release(t) == OK, "a handler releases");
    }
    TEST_CHECK(h_acquire(7, 1) == t, "released: the handler gets it again");
    TEST_CHECK(h_release(t) == OK, "and releases it");
}

static void t_privileged_thread_tz(struct test_result_t *ret)
{
    uint32_t id;

    TEST_CHECK(in_thread(PRIV, OP_TZ_INIT, 0u, 0u) == PRIV_ANSWER(1u, 0u),
               "TZ init");
    id = in_thread(PRIV, OP_TZ_ALLOC, TZ_TEST_MODULE_RTX, 0u);
    TEST_CHECK(id != THREAD_PRIVILEGE_UNSET && (id != 0u) == THREADS,
               "TZ alloc");
    if (!THREADS) {
        TEST_CHECK((id = h_tz_alloc(TZ_TEST_MODULE_RTX)) != 0u,
                   "a handler allocates");
    }
    TEST_CHECK(in_thread(PRIV, OP_TZ_LOAD, id, 0u) == PRIV_ANSWER(1u, 0u),
               "TZ load");
    if (!THREADS) {
        TEST_CHECK(h_tz_load(id) == 1u, "a handler loads");
    }
    TEST_CHECK(calls_are(NSID_AUTO(0)), "calls are the context's");
    TEST_CHECK(in_thread(PRIV, OP_TZ_STORE, id, 0u) == PRIV_ANSWER(1u, 0u),
               "TZ store");
    TEST_CHECK(in_thread(PRIV, OP_TZ_FREE, id, 0u) == PRIV_ANSWER(1u, 0u),
               "TZ free");
    /* Refused, the context stayed: the handler frees it. */
    TEST_CHECK(h_tz_free(id) == PRIV_ANSWER(0u, 1u), "freed once");
}

/* A context a handler loaded, and every call from an unprivileged thread:
 * each refused, nothing changed. */
static void t_unprivileged_thread(struct test_result_t *ret)
{
    uint32_t t = h_acquire(8, 1);
    uint32_t id = h_tz_alloc(TZ_TEST_MODULE_A);
    uint32_t u;

    TEST_CHECK(t != INVALID && id != 0u, "acquired, allocated");
    TEST_CHECK(h_load(t, -14) == OK, "a handler loads");
    TEST_CHECK(in_thread(UNPRIV, OP_INIT, 1u, 0u) == 0u, "init");
    TEST_CHECK(in_thread(UNPRIV, OP_ACQUIRE, 8u, 2u) == INVALID, "acquire");
    TEST_CHECK(in_thread(UNPRIV, OP_ACQUIRE, 9u, 1u) == INVALID,
               "acquire, new group");
    TEST_CHECK(in_thread(UNPRIV, OP_LOAD, t, (uint32_t)-15) == ACCESS, "load");
    TEST_CHECK(in_thread(UNPRIV, OP_REGISTER, (uint32_t)-16, 0u) ==
                   (uint32_t)TFM_ERROR_NS_THREAD_MODE_CALL,
               "register");
    TEST_CHECK(in_thread(UNPRIV, OP_SAVE, t, 0u) == ACCESS, "save");
    TEST_CHECK(in_thread(UNPRIV, OP_RELEASE, t, 0u) == ACCESS, "release");
    TEST_CHECK(in_thread(UNPRIV, OP_TZ_INIT, 0u, 0u) == 0u, "TZ init");
    TEST_CHECK(in_thread(UNPRIV, OP_TZ_ALLOC, TZ_TEST_MODULE_RTX, 0u) == 0u,
               "TZ alloc");
    TEST_CHECK(in_thread(UNPRIV, OP_TZ_LOAD, id, 0u) == 0u, "TZ load");
    TEST_CHECK(in_thread(UNPRIV, OP_TZ_STORE, id, 0u) == 0u, "TZ store");
    TEST_CHECK(in_thread(UNPRIV, OP_TZ_FREE, id, 0u) == 0u, "TZ free");
    /* Nothing changed. */
    TEST_CHECK(calls_are(-14), "the handler's context still loaded");
    TEST_CHECK((u = h_acquire(8, 2)) != INVALID, "thread 2 was not added");
    TEST_CHECK(h_save(t) == OK, "a handler saves");
    TEST_CHECK(h_tz_load(id) == 1u && calls_are(TZ_TEST_NSID_A),
               "the TZ context is still there");
    TEST_CHECK(h_tz_free(id) == 1u, "and is freed once");
    TEST_CHECK(h_release(t) == OK && h_release(u) == OK, "a handler releases");
}

static const struct test_t tests[] = {
    { t_privileged_thread_nsce, "privileged_thread_nsce",
      "NSCE from a privileged thread: served only with the option" },
    { t_privileged_thread_tz, "privileged_thread_tz",
      "TZ calls from a privileged thread: served only with the option" },
    { t_unprivileged_thread, "unprivileged_thread",
      "every call from an unprivileged thread refused, nothing changed" },
};

void nsce_suite_privilege(struct tf_totals *totals)
{
    tf_log("NSCE from privileged NS threads: %s "
           "(WARDEN_NSCE_PRIVILEGED_THREAD=%d)\r\n",
           THREADS ? "accepted" : "refused", THREADS);
    tf_run_suite("nsce_priv", tests, sizeof(tests) / sizeof(tests[0]), totals);
}
