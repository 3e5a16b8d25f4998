/*
 * Completion for an inactive NS context (spm/ns_completion.h, built with
 * WARDEN_NS_COMPLETION_IRQ=1: fixture/ns_completion): an NS call of an
 * NSCE context, from NS Thread mode, that has to wait returns
 * WARDEN_NS_CALL_PENDING with its request kept in flight in its agent's
 * static storage; the reply posts the context and pends the completion
 * interrupt; the take veneer hands the set over and clears it; finish ends
 * the call. Every misuse: finish with nothing pending or before the reply,
 * a second call while one is pending, a release of a context with a
 * pending call (queued or taken), and the cases that never defer (not
 * enabled, NS context 0, NS Handler mode).
 */
#include "fake_arch.h"
#include "fake_platform.h"
#include "fake_threads.h"
#include "ipc_world.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/handle.h"
#include "spm/ns_agent.h"
#include "spm/ns_completion.h"
#include "spm/nsce/ns_client.h"
#include "tfm_ns_client_ext.h"
#include "tfm_psa_call_pack.h"

#define SERVER   (iw_part(FXI_SERVER))
#define AGENT(c) (spm_ns_agent_of(c))

_Static_assert(WARDEN_NS_COMPLETION_IRQ == 1, "the option's fixture");

/* As the NS RTOS's handler (Handler mode) / as an NS thread. */
static uint32_t enable_as_handler(uint32_t on)
{
    uint32_t r;

    fake_arch_set_handler(true);
    r = spm_ns_completion_enable(on);
    fake_arch_set_handler(false);
    return r;
}

static uint32_t take_as_handler(void)
{
    uint32_t set;

    fake_arch_set_handler(true);
    set = spm_ns_completion_take();
    fake_arch_set_handler(false);
    return set;
}

/* A stateless call to SL_A with no vectors, from the loaded context. */
static psa_status_t ns_call(void)
{
    return spm_ns_call(FXI_SL_A_HANDLE, PARAM_PACK(PSA_IPC_CALL, 0, 0), 0u, 0u);
}

/* The test goes on as NS code in context @p ctx (its agent's thread). */
static void back_in(uint32_t ctx)
{
    fake_threads_run_as(sched_thread_of(AGENT(ctx)));
}

static int setup(void **state)
{
    iw_setup_booted(state);
    for (uint32_t c = 0; c <= WARDEN_NS_CONTEXTS; c++) {
        spm_ns_completion_forget(c);
    }
    (void)enable_as_handler(0u);
    (void)fake_ns_completion_raises();
    fake_threads_player(NULL);
    return 0;
}

static void test_enable_is_for_handlers(void **state)
{
    (void)state;
    assert_int_equal(spm_ns_completion_enable(1u),
                     TFM_NS_CLIENT_ERR_INVALID_ACCESS);
    assert_int_equal(enable_as_handler(2u), TFM_NS_CLIENT_ERR_INVALID_ACCESS);
    assert_int_equal(enable_as_handler(1u), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_int_equal(enable_as_handler(0u), TFM_NS_CLIENT_ERR_SUCCESS);
}

/* The whole path: deferred, busy meanwhile, posted at the reply, taken
 * once, finished with the service's status. */
static void test_call_returns_pending_and_completes(void **state)
{
    struct sched_thread *a1 = sched_thread_of(AGENT(1));

    (void)state;
    assert_int_equal(enable_as_handler(1u), TFM_NS_CLIENT_ERR_SUCCESS);
    backend_ns_ctx_load(1);
    assert_int_equal(ns_call(), WARDEN_NS_CALL_PENDING);
    back_in(1);
    /* In flight, in the agent's storage; the agent runs NS code on. */
    assert_ptr_equal(AGENT(1)->be.pending, &spm_ns_reqs[1]);
    assert_int_equal(a1->state, SCHED_READY);
    assert_true(spm_ns_in_call(AGENT(1)));
    assert_true(spm_ns_deferred(AGENT(1)));
    assert_false(sched_locked());
    /* Nothing ready yet. */
    assert_int_equal(fake_ns_completion_raises(), 0u);
    assert_int_equal(take_as_handler(), 0u);
    assert_int_equal(spm_ns_completion_finish(), WARDEN_NS_CALL_PENDING);
    /* A second call of the context while it is pending: busy. */
    assert_int_equal(ns_call(), PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(spm_ns_connect(FXI_CONN_SID, 1u),
                     PSA_ERROR_CONNECTION_BUSY);
    /* The reply posts the context: one interrupt, the set taken once. */
    iw_serve(FXI_SERVER, FXI_SIG(1), 42);
    assert_int_equal(fake_ns_completion_raises(), 1u);
    /* Only from a handler. */
    assert_int_equal(spm_ns_completion_take(), 0u);
    assert_int_equal(take_as_handler(), 1u << 1);
    assert_int_equal(take_as_handler(), 0u);
    back_in(1);
    assert_int_equal(spm_ns_completion_finish(), 42);
    assert_false(spm_ns_in_call(AGENT(1)));
    assert_false(spm_ns_deferred(AGENT(1)));
    assert_null(AGENT(1)->be.pending);
    /* Finished: nothing pending any more. */
    assert_int_equal(spm_ns_completion_finish(), PSA_ERROR_PROGRAMMER_ERROR);
    /* The context calls again. */
    assert_int_equal(ns_call(), WARDEN_NS_CALL_PENDING);
    iw_serve(FXI_SERVER, FXI_SIG(1), PSA_SUCCESS);
    back_in(1);
    assert_int_equal(spm_ns_completion_finish(), PSA_SUCCESS);
}

/* Two contexts pending at once: each posted, one set, each finished with
 * its own status. */
static void test_two_contexts_complete_apart(void **state)
{
    (void)state;
    assert_int_equal(enable_as_handler(1u), TFM_NS_CLIENT_ERR_SUCCESS);
    backend_ns_ctx_load(1);
    assert_int_equal(ns_call(), WARDEN_NS_CALL_PENDING);
    back_in(1);
    backend_ns_ctx_load(3);
    assert_int_equal(
        spm_ns_call(FXI_SL_B_HANDLE, PARAM_PACK(PSA_IPC_CALL, 0, 0), 0u, 0u),
        WARDEN_NS_CALL_PENDING);
    iw_serve(FXI_SERVER, FXI_SIG(2), 3);
    iw_serve(FXI_SERVER, FXI_SIG(1), 1);
    assert_int_equal(fake_ns_completion_raises(), 2u);
    assert_int_equal(take_as_handler(), (1u << 1) | (1u << 3));
    back_in(3);
    assert_int_equal(spm_ns_completion_finish(), 3);
    backend_ns_ctx_load(1);
    assert_int_equal(spm_ns_completion_finish(), 1);
}

/* A connect and a close defer too: finish gives the handle, then the
 * close's status. */
static void test_connect_and_close_defer(void **state)
{
    psa_handle_t h;

    (void)state;
    assert_int_equal(enable_as_handler(1u), TFM_NS_CLIENT_ERR_SUCCESS);
    backend_ns_ctx_load(2);
    assert_int_equal(spm_ns_connect(FXI_CONN_SID, 1u), WARDEN_NS_CALL_PENDING);
    iw_serve(FXI_SERVER, FXI_SIG(0), PSA_SUCCESS);
    assert_int_equal(take_as_handler(), 1u << 2);
    back_in(2);
    h = spm_ns_completion_finish();
    assert_true(h > 0);
    assert_int_equal(spm_ns_close(h), WARDEN_NS_CALL_PENDING);
    iw_serve(FXI_SERVER, FXI_SIG(0), PSA_SUCCESS);
    back_in(2);
    /* Finished before it was taken: it leaves the set (no wake-up is
     * owed for a call that ended). */
    assert_int_equal(spm_ns_completion_finish(), PSA_SUCCESS);
    assert_int_equal(take_as_handler(), 0u);
    assert_null(spm_conn_from_handle(h));
}

/* A service that stops answers its queue: that reply posts too. */
static void test_stopped_service_posts(void **state)
{
    (void)state;
    assert_int_equal(enable_as_handler(1u), TFM_NS_CLIENT_ERR_SUCCESS);
    iw_block(FXI_SERVER);
    backend_ns_ctx_load(1);
    assert_int_equal(ns_call(), WARDEN_NS_CALL_PENDING);
    ipc_terminate_cleanup(SERVER);
    assert_int_equal(fake_ns_completion_raises(), 1u);
    assert_int_equal(take_as_handler(), 1u << 1);
    back_in(1);
    assert_int_equal(spm_ns_completion_finish(), PSA_ERROR_SERVICE_FAILURE);
}

static void test_finish_with_nothing_pending(void **state)
{
    (void)state;
    assert_int_equal(spm_ns_completion_finish(), PSA_ERROR_PROGRAMMER_ERROR);
    backend_ns_ctx_load(2);
    assert_int_equal(spm_ns_completion_finish(), PSA_ERROR_PROGRAMMER_ERROR);
    assert_false(spm_ns_in_call(AGENT(2)));
    assert_false(sched_locked());
}

/* Released with its pending call queued: withdrawn, as the release does
 * for a call in progress; nothing is posted, nothing left to finish. */
static void test_release_aborts_a_queued_pending_call(void **state)
{
    (void)state;
    assert_int_equal(enable_as_handler(1u), TFM_NS_CLIENT_ERR_SUCCESS);
    iw_block(FXI_SERVER);
    backend_ns_ctx_load(1);
    assert_int_equal(ns_call(), WARDEN_NS_CALL_PENDING);
    backend_ns_ctx_release(1);
    assert_null(SERVER->be.queue);
    assert_null(AGENT(1)->be.pending);
    assert_false(spm_ns_in_call(AGENT(1)));
    assert_false(spm_ns_deferred(AGENT(1)));
    assert_int_equal(fake_ns_completion_raises(), 0u);
    assert_int_equal(take_as_handler(), 0u);
    backend_ns_ctx_load(1);
    assert_int_equal(spm_ns_completion_finish(), PSA_ERROR_PROGRAMMER_ERROR);
}

/* Released with its pending call taken: an orphan, whose reply goes
 * nowhere (no post); replied before the release: dropped from the set. */
static void test_release_aborts_a_taken_pending_call(void **state)
{
    psa_handle_t h;

    (void)state;
    assert_int_equal(enable_as_handler(1u), TFM_NS_CLIENT_ERR_SUCCESS);
    backend_ns_ctx_load(1);
    assert_int_equal(ns_call(), WARDEN_NS_CALL_PENDING);
    h = iw_get(FXI_SERVER, FXI_SIG(1))->handle;
    backend_ns_ctx_release(1);
    assert_int_not_equal(AGENT(1)->be_small.sl_orphan, 0);
    iw_run_as(SERVER);
    psa_reply(h, PSA_SUCCESS);
    assert_int_equal(AGENT(1)->be_small.sl_orphan, 0);
    assert_int_equal(fake_ns_completion_raises(), 0u);
    assert_int_equal(take_as_handler(), 0u);
    /* Replied, not yet taken nor finished, then released. */
    backend_ns_ctx_load(2);
    assert_int_equal(ns_call(), WARDEN_NS_CALL_PENDING);
    iw_serve(FXI_SERVER, FXI_SIG(1), PSA_SUCCESS);
    assert_int_equal(fake_ns_completion_raises(), 1u);
    backend_ns_ctx_release(2);
    assert_int_equal(take_as_handler(), 0u);
    assert_false(spm_ns_in_call(AGENT(2)));
    backend_ns_ctx_load(2);
    assert_int_equal(spm_ns_completion_finish(), PSA_ERROR_PROGRAMMER_ERROR);
}

/* Serves SL_A with 7 when the waiting NS agent lets the server run, then
 * waits for its signals again, as its psa_wait() would. */
static void serve_player(struct sched_thread *t)
{
    if (t == iw_thread(FXI_SERVER) &&
        (SERVER->be.asserted & FXI_SIG(1)) != 0u) {
        iw_serve(FXI_SERVER, FXI_SIG(1), 7);
    }
    if (t == iw_thread(FXI_SERVER)) {
        SERVER->be.wait_mask = FXI_ANY_SERVICE;
        sched_block(t);
    }
}

/* Not enabled, NS context 0, or NS Handler mode: the call waits for its
 * reply in the secure side, as without the option. */
static void test_calls_that_never_defer(void **state)
{
    (void)state;
    fake_threads_player(serve_player);
    backend_ns_ctx_load(1);
    assert_int_equal(ns_call(), 7);

    assert_false(spm_ns_in_call(AGENT(1)));
    assert_int_equal(enable_as_handler(1u), TFM_NS_CLIENT_ERR_SUCCESS);
    backend_ns_ctx_load(0);
    assert_int_equal(ns_call(), 7);
    backend_ns_ctx_load(2);
    fake_arch_set_handler(true);
    assert_int_equal(ns_call(), 7);
    fake_arch_set_handler(false);
    assert_int_equal(fake_ns_completion_raises(), 0u);
    assert_int_equal(take_as_handler(), 0u);
    /* And with all three right, it does. */
    assert_int_equal(ns_call(), WARDEN_NS_CALL_PENDING);
    back_in(2);
    assert_int_equal(take_as_handler(), 1u << 2);
    assert_int_equal(spm_ns_completion_finish(), 7);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_enable_is_for_handlers),
        T(test_call_returns_pending_and_completes),
        T(test_two_contexts_complete_apart),
        T(test_connect_and_close_defer),
        T(test_stopped_service_posts),
        T(test_finish_with_nothing_pending),
        T(test_release_aborts_a_queued_pending_call),
        T(test_release_aborts_a_taken_pending_call),
        T(test_calls_that_never_defer),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
