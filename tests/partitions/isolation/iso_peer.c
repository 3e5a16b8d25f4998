/*
 * The isolation tests' APPLICATION-ROT helper (iso_test.h): the other
 * partition whose data and stack a victim reads, which at level 2 shares
 * the victims' boundary and at level 3 does not.
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/iso_peer.h"
#include "tests/partitions/isolation/iso_test.h"

/* The data the victims go for, and that ISO_PSA writes. */
static volatile uint32_t iso_peer_data = ISO_PEER_MAGIC;

static psa_status_t answer(const psa_msg_t *msg, uint32_t word)
{
    if (msg->out_size[0] < sizeof(word)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    psa_write(msg->handle, 0, &word, sizeof(word));
    return PSA_SUCCESS;
}

psa_status_t iso_peer_sfn(const psa_msg_t *msg)
{
    volatile uint32_t on_stack = ISO_PEER_MAGIC; /* on the partition's stack */

    switch (msg->type) {
    case ISO_TYPE_PING:
        return ISO_PING_REPLY;
    case ISO_TYPE_DATA_ADDR:
        return answer(msg, (uint32_t)(uintptr_t)&iso_peer_data);
    case ISO_TYPE_STACK_ADDR:
        return answer(msg, (uint32_t)(uintptr_t)&on_stack);
    case ISO_TYPE_PEER_READ:
        return answer(msg, iso_peer_data);
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}
