/*
 * spm/backend/ipc/orphan.c: requests a service took whose client was
 * stopped since, found by their message handle (stateless, on a
 * connection, a connect), ended, and what the core asks of them
 * (backend_orphan_of()). How they arise: test_ipc_terminate.
 */
#include "ipc_world.h"
#include "spm/backend.h"
#include "spm/backend/ipc/orphan.h"
#include "spm/handle.h"

#define SERVER (iw_part(FXI_SERVER))
#define CLIENT (iw_part(FXI_CLIENT))
#define PEER   (iw_part(FXI_PEER))

static struct spm_req req;

static void test_none_after_load(void **state)
{
    (void)state;
    for (unsigned i = 0; i < SPM_NUM_CLIENTS; i++) {
        assert_int_equal(spm_client_by_index(i)->be_small.sl_orphan, 0);
    }
}

static void test_stateless_orphans(void **state)
{
    psa_handle_t sl = spm_sl_start(CLIENT);
    struct spm_orphan o;

    (void)state;
    /* Not an orphan: a request in flight. */
    CLIENT->sl_req = &req;
    assert_false(spm_orphan_from_handle(sl, SERVER, &o));
    assert_false(backend_orphan_of(sl, SERVER));
    /* An orphan of the service of index FXI_SL_A. */
    CLIENT->sl_req = NULL;
    CLIENT->be_small.sl_orphan = 1u + FXI_SL_A;
    assert_true(spm_orphan_from_handle(sl, SERVER, &o));
    assert_null(o.conn);
    assert_ptr_equal(o.client, CLIENT);
    assert_ptr_equal(o.service, &warden_services[FXI_SL_A]);
    assert_false(o.connect);
    assert_null(spm_req_from_handle(sl));
    assert_true(backend_orphan_of(sl, SERVER));
    /* Only its service's, and only under its current handle. */
    assert_false(backend_orphan_of(sl, PEER));
    assert_false(spm_orphan_from_handle(sl, PEER, &o));
    assert_false(spm_orphan_from_handle(sl + 0x100, SERVER, &o));
    assert_false(backend_orphan_of(sl + 0x100, SERVER));
    spm_orphan_free(&o);
    assert_int_equal(CLIENT->be_small.sl_orphan, 0);
    assert_false(spm_orphan_from_handle(sl, SERVER, &o));
    assert_false(backend_orphan_of(sl, SERVER));
}

static void test_connection_orphans(void **state)
{
    struct spm_conn *c = &spm_conns[0];
    psa_handle_t h = spm_conn_handle(c);
    struct spm_orphan o;

    (void)state;
    /* Not an orphan: an idle connection. */
    c->state = SPM_CONN_IDLE;
    c->service = FXI_CONN;
    c->client = CLIENT->index;
    assert_false(spm_orphan_from_handle(h, SERVER, &o));
    assert_false(backend_orphan_of(h, SERVER));
    /* A connect, then a call. */
    c->state = SPM_CONN_ORPHAN_CONNECT;
    assert_true(spm_orphan_from_handle(h, SERVER, &o));
    assert_ptr_equal(o.conn, c);
    assert_ptr_equal(o.client, CLIENT);
    assert_ptr_equal(o.service, &warden_services[FXI_CONN]);
    assert_true(o.connect);
    assert_true(backend_orphan_of(h, SERVER));
    assert_false(backend_orphan_of(h, PEER));
    assert_false(spm_orphan_from_handle(h, PEER, &o));
    c->state = SPM_CONN_ORPHAN;
    assert_true(spm_orphan_from_handle(h, SERVER, &o));
    assert_false(o.connect);
    assert_null(spm_req_from_handle(h));
    assert_false(spm_orphan_from_handle(h + 0x100, SERVER, &o));
    assert_false(spm_orphan_from_handle(0, SERVER, &o));
    assert_false(spm_orphan_from_handle(0x1FF, SERVER, &o));
    spm_orphan_free(&o);
    assert_int_equal(c->state, SPM_CONN_FREE);
    assert_false(backend_orphan_of(h, SERVER));
}

#define LOADED(fn) cmocka_unit_test_setup(fn, iw_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        LOADED(test_none_after_load),
        LOADED(test_stateless_orphans),
        LOADED(test_connection_orphans),
    };

    return cmocka_run_group_tests_name("ipc_orphan", tests, NULL, NULL);
}
