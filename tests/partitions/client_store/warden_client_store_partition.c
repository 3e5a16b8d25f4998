/*
 * WARDEN_SP_CLIENT_STORE: services keyed by the caller's client ID (see
 * warden_client_store.h). They trust msg->client_id alone: which NS task
 * is which is the SPM's business (NSCE), not the caller's word.
 */
#include <stdbool.h>
#include <string.h>

#include "psa/service.h"
#include "psa_manifest/warden_client_store_partition.h"
#include "tests/partitions/client_store/warden_client_store.h"

struct store_entry {
    bool used;
    int32_t owner;
    uint32_t uid;
    size_t len;
    uint8_t data[STORE_DATA_MAX];
};

struct tally {
    bool used;
    int32_t client_id;
    uint32_t count;
};

static struct store_entry entries[STORE_ENTRIES];
static struct tally tallies[TALLY_CLIENTS];

static bool read_word(const psa_msg_t *msg, uint32_t *value)
{
    return msg->in_size[0] == sizeof(*value) &&
           psa_read(msg->handle, 0, value, sizeof(*value)) == sizeof(*value);
}

static struct store_entry *find(int32_t owner, uint32_t uid)
{
    for (uint32_t i = 0; i < STORE_ENTRIES; i++) {
        if (entries[i].used && entries[i].owner == owner &&
            entries[i].uid == uid) {
            return &entries[i];
        }
    }
    return NULL;
}

static psa_status_t store_set(const psa_msg_t *msg, uint32_t uid)
{
    struct store_entry *e = find(msg->client_id, uid);
    size_t len = msg->in_size[1];

    if (len == 0u || len > STORE_DATA_MAX) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    for (uint32_t i = 0; e == NULL && i < STORE_ENTRIES; i++) {
        if (!entries[i].used) {
            e = &entries[i];
        }
    }
    if (e == NULL) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    e->len = psa_read(msg->handle, 1, e->data, len);
    e->used = true;
    e->owner = msg->client_id;
    e->uid = uid;
    return PSA_SUCCESS;
}

psa_status_t client_store_sfn(const psa_msg_t *msg)
{
    uint32_t uid;
    struct store_entry *e;

    if (!read_word(msg, &uid)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    switch (msg->type) {
    case STORE_TYPE_SET:
        return store_set(msg, uid);
    case STORE_TYPE_GET:
        e = find(msg->client_id, uid);
        if (e == NULL) {
            return PSA_ERROR_DOES_NOT_EXIST;
        }
        if (msg->out_size[0] < e->len) {
            return PSA_ERROR_BUFFER_TOO_SMALL;
        }
        psa_write(msg->handle, 0, e->data, e->len);
        return PSA_SUCCESS;
    case STORE_TYPE_REMOVE:
        e = find(msg->client_id, uid);
        if (e == NULL) {
            return PSA_ERROR_DOES_NOT_EXIST;
        }
        *e = (struct store_entry){ 0 };
        return PSA_SUCCESS;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

static struct tally *tally_of(int32_t client_id, bool add)
{
    struct tally *free_one = NULL;

    for (uint32_t i = 0; i < TALLY_CLIENTS; i++) {
        if (tallies[i].used && tallies[i].client_id == client_id) {
            return &tallies[i];
        }
        if (!tallies[i].used && free_one == NULL) {
            free_one = &tallies[i];
        }
    }
    if (add && free_one != NULL) {
        *free_one = (struct tally){ true, client_id, 0u };
        return free_one;
    }
    return NULL;
}

static psa_status_t tally_bump(const psa_msg_t *msg)
{
    volatile uint32_t spin = 0;
    uint32_t loops = 0;
    struct tally *t;
    struct tally_reply reply;

    if (msg->in_size[0] != 0u &&
        (!read_word(msg, &loops) || loops > TALLY_SPIN_MAX)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (msg->out_size[0] < sizeof(reply)) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    while (spin < loops) {
        spin++;
    }
    t = tally_of(msg->client_id, true);
    if (t == NULL) {
        return PSA_ERROR_INSUFFICIENT_STORAGE;
    }
    t->count++;
    reply.client_id = msg->client_id;
    reply.count = t->count;
    psa_write(msg->handle, 0, &reply, sizeof(reply));
    return PSA_SUCCESS;
}

static psa_status_t tally_echo(const psa_msg_t *msg)
{
    uint8_t buf[TALLY_ECHO_MAX];
    size_t len = msg->in_size[1];
    psa_status_t status;

    if (len > sizeof(buf)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    if (msg->out_size[1] < len) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    status = tally_bump(msg);
    if (status != PSA_SUCCESS) {
        return status;
    }
    if (psa_read(msg->handle, 1, buf, len) != len) {
        return PSA_ERROR_GENERIC_ERROR;
    }
    psa_write(msg->handle, 1, buf, len);
    return (psa_status_t)len;
}

psa_status_t client_tally_sfn(const psa_msg_t *msg)
{
    uint32_t id;
    const struct tally *t;

    switch (msg->type) {
    case TALLY_TYPE_BUMP:
        return tally_bump(msg);
    case TALLY_TYPE_COUNT:
        if (!read_word(msg, &id)) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        t = tally_of((int32_t)id, false);
        return t == NULL ? 0 : (psa_status_t)t->count;
    case TALLY_TYPE_RESET:
        memset(tallies, 0, sizeof(tallies));
        return PSA_SUCCESS;
    case TALLY_TYPE_ECHO:
        return tally_echo(msg);
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}
