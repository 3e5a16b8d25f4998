/* The services the regression suites call (see warden_test_service.h). */
#include <stdbool.h>
#include <string.h>

#include "psa/lifecycle.h"
#include "psa/service.h"
#include "psa_manifest/warden_test_partition.h"
#include "tests/partitions/test/warden_test_service.h"

#define MAX_CONNS 8

static bool init_ran;
/* Secure data and bss whose addresses NS callers get (and must not pass). */
static uint8_t secure_data[16] = { 'S', 'e', 'c', 'r', 'e', 't' };
static uint8_t secure_bss[16];
static uint32_t call_counts[MAX_CONNS];
static uint32_t next_counter;

psa_status_t warden_test_init(void)
{
    init_ran = true;
    return PSA_SUCCESS;
}

static psa_status_t echo(const psa_msg_t *msg)
{
    uint8_t buf[64];
    psa_status_t total = 0;

    for (uint32_t i = 0; i < PSA_MAX_IOVEC; i++) {
        size_t room = msg->out_size[i];
        size_t n;

        while ((n = psa_read(msg->handle, i, buf, sizeof(buf))) != 0u) {
            size_t w = (n < room) ? n : room;

            psa_write(msg->handle, i, buf, w);
            room -= w;
            total += (psa_status_t)w;
        }
    }
    return total;
}

static psa_status_t sizes(const psa_msg_t *msg)
{
    uint32_t out[2 * PSA_MAX_IOVEC];

    if (msg->out_size[0] < sizeof(out)) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    for (uint32_t i = 0; i < PSA_MAX_IOVEC; i++) {
        out[i] = (uint32_t)msg->in_size[i];
        out[PSA_MAX_IOVEC + i] = (uint32_t)msg->out_size[i];
    }
    psa_write(msg->handle, 0, out, sizeof(out));
    return PSA_SUCCESS;
}

static psa_status_t chunks(const psa_msg_t *msg)
{
    uint8_t buf[3];
    size_t n;

    if (psa_skip(msg->handle, 0, 2) != 2u) {
        return PSA_ERROR_GENERIC_ERROR;
    }
    if (msg->out_size[0] < msg->in_size[0] - 2u) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    while ((n = psa_read(msg->handle, 0, buf, sizeof(buf))) != 0u) {
        psa_write(msg->handle, 0, buf, n);
    }
    return PSA_SUCCESS;
}

static psa_status_t word_reply(const psa_msg_t *msg, uint32_t value)
{
    if (msg->out_size[0] < sizeof(value)) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    psa_write(msg->handle, 0, &value, sizeof(value));
    return PSA_SUCCESS;
}

static psa_status_t secure_addresses(const psa_msg_t *msg)
{
    const uintptr_t addresses[] = { (uintptr_t) "a secure string literal",
                                    (uintptr_t)secure_data,
                                    (uintptr_t)secure_bss };

    if (msg->out_size[0] < sizeof(addresses)) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    psa_write(msg->handle, 0, addresses, sizeof(addresses));
    return PSA_SUCCESS;
}

static psa_status_t request(const psa_msg_t *msg)
{
    int32_t status = 0;

    switch (msg->type) {
    case TEST_TYPE_ECHO:
        return echo(msg);
    case TEST_TYPE_CLIENT_ID:
        return word_reply(msg, (uint32_t)msg->client_id);
    case TEST_TYPE_RHANDLE:
        if (msg->rhandle == NULL) {
            return PSA_ERROR_BAD_STATE;
        }
        return (psa_status_t)++ * (uint32_t *)msg->rhandle;
    case TEST_TYPE_SIZES:
        return sizes(msg);
    case TEST_TYPE_CHUNKS:
        return chunks(msg);
    case TEST_TYPE_STATUS:
        if (psa_read(msg->handle, 0, &status, sizeof(status)) !=
            sizeof(status)) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        return status;
    case TEST_TYPE_INIT_RAN:
        return init_ran ? 1 : 0;
    case TEST_TYPE_HAS_RHANDLE:
        return word_reply(msg, msg->rhandle != NULL ? 1u : 0u);
    case TEST_TYPE_LIFECYCLE:
        return (psa_status_t)psa_rot_lifecycle_state();
    case TEST_TYPE_SECURE_ADDRESSES:
        return secure_addresses(msg);
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

/* Connection-based: a call counter per connection, kept through rhandle. */
psa_status_t test_conn_sfn(const psa_msg_t *msg)
{
    if (msg->type == PSA_IPC_CONNECT) {
        uint32_t *counter = &call_counts[next_counter++ % MAX_CONNS];

        *counter = 0;
        psa_set_rhandle(msg->handle, counter);
        return PSA_SUCCESS;
    }
    if (msg->type == PSA_IPC_DISCONNECT) {
        return PSA_SUCCESS;
    }
    return request(msg);
}

psa_status_t test_strict_sfn(const psa_msg_t *msg)
{
    if (msg->type < 0) {
        return PSA_SUCCESS;
    }
    return request(msg);
}

psa_status_t test_stateless_sfn(const psa_msg_t *msg)
{
    return request(msg);
}

psa_status_t test_secure_only_sfn(const psa_msg_t *msg)
{
    return request(msg);
}

psa_status_t test_refuse_sfn(const psa_msg_t *msg)
{
    if (msg->type == PSA_IPC_CONNECT) {
        return PSA_ERROR_CONNECTION_REFUSED;
    }
    return PSA_SUCCESS;
}

psa_status_t test_secure_conn_sfn(const psa_msg_t *msg)
{
    if (msg->type < 0) {
        return PSA_SUCCESS;
    }
    return request(msg);
}
