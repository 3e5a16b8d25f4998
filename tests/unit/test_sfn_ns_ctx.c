/*
 * spm/backend/sfn/sfn_ns_ctx.c: the SFN backend's NS contexts (built with
 * WARDEN_NS_CONTEXTS 3, fixture/sfn_nsctx). Each load switches the secure
 * stack and the backend's state; an NS call holds the partition it calls
 * and those that one may call (the fixture: FX_CLIENT may call FX_SERVER
 * and FX_BROKEN, FX_BROKEN may call FX_SERVER, FX_QUIET nothing), and a
 * call of another context that needs one of them is refused with nothing
 * done (WARDEN_STATUS_PARTITION_BUSY); a service's reply of that value
 * reaches NS as PSA_ERROR_SERVICE_FAILURE; a context released inside its
 * call gives its partitions back.
 */
#include "unit_req.h"
#include "fake_ns_stack.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/ns_agent.h"
#include "spm/nsce/ns_client.h"
#include "tfm_psa_call_pack.h"
#include "warden/ns_wait.h"
#include "world.h"

#define CALL0 PARAM_PACK(PSA_IPC_CALL, 0u, 0u)

static int setup(void **state)
{
    (void)state;
    fake_ns_stack = (struct fake_ns_stack_calls){ 0 };
    world_boot();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    backend_ns_ctx_load(0u);
    return 0;
}

static struct spm_partition *agent(uint32_t ctx)
{
    return spm_ns_agent_of(ctx);
}

static void test_load_switches_stack_and_state(void **state)
{
    (void)state;
    assert_int_equal(fake_ns_stack.inits, 1 + 3);
    assert_ptr_equal(backend_ns_agent(), &spm_ns_agent);
    backend_ns_ctx_load(2u);
    assert_int_equal(fake_ns_stack.switches, 1);
    assert_ptr_equal(backend_ns_agent(), agent(2));
    assert_ptr_equal(backend_current(), agent(2));
    backend_ns_ctx_load(2u); /* loaded already: nothing */
    backend_ns_ctx_load(4u); /* no such context: nothing */
    assert_int_equal(fake_ns_stack.switches, 1);
    assert_ptr_equal(backend_ns_agent(), agent(2));
    backend_ns_ctx_load(3u);
    assert_int_equal(fake_ns_stack.switches, 2);
    assert_ptr_equal(backend_current(), agent(3));
}

/* The reach: held by one context, refused to another, given back. */
static void test_reach_is_held(void **state)
{
    (void)state;
    backend_ns_ctx_load(1u);
    assert_true(sfn_ns_take(world_part(FX_BROKEN))); /* BROKEN, SERVER */
    assert_int_equal(fake_ns_stack.held, 0);
    backend_ns_ctx_load(2u);
    assert_false(sfn_ns_take(world_part(FX_SERVER)));
    assert_int_equal(sfn_ns_finish(PSA_SUCCESS), WARDEN_STATUS_PARTITION_BUSY);
    assert_false(sfn_ns_take(world_part(FX_CLIENT))); /* it may call both */
    assert_int_equal(sfn_ns_finish(PSA_SUCCESS), WARDEN_STATUS_PARTITION_BUSY);
    assert_true(sfn_ns_take(world_part(FX_QUIET)));
    assert_int_equal(sfn_ns_finish(5), 5);
    assert_int_equal(fake_ns_stack.held, 0);
    assert_true(fake_ns_stack.holds >= 4);
    /* The first context ends its call: all of it is free again. */
    backend_ns_ctx_load(1u);
    assert_int_equal(sfn_ns_finish(PSA_SUCCESS), PSA_SUCCESS);
    backend_ns_ctx_load(2u);
    assert_true(sfn_ns_take(world_part(FX_CLIENT)));
    assert_int_equal(sfn_ns_finish(PSA_SUCCESS), PSA_SUCCESS);
}

/* Through dependencies only: a partition that calls nothing holds itself,
 * and one that may call it is refused while it is held. */
static void test_reach_through_dependencies(void **state)
{
    (void)state;
    backend_ns_ctx_load(3u);
    assert_true(sfn_ns_take(world_part(FX_SERVER)));
    backend_ns_ctx_load(1u);
    assert_false(sfn_ns_take(world_part(FX_BROKEN)));
    (void)sfn_ns_finish(PSA_SUCCESS);
    assert_true(sfn_ns_take(world_part(FX_QUIET)));
    (void)sfn_ns_finish(PSA_SUCCESS);
    backend_ns_ctx_load(3u);
    (void)sfn_ns_finish(PSA_SUCCESS);
    /* The last partition too. */
    assert_true(sfn_ns_take(world_part(FX_QUIET)));
    backend_ns_ctx_load(1u);
    assert_false(sfn_ns_take(world_part(FX_QUIET)));
    assert_int_equal(sfn_ns_finish(PSA_SUCCESS), WARDEN_STATUS_PARTITION_BUSY);
    backend_ns_ctx_load(3u);
    (void)sfn_ns_finish(PSA_SUCCESS);
}

/* A second context's NS call while the first's is inside FX_SERVER. */
static unsigned inner_runs;
static psa_status_t inner_status[3];
static struct spm_partition *inner_current[2];

static psa_status_t switch_inside(enum fx_svc svc, const psa_msg_t *msg)
{
    (void)msg;
    if (svc != FX_STATELESS || inner_runs++ != 0u) {
        return PSA_SUCCESS;
    }
    backend_ns_ctx_load(2u); /* the NS RTOS switches threads */
    inner_current[0] = backend_current();
    inner_status[0] = spm_ns_call(FX_STATELESS_HANDLE, CALL0, 0u, 0u);
    inner_status[1] = spm_ns_call(FX_BROKEN_SL_HANDLE, CALL0, 0u, 0u);
    inner_status[2] = (psa_status_t)spm_ns_version(FX_STATELESS_SID);
    backend_ns_ctx_load(1u); /* and back */
    inner_current[1] = backend_current();
    return 42;
}

static void test_second_context_waits(void **state)
{
    (void)state;
    inner_runs = 0u;
    fx.handler = switch_inside;
    backend_ns_ctx_load(1u);
    assert_int_equal(spm_ns_call(FX_STATELESS_HANDLE, CALL0, 0u, 0u), 42);
    assert_int_equal(inner_runs, 1); /* the refused calls ran nothing */
    assert_int_equal(fx.calls[FX_STATELESS], 1);
    assert_int_equal(fx.calls[FX_BROKEN_SL], 0);
    assert_ptr_equal(inner_current[0], agent(2));
    assert_int_equal(inner_status[0], WARDEN_STATUS_PARTITION_BUSY);
    assert_int_equal(inner_status[1], WARDEN_STATUS_PARTITION_BUSY);
    assert_int_equal(inner_status[2], 1); /* no partition: served */
    assert_ptr_equal(inner_current[1], world_part(FX_SERVER));
    assert_null(agent(2)->sl_req);
    assert_false(spm_ns_in_call(agent(2)));
    /* Once the first call is over, the second gets through. */
    backend_ns_ctx_load(2u);
    assert_int_equal(spm_ns_call(FX_STATELESS_HANDLE, CALL0, 0u, 0u),
                     PSA_SUCCESS);
    assert_int_equal(fx.calls[FX_STATELESS], 2);
    fx.handler = NULL;
}

static void test_reply_never_the_refusal(void **state)
{
    (void)state;
    backend_ns_ctx_load(1u);
    fx.reply[FX_STATELESS] = WARDEN_STATUS_PARTITION_BUSY;
    assert_int_equal(spm_ns_call(FX_STATELESS_HANDLE, CALL0, 0u, 0u),
                     PSA_ERROR_SERVICE_FAILURE);
    fx.reply[FX_STATELESS] = WARDEN_STATUS_PARTITION_BUSY - 1;
    assert_int_equal(spm_ns_call(FX_STATELESS_HANDLE, CALL0, 0u, 0u),
                     WARDEN_STATUS_PARTITION_BUSY - 1);
    assert_int_equal(fx.calls[FX_STATELESS], 2);
}

/* The NS thread of a context ends inside its call. */
static void test_release_inside_a_call(void **state)
{
    (void)state;
    backend_ns_ctx_load(1u);
    assert_int_equal(spm_ns_enter(agent(1)), PSA_SUCCESS);
    assert_true(sfn_ns_take(world_part(FX_CLIENT)));
    /* Its chain's requests in flight: the agent's, FX_CLIENT's (held),
     * not FX_QUIET's (not held). */
    agent(1)->sl_req = unit_req(agent(1));
    world_part(FX_CLIENT)->sl_req = unit_req(world_part(FX_CLIENT));
    world_part(FX_QUIET)->sl_req = unit_req(world_part(FX_QUIET));
    backend_ns_ctx_load(0u);
    fake_console_clear();
    backend_ns_ctx_release(1u);
    assert_null(agent(1)->sl_req);
    assert_null(world_part(FX_CLIENT)->sl_req);
    assert_non_null(world_part(FX_QUIET)->sl_req);
    world_part(FX_QUIET)->sl_req = NULL;
    unit_assert_console_has("[Warden] NS context 1 ended inside a secure "
                            "call: the call is dropped\r\n");
    assert_false(spm_ns_in_call(agent(1)));
    assert_int_equal(fake_ns_stack.resets, 1);
    backend_ns_ctx_load(2u);
    assert_true(sfn_ns_take(world_part(FX_SERVER)));
    assert_int_equal(sfn_ns_finish(PSA_SUCCESS), PSA_SUCCESS);
    /* Released afresh: its NS agent as the running partition. */
    backend_ns_ctx_load(1u);
    assert_ptr_equal(backend_current(), agent(1));
    assert_int_equal(spm_ns_call(FX_STATELESS_HANDLE, CALL0, 0u, 0u),
                     PSA_SUCCESS);
}

/* Released outside a call: its held partitions (none) and state afresh. */
static void test_release_outside_a_call(void **state)
{
    (void)state;
    backend_ns_ctx_load(3u);
    fake_console_clear();
    backend_ns_ctx_release(3u);
    assert_ptr_equal(backend_ns_agent(), &spm_ns_agent);
    assert_int_equal(fake_ns_stack.resets, 1);
    backend_ns_ctx_release(0u); /* context 0 is never released */
    backend_ns_ctx_release(4u); /* no such context */
    assert_int_equal(fake_ns_stack.resets, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_load_switches_stack_and_state,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_reach_is_held, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reach_through_dependencies, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_second_context_waits, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_reply_never_the_refusal, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_release_inside_a_call, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_release_outside_a_call, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("sfn_ns_ctx", tests, NULL, NULL);
}
