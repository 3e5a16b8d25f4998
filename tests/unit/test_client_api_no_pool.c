/*
 * spm/client_api.c built for a manifest without connection-based services
 * (fixture/no_pool: no connection pool). Such a build has no connection to
 * name, and leaves the connection paths out: psa_connect() is refused as
 * for a stateless service, psa_close() of a handle and psa_call() on a
 * non-stateless handle as for a handle that names nothing; stateless calls
 * work as in every build.
 */
#include "unit_req.h"
#include "spm/client_api.h"
#include "spm/handle.h"
#include "world.h"

_Static_assert(SPM_CONN_POOL == 0, "the manifest needs no pool");

#define NS       (&spm_ns_agent)
#define SP(p)    world_part(p)
#define PROG_ERR PSA_ERROR_PROGRAMMER_ERROR

static void test_connect_refused(void **state)
{
    (void)state;
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_STATELESS_SID, 1),
                     PROG_ERR);
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_UNKNOWN_SID, 1),
                     PSA_ERROR_CONNECTION_REFUSED);
    /* Even a service the (shared) fixture marks connection-based: without
     * a pool there is nothing to connect through. */
    assert_int_equal(spm_connect(NS, unit_req(NS), FX_RELAXED_SID, 3),
                     PROG_ERR);
    assert_int_equal(fx.nlog, 0);
}

static void test_close_refused(void **state)
{
    (void)state;
    assert_int_equal(spm_close(NS, unit_req(NS), PSA_NULL_HANDLE), PSA_SUCCESS);
    assert_int_equal(spm_close(NS, unit_req(NS), 0x101), PROG_ERR);
    assert_int_equal(spm_close(NS, unit_req(NS), -1), PROG_ERR);
    assert_int_equal(spm_close(NS, unit_req(NS), FX_STATELESS_HANDLE),
                     PROG_ERR);
}

static void test_call_connection_handle_refused(void **state)
{
    (void)state;
    assert_int_equal(ns_call(0x101, PSA_IPC_CALL, 0, 0), PROG_ERR);
    assert_int_equal(ns_call(0x3FFFFF01, PSA_IPC_CALL, 0, 0), PROG_ERR);
    assert_null(NS->sl_req);
}

static void test_stateless_call_works(void **state)
{
    (void)state;
    fx.reply[FX_STATELESS] = 5;
    assert_int_equal(ns_call(FX_STATELESS_HANDLE, 0, 0, 0), 5);
    /* NS's message handle: client 0's slot right after the empty pool,
     * its first generation. */
    assert_int_equal(fx.last[FX_STATELESS].handle, 0x101);
}

/* A secure caller's misuse stops it, as in every build. */
static void test_secure_connect_panics(void **state)
{
    (void)state;
    expect_part_panic(FX_CLIENT,
                      spm_connect(SP(FX_CLIENT), unit_req(SP(FX_CLIENT)),
                                  FX_STATELESS_SID, 1));
}

#define T(fn) cmocka_unit_test_setup(fn, world_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_connect_refused),
        T(test_close_refused),
        T(test_call_connection_handle_refused),
        T(test_stateless_call_works),
        T(test_secure_connect_panics),
    };

    return cmocka_run_group_tests_name("client_api_no_pool", tests, NULL, NULL);
}
