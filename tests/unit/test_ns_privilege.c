/*
 * Which NS callers NSCE accepts, through the hosted port's simulated NS
 * modes (arch/host/host_mode.c: Handler mode, Thread mode's privilege) and
 * the rule both ports apply (arch/ns_privilege.h), with spm/nsce/nsce.c
 * behind them. Built twice: against the fixture (WARDEN_NSCE_PRIVILEGED_THREAD
 * 0: NS handlers only) and against fixture/priv_thread (1: privileged NS
 * threads too). Either way an unprivileged NS thread changes nothing.
 */
#include <stdint.h>

#include "arch/arch.h"
#include "arch/host/host_ns.h"
#include "arch/ns_privilege.h"
#include "spm/nsce/nsce.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "unit.h"
#include "warden/config.h"

#define SLOTS   WARDEN_NS_CONTEXT_SLOTS
#define INVALID TFM_NS_CLIENT_INVALID_TOKEN
#define OK      TFM_NS_CLIENT_ERR_SUCCESS
#define ACCESS  TFM_NS_CLIENT_ERR_INVALID_ACCESS
/* Whether a privileged NS thread is accepted in this build. */
#define THREADS WARDEN_NSCE_PRIVILEGED_THREAD

static uint32_t token(uint32_t idx, uint32_t gid, uint32_t tid)
{
    return (idx << 16) | (gid << 8) | tid;
}

static int setup(void **state)
{
    (void)state;
    spm_nsce_reset();
    host_ns_set_thread_privileged(true);
    return 0;
}

static void test_rule(void **state)
{
    (void)state;
    assert_true(arch_ns_privileged(true, true));
    assert_true(arch_ns_privileged(true, false));
    assert_int_equal(arch_ns_privileged(false, true), THREADS);
    assert_false(arch_ns_privileged(false, false));
}

static void test_thread_privileged_from_the_start(void **state)
{
    (void)state;
    /* No setup: the hosted NS side has said nothing yet, as after reset. */
    assert_int_equal(arch_ns_caller_privileged(), THREADS);
}

static void test_handler_either_privilege(void **state)
{
    uint32_t t;

    (void)state;
    host_ns_handler_enter();
    host_ns_set_thread_privileged(false);
    assert_true(arch_ns_caller_privileged());
    assert_int_equal(spm_nsce_init(0), SLOTS);
    t = spm_nsce_acquire(1, 1);
    assert_int_equal(t, token(0, 1, 1));
    assert_int_equal(spm_nsce_load(t, -5), OK);
    assert_int_equal(spm_nsce_current_nsid(), -5);
    host_ns_set_thread_privileged(true);
    assert_true(arch_ns_caller_privileged());
    assert_int_equal(spm_nsce_register_client_id(-6), TFM_SUCCESS);
    assert_int_equal(spm_nsce_current_nsid(), -6);
    host_ns_handler_exit();
}

static void test_handlers_nest(void **state)
{
    (void)state;
    host_ns_set_thread_privileged(false);
    host_ns_handler_enter();
    host_ns_handler_enter();
    host_ns_handler_exit();
    assert_true(arch_ns_caller_privileged());
    host_ns_handler_exit();
    assert_false(arch_ns_caller_privileged());
    /* An exit too many stays in Thread mode. */
    host_ns_handler_exit();
    host_ns_handler_enter();
    assert_true(arch_ns_caller_privileged());
    host_ns_handler_exit();
    assert_false(arch_ns_caller_privileged());
}

/* Every NSCE call from a privileged NS thread: all served with the option,
 * each refused (and nothing changed) without it. */
static void test_privileged_thread(void **state)
{
    uint32_t t;

    (void)state;
    assert_int_equal(arch_ns_caller_privileged(), THREADS);
    /* Unmanaged: names the default context. */
    assert_int_equal(spm_nsce_register_client_id(-42),
                     THREADS ? TFM_SUCCESS : TFM_ERROR_NS_THREAD_MODE_CALL);
    assert_int_equal(spm_nsce_current_nsid(), THREADS ? -42 : -1);
    assert_int_equal(spm_nsce_init(0), THREADS ? SLOTS : 0u);
    /* Managed with nothing loaded, or (refused) still the default NSID. */
    assert_int_equal(spm_nsce_current_nsid(), THREADS ? 0 : -1);
    t = spm_nsce_acquire(2, 7);
    assert_int_equal(t, THREADS ? token(0, 2, 7) : INVALID);
    t = token(0, 2, 7);
    assert_int_equal(spm_nsce_load(t, -8), THREADS ? OK : ACCESS);
    assert_int_equal(spm_nsce_current_nsid(), THREADS ? -8 : -1);
    assert_int_equal(spm_nsce_register_client_id(-9),
                     THREADS ? TFM_SUCCESS : TFM_ERROR_NS_THREAD_MODE_CALL);
    assert_int_equal(spm_nsce_current_nsid(), THREADS ? -9 : -1);
    assert_int_equal(spm_nsce_save(t), THREADS ? OK : ACCESS);
    assert_int_equal(spm_nsce_release(t), THREADS ? OK : ACCESS);
    /* Released (or never acquired): the handler finds the group empty. */
    host_ns_handler_enter();
    assert_int_equal(spm_nsce_acquire(2, 7), token(0, 2, 7));
    host_ns_handler_exit();
}

/* An unprivileged NS thread is refused with either setting and changes
 * nothing, while a context a handler loaded stays loaded. */
static void test_unprivileged_thread(void **state)
{
    uint32_t t;
    uint32_t u;

    (void)state;
    host_ns_handler_enter();
    assert_int_equal(spm_nsce_init(0), SLOTS);
    t = spm_nsce_acquire(1, 1);
    u = spm_nsce_acquire(1, 2);
    assert_int_equal(spm_nsce_load(t, -3), OK);
    host_ns_handler_exit();

    host_ns_set_thread_privileged(false);
    assert_false(arch_ns_caller_privileged());
    assert_int_equal(spm_nsce_init(1), 0);
    assert_int_equal(spm_nsce_acquire(1, 3), INVALID);
    assert_int_equal(spm_nsce_acquire(2, 1), INVALID);
    assert_int_equal(spm_nsce_load(u, -4), ACCESS);
    assert_int_equal(spm_nsce_save(t), ACCESS);
    assert_int_equal(spm_nsce_release(u), ACCESS);
    assert_int_equal(spm_nsce_register_client_id(-5),
                     TFM_ERROR_NS_THREAD_MODE_CALL);
    assert_int_equal(spm_nsce_current_nsid(), -3);

    host_ns_set_thread_privileged(true);
    host_ns_handler_enter();
    /* Thread 3 and group 2 were not added, u not loaded, the grant kept. */
    assert_int_equal(spm_nsce_acquire(1, 3), token(0, 1, 3));
    assert_int_equal(spm_nsce_save(u), TFM_NS_CLIENT_ERR_INVALID_TOKEN);
    assert_int_equal(spm_nsce_acquire(2, 1), token(1, 2, 1));
    assert_int_equal(spm_nsce_save(t), OK);
    host_ns_handler_exit();
}

/* Before NSCE manages NSIDs, an unprivileged thread cannot start it. */
static void test_unprivileged_before_management(void **state)
{
    (void)state;
    host_ns_set_thread_privileged(false);
    assert_int_equal(spm_nsce_init(0), 0);
    assert_int_equal(spm_nsce_acquire(0, 0), INVALID);
    assert_int_equal(spm_nsce_register_client_id(-7),
                     TFM_ERROR_NS_THREAD_MODE_CALL);
    assert_int_equal(spm_nsce_current_nsid(), -1);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rule),
        cmocka_unit_test(test_thread_privileged_from_the_start),
        T(test_handler_either_privilege),
        T(test_handlers_nest),
        T(test_privileged_thread),
        T(test_unprivileged_thread),
        T(test_unprivileged_before_management),
    };

    return cmocka_run_group_tests_name(
        THREADS ? "ns_privilege (privileged NS threads accepted)"
                : "ns_privilege (NS handlers only)",
        tests, NULL, NULL);
}
