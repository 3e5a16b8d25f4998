/*
 * spm/backend/sfn/backend_sfn.c and spm/backend/sfn/psa_interface_sfn.c:
 * initialisation in load order, failed partitions, the running partition across
 * nested calls, the IPC-only API that an SFN partition must not use, and
 * psa_wait() and the IRQ API of a partition without IRQs.
 */
#include "unit_req.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/client_api.h"
#include "spm/handle.h"
#include "arch/arch.h"
#include "world.h"

#define NS (&spm_ns_agent)

static struct spm_partition *seen[16]; /* backend_current() as recorded */
static unsigned nseen;

static void see(void)
{
    assert_true(nseen < 16u);
    seen[nseen++] = backend_current();
}

static void init_hook(enum fx_part p)
{
    (void)p;
    see();
}

static int setup(void **state)
{
    (void)state;
    nseen = 0;
    world_load();
    fx.init_hook = init_hook;
    world_run();
    return 0;
}

static void test_entry_init_in_load_order(void **state)
{
    (void)state;
    assert_int_equal(fx.ninit, 3); /* FX_QUIET has no entry_init */
    assert_int_equal(fx.init_order[0], FX_SERVER);
    assert_int_equal(fx.init_order[1], FX_BROKEN);
    assert_int_equal(fx.init_order[2], FX_CLIENT);
    /* Each ran as itself. */
    assert_int_equal(nseen, 3);
    assert_ptr_equal(seen[0], world_part(FX_SERVER));
    assert_ptr_equal(seen[1], world_part(FX_BROKEN));
    assert_ptr_equal(seen[2], world_part(FX_CLIENT));
    assert_int_equal(world_part(FX_SERVER)->state, SPM_PART_READY);
    assert_int_equal(world_part(FX_BROKEN)->state, SPM_PART_FAILED);
    assert_int_equal(world_part(FX_CLIENT)->state, SPM_PART_READY);
    assert_int_equal(world_part(FX_QUIET)->state, SPM_PART_READY);
    unit_assert_console_has("[Warden] FX_SP_BROKEN: entry_init returned -132, "
                            "its services are not available\r\n");
    /* Then NS starts, as the running partition. */
    assert_int_equal(fake_arch_launches(), 1);
    assert_ptr_equal(backend_current(), NS);
}

static void test_init_statuses(void **state)
{
    (void)state;
    world_load();
    fx.init_status[FX_SERVER] = 1; /* > 0 is success */
    fx.init_status[FX_BROKEN] = PSA_SUCCESS;
    fx.init_status[FX_CLIENT] = PSA_ERROR_PROGRAMMER_ERROR;
    world_run();
    assert_int_equal(world_part(FX_SERVER)->state, SPM_PART_READY);
    assert_int_equal(world_part(FX_BROKEN)->state, SPM_PART_READY);
    assert_int_equal(world_part(FX_CLIENT)->state, SPM_PART_FAILED);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_not_yet_initialised(void **state)
{
    (void)state;
    world_load();
    assert_ptr_equal(backend_current(), NS);
    assert_int_equal(world_part(FX_SERVER)->state, SPM_PART_UNINIT);
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2),
                     PSA_ERROR_CONNECTION_REFUSED);
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 0, 0),
                     PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(fx.nlog, 0);
    assert_int_equal(fx.ninit, 0);
}

static void test_failed_partition_is_not_called(void **state)
{
    psa_handle_t h;

    (void)state;
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_BROKEN_CONN_SID, 1),
                     PSA_ERROR_CONNECTION_REFUSED);
    /* A secure client is told too, not stopped. */
    assert_int_equal(spm_connect(world_part(FX_CLIENT),
                                 unit_req(world_part(FX_CLIENT)),
                                 FX_BROKEN_CONN_SID, 1),
                     PSA_ERROR_CONNECTION_REFUSED);
    world_out(&ns_mem, 0, 8);
    ns_mem.out[0].len = 8;
    assert_int_equal(ns_call(FX_BROKEN_SL_HANDLE, 0, 0, 1),
                     PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(ns_mem.out[0].len, 0);
    assert_null(NS->sl_req);
    assert_int_equal(sp_call(FX_CLIENT, FX_BROKEN_SL_HANDLE, 0, 0, 0),
                     PSA_ERROR_SERVICE_FAILURE);
    /* A connection opened while it served, then it failed. */
    world_part(FX_BROKEN)->state = SPM_PART_READY;
    h = spm_connect(NS, unit_req(NS), FX_BROKEN_CONN_SID, 1);
    assert_true(h > 0);
    world_part(FX_BROKEN)->state = SPM_PART_FAILED;
    assert_int_equal(ns_call(h, 0, 0, 0), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(spm_close(NS, unit_req(NS), h), PSA_SUCCESS);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(fx.calls[FX_BROKEN_CONN], 1); /* the connect only */
    assert_int_equal(fx.calls[FX_BROKEN_SL], 0);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_messaging_to_a_failed_partition(void **state)
{
    struct spm_req *c = unit_req(NS);

    (void)state;
    c->service = &warden_services[FX_BROKEN_CONN];
    c->client = NS;
    c->conn = NULL;
    c->msg.type = PSA_IPC_CONNECT;
    assert_int_equal(backend_messaging(c), PSA_ERROR_CONNECTION_REFUSED);
    c->msg.type = PSA_IPC_DISCONNECT;
    assert_int_equal(backend_messaging(c), PSA_SUCCESS);
    c->msg.type = PSA_IPC_CALL;
    assert_int_equal(backend_messaging(c), PSA_ERROR_SERVICE_FAILURE);
    c->msg.type = INT16_MAX;
    assert_int_equal(backend_messaging(c), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(fx.nlog, 0);
    /* A serving partition gets the message itself, and replies. */
    c->service = &warden_services[FX_STRICT];
    fx.reply[FX_STRICT] = 17;
    assert_int_equal(backend_messaging(c), 17);
    assert_int_equal(fx.calls[FX_STRICT], 1);
}

/* Nested: NS -> FX_CLIENT_CONN (FX_CLIENT) -> FX_STRICT (FX_SERVER). */
static psa_status_t nested(enum fx_svc svc, const psa_msg_t *msg)
{
    psa_handle_t h;

    see();
    if (msg->type < 0) {
        return PSA_SUCCESS;
    }
    if (svc == FX_STRICT) {
        return 3;
    }
    h = psa_connect(FX_STRICT_SID, 2);
    see();
    assert_true(h > 0);
    assert_int_equal(psa_call(h, 1, NULL, 0, NULL, 0), 3);
    see();
    psa_close(h);
    see();
    return 11;
}

static void test_current_partition_across_nested_calls(void **state)
{
    psa_handle_t h;

    (void)state;
    fx.handler = nested;
    nseen = 0;
    h = spm_connect(NS, unit_req(NS), FX_CLIENT_CONN_SID, 1);
    assert_int_equal(nseen, 1);
    assert_ptr_equal(seen[0], world_part(FX_CLIENT));
    nseen = 0;
    assert_int_equal(ns_call(h, 0, 0, 0), 11);
    assert_ptr_equal(backend_current(), NS);
    assert_int_equal(nseen, 7);
    assert_ptr_equal(seen[0], world_part(FX_CLIENT)); /* the request */
    assert_ptr_equal(seen[1], world_part(FX_SERVER)); /* its CONNECT */
    assert_ptr_equal(seen[2], world_part(FX_CLIENT));
    assert_ptr_equal(seen[3], world_part(FX_SERVER)); /* its call */
    assert_ptr_equal(seen[4], world_part(FX_CLIENT));
    assert_ptr_equal(seen[5], world_part(FX_SERVER)); /* its DISCONNECT */
    assert_ptr_equal(seen[6], world_part(FX_CLIENT));
    assert_int_equal(fx.last[FX_STRICT].type, PSA_IPC_DISCONNECT);
    assert_int_equal(fx.last[FX_STRICT].client_id, FX_CLIENT_PID);
    assert_int_equal(fx.calls[FX_STRICT], 3);
}

/* FX_CLIENT calls its own stateless service, which calls it again. */
static psa_status_t recurse(enum fx_svc svc, const psa_msg_t *msg)
{
    (void)msg;
    see();
    if (svc == FX_CLIENT_CONN && msg->type >= 0) {
        return psa_call(FX_CLIENT_SL_HANDLE, 0, NULL, 0, NULL, 0);
    }
    if (svc == FX_CLIENT_SL) {
        /* FX_CLIENT's one stateless slot is taken by the outer call. */
        return psa_call(FX_CLIENT_SL_HANDLE, 0, NULL, 0, NULL, 0);
    }
    return PSA_SUCCESS;
}

static void test_nested_stateless_call_is_busy(void **state)
{
    psa_handle_t h;

    (void)state;
    fx.handler = recurse;
    h = spm_connect(NS, unit_req(NS), FX_CLIENT_CONN_SID, 1);
    assert_int_equal(ns_call(h, 0, 0, 0), PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(fx.calls[FX_CLIENT_SL], 1);
    assert_int_equal(fx.last[FX_CLIENT_SL].client_id, FX_CLIENT_PID);
    assert_null(world_part(FX_CLIENT)->sl_req);
    assert_ptr_equal(backend_current(), NS);
}

static uint32_t versions[4];

static psa_status_t ask_versions(enum fx_svc svc, const psa_msg_t *msg)
{
    (void)svc;
    (void)msg;
    versions[0] = psa_framework_version();
    versions[1] = psa_version(FX_STRICT_SID);
    versions[2] = psa_version(FX_SL_RELAXED_SID);
    versions[3] = psa_version(FX_CLIENT_SL_SID);
    psa_close(PSA_NULL_HANDLE);
    return PSA_SUCCESS;
}

static void test_sfn_client_api_uses_the_current_partition(void **state)
{
    (void)state;
    fx.handler = ask_versions;
    /* As FX_CLIENT (its dependencies)... */
    assert_int_equal(
        ns_call(spm_connect(NS, unit_req(NS), FX_CLIENT_CONN_SID, 1), 0, 0, 0),
        PSA_SUCCESS);
    assert_int_equal(versions[0], 0x0101);
    assert_int_equal(versions[1], 2);
    assert_int_equal(versions[2], PSA_VERSION_NONE);
    assert_int_equal(versions[3], 1);
    /* ... and as FX_SERVER (none). */
    assert_int_equal(ns_call(FX_SL_RELAXED_HANDLE, 0, 0, 0), PSA_SUCCESS);
    assert_int_equal(versions[1], PSA_VERSION_NONE);
    assert_int_equal(versions[2], PSA_VERSION_NONE);
    assert_int_equal(fake_platform_stops(), 0);
}

static psa_status_t close_bad(enum fx_svc svc, const psa_msg_t *msg)
{
    (void)svc;
    (void)msg;
    psa_close(FX_STATELESS_HANDLE);
    return PSA_SUCCESS;
}

static void test_sfn_psa_close_programmer_error(void **state)
{
    (void)state;
    fx.handler = close_bad;
    expect_part_panic(FX_SERVER, ns_call(FX_STATELESS_HANDLE, 0, 0, 0));
}

/*
 * From an SFN service of FX_SERVER, which has no IRQ: the IPC-model API
 * (types 0 and 2..4), which the SFN backend does not have; psa_wait()
 * (type 1), which under the SFN backend waits for IRQ signals only; the
 * IRQ API (types 5..8) with a signal that is not an IRQ signal of the
 * caller (test_irq.c has the IRQ API's own rules).
 */
static psa_status_t misuse(enum fx_svc svc, const psa_msg_t *msg)
{
    psa_msg_t m;

    (void)svc;
    switch (msg->type) {
    case 0:
        psa_reply(msg->handle, PSA_SUCCESS);
        break;
    case 1:
        (void)psa_wait(PSA_WAIT_ANY, PSA_BLOCK);
        break;
    case 2:
        (void)psa_get(1u, &m);
        break;
    case 3:
        psa_notify(FX_CLIENT_PID);
        break;
    case 4:
        psa_clear();
        break;
    case 5:
        psa_eoi(1u);
        break;
    case 6:
        psa_irq_enable(1u);
        break;
    case 7:
        (void)psa_irq_disable(1u);
        break;
    case 8:
        psa_reset_signal(1u);
        break;
    default:
        break;
    }
    return PSA_SUCCESS;
}

/* Why the SPM stops FX_SERVER for request type @p type. */
static const char *const refusals[9] = {
    [0] = "psa_reply: not a call of the SFN backend",
    [1] = "psa_wait(0xffffffff): no IRQ signal of the partition in the "
          "mask",
    [2] = "psa_get: not a call of the SFN backend",
    [3] = "psa_notify: not a call of the SFN backend",
    [4] = "psa_clear: not a call of the SFN backend",
    [5] = "psa_eoi(0x00000001): not an IRQ signal of the partition",
    [6] = "psa_irq_enable(0x00000001): not an IRQ signal of the "
          "partition",
    [7] = "psa_irq_disable(0x00000001): not an IRQ signal of the "
          "partition",
    [8] = "psa_reset_signal(0x00000001): not an IRQ signal of the "
          "partition",
};

static void expect_misuse_panic(int32_t type)
{
    world_boot();
    fx.handler = misuse;
    expect_part_stop(FX_SERVER, refusals[type],
                     ns_call(FX_STATELESS_HANDLE, type, 0, 0));
}

static void test_ipc_only_api_and_non_irq_signals_stop_the_caller(void **state)
{
    (void)state;
    for (int32_t type = 0; type <= 8; type++) {
        expect_misuse_panic(type);
    }
    /* Sanity: the same service, asked nothing odd, replies. */
    world_boot();
    fx.handler = misuse;
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 9, 0, 0), PSA_SUCCESS);
}

/* A partition's fault with no frame of its to unwind to, or whose
 * exception frame is not whole: nothing to terminate, the device resets. */
static void test_fault_that_cannot_be_unwound_resets(void **state)
{
    struct arch_fault f = { .cause = ARCH_FAULT_USAGE, .resumable = true };

    (void)state;
    world_boot();
    EXPECT_STOP(FAKE_STOP_RESET,
                (void)backend_stop_faulted(world_part(FX_SERVER), &f));
    assert_int_equal(fake_platform_last_reset()->reason,
                     PLATFORM_RESET_SPM_FAULT);
    assert_null(f.redirect);
    f.resumable = false;
    EXPECT_STOP(FAKE_STOP_RESET,
                (void)backend_stop_faulted(world_part(FX_SERVER), &f));
    assert_null(f.redirect);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_entry_init_in_load_order),
        T(test_init_statuses),
        T(test_not_yet_initialised),
        T(test_failed_partition_is_not_called),
        T(test_messaging_to_a_failed_partition),
        T(test_current_partition_across_nested_calls),
        T(test_nested_stateless_call_is_busy),
        T(test_sfn_client_api_uses_the_current_partition),
        T(test_sfn_psa_close_programmer_error),
        T(test_ipc_only_api_and_non_irq_signals_stop_the_caller),
        T(test_fault_that_cannot_be_unwound_resets),
    };

    return cmocka_run_group_tests_name("backend_sfn", tests, NULL, NULL);
}
