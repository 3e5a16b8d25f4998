/*
 * MM-IOVEC under the IPC backend: psa_reply() releases every vector still
 * mapped (an outvec so released reports 0 bytes written), a mapping is the
 * service's only once it took the message, and a client stopped while its
 * request is mapped leaves an orphan whose unmaps do nothing and whose
 * maps stop the service. FXI_SL_A says mm_iovec: enable; FXI_SL_B does
 * not.
 */
#include "unit_req.h"
#include "ipc_world.h"
#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/mmiovec.h"

#define SERVER (iw_part(FXI_SERVER))
#define PEER   (iw_part(FXI_PEER))

/* NS calls FXI_SL_A with invec 0 "abcd" and outvec 0 of 8 bytes; SERVER
 * takes it: its message handle. */
static psa_handle_t ns_request(void)
{
    world_in(&ns_mem, 0, "abcd", 4);
    world_out(&ns_mem, 0, 8);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 1, 1),
                     SPM_STATUS_PENDING);
    return iw_get(FXI_SERVER, FXI_SIG(1))->handle;
}

static void test_map_unmap_then_reply(void **state)
{
    psa_handle_t mh = ns_request();
    const char *in;
    char *out;

    (void)state;
    in = psa_map_invec(mh, 0);
    out = psa_map_outvec(mh, 0);
    assert_ptr_equal(in, ns_mem.in_buf[0]);
    assert_ptr_equal(out, ns_mem.out_buf[0]);
    memcpy(out, in, 4);
    psa_unmap_invec(mh, 0);
    psa_unmap_outvec(mh, 0, 4);
    psa_reply(mh, PSA_SUCCESS);
    assert_int_equal(iw_finish(IW_NS), PSA_SUCCESS);
    assert_memory_equal(ns_mem.out_buf[0], "abcd", 4);
    assert_int_equal(ns_mem.out[0].len, 4);
}

static void test_reply_releases_what_is_mapped(void **state)
{
    psa_handle_t mh = ns_request();
    struct spm_req *req = unit_req(IW_NS);
    char *out;

    (void)state;
    (void)psa_map_invec(mh, 0);
    out = psa_map_outvec(mh, 0);
    memcpy(out, "xy", 2);
    assert_int_equal(req->mm_in, SPM_MM_MAPPED(0));
    assert_int_equal(req->mm_out, SPM_MM_MAPPED(0));
    psa_reply(mh, PSA_SUCCESS);
    /* Released at the reply, before the client runs again. */
    assert_int_equal(req->mm_in, SPM_MM_UNMAPPED(0));
    assert_int_equal(req->mm_out, SPM_MM_UNMAPPED(0));
    assert_int_equal(iw_finish(IW_NS), PSA_SUCCESS);
    assert_int_equal(ns_mem.out[0].len, 0); /* never unmapped: 0 bytes */
    /* The next request starts with nothing mapped. */
    mh = ns_request();
    assert_int_equal(req->mm_in | req->mm_out, 0);
    (void)psa_map_invec(mh, 0);
    psa_reply(mh, PSA_SUCCESS);
    assert_int_equal(iw_finish(IW_NS), PSA_SUCCESS);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_misuse_under_ipc(void **state)
{
    psa_handle_t mh = ns_request();

    (void)state;
    (void)psa_map_invec(mh, 0);
    expect_iw_panic(FXI_SERVER, (void)psa_read(mh, 0, svc_buf, 1));
}

static void test_not_enabled_under_ipc(void **state)
{
    psa_handle_t mh;

    (void)state;
    world_in(&ns_mem, 0, "abcd", 4);
    assert_int_equal(iw_call(IW_NS, FXI_SL_B_HANDLE, 0, 1, 0),
                     SPM_STATUS_PENDING);
    mh = iw_get(FXI_SERVER, FXI_SIG(2))->handle;
    expect_iw_panic(FXI_SERVER, (void)psa_map_invec(mh, 0));
}

/* A message still queued for the service: its handle was guessed. */
static void test_map_before_get(void **state)
{
    (void)state;
    world_in(&ns_mem, 0, "abcd", 4);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 1, 0),
                     SPM_STATUS_PENDING);
    iw_run_as(SERVER);
    expect_iw_panic(FXI_SERVER,
                    (void)psa_map_invec(unit_req(IW_NS)->msg.handle, 0));
}

static void test_client_stopped_while_mapped(void **state)
{
    struct spm_req *req = unit_req(PEER);
    psa_handle_t mh;

    (void)state;
    iw_wake(FXI_PEER);
    world_in(&s_mem, 0, "abc", 3);
    world_out(&s_mem, 0, 8);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 1, 1),
                     SPM_STATUS_PENDING);
    mh = iw_get(FXI_SERVER, FXI_SIG(1))->handle;
    (void)psa_map_invec(mh, 0);
    (void)psa_map_outvec(mh, 0);
    ipc_terminate_cleanup(PEER);
    /* Released at the stop: the service's boundary no longer reaches the
     * dead client's buffers. */
    assert_int_equal(req->mm_in, SPM_MM_UNMAPPED(0));
    assert_int_equal(req->mm_out, SPM_MM_UNMAPPED(0));
    iw_run_as(SERVER);
    psa_unmap_invec(mh, 0); /* the orphan's: nothing to do */
    psa_unmap_outvec(mh, 0, 8);
    psa_reply(mh, PSA_SUCCESS);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_map_of_an_orphan(void **state)
{
    psa_handle_t mh;

    (void)state;
    iw_wake(FXI_PEER);
    world_in(&s_mem, 0, "abc", 3);
    assert_int_equal(iw_call(PEER, FXI_SL_A_HANDLE, 2, 1, 0),
                     SPM_STATUS_PENDING);
    mh = iw_get(FXI_SERVER, FXI_SIG(1))->handle;
    ipc_terminate_cleanup(PEER);
    iw_run_as(SERVER);
    expect_iw_panic(FXI_SERVER, (void)psa_map_invec(mh, 0));
}

#define BOOTED(fn) cmocka_unit_test_setup(fn, iw_setup_booted)

int main(void)
{
    const struct CMUnitTest tests[] = {
        BOOTED(test_map_unmap_then_reply),
        BOOTED(test_reply_releases_what_is_mapped),
        BOOTED(test_misuse_under_ipc),
        BOOTED(test_not_enabled_under_ipc),
        BOOTED(test_map_before_get),
        BOOTED(test_client_stopped_while_mapped),
        BOOTED(test_map_of_an_orphan),
    };

    return cmocka_run_group_tests_name("ipc_mmiovec", tests, NULL, NULL);
}
