/*
 * An IPC-model partition written as TF-M's guide "Adding Secure Partition"
 * shows: a psa_wait() loop, psa_get() and psa_reply() for connect, call and
 * disconnect messages.
 */
#include <stdint.h>

#include "tests/partitions/ipc_test/ipc_test.h"
#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/ipc_server.h"
#include "psa_manifest/pid.h"
#include "psa_manifest/sid.h"

static uint32_t conn_calls[8];
static uint32_t next_conn;

static psa_status_t echo(const psa_msg_t *msg)
{
    uint8_t buf[64];
    size_t n = psa_read(msg->handle, 0, buf, sizeof(buf));

    if (n > msg->out_size[0]) {
        n = msg->out_size[0];
    }
    psa_write(msg->handle, 0, buf, n);
    return (psa_status_t)n;
}

static void serve_echo(void)
{
    psa_msg_t msg;
    psa_status_t status = PSA_SUCCESS;

    if (psa_get(IPC_ECHO_SIGNAL, &msg) != PSA_SUCCESS) {
        return;
    }
    switch (msg.type) {
    case PSA_IPC_CONNECT:
        conn_calls[next_conn % 8u] = 0;
        psa_set_rhandle(msg.handle, &conn_calls[next_conn++ % 8u]);
        break;
    case PSA_IPC_DISCONNECT:
        break;
    case IPC_TYPE_COUNT:
        status = (psa_status_t)++ * (uint32_t *)msg.rhandle;
        break;
    default:
        status = echo(&msg);
        break;
    }
    psa_reply(msg.handle, status);
}

/* Busy for a while: long enough for Non-secure interrupts to land. */
static psa_status_t spin(const psa_msg_t *msg)
{
    uint32_t n = 0;
    volatile uint32_t i = 0;

    if (psa_read(msg->handle, 0, &n, sizeof(n)) != sizeof(n)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    while (i < n) {
        i++;
    }
    return (psa_status_t)i;
}

static void serve_stateless(void)
{
    psa_msg_t msg;

    if (psa_get(IPC_STATELESS_SIGNAL, &msg) != PSA_SUCCESS) {
        return;
    }
    if (msg.rhandle != NULL) {
        psa_reply(msg.handle, PSA_ERROR_BAD_STATE);
    } else {
        psa_reply(msg.handle,
                  msg.type == IPC_TYPE_SPIN ? spin(&msg) : echo(&msg));
    }
}

/* A nested call: this request is answered with the result of another. */
static void serve_nested(void)
{
    psa_msg_t msg;
    int32_t value = 0;
    psa_invec iv[] = { { &value, sizeof(value) } };

    if (psa_get(IPC_NESTED_SIGNAL, &msg) != PSA_SUCCESS) {
        return;
    }
    (void)psa_read(msg.handle, 0, &value, sizeof(value));
    psa_reply(msg.handle,
              psa_call(IPC_HIGH_SVC_HANDLE, IPC_HIGH_ADD, iv, 1, NULL, 0));
}

/* Rings IPC_HIGH's doorbell: being more urgent, it must run before
 * psa_notify() returns here, and it rings this partition's doorbell back
 * as it does (the partitions share no memory at isolation level 3, so
 * that is how this one can see it). Replies 1 if it did, once. */
static void serve_ring(void)
{
    psa_msg_t msg;
    psa_signal_t rung;

    if (psa_get(IPC_RING_SIGNAL, &msg) != PSA_SUCCESS) {
        return;
    }
    psa_notify(WARDEN_SP_IPC_HIGH);
    rung = psa_wait(PSA_DOORBELL, PSA_POLL);
    if (rung != 0u) {
        psa_clear();
    }
    psa_reply(
        msg.handle,
        rung == PSA_DOORBELL && psa_wait(PSA_DOORBELL, PSA_POLL) == 0u ? 1 : 0);
}

void ipc_server_main(void)
{
    for (;;) {
        psa_signal_t signals = psa_wait(PSA_WAIT_ANY, PSA_BLOCK);

        if (signals & IPC_ECHO_SIGNAL) {
            serve_echo();
        }
        if (signals & IPC_STATELESS_SIGNAL) {
            serve_stateless();
        }
        if (signals & IPC_NESTED_SIGNAL) {
            serve_nested();
        }
        if (signals & IPC_RING_SIGNAL) {
            serve_ring();
        }
    }
}
