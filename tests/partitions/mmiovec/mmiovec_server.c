/*
 * The MM-IOVEC regression service (mmiovec_test.h): the client's buffers
 * used in place.
 */
#include <stdint.h>
#include <string.h>

#include "mmiovec_test.h"
#include "psa/service.h"
#include "psa_manifest/mmiovec_server.h"

static size_t smaller(size_t a, size_t b)
{
    return a < b ? a : b;
}

static psa_status_t copy(const psa_msg_t *msg)
{
    const uint8_t *in = psa_map_invec(msg->handle, 0);
    uint8_t *out = psa_map_outvec(msg->handle, 0);
    size_t n = smaller(msg->in_size[0], msg->out_size[0]);

    memcpy(out, in, n);
    psa_unmap_invec(msg->handle, 0);
    psa_unmap_outvec(msg->handle, 0, n);
    return (psa_status_t)n;
}

static psa_status_t keep(const psa_msg_t *msg)
{
    uint8_t *out = psa_map_outvec(msg->handle, 0);

    (void)psa_map_invec(msg->handle, 0);
    memcpy(out, MMIOVEC_KEPT, smaller(msg->out_size[0], 4));
    return PSA_SUCCESS; /* nothing unmapped: the SPM does it */
}

static psa_status_t half(const psa_msg_t *msg)
{
    uint8_t *out = psa_map_outvec(msg->handle, 0);

    memset(out, 0x5A, msg->out_size[0]);
    psa_unmap_outvec(msg->handle, 0, msg->out_size[0] / 2u);
    return PSA_SUCCESS;
}

static psa_status_t mixed(const psa_msg_t *msg)
{
    uint8_t buf[32];
    const uint8_t *in0 = psa_map_invec(msg->handle, 0);
    size_t n0 = smaller(msg->in_size[0], sizeof(buf));
    size_t n1;
    uint8_t *out1;
    size_t total;

    memcpy(buf, in0, n0);
    psa_unmap_invec(msg->handle, 0);
    n1 = psa_read(msg->handle, 1, &buf[n0], sizeof(buf) - n0);
    total = n0 + n1;
    psa_write(msg->handle, 0, buf, smaller(total, msg->out_size[0]));
    out1 = psa_map_outvec(msg->handle, 1);
    memcpy(out1, buf, smaller(total, msg->out_size[1]));
    psa_unmap_outvec(msg->handle, 1, smaller(total, msg->out_size[1]));
    return PSA_SUCCESS;
}

psa_status_t mmiovec_service_sfn(const psa_msg_t *msg)
{
    switch (msg->type) {
    case MMIOVEC_TYPE_COPY:
        return copy(msg);
    case MMIOVEC_TYPE_KEEP:
        return keep(msg);
    case MMIOVEC_TYPE_HALF:
        return half(msg);
    case MMIOVEC_TYPE_MIXED:
        return mixed(msg);
    default:
        return PSA_SUCCESS; /* connect, disconnect */
    }
}
