/*
 * spm/backend/ipc/psa_interface_ipc.c from a partition's thread:
 * psa_framework_version, psa_version, and psa_connect, psa_call and psa_close,
 * which block the caller until its server replied and then complete the
 * request; a client's misuse stops it; the IRQ API with a signal that is
 * not an IRQ signal of the caller (here, a service's) stops it too
 * (test_irq_ipc.c has the IRQ API's own rules).
 */
#include "ipc_world.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/client_api.h"
#include "spm/handle.h"

#define SERVER (iw_part(FXI_SERVER))
#define CLIENT (iw_part(FXI_CLIENT))

static unsigned served;

/* Plays the server as an echo service's psa_wait() loop: each raised
 * service signal is got and answered (a call copies invec 0 to outvec 0
 * and returns the byte count), then it waits again. Other threads as
 * iw_play_waiting does. */
static void play_echo_server(struct sched_thread *t)
{
    psa_signal_t signals;

    if (t != iw_thread(FXI_SERVER)) {
        iw_play_waiting(t);
        return;
    }
    signals = psa_wait(FXI_ANY_SERVICE, PSA_POLL);
    for (psa_signal_t s = 0x10u; s <= 0x40u; s <<= 1) {
        psa_status_t status = PSA_SUCCESS;

        if ((signals & s) == 0u) {
            continue;
        }
        assert_int_equal(psa_get(s, &iw_msg), PSA_SUCCESS);
        if (iw_msg.type >= PSA_IPC_CALL) {
            size_t n = psa_read(iw_msg.handle, 0, svc_buf, sizeof(svc_buf));

            psa_write(iw_msg.handle, 0, svc_buf, n);
            status = (psa_status_t)n;
        }
        served++;
        psa_reply(iw_msg.handle, status);
    }
    (void)psa_wait(PSA_WAIT_ANY, PSA_BLOCK); /* parks: its play ends */
}

static int setup(void **state)
{
    (void)state;
    iw_boot();
    served = 0;
    iw_wake(FXI_CLIENT);
    iw_run_as(CLIENT);
    return 0;
}

static void test_versions(void **state)
{
    (void)state;
    assert_int_equal(psa_framework_version(), 0x0101);
    assert_int_equal(psa_version(FXI_CONN_SID), 1);
    assert_int_equal(psa_version(FXI_SFN_SL_SID), 1);
    assert_int_equal(psa_version(FXI_PEER_SL_SID), PSA_VERSION_NONE);
    assert_int_equal(psa_version(0xDEADu), PSA_VERSION_NONE);
    /* As the server (the client waits): its own dependencies. */
    iw_block(FXI_CLIENT);
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    assert_int_equal(psa_version(FXI_CLIENT_CONN_SID), 1);
    assert_int_equal(psa_version(FXI_CONN_SID), PSA_VERSION_NONE);
    assert_int_equal(fake_spm_calls(), 6);
    assert_int_equal(fake_yields(), 0);
}

static void test_client_calls_wait_for_the_reply(void **state)
{
    psa_handle_t h;

    (void)state;
    fake_threads_player(play_echo_server);
    h = psa_connect(FXI_CONN_SID, 1);
    assert_int_equal(h, 0x101);
    assert_int_equal(spm_conns[0].state, SPM_CONN_IDLE);
    /* The client blocked; the server ran and replied (the more urgent
     * client picked, not resumed yet: it is suspended), then waited; the
     * client, back from the give-way in ipc_cross(), completed the request
     * without waiting again. */
    assert_int_equal(fake_yields(), 3);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_SERVER));
    assert_ptr_equal(fake_pick(1), iw_thread(FXI_CLIENT));
    assert_ptr_equal(fake_pick(2), iw_thread(FXI_CLIENT));
    world_in(&s_mem, 0, "hello", 5);
    world_out(&s_mem, 0, 16);
    assert_int_equal(psa_call(h, 3, s_mem.in, 1, s_mem.out, 1), 5);
    assert_int_equal(s_mem.out[0].len, 5);
    assert_memory_equal(s_mem.out_buf[0], "hello", 5);
    assert_int_equal(spm_conns[0].state, SPM_CONN_IDLE);
    world_out(&s_mem, 0, 16);
    assert_int_equal(psa_call(FXI_SL_B_HANDLE, 0, s_mem.in, 1, s_mem.out, 1),
                     5);
    assert_int_equal(s_mem.out[0].len, 5);
    psa_close(h);
    assert_int_equal(spm_conns[0].state, SPM_CONN_FREE);
    assert_int_equal(served, 4);
    assert_null(CLIENT->be.pending);
    assert_ptr_equal(backend_current(), CLIENT);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
}

static void test_call_to_an_sfn_service(void **state)
{
    (void)state;
    fake_threads_player(iw_play_sfn);
    fxi.reply[FXI_SFN_SL] = 21;
    assert_int_equal(psa_call(FXI_SFN_SL_HANDLE, 6, NULL, 0, NULL, 0), 21);
    /* Its thread started it, called the function as a psa_wait() loop
     * would, and waits again. */
    assert_int_equal(fxi.ninit, 1);
    assert_int_equal(fxi.calls[FXI_SFN_SL], 1);
    assert_int_equal(fxi.last[FXI_SFN_SL].type, 6);
    assert_int_equal(fxi.last[FXI_SFN_SL].client_id, FXI_CLIENT_PID);
    assert_int_equal(iw_part(FXI_SFN)->be.wait_mask, 0x30u);
    assert_int_equal(iw_thread(FXI_SFN)->state, SCHED_BLOCKED);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_SFN));
}

static void test_close_of_the_null_handle_sends_nothing(void **state)
{
    (void)state;
    psa_close(PSA_NULL_HANDLE);
    assert_int_equal(fake_yields(), 0);
    assert_int_equal(fake_spm_calls(), 1);
    assert_int_equal(SERVER->be.asserted, 0u);
}

static void test_client_misuse_stops_the_client(void **state)
{
    (void)state;
    expect_iw_stop(FXI_CLIENT, "psa_connect: no service has SID 0x0000dead",
                   psa_connect(0xDEADu, 1));
    expect_iw_panic(FXI_CLIENT, psa_connect(FXI_SL_A_SID, 1)); /* stateless */
    expect_iw_panic(FXI_CLIENT, psa_connect(FXI_CONN_SID, 2)); /* version */
    expect_iw_stop(FXI_CLIENT,
                   "psa_call: 0x00000101 is not an idle connection of the "
                   "partition",
                   psa_call(0x101, 0, NULL, 0, NULL, 0));
    expect_iw_stop(FXI_CLIENT, "psa_call: type -1 is out of range",
                   psa_call(FXI_SL_A_HANDLE, -1, NULL, 0, NULL, 0));
    expect_iw_stop(FXI_CLIENT,
                   "psa_close: 0x00000101 is not an idle connection of the "
                   "partition",
                   psa_close(0x101));
    assert_int_equal(fake_platform_stops(), 6);
    assert_null(SERVER->be.queue);
    assert_null(CLIENT->be.pending);
    assert_int_equal(iw_thread(FXI_CLIENT)->state, SCHED_READY);
    assert_int_equal(fake_yields(), 0);
}

/* FXI_SERVER has no IRQ: 0x10 is its service FXI_CONN's signal. */
static void test_irq_api_with_a_service_signal_stops_the_caller(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    expect_iw_stop(FXI_SERVER,
                   "psa_eoi(0x00000010): not an IRQ signal of the partition",
                   psa_eoi(0x10u));
    expect_iw_stop(FXI_SERVER,
                   "psa_irq_enable(0x00000010): not an IRQ signal of the "
                   "partition",
                   psa_irq_enable(0x10u));
    expect_iw_stop(FXI_SERVER,
                   "psa_irq_disable(0x00000010): not an IRQ signal of the "
                   "partition",
                   (void)psa_irq_disable(0x10u));
    expect_iw_stop(FXI_SERVER,
                   "psa_reset_signal(0x00000010): not an IRQ signal of the "
                   "partition",
                   psa_reset_signal(0x10u));
    assert_int_equal(fake_platform_stops(), 4);
    assert_int_equal(fake_spm_calls(), 4);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_versions),
        T(test_client_calls_wait_for_the_reply),
        T(test_call_to_an_sfn_service),
        T(test_close_of_the_null_handle_sends_nothing),
        T(test_client_misuse_stops_the_client),
        T(test_irq_api_with_a_service_signal_stops_the_caller),
    };

    return cmocka_run_group_tests_name("psa_interface_ipc", tests, NULL, NULL);
}
