/*
 * The isolation tests' PSA-RoT helper (iso_test.h): privileged at level 2,
 * where it may write APPLICATION-ROT memory; the owner of
 * TFM_PERIPHERAL_TIMER1, which no victim may touch.
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/iso_psa.h"
#include "tests/partitions/isolation/iso_psa_tick.h"
#include "tests/partitions/isolation/iso_test.h"
#include "tests/partitions/mmio/mmio_test.h"

/* The PSA-RoT data the victims go for. */
static volatile uint32_t iso_psa_data = ISO_PSA_MAGIC;

static psa_status_t answer(const psa_msg_t *msg, uint32_t word)
{
    if (msg->out_size[0] < sizeof(word)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    psa_write(msg->handle, 0, &word, sizeof(word));
    return PSA_SUCCESS;
}

static psa_status_t write_there(const psa_msg_t *msg)
{
    uint32_t what[2]; /* address, value */

    if (msg->in_size[0] != sizeof(what) ||
        psa_read(msg->handle, 0, what, sizeof(what)) != sizeof(what)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    *(volatile uint32_t *)(uintptr_t)what[0] = what[1];
    return PSA_SUCCESS;
}

psa_status_t iso_psa_sfn(const psa_msg_t *msg)
{
    switch (msg->type) {
    case ISO_TYPE_PING:
        return ISO_PING_REPLY + (psa_status_t)(iso_psa_data != ISO_PSA_MAGIC);
    case ISO_TYPE_DATA_ADDR:
        return answer(msg, (uint32_t)(uintptr_t)&iso_psa_data);
    case ISO_TYPE_PSA_WRITE:
        return write_there(msg);
    case ISO_TYPE_PSA_TIMER1:
        return (psa_status_t)(*(const volatile uint32_t
                                    *)(uintptr_t)(ISO_TIMER1_S +
                                                  MMIO_TEST_TIMER_CID0_OFFSET) &
                              0xFFu);
    case ISO_TYPE_PSA_TICK:
        iso_psa_tick_start();
        return PSA_SUCCESS;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}
