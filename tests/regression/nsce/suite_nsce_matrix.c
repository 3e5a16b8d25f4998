/*
 * NSCE's misuse matrix, through the real veneers, from NS Handler mode
 * (and from unprivileged NS Thread mode where that is the point, refused
 * whatever WARDEN_NSCE_PRIVILEGED_THREAD says; privileged threads are
 * suite_nsce_privilege.c's). Runs before the NS
 * kernel starts, so the tests own every context slot. The first tests run
 * while the NS side does not manage NSIDs yet.
 */
#include "nsce_suites.h"
#include "psa_manifest/sid.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "tfm_veneers.h"
#include "warden/config.h"
#include "tests/partitions/test/warden_test_service.h"

#define SLOTS   WARDEN_NS_CONTEXT_SLOTS
#define INVALID TFM_NS_CLIENT_INVALID_TOKEN
#define OK      TFM_NS_CLIENT_ERR_SUCCESS
#define BAD_TOK TFM_NS_CLIENT_ERR_INVALID_TOKEN
#define BAD_ID  TFM_NS_CLIENT_ERR_INVALID_NSID
#define ACCESS  TFM_NS_CLIENT_ERR_INVALID_ACCESS

/* Tokens a test acquired: every test starts by releasing the previous
 * one's, so a failed test does not leave its contexts to the next. */
static uint32_t held[300];
static unsigned nheld;

static uint32_t acquire(uint8_t gid, uint8_t tid)
{
    uint32_t t = h_acquire(gid, tid);

    if (t != INVALID && nheld < sizeof(held) / sizeof(held[0])) {
        held[nheld++] = t;
    }
    return t;
}

static void release_all(void)
{
    while (nheld != 0u) {
        (void)h_release(held[--nheld]);
    }
}

static uint32_t token(uint32_t idx, uint32_t gid, uint32_t tid)
{
    return (idx << 16) | (gid << 8) | tid;
}

/* From no context: thread 2 of group 4 acquired and loaded with NSID -3;
 * its token, or INVALID. */
static uint32_t one_loaded(void)
{
    uint32_t t;

    release_all();
    t = acquire(4, 2);
    return (t != INVALID && h_load(t, -3) == OK) ? t : INVALID;
}

/* A token load, save and release all refuse, changing nothing. */
static int refused(uint32_t bad)
{
    return h_load(bad, -9) == BAD_TOK && h_save(bad) == BAD_TOK &&
           h_release(bad) == BAD_TOK;
}

/* From no context: A (group 1) and B (group 2) acquired, A loaded with
 * @p nsid. */
static int a_loaded_b_not(uint32_t *a, uint32_t *b, int32_t nsid)
{
    release_all();
    *a = acquire(1, 1);
    *b = acquire(2, 1);
    return *a != INVALID && *b != INVALID && h_load(*a, nsid) == OK;
}

/* ---- Before the NS side manages NSIDs ----------------------------------- */

static void t_default_nsid_before_init(struct test_result_t *ret)
{
    int32_t id = 0;

    TEST_CHECK(who_am_i(&id) == PSA_SUCCESS, "call");
    TEST_CHECK(id == (int32_t)0xC4000000, "NSID -1 as client ID 0xC4000000");
}

static void t_register_before_init(struct test_result_t *ret)
{
    /* NS client management document: an NS side using only this API names its
     * one client. */
    TEST_CHECK(h_register(-42) == TFM_SUCCESS, "register -42");
    TEST_CHECK(calls_are(-42), "calls are NSID -42");
    TEST_CHECK(h_register(0) == TFM_ERROR_INVALID_PARAMETER, "0 refused");
    TEST_CHECK(h_register(5) == TFM_ERROR_INVALID_PARAMETER, "5 refused");
    TEST_CHECK(h_register(-65537) == TFM_ERROR_INVALID_PARAMETER,
               "-65537 refused");
    TEST_CHECK(in_thread(UNPRIV, OP_REGISTER, (uint32_t)-43, 0u) ==
                   (uint32_t)TFM_ERROR_NS_THREAD_MODE_CALL,
               "unprivileged Thread mode refused");
    TEST_CHECK(calls_are(-42), "still NSID -42");
    TEST_CHECK(h_register(-1) == TFM_SUCCESS, "back to -1");
    TEST_CHECK(calls_are(-1), "calls are NSID -1");
}

static void t_unprivileged_thread_before_init(struct test_result_t *ret)
{
    uint32_t t = token(0, 0, 3);

    TEST_CHECK(in_thread(UNPRIV, OP_INIT, 0u, 0u) == 0u, "init");
    TEST_CHECK(in_thread(UNPRIV, OP_ACQUIRE, 0u, 3u) == INVALID, "acquire");
    TEST_CHECK(in_thread(UNPRIV, OP_LOAD, t, (uint32_t)-2) == ACCESS, "load");
    TEST_CHECK(in_thread(UNPRIV, OP_SAVE, t, 0u) == ACCESS, "save");
    TEST_CHECK(in_thread(UNPRIV, OP_RELEASE, t, 0u) == ACCESS, "release");
    /* Nothing changed: the NS side does not manage NSIDs yet. */
    TEST_CHECK(calls_are(-1), "calls are still NSID -1");
}

/* ---- Managed ------------------------------------------------------------- */

#define GRANT(n) ((n) < SLOTS ? (n) : SLOTS)

static void t_init_values(struct test_result_t *ret)
{
    TEST_CHECK(h_init(1) == 1u, "init(1)");
    TEST_CHECK(h_init(2) == GRANT(2u), "init(2)");
    TEST_CHECK(h_init(SLOTS) == SLOTS, "init(slots)");
    TEST_CHECK(h_init(SLOTS + 1u) == SLOTS, "init(slots + 1)");
    TEST_CHECK(h_init(255) == SLOTS, "init(255)");
    TEST_CHECK(h_init(0xFFFFFFFFu) == SLOTS, "init(UINT32_MAX)");
    TEST_CHECK(h_init(0) == SLOTS, "init(0): all");
}

static void t_no_context_loaded_refused(struct test_result_t *ret)
{
    int32_t id = 0;

    release_all();
    TEST_CHECK(who_am_i(&id) == PSA_ERROR_PROGRAMMER_ERROR, "psa_call");
    TEST_CHECK(psa_version(TEST_STATELESS_SID) == PSA_VERSION_NONE,
               "psa_version");
    TEST_CHECK(psa_connect(TEST_CONN_SID, 2) == PSA_ERROR_PROGRAMMER_ERROR,
               "psa_connect");
    TEST_CHECK(tfm_psa_close_veneer(0x101) == PSA_ERROR_PROGRAMMER_ERROR,
               "psa_close");
    TEST_CHECK(psa_framework_version() == PSA_FRAMEWORK_VERSION,
               "framework version names no client");
}

static void t_acquire_load_save_release(struct test_result_t *ret)
{
    uint32_t t;

    release_all();
    t = acquire(0x12, 0x34);
    TEST_CHECK(t == 0x00001234u, "token layout");
    TEST_CHECK(h_load(t, -2) == OK, "load");
    TEST_CHECK(calls_are(-2), "calls are NSID -2");
    TEST_CHECK(h_save(t) == OK, "save");
    TEST_CHECK(!calls_are(-2), "no call after save");
    TEST_CHECK(h_release(t) == OK, "release");
    nheld = 0;
    TEST_CHECK(h_release(t) == BAD_TOK, "second release");
}

static void t_acquire_release(struct test_result_t *ret)
{
    uint32_t t;

    release_all();
    t = acquire(3, 4);
    TEST_CHECK(t == token(0, 3, 4), "acquire");
    TEST_CHECK(h_release(t) == OK, "release without load");
    nheld = 0;
    TEST_CHECK(acquire(5, 4) == token(0, 5, 4), "slot 0 free again");
}

static void t_load_b_without_saving_a(struct test_result_t *ret)
{
    uint32_t a;
    uint32_t b;

    TEST_CHECK(a_loaded_b_not(&a, &b, -2), "load A");
    TEST_CHECK(h_load(b, -3) == OK, "load B, no save of A");
    TEST_CHECK(calls_are(-3), "calls are B's");
    TEST_CHECK(h_save(a) == BAD_TOK, "A was saved implicitly");
    TEST_CHECK(h_save(b) == OK, "save B");
}

static void t_group_shares_a_context(struct test_result_t *ret)
{
    uint32_t a;
    uint32_t b;

    release_all();
    a = acquire(7, 1);
    b = acquire(7, 2);
    TEST_CHECK(a == token(0, 7, 1) && b == token(0, 7, 2), "one slot");
    TEST_CHECK(h_load(a, -4) == OK && calls_are(-4), "thread 1");
    TEST_CHECK(h_save(b) == BAD_TOK, "thread 2 did not load it");
    TEST_CHECK(h_load(b, -5) == OK && calls_are(-5), "thread 2");
    TEST_CHECK(h_release(a) == OK, "thread 1 leaves");
    TEST_CHECK(calls_are(-5), "thread 2's context stays loaded");
    TEST_CHECK(acquire(8, 1) == token(1, 8, 1), "the slot stays group 7's");
}

static void t_release_inactive(struct test_result_t *ret)
{
    uint32_t a;
    uint32_t b;

    TEST_CHECK(a_loaded_b_not(&a, &b, -6), "load A");
    TEST_CHECK(h_release(b) == OK, "release B, not loaded");
    TEST_CHECK(calls_are(-6), "A still loaded");
}

static void t_release_without_save(struct test_result_t *ret)
{
    uint32_t a;
    int32_t id = 0;

    release_all();
    a = acquire(1, 1);
    TEST_CHECK(h_load(a, -6) == OK, "load");
    TEST_CHECK(h_release(a) == OK, "release, no save");
    nheld = 0;
    TEST_CHECK(who_am_i(&id) == PSA_ERROR_PROGRAMMER_ERROR,
               "nothing loaded afterwards");
}

static void t_nsid_0_1_positive(struct test_result_t *ret)
{
    uint32_t t;

    release_all();
    t = acquire(1, 1);
    TEST_CHECK(h_load(t, 0) == BAD_ID, "NSID 0");
    TEST_CHECK(h_load(t, 1) == BAD_ID, "NSID 1");
    TEST_CHECK(h_load(t, 50) == BAD_ID, "NSID 50");
    TEST_CHECK(h_load(t, 0x7FFFFFFF) == BAD_ID, "NSID INT32_MAX");
    TEST_CHECK(h_load(0xFF000000u, 0) == BAD_ID, "NSID before token");
    TEST_CHECK(h_save(t) == BAD_TOK, "nothing was loaded");
}

static void t_nsid_range_ends(struct test_result_t *ret)
{
    uint32_t t;
    int32_t id = 0;

    release_all();
    t = acquire(1, 1);
    TEST_CHECK(h_load(t, -1) == OK && calls_are(-1), "least negative: -1");
    TEST_CHECK(h_load(t, -65536) == OK, "most negative: -65536");
    TEST_CHECK(who_am_i(&id) == PSA_SUCCESS && id == (int32_t)0xC3FF0001,
               "-65536 as client ID 0xC3FF0001");
    TEST_CHECK(h_load(t, -65537) == BAD_ID, "-65537, just outside");
    TEST_CHECK(h_load(t, (int32_t)0x80000000u) == BAD_ID, "INT32_MIN");
    TEST_CHECK(calls_are(-65536), "loaded NSID unchanged");
}

static void t_tid_0_and_255(struct test_result_t *ret)
{
    uint32_t t0;
    uint32_t t255;

    release_all();
    t0 = acquire(0, 0);
    t255 = acquire(0, 255);
    TEST_CHECK(t0 == 0x00000000u, "TID 0: token 0");
    TEST_CHECK(t255 == 0x000000FFu, "TID 255");
    TEST_CHECK(h_load(t0, -11) == OK && calls_are(-11), "load TID 0");
    TEST_CHECK(h_load(t255, -12) == OK && calls_are(-12), "load TID 255");
    TEST_CHECK(h_save(t255) == OK, "save TID 255");
}

static void t_token_wrong_gid(struct test_result_t *ret)
{
    uint32_t t = one_loaded();

    TEST_CHECK(t != INVALID, "load");
    TEST_CHECK(refused(token(0, 5, 2)), "another group's");
    TEST_CHECK(refused(token(0, 4, 3)), "a thread not in the group");
    TEST_CHECK(calls_are(-3), "unchanged");
}

static void t_token_wrong_index(struct test_result_t *ret)
{
    static const uint32_t idx[] = { 1u, SLOTS, 255u };
    uint32_t t = one_loaded();

    TEST_CHECK(t != INVALID, "load");
    for (unsigned i = 0; i < sizeof(idx) / sizeof(idx[0]); i++) {
        TEST_CHECK(refused(token(idx[i], 4, 2)), "a free slot, or none");
    }
    TEST_CHECK(calls_are(-3), "unchanged");
}

static void t_token_reserved_bits(struct test_result_t *ret)
{
    uint32_t t = one_loaded();

    TEST_CHECK(t != INVALID, "load");
    for (unsigned bit = 24; bit < 32u; bit++) {
        TEST_CHECK(refused(t | (1u << bit)), "a reserved bit set");
    }
    TEST_CHECK(calls_are(-3), "unchanged");
}

static void t_save_without_load(struct test_result_t *ret)
{
    release_all();
    TEST_CHECK(h_save(acquire(1, 1)) == BAD_TOK, "never loaded");
}

static void t_save_after_release(struct test_result_t *ret)
{
    uint32_t t;

    release_all();
    t = acquire(1, 1);
    TEST_CHECK(h_load(t, -2) == OK, "load");
    TEST_CHECK(h_release(t) == OK, "release");
    nheld = 0;
    TEST_CHECK(h_save(t) == BAD_TOK, "save after release");
}

static void t_save_inactive(struct test_result_t *ret)
{
    uint32_t a;
    uint32_t b;

    TEST_CHECK(a_loaded_b_not(&a, &b, -2), "load A");
    TEST_CHECK(h_save(b) == BAD_TOK, "save B, not loaded");
    TEST_CHECK(calls_are(-2), "A still loaded");
}

static void t_every_call_from_unprivileged_thread(struct test_result_t *ret)
{
    uint32_t a;
    uint32_t b;

    release_all();
    a = acquire(1, 1);
    b = acquire(1, 2);
    TEST_CHECK(h_load(a, -2) == OK, "load A");
    TEST_CHECK(in_thread(UNPRIV, OP_INIT, 1u, 0u) == 0u, "init");
    TEST_CHECK(in_thread(UNPRIV, OP_ACQUIRE, 1u, 3u) == INVALID,
               "acquire: not 3, which is a valid token");
    TEST_CHECK(in_thread(UNPRIV, OP_LOAD, b, (uint32_t)-3) == ACCESS, "load");
    TEST_CHECK(in_thread(UNPRIV, OP_SAVE, a, 0u) == ACCESS, "save");
    TEST_CHECK(in_thread(UNPRIV, OP_RELEASE, b, 0u) == ACCESS, "release");
    TEST_CHECK(in_thread(UNPRIV, OP_REGISTER, (uint32_t)-4, 0u) ==
                   (uint32_t)TFM_ERROR_NS_THREAD_MODE_CALL,
               "register");
    /* Nothing changed. */
    TEST_CHECK(calls_are(-2), "A still loaded, NSID -2");
    TEST_CHECK(acquire(1, 3) == token(0, 1, 3), "thread 3 was not added");
    TEST_CHECK(h_save(b) == BAD_TOK, "B was not loaded");
    TEST_CHECK(acquire(2, 1) != INVALID && acquire(3, 1) != INVALID,
               "the grant is not 1");
}

static void t_group_thread_count(struct test_result_t *ret)
{
    release_all();
    for (uint32_t tid = 0; tid < 256u; tid++) {
        TEST_CHECK(acquire(9, (uint8_t)tid) == token(0, 9, tid), "join");
    }
    TEST_CHECK(h_acquire(9, 0) == INVALID, "thread 0 again");
    TEST_CHECK(h_acquire(9, 200) == INVALID, "thread 200 again");
    TEST_CHECK(h_release(token(0, 9, 200)) == OK, "thread 200 leaves");
    TEST_CHECK(h_acquire(9, 200) == token(0, 9, 200), "and joins again");
}

static void t_all_slots_in_use(struct test_result_t *ret)
{
    release_all();
    for (uint32_t g = 0; g < SLOTS; g++) {
        TEST_CHECK(acquire((uint8_t)(20u + g), 1) == token(g, 20u + g, 1),
                   "a slot per group");
    }
    TEST_CHECK(h_acquire(40, 1) == INVALID, "no slot left");
    TEST_CHECK(h_release(token(1, 21, 1)) == OK, "group 21 leaves");
    TEST_CHECK(acquire(40, 1) == token(1, 40, 1), "its slot is taken");
}

static void t_init_grant(struct test_result_t *ret)
{
    release_all();
    TEST_CHECK(h_init(2) == 2u, "init(2)");
    TEST_CHECK(acquire(1, 1) != INVALID && acquire(2, 1) != INVALID,
               "two groups");
    TEST_CHECK(h_acquire(3, 1) == INVALID, "a third is over the grant");
    TEST_CHECK(acquire(2, 2) != INVALID, "a granted group takes threads");
    TEST_CHECK(h_init(0) == SLOTS, "init(0)");
    TEST_CHECK(acquire(3, 1) != INVALID, "now a third");
}

static void t_register_client_id(struct test_result_t *ret)
{
    uint32_t t;

    release_all();
    TEST_CHECK(h_register(-77) == TFM_ERROR_GENERIC, "nothing loaded");
    t = acquire(1, 1);
    TEST_CHECK(h_load(t, -2) == OK, "load");
    TEST_CHECK(h_register(-77) == TFM_SUCCESS && calls_are(-77), "-77");
    TEST_CHECK(h_register(0) == TFM_ERROR_INVALID_PARAMETER, "secure ID 0");
    TEST_CHECK(h_register(3000) == TFM_ERROR_INVALID_PARAMETER,
               "secure ID 3000");
    TEST_CHECK(h_register(-65537) == TFM_ERROR_INVALID_PARAMETER,
               "not translatable");
    TEST_CHECK(calls_are(-77), "unchanged");
    TEST_CHECK(h_save(t) == OK && h_load(t, -2) == OK && calls_are(-2),
               "the next load sets the NSID");
}

static void t_client_ids_negative(struct test_result_t *ret)
{
    static const int32_t nsids[] = { -1, -2, -100, -4096, -65535, -65536 };
    uint32_t t;
    int32_t id = 0;

    release_all();
    t = acquire(1, 1);
    for (unsigned i = 0; i < sizeof(nsids) / sizeof(nsids[0]); i++) {
        TEST_CHECK(h_load(t, nsids[i]) == OK, "load");
        TEST_CHECK(who_am_i(&id) == PSA_SUCCESS, "call");
        TEST_CHECK(id < 0 && id == client_id_of(nsids[i]),
                   "negative, the translation of the NSID");
    }
    release_all();
}

/* A connection belongs to the NS client that opened it: another NSID (a
 * task with another client ID) cannot call on it or close it. */
static void t_connection_bound_to_client(struct test_result_t *ret)
{
    int32_t id = 0;
    psa_outvec ov[] = { { &id, sizeof(id) } };
    uint32_t t;
    psa_handle_t h;

    release_all();
    t = acquire(1, 1);
    TEST_CHECK(h_load(t, -2) == OK, "load as NSID -2");
    h = psa_connect(TEST_CONN_SID, TEST_CONN_VERSION);
    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "connect as NSID -2");
    TEST_CHECK(h_load(t, -3) == OK, "switch to NSID -3");
    TEST_CHECK(psa_call(h, TEST_TYPE_CLIENT_ID, NULL, 0, ov, 1) ==
                   PSA_ERROR_PROGRAMMER_ERROR,
               "NSID -3 cannot call on NSID -2's connection");
    TEST_CHECK(tfm_psa_close_veneer(h) == PSA_ERROR_PROGRAMMER_ERROR,
               "nor close it");
    TEST_CHECK(h_load(t, -2) == OK, "back to NSID -2");
    TEST_CHECK(psa_call(h, TEST_TYPE_CLIENT_ID, NULL, 0, ov, 1) ==
                       PSA_SUCCESS &&
                   id == client_id_of(-2),
               "its owner still can");
    TEST_CHECK(tfm_psa_close_veneer(h) == PSA_SUCCESS, "and close it");
    release_all();
}

static const struct test_t matrix[] = {
    { t_default_nsid_before_init, "default_nsid_before_init",
      "before init calls are NSID -1, client ID 0xC4000000" },
    { t_register_before_init, "register_before_init",
      "register before init names the one client; bad NSIDs refused" },
    { t_unprivileged_thread_before_init, "unprivileged_thread_before_init",
      "NSCE calls from unprivileged Thread mode refused before init" },
    { t_init_values, "init_values",
      "init grants what is asked up to the slots; 0 grants all" },
    { t_no_context_loaded_refused, "no_context_loaded_refused",
      "no context loaded: client calls refused, framework version answers" },
    { t_acquire_load_save_release, "acquire_load_save_release",
      "acquire, load, save, release: token layout, second release refused" },
    { t_acquire_release, "acquire_release",
      "a context released without a load frees its slot" },
    { t_load_b_without_saving_a, "load_b_without_saving_a",
      "loading B without saving A saves A implicitly" },
    { t_group_shares_a_context, "group_shares_a_context",
      "a group's threads share one slot, kept while one remains" },
    { t_release_inactive, "release_inactive",
      "releasing a context not loaded keeps the loaded one" },
    { t_release_without_save, "release_without_save",
      "releasing a loaded context leaves none loaded" },
    { t_nsid_0_1_positive, "nsid_0_1_positive",
      "load refuses NSID 0 and positive NSIDs" },
    { t_nsid_range_ends, "nsid_range_ends",
      "NSIDs -1 and -65536 load; -65537 and INT32_MIN are refused" },
    { t_tid_0_and_255, "tid_0_and_255",
      "thread IDs 0 and 255 give tokens that load" },
    { t_token_wrong_gid, "token_wrong_gid",
      "tokens of another group or a thread not in it are refused" },
    { t_token_wrong_index, "token_wrong_index",
      "tokens naming a free slot or no slot are refused" },
    { t_token_reserved_bits, "token_reserved_bits",
      "tokens with a reserved bit (24 to 31) set are refused" },
    { t_save_without_load, "save_without_load",
      "saving a context never loaded is refused" },
    { t_save_after_release, "save_after_release",
      "saving a released context is refused" },
    { t_save_inactive, "save_inactive",
      "saving a context that is not loaded is refused" },
    { t_every_call_from_unprivileged_thread,
      "every_call_from_unprivileged_thread",
      "every call from unprivileged Thread mode refused, nothing changed" },
    { t_group_thread_count, "group_thread_count",
      "a group takes 256 threads, each once; one that left can rejoin" },
    { t_all_slots_in_use, "all_slots_in_use",
      "a group per slot, then none left; a released slot is reused" },
    { t_init_grant, "init_grant",
      "init(2) grants two groups, init(0) every slot" },
    { t_register_client_id, "register_client_id",
      "tfm_register_client_id() on a loaded context: valid NSIDs only" },
    { t_client_ids_negative, "client_ids_negative",
      "each NSID reaches services as its negative client ID" },
    { t_connection_bound_to_client, "connection_bound_to_client",
      "another NSID cannot call on or close a client's connection" },
};

void nsce_suite_matrix(struct tf_totals *totals)
{
    tf_run_suite("nsce", matrix, sizeof(matrix) / sizeof(matrix[0]), totals);
    release_all();
}
