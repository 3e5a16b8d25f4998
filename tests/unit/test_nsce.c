/*
 * spm/nsce/nsce.c: the NS client context table (3 slots in the fixture's
 * configuration). Every misuse of the five NSCE functions and of
 * tfm_register_client_id(), from Handler and from Thread mode, with the
 * exact value each returns and what it leaves behind.
 */
#include <stdint.h>

#include "fake_arch.h"
#include "fake_ns_ctx.h"
#include "spm/nsce/ns_client.h"
#include "spm/nsce/nsce.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "unit.h"
#include "warden/config.h"

#define SLOTS   WARDEN_NS_CONTEXT_SLOTS
#define INVALID TFM_NS_CLIENT_INVALID_TOKEN
#define OK      TFM_NS_CLIENT_ERR_SUCCESS
#define BAD_TOK TFM_NS_CLIENT_ERR_INVALID_TOKEN
#define BAD_ID  TFM_NS_CLIENT_ERR_INVALID_NSID
#define ACCESS  TFM_NS_CLIENT_ERR_INVALID_ACCESS

static uint32_t token(uint32_t idx, uint32_t gid, uint32_t tid)
{
    return (idx << 16) | (gid << 8) | tid;
}

static int setup(void **state)
{
    (void)state;
    fake_arch_reset();
    fake_ns_ctx_reset();
    spm_nsce_reset();
    fake_arch_set_handler(true);
    return 0;
}

/* The slot of a group with one thread, checked loaded with @p nsid. */
static uint32_t loaded_ctx(uint8_t gid, uint8_t tid, int32_t nsid)
{
    uint32_t t = spm_nsce_acquire(gid, tid);

    assert_int_not_equal(t, INVALID);
    assert_int_equal(spm_nsce_load(t, nsid), OK);
    assert_int_equal(spm_nsce_current_nsid(), nsid);
    return t;
}

static void test_boot_state_uses_nsid_minus_1(void **state)
{
    (void)state;
    assert_int_equal(SLOTS, 3);
    assert_int_equal(spm_nsce_current_nsid(), -1);
}

static void test_init_values(void **state)
{
    (void)state;
    assert_int_equal(spm_nsce_init(0), SLOTS);
    assert_int_equal(spm_nsce_init(1), 1);
    assert_int_equal(spm_nsce_init(2), 2);
    assert_int_equal(spm_nsce_init(SLOTS), SLOTS);
    assert_int_equal(spm_nsce_init(SLOTS + 1), SLOTS);
    assert_int_equal(spm_nsce_init(255), SLOTS);
    assert_int_equal(spm_nsce_init(UINT32_MAX), SLOTS);
    /* From now on the NS side manages NSIDs: nothing is loaded. */
    assert_int_equal(spm_nsce_current_nsid(), 0);
}

static void test_init_grant_limits_new_slots(void **state)
{
    uint32_t a;

    (void)state;
    assert_int_equal(spm_nsce_init(1), 1);
    a = spm_nsce_acquire(7, 1);
    assert_int_equal(a, token(0, 7, 1));
    assert_int_equal(spm_nsce_acquire(8, 1), INVALID);
    /* The granted slot's group takes more threads. */
    assert_int_equal(spm_nsce_acquire(7, 2), token(0, 7, 2));
    assert_int_equal(spm_nsce_init(0), SLOTS);
    assert_int_equal(spm_nsce_acquire(8, 1), token(1, 8, 1));
    assert_int_equal(spm_nsce_acquire(9, 1), token(2, 9, 1));
    assert_int_equal(spm_nsce_acquire(10, 1), INVALID);
}

static void test_acquire_load_save_release(void **state)
{
    uint32_t t;

    (void)state;
    assert_int_equal(spm_nsce_init(0), SLOTS);
    t = spm_nsce_acquire(0x12, 0x34);
    assert_int_equal(t, 0x00001234u);
    assert_int_equal(spm_nsce_current_nsid(), 0);
    assert_int_equal(spm_nsce_load(t, -2), OK);
    assert_int_equal(spm_nsce_current_nsid(), -2);
    assert_int_equal(spm_nsce_save(t), OK);
    assert_int_equal(spm_nsce_current_nsid(), 0);
    assert_int_equal(spm_nsce_release(t), OK);
    assert_int_equal(spm_nsce_current_nsid(), 0);
    /* The slot is free again: the next group gets index 0. */
    assert_int_equal(spm_nsce_acquire(0x56, 0), token(0, 0x56, 0));
}

static void test_acquire_release_without_load(void **state)
{
    uint32_t t;

    (void)state;
    t = spm_nsce_acquire(3, 4);
    assert_int_equal(t, token(0, 3, 4));
    /* Acquiring starts NSID management even without init. */
    assert_int_equal(spm_nsce_current_nsid(), 0);
    assert_int_equal(spm_nsce_release(t), OK);
    assert_int_equal(spm_nsce_release(t), BAD_TOK);
}

static void test_load_again_switches_nsid(void **state)
{
    uint32_t t = loaded_ctx(1, 1, -10);

    (void)state;
    assert_int_equal(spm_nsce_load(t, -11), OK);
    assert_int_equal(spm_nsce_current_nsid(), -11);
    assert_int_equal(spm_nsce_save(t), OK);
}

static void test_load_b_without_saving_a(void **state)
{
    uint32_t a = loaded_ctx(1, 1, -2);
    uint32_t b = spm_nsce_acquire(2, 1);

    (void)state;
    assert_int_equal(spm_nsce_load(b, -3), OK);
    assert_int_equal(spm_nsce_current_nsid(), -3);
    /* A was saved implicitly: it is not the loaded one any more. */
    assert_int_equal(spm_nsce_save(a), BAD_TOK);
    assert_int_equal(spm_nsce_save(b), OK);
    assert_int_equal(spm_nsce_load(a, -2), OK);
    assert_int_equal(spm_nsce_current_nsid(), -2);
}

static void test_group_threads_share_a_slot(void **state)
{
    uint32_t a = spm_nsce_acquire(5, 1);
    uint32_t b = spm_nsce_acquire(5, 2);

    (void)state;
    assert_int_equal(a, token(0, 5, 1));
    assert_int_equal(b, token(0, 5, 2));
    assert_int_equal(spm_nsce_load(a, -4), OK);
    /* Thread 2 of the group did not load it: it cannot save it. */
    assert_int_equal(spm_nsce_save(b), BAD_TOK);
    assert_int_equal(spm_nsce_load(b, -5), OK);
    assert_int_equal(spm_nsce_current_nsid(), -5);
    assert_int_equal(spm_nsce_save(a), BAD_TOK);
    /* Releasing the thread that is not loaded keeps the context loaded. */
    assert_int_equal(spm_nsce_release(a), OK);
    assert_int_equal(spm_nsce_current_nsid(), -5);
    /* The slot stays the group's while thread 2 holds it. */
    assert_int_equal(spm_nsce_acquire(6, 1), token(1, 6, 1));
    assert_int_equal(spm_nsce_release(b), OK);
    assert_int_equal(spm_nsce_current_nsid(), 0);
    assert_int_equal(spm_nsce_acquire(7, 1), token(0, 7, 1));
}

static void test_release_of_inactive_context(void **state)
{
    uint32_t a = loaded_ctx(1, 1, -2);
    uint32_t b = spm_nsce_acquire(2, 9);

    (void)state;
    assert_int_equal(spm_nsce_release(b), OK);
    assert_int_equal(spm_nsce_current_nsid(), -2);
    assert_int_equal(spm_nsce_save(a), OK);
    assert_int_equal(spm_nsce_release(a), OK);
    assert_int_equal(spm_nsce_current_nsid(), 0);
}

static void test_release_without_save_unloads(void **state)
{
    uint32_t a = loaded_ctx(1, 1, -2);

    (void)state;
    assert_int_equal(spm_nsce_release(a), OK);
    assert_int_equal(spm_nsce_current_nsid(), 0);
    assert_int_equal(spm_nsce_save(a), BAD_TOK);
    assert_int_equal(spm_nsce_load(a, -2), BAD_TOK);
}

static void test_nsid_not_negative_is_refused(void **state)
{
    uint32_t t = spm_nsce_acquire(1, 1);

    (void)state;
    assert_int_equal(spm_nsce_load(t, 0), BAD_ID);
    assert_int_equal(spm_nsce_load(t, 1), BAD_ID);
    assert_int_equal(spm_nsce_load(t, 50), BAD_ID);
    assert_int_equal(spm_nsce_load(t, INT32_MAX), BAD_ID);
    assert_int_equal(spm_nsce_current_nsid(), 0);
    /* The NSID is checked before the token. */
    assert_int_equal(spm_nsce_load(0xFF000000u, 0), BAD_ID);
}

static void test_nsid_range_ends(void **state)
{
    uint32_t t = spm_nsce_acquire(1, 1);

    (void)state;
    assert_int_equal(spm_nsce_load(t, -1), OK);
    assert_int_equal(spm_nsce_current_nsid(), -1);
    assert_int_equal(spm_nsce_load(t, -65536), OK);
    assert_int_equal(spm_nsce_current_nsid(), -65536);
    /* Just outside, and far outside: the loaded NSID does not change. */
    assert_int_equal(spm_nsce_load(t, -65537), BAD_ID);
    assert_int_equal(spm_nsce_load(t, INT32_MIN), BAD_ID);
    assert_int_equal(spm_nsce_load(t, -0x3C000000), BAD_ID);
    assert_int_equal(spm_nsce_current_nsid(), -65536);
}

static void test_tid_0_and_255(void **state)
{
    uint32_t t0 = spm_nsce_acquire(0, 0);
    uint32_t t255 = spm_nsce_acquire(0, 255);

    (void)state;
    assert_int_equal(t0, 0x00000000u);
    assert_int_equal(t255, 0x000000FFu);
    assert_int_equal(spm_nsce_load(t0, -7), OK);
    assert_int_equal(spm_nsce_load(t255, -8), OK);
    assert_int_equal(spm_nsce_save(t255), OK);
    assert_int_equal(spm_nsce_release(t0), OK);
    assert_int_equal(spm_nsce_release(t255), OK);
}

static void test_token_wrong_gid_idx_reserved(void **state)
{
    uint32_t t = loaded_ctx(4, 2, -3);
    static const uint32_t bad[] = {
        0x00000502u, /* wrong group */
        0x00010402u, /* a free slot */
        0x00030402u, /* index == slots */
        0x00FF0402u, /* index 255 */
        0x00000403u, /* a thread not in the group */
    };

    (void)state;
    assert_int_equal(t, 0x00000402u);
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(spm_nsce_load(bad[i], -9), BAD_TOK);
        assert_int_equal(spm_nsce_save(bad[i]), BAD_TOK);
        assert_int_equal(spm_nsce_release(bad[i]), BAD_TOK);
    }
    for (unsigned bit = 24; bit < 32u; bit++) {
        assert_int_equal(spm_nsce_load(t | (1u << bit), -9), BAD_TOK);
        assert_int_equal(spm_nsce_save(t | (1u << bit)), BAD_TOK);
        assert_int_equal(spm_nsce_release(t | (1u << bit)), BAD_TOK);
    }
    assert_int_equal(spm_nsce_save(INVALID), BAD_TOK);
    /* None of them changed anything. */
    assert_int_equal(spm_nsce_current_nsid(), -3);
    assert_int_equal(spm_nsce_save(t), OK);
    assert_int_equal(spm_nsce_release(t), OK);
}

static void test_save_without_load_after_release_inactive(void **state)
{
    uint32_t a = spm_nsce_acquire(1, 1);
    uint32_t b = spm_nsce_acquire(2, 1);

    (void)state;
    assert_int_equal(spm_nsce_save(a), BAD_TOK); /* never loaded */
    assert_int_equal(spm_nsce_load(b, -2), OK);
    assert_int_equal(spm_nsce_save(a), BAD_TOK); /* another is loaded */
    assert_int_equal(spm_nsce_save(b), OK);
    assert_int_equal(spm_nsce_save(b), BAD_TOK); /* saved already */
    assert_int_equal(spm_nsce_release(a), OK);
    assert_int_equal(spm_nsce_save(a), BAD_TOK); /* released */
}

static void test_group_thread_count_exhausted(void **state)
{
    uint32_t last = 0;

    (void)state;
    for (uint32_t tid = 0; tid < 256u; tid++) {
        last = spm_nsce_acquire(9, (uint8_t)tid);
        assert_int_equal(last, token(0, 9, tid));
    }
    /* Every thread ID of the group is taken: a 257th thread cannot join. */
    for (uint32_t tid = 0; tid < 256u; tid += 51u) {
        assert_int_equal(spm_nsce_acquire(9, (uint8_t)tid), INVALID);
    }
    assert_int_equal(spm_nsce_release(token(0, 9, 17)), OK);
    assert_int_equal(spm_nsce_acquire(9, 17), token(0, 9, 17));
    /* The slot is the group's until all 256 threads left. */
    for (uint32_t tid = 0; tid < 255u; tid++) {
        assert_int_equal(spm_nsce_release(token(0, 9, tid)), OK);
    }
    assert_int_equal(spm_nsce_acquire(10, 0), token(1, 10, 0));
    assert_int_equal(spm_nsce_release(last), OK);
    assert_int_equal(spm_nsce_acquire(11, 0), token(0, 11, 0));
}

static void test_all_slots_in_use(void **state)
{
    (void)state;
    for (uint32_t g = 0; g < SLOTS; g++) {
        assert_int_equal(spm_nsce_acquire((uint8_t)(20 + g), 1),
                         token(g, 20 + g, 1));
    }
    assert_int_equal(spm_nsce_acquire(40, 1), INVALID);
    /* The same thread ID in another group is another thread. */
    assert_int_equal(spm_nsce_acquire(21, 2), token(1, 21, 2));
    assert_int_equal(spm_nsce_release(token(1, 21, 1)), OK);
    assert_int_equal(spm_nsce_acquire(40, 1), INVALID);
    assert_int_equal(spm_nsce_release(token(1, 21, 2)), OK);
    assert_int_equal(spm_nsce_acquire(40, 1), token(1, 40, 1));
}

static void test_acquire_uses_low_8_bits(void **state)
{
    (void)state;
    /* A Non-secure caller need not have extended its uint8_t arguments. */
    assert_int_equal(spm_nsce_acquire(0xABCD0102u, 0xFFFFFF03u),
                     token(0, 0x02, 0x03));
}

static void test_thread_mode_changes_nothing(void **state)
{
    uint32_t t = loaded_ctx(1, 1, -6);
    uint32_t u = spm_nsce_acquire(1, 2);

    (void)state;
    fake_arch_set_handler(false);
    assert_int_equal(spm_nsce_init(0), 0);
    assert_int_equal(spm_nsce_init(1), 0);
    /* Not 3: a Thread-mode acquire never returns a valid-looking token. */
    assert_int_equal(spm_nsce_acquire(1, 3), INVALID);
    assert_int_equal(spm_nsce_acquire(2, 1), INVALID);
    assert_int_equal(spm_nsce_load(u, -7), ACCESS);
    assert_int_equal(spm_nsce_load(u, 0), ACCESS);
    assert_int_equal(spm_nsce_save(t), ACCESS);
    assert_int_equal(spm_nsce_release(t), ACCESS);
    assert_int_equal(spm_nsce_release(u), ACCESS);
    assert_int_equal(spm_nsce_register_client_id(-9),
                     TFM_ERROR_NS_THREAD_MODE_CALL);
    assert_int_equal(spm_nsce_current_nsid(), -6);
    fake_arch_set_handler(true);
    /* Thread 3 and group 2 were not added; u and t are still held. */
    assert_int_equal(spm_nsce_acquire(1, 3), token(0, 1, 3));
    assert_int_equal(spm_nsce_acquire(2, 1), token(1, 2, 1));
    assert_int_equal(spm_nsce_save(t), OK);
    assert_int_equal(spm_nsce_release(u), OK);
    /* And the grant was not changed to 1 by the Thread-mode init. */
    assert_int_equal(spm_nsce_acquire(3, 1), token(2, 3, 1));
}

static void test_thread_mode_before_management(void **state)
{
    (void)state;
    fake_arch_set_handler(false);
    assert_int_equal(spm_nsce_init(0), 0);
    assert_int_equal(spm_nsce_acquire(0, 0), INVALID);
    /* Still unmanaged: calls keep NSID -1. */
    assert_int_equal(spm_nsce_current_nsid(), -1);
}

static void test_register_client_id(void **state)
{
    uint32_t t;

    (void)state;
    /* Not managed yet: the single default context gets the ID (the NS client
     * management document). */
    assert_int_equal(spm_nsce_register_client_id(-42), TFM_SUCCESS);
    assert_int_equal(spm_nsce_current_nsid(), -42);
    assert_int_equal(spm_nsce_register_client_id(0),
                     TFM_ERROR_INVALID_PARAMETER);
    assert_int_equal(spm_nsce_register_client_id(1),
                     TFM_ERROR_INVALID_PARAMETER);
    assert_int_equal(spm_nsce_register_client_id(3000),
                     TFM_ERROR_INVALID_PARAMETER);
    assert_int_equal(spm_nsce_register_client_id(-65537),
                     TFM_ERROR_INVALID_PARAMETER);
    assert_int_equal(spm_nsce_register_client_id(INT32_MIN),
                     TFM_ERROR_INVALID_PARAMETER);
    assert_int_equal(spm_nsce_current_nsid(), -42);
    /* Managed, nothing loaded: no context to give the ID to. */
    assert_int_equal(spm_nsce_init(0), SLOTS);
    assert_int_equal(spm_nsce_register_client_id(-43), TFM_ERROR_GENERIC);
    assert_int_equal(spm_nsce_current_nsid(), 0);
    t = loaded_ctx(1, 1, -2);
    assert_int_equal(spm_nsce_register_client_id(-65536), TFM_SUCCESS);
    assert_int_equal(spm_nsce_current_nsid(), -65536);
    /* Saved and loaded again: the load's NSID wins. */
    assert_int_equal(spm_nsce_save(t), OK);
    assert_int_equal(spm_nsce_load(t, -3), OK);
    assert_int_equal(spm_nsce_current_nsid(), -3);
}

static void test_reset(void **state)
{
    (void)state;
    (void)loaded_ctx(1, 1, -2);
    spm_nsce_reset();
    assert_int_equal(spm_nsce_current_nsid(), -1);
    assert_int_equal(spm_nsce_save(token(0, 1, 1)), BAD_TOK);
    assert_int_equal(spm_nsce_acquire(2, 2), token(0, 2, 2));
}

/* The backend's NS contexts follow the table: slot i is context i + 1,
 * loaded by a load, left for context 0 by a save or the loaded thread's
 * release, freed when its last thread is released (not before). */
static void test_backend_contexts_follow_the_table(void **state)
{
    uint32_t a;
    uint32_t b;

    (void)state;
    a = spm_nsce_acquire(4, 1);
    b = spm_nsce_acquire(4, 2);
    assert_int_equal(spm_nsce_load(a, -3), OK);
    assert_int_equal(fake_ns_ctx.loads, 1);
    assert_int_equal(fake_ns_ctx.loaded, ((a >> 16) & 0xFFu) + 1u);
    assert_int_equal(spm_nsce_save(a), OK);
    assert_int_equal(fake_ns_ctx.loads, 2);
    assert_int_equal(fake_ns_ctx.loaded, 0);
    /* Refused calls touch no context. */
    assert_int_equal(spm_nsce_save(a), BAD_TOK);
    assert_int_equal(spm_nsce_load(a, 0), BAD_ID);
    assert_int_equal(fake_ns_ctx.loads, 2);
    assert_int_equal(spm_nsce_load(b, -4), OK);
    assert_int_equal(spm_nsce_release(b), OK);
    assert_int_equal(fake_ns_ctx.loaded, 0);
    assert_int_equal(fake_ns_ctx.releases, 0);
    assert_int_equal(spm_nsce_release(a), OK);
    assert_int_equal(fake_ns_ctx.releases, 1);
    assert_int_equal(fake_ns_ctx.released, ((a >> 16) & 0xFFu) + 1u);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_boot_state_uses_nsid_minus_1),
        T(test_backend_contexts_follow_the_table),
        T(test_init_values),
        T(test_init_grant_limits_new_slots),
        T(test_acquire_load_save_release),
        T(test_acquire_release_without_load),
        T(test_load_again_switches_nsid),
        T(test_load_b_without_saving_a),
        T(test_group_threads_share_a_slot),
        T(test_release_of_inactive_context),
        T(test_release_without_save_unloads),
        T(test_nsid_not_negative_is_refused),
        T(test_nsid_range_ends),
        T(test_tid_0_and_255),
        T(test_token_wrong_gid_idx_reserved),
        T(test_save_without_load_after_release_inactive),
        T(test_group_thread_count_exhausted),
        T(test_all_slots_in_use),
        T(test_acquire_uses_low_8_bits),
        T(test_thread_mode_changes_nothing),
        T(test_thread_mode_before_management),
        T(test_register_client_id),
        T(test_reset),
    };

    return cmocka_run_group_tests_name("nsce", tests, NULL, NULL);
}
