/*
 * spm/client_api.c: version, connect, close, client IDs, and the FF-M
 * programmer-error rule (an NS caller gets the status back, a secure caller
 * is stopped). psa_call() is in test_client_api_call.c.
 */
#include "unit_req.h"
#include "spm/client_api.h"
#include "spm/handle.h"
#include "test_client_api.h"
#include "world.h"

#define NS       (&spm_ns_agent)
#define SP(p)    world_part(p)
#define REFUSED  PSA_ERROR_CONNECTION_REFUSED
#define PROG_ERR PSA_ERROR_PROGRAMMER_ERROR

static struct spm_conn *slot_of(psa_handle_t h)
{
    return &spm_conns[((uint32_t)h & 0xFFu) - 1u];
}

static void assert_pool_free(void)
{
    for (unsigned i = 0; i < WARDEN_CONN_MAX; i++) {
        assert_int_equal(spm_conns[i].state, SPM_CONN_FREE);
    }
}

static void test_framework_version_and_client_ids(void **state)
{
    (void)state;
    assert_int_equal(spm_framework_version(), 0x0101);
    assert_int_equal(spm_client_id(NS), NS_CLIENT_ID);
    assert_int_equal(spm_client_id(SP(FX_CLIENT)), FX_CLIENT_PID);
    assert_int_equal(spm_client_id(SP(FX_QUIET)), FX_QUIET_PID);
}

static void test_version_ns(void **state)
{
    (void)state;
    assert_int_equal(spm_version(NS, FX_STRICT_SID), 2);
    assert_int_equal(spm_version(NS, FX_RELAXED_SID), 3);
    assert_int_equal(spm_version(NS, FX_STATELESS_SID), 1);
    assert_int_equal(spm_version(NS, FX_SL_RELAXED_SID), 0x105);
    assert_int_equal(spm_version(NS, FX_BROKEN_CONN_SID), 1);
    assert_int_equal(spm_version(NS, FX_SECURE_ONLY_SID), PSA_VERSION_NONE);
    assert_int_equal(spm_version(NS, FX_SL_SECURE_ONLY_SID), PSA_VERSION_NONE);
    assert_int_equal(spm_version(NS, FX_CLIENT_SL_SID), PSA_VERSION_NONE);
    assert_int_equal(spm_version(NS, FX_UNKNOWN_SID), PSA_VERSION_NONE);
    assert_int_equal(spm_version(NS, 0u), PSA_VERSION_NONE);
    assert_int_equal(fx.nlog, 0);
}

static void test_version_secure_follows_dependencies(void **state)
{
    (void)state;
    assert_int_equal(spm_version(SP(FX_CLIENT), FX_STRICT_SID), 2);
    assert_int_equal(spm_version(SP(FX_CLIENT), FX_SECURE_ONLY_SID), 1);
    assert_int_equal(spm_version(SP(FX_CLIENT), FX_CLIENT_SL_SID), 1);
    assert_int_equal(spm_version(SP(FX_CLIENT), FX_SL_RELAXED_SID),
                     PSA_VERSION_NONE);
    assert_int_equal(spm_version(SP(FX_CLIENT), FX_QUIET_CONN_SID),
                     PSA_VERSION_NONE);
    /* No dependencies: not even its own services. */
    assert_int_equal(spm_version(SP(FX_SERVER), FX_STRICT_SID),
                     PSA_VERSION_NONE);
    assert_int_equal(spm_version(SP(FX_QUIET), FX_UNKNOWN_SID),
                     PSA_VERSION_NONE);
    /* Not a programmer error: nobody is stopped. */
    assert_int_equal(fake_platform_stops(), 0);
}

static void assert_connect_msg(enum fx_svc svc, psa_handle_t h, int32_t id)
{
    const psa_msg_t *m = &fx.last[svc];

    assert_int_equal(m->type, PSA_IPC_CONNECT);
    assert_int_equal(m->handle, h);
    assert_int_equal(m->client_id, id);
    assert_null(m->rhandle);
    for (unsigned i = 0; i < PSA_MAX_IOVEC; i++) {
        assert_int_equal(m->in_size[i], 0);
        assert_int_equal(m->out_size[i], 0);
    }
}

static void test_connect_ns(void **state)
{
    psa_handle_t h;

    (void)state;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    assert_int_equal(h, 0x101); /* slot 0, generation 1 */
    assert_int_equal(fx.calls[FX_STRICT], 1);
    assert_connect_msg(FX_STRICT, h, NS_CLIENT_ID);
    assert_int_equal(spm_conns[0].state, SPM_CONN_IDLE);
    assert_int_equal(spm_conns[0].client, (NS)->index);
    assert_int_equal(spm_conns[0].service, FX_STRICT);
    assert_ptr_equal(spm_conn_from_handle(h), &spm_conns[0]);
}

static void test_connect_after_a_call_carries_no_vectors(void **state)
{
    psa_handle_t h;

    (void)state;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    world_in(&ns_mem, 0, "abcd", 4);
    world_out(&ns_mem, 0, 8);
    assert_int_equal(ns_call(h, 1, 1, 1), PSA_SUCCESS);
    assert_int_equal(fx.last[FX_STRICT].in_size[0], 4);
    assert_int_equal(spm_close(NS, unit_req(NS), h), PSA_SUCCESS);
    h = spm_connect(NS, unit_req(NS), FX_RELAXED_SID, 3);
    assert_int_equal(h, 0x201); /* the same slot, next generation */
    assert_connect_msg(FX_RELAXED, h, NS_CLIENT_ID);
}

static void test_connect_version_policy(void **state)
{
    static const struct {
        uint32_t sid;
        uint32_t version;
        bool ok;
    } cases[] = {
        { FX_STRICT_SID, 2, true },
        { FX_STRICT_SID, 1, false },
        { FX_STRICT_SID, 3, false },
        { FX_STRICT_SID, 0, false },
        { FX_RELAXED_SID, 0, true },
        { FX_RELAXED_SID, 1, true },
        { FX_RELAXED_SID, 3, true },
        { FX_RELAXED_SID, 4, false },
        { FX_RELAXED_SID, UINT32_MAX, false },
    };
    unsigned delivered = 0;

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        psa_handle_t h =
            spm_connect(NS, unit_req(NS), cases[i].sid, cases[i].version);

        if (cases[i].ok) {
            assert_true(h > 0);
            delivered++;
            assert_int_equal(spm_close(NS, unit_req(NS), h), PSA_SUCCESS);
        } else {
            assert_int_equal(h, REFUSED);
        }
        /* Refused requests never reach the service. */
        assert_int_equal(fx.nlog, 2u * delivered);
    }
    assert_pool_free();
}

static void test_connect_refusals_ns(void **state)
{
    (void)state;
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_UNKNOWN_SID, 1), REFUSED);
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_SECURE_ONLY_SID, 1),
                     REFUSED);
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_QUIET_CONN_SID, 1),
                     REFUSED);
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_STATELESS_SID, 1),
                     PROG_ERR);
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_SL_RELAXED_SID, 5),
                     PROG_ERR);
    assert_int_equal(fx.nlog, 0);
    assert_int_equal(fake_platform_stops(), 0);
    assert_pool_free();
}

static void test_connect_pool_exhausted(void **state)
{
    (void)state;
    for (unsigned i = 0; i < WARDEN_CONN_MAX; i++) {
        assert_int_equal(spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2),
                         0x101 + (int)i);
    }
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2),
                     PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(
        spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 2),
        PSA_ERROR_CONNECTION_BUSY); /* not a programmer error */
    assert_int_equal(fx.calls[FX_STRICT], WARDEN_CONN_MAX);
    assert_int_equal(spm_close(NS, unit_req(NS), 0x102), PSA_SUCCESS);
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2), 0x202);
}

static void test_connect_service_refuses(void **state)
{
    (void)state;
    fx.reply[FX_STRICT] = REFUSED;
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2), REFUSED);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(spm_conns[0].gen, 2);
    fx.reply[FX_STRICT] = PSA_ERROR_CONNECTION_BUSY;
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2),
                     PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(spm_conns[0].gen, 3);
    /* A secure client is told, not stopped: the service refused. */
    fx.reply[FX_STRICT] = REFUSED;
    assert_int_equal(
        spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 2),
        REFUSED);
    assert_int_equal(fx.calls[FX_STRICT], 3);
    assert_int_equal(fake_platform_stops(), 0);
    assert_pool_free();
}

static void expect_connect_reply_panics(psa_status_t reply)
{
    fx.reply[FX_STRICT] = reply;
    /* Stopped while its secure function still runs (the halt policy). */
    expect_part_stopf(
        FX_SERVER, "its secure function: status %d cannot answer a connect",
        (int)reply, spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2));
    assert_int_equal(spm_conns[0].state, SPM_CONN_ACTIVE);
}

static void test_connect_other_reply_panics_the_service(void **state)
{
    (void)state;
    expect_connect_reply_panics(PSA_ERROR_GENERIC_ERROR);
    expect_connect_reply_panics(1);
    expect_connect_reply_panics(PROG_ERR);
    assert_int_equal(fx.calls[FX_STRICT], 3);
}

static void test_connect_secure(void **state)
{
    psa_handle_t h;

    (void)state;
    h = spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_SECURE_ONLY_SID,
                    1);
    assert_int_equal(h, 0x101);
    assert_connect_msg(FX_SECURE_ONLY, h, FX_CLIENT_PID);
    assert_int_equal(slot_of(h)->client, (SP(FX_CLIENT))->index);
}

static void test_connect_secure_programmer_errors_panic(void **state)
{
    (void)state;
    expect_part_stop(
        FX_CLIENT, "psa_connect: no service has SID 0x0000dead",
        spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_UNKNOWN_SID, 1));
    expect_part_stop(
        FX_CLIENT,
        "psa_connect: SID 0x00004000 is not a dependency of the partition",
        spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_QUIET_CONN_SID,
                    1));
    expect_part_stop(
        FX_CLIENT, "psa_connect: SID 0x00001000 does not accept version 1",
        spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 1));
    expect_part_stop(FX_CLIENT,
                     "psa_connect: SID 0x00001002 is a stateless service",
                     spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)),
                                 FX_STATELESS_SID, 1));
    expect_part_stop(
        FX_SERVER,
        "psa_connect: SID 0x00001000 is not a dependency of the partition",
        spm_connect(SP(FX_SERVER), unit_req(SP(FX_SERVER)), FX_STRICT_SID, 2));
    assert_int_equal(fx.nlog, 0);
    assert_pool_free();
}

static void test_close_null_handle(void **state)
{
    (void)state;
    assert_int_equal(spm_close(NS, unit_req(NS), PSA_NULL_HANDLE), PSA_SUCCESS);
    assert_int_equal(
        spm_close(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), PSA_NULL_HANDLE),
        PSA_SUCCESS);
    assert_int_equal(fx.nlog, 0);
}

static void test_close_delivers_disconnect(void **state)
{
    psa_handle_t h;

    (void)state;
    h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    assert_int_equal(spm_close(NS, unit_req(NS), h), PSA_SUCCESS);
    assert_int_equal(fx.calls[FX_STRICT], 2);
    assert_int_equal(fx.last[FX_STRICT].type, PSA_IPC_DISCONNECT);
    assert_int_equal(fx.last[FX_STRICT].handle, h);
    assert_int_equal(fx.last[FX_STRICT].client_id, NS_CLIENT_ID);
    assert_int_equal(fx.last[FX_STRICT].in_size[0], 0);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(spm_conns[0].gen, 2);
    /* The handle is dead now. */
    assert_int_equal(spm_close(NS, unit_req(NS), h), PROG_ERR);
    assert_int_equal(ns_call(h, 0, 0, 0), PROG_ERR);
    assert_int_equal(fx.calls[FX_STRICT], 2);
}

static psa_status_t fail_disconnect(enum fx_svc svc, const psa_msg_t *msg)
{
    (void)svc;
    return (msg->type == PSA_IPC_DISCONNECT) ? PROG_ERR : PSA_SUCCESS;
}

static void test_close_ignores_the_reply(void **state)
{
    psa_handle_t h;

    (void)state;
    fx.handler = fail_disconnect;
    h = spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 2);
    assert_int_equal(spm_close(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), h),
                     PSA_SUCCESS);
    assert_int_equal(fx.last[FX_STRICT].type, PSA_IPC_DISCONNECT);
    assert_int_equal(fake_platform_stops(), 0);
    assert_pool_free();
}

static void test_close_refusals_ns(void **state)
{
    psa_handle_t mine;
    psa_handle_t theirs;

    (void)state;
    mine = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    theirs =
        spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 2);
    assert_int_equal(spm_close(NS, unit_req(NS), FX_STATELESS_HANDLE),
                     PROG_ERR);
    assert_int_equal(spm_close(NS, unit_req(NS), -5), PROG_ERR);
    assert_int_equal(spm_close(NS, unit_req(NS), PSA_ERROR_CONNECTION_BUSY),
                     PROG_ERR);
    assert_int_equal(spm_close(NS, unit_req(NS), mine + 0x100), PROG_ERR);
    assert_int_equal(spm_close(NS, unit_req(NS), 0x1FF), PROG_ERR);
    /* NS's own stateless slot (slot 5) is not a connection. */
    assert_int_equal(spm_close(NS, unit_req(NS), 0x105), PROG_ERR);
    /* Another client's connection. */
    assert_int_equal(spm_close(NS, unit_req(NS), theirs), PROG_ERR);
    assert_int_equal(slot_of(theirs)->state, SPM_CONN_IDLE);
    /* A busy connection. */
    slot_of(mine)->state = SPM_CONN_ACTIVE;
    assert_int_equal(spm_close(NS, unit_req(NS), mine), PROG_ERR);
    assert_int_equal(slot_of(mine)->state, SPM_CONN_ACTIVE);
    assert_int_equal(fx.calls[FX_STRICT], 2); /* the two connects */
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_close_secure_programmer_errors_panic(void **state)
{
    psa_handle_t ns_h;

    (void)state;
    ns_h = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    expect_part_stopf(
        FX_CLIENT,
        "psa_close: 0x%08x is not an idle connection of the partition",
        (unsigned int)FX_STATELESS_HANDLE,
        spm_close(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STATELESS_HANDLE));
    expect_part_stopf(
        FX_CLIENT,
        "psa_close: 0x%08x is not an idle connection of the partition",
        (unsigned int)ns_h,
        spm_close(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), ns_h));
    expect_part_stop(
        FX_CLIENT,
        "psa_close: 0xffffffff is not an idle connection of the partition",
        spm_close(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), -1));
    assert_int_equal(slot_of(ns_h)->state, SPM_CONN_IDLE);
    assert_int_equal(fx.calls[FX_STRICT], 1);
}

/*
 * A slot's generation wraps after 2^22 - 1 reuses, so a handle closed that
 * long ago names the slot again. It still reaches nothing it should not: a
 * connection is used only by the client (and, for NS, the client ID) that
 * opened it, so the old handle of another client is refused, and the
 * client that holds it names its own open connection.
 */
static void test_wrapped_generation_names_only_the_callers_own(void **state)
{
    psa_handle_t old;
    psa_handle_t theirs;
    psa_handle_t mine;

    (void)state;
    old = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    assert_int_equal(spm_close(NS, unit_req(NS), old), PSA_SUCCESS);
    /* 2^22 - 1 reuses later the slot has the old handle's generation. */
    slot_of(old)->gen = SPM_HANDLE_GEN_MASK;
    spm_conn_free(slot_of(old)); /* FREE again; generation 1 */
    theirs =
        spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), FX_STRICT_SID, 2);
    assert_int_equal(theirs, old);
    /* Another client: refused, the connection untouched. */
    assert_int_equal(ns_call(old, 1, 0, 0), PROG_ERR);
    assert_int_equal(spm_close(NS, unit_req(NS), old), PROG_ERR);
    assert_int_equal(slot_of(theirs)->state, SPM_CONN_IDLE);
    assert_int_equal(fx.calls[FX_STRICT], 2 + 1); /* connects, disconnect */
    assert_int_equal(spm_close(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)), theirs),
                     PSA_SUCCESS);
    /* The same NS client ID: its own connection, which it may use. */
    slot_of(old)->gen = SPM_HANDLE_GEN_MASK;
    spm_conn_free(slot_of(old));
    mine = spm_connect(NS, unit_req(NS), FX_STRICT_SID, 2);
    assert_int_equal(mine, old);
    assert_int_equal(ns_call(old, 1, 0, 0), PSA_SUCCESS);
    /* Another NS client ID (another NSID): refused. */
    spm_ns_call_client_id[0] = NS_CLIENT_ID - 1;
    assert_int_equal(ns_call(old, 1, 0, 0), PROG_ERR);
    assert_int_equal(spm_close(NS, unit_req(NS), old), PROG_ERR);
    spm_ns_call_client_id[0] = NS_CLIENT_ID;
    assert_int_equal(spm_close(NS, unit_req(NS), mine), PSA_SUCCESS);
    assert_int_equal(fake_platform_stops(), 0);
}

#define T(fn) cmocka_unit_test_setup(fn, world_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_framework_version_and_client_ids),
        T(test_version_ns),
        T(test_version_secure_follows_dependencies),
        T(test_connect_ns),
        T(test_connect_after_a_call_carries_no_vectors),
        T(test_connect_version_policy),
        T(test_connect_refusals_ns),
        T(test_connect_pool_exhausted),
        T(test_connect_service_refuses),
        T(test_connect_other_reply_panics_the_service),
        T(test_connect_secure),
        T(test_connect_secure_programmer_errors_panic),
        T(test_close_null_handle),
        T(test_close_delivers_disconnect),
        T(test_close_ignores_the_reply),
        T(test_close_refusals_ns),
        T(test_close_secure_programmer_errors_panic),
        T(test_wrapped_generation_names_only_the_callers_own),
    };
    int failed = cmocka_run_group_tests_name("client_api", tests, NULL, NULL);

    return failed + client_api_call_tests();
}
