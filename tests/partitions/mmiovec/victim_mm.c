/*
 * The MM-IOVEC victims: one partition per misuse, this file built once per
 * case (VICTIM_MM_CASE, tests/partitions/CMakeLists.txt), each breaking
 * one rule at its first request (invec 0 and outvec 0 of 4 bytes each),
 * so that the panic policy stops it; and the cases of isolation levels 2
 * and 3 (MM_THIRD_MAP on), which touch a client buffer the service's
 * boundary does not reach (a MemManage fault, the fault policy) or map
 * more vectors than the MPU has slots for (the panic policy).
 */
#include <stddef.h>
#include <stdint.h>

#include "psa/service.h"
#include VICTIM_MM_MANIFEST_H

#define MM_READ_AFTER_MAP  1 /* psa_read of a mapped invec */
#define MM_MAP_AFTER_READ  2 /* psa_map_invec of an invec read from */
#define MM_UNMAP_TWICE     3 /* psa_unmap_invec twice */
#define MM_UNMAP_OVER      4 /* psa_unmap_outvec past the outvec's size */
#define MM_WRITE_AFTER_MAP 5 /* psa_write to a mapped outvec */
#define MM_NOT_ENABLED     6 /* a map by a service without mm_iovec */
#define MM_MAP_EMPTY       7 /* psa_map_invec of an empty vector */
#define MM_MAP_TWICE       8 /* psa_map_outvec twice */
/* Cases that break a boundary, not a rule: stopped at isolation levels 2
 * and 3 only (at level 1 every buffer is reachable). */
#define MM_THIRD_MAP   9  /* invecs 0, 1, 2 mapped at once: 2 MPU slots */
#define MM_WRITE_INVEC 10 /* a write into a mapped invec */
#define MM_AFTER_UNMAP 11 /* a read of an invec after its unmap */
#define MM_AFTER_REPLY 12 /* a read of invec 0 of the previous request */

/* MM_AFTER_REPLY: what the first request mapped. */
static const volatile uint8_t *kept;

static void misuse(const psa_msg_t *msg)
{
    uint8_t byte = 0;
    psa_handle_t h = msg->handle;

    switch (VICTIM_MM_CASE) {
    case MM_READ_AFTER_MAP:
        (void)psa_map_invec(h, 0);
        (void)psa_read(h, 0, &byte, 1);
        break;
    case MM_MAP_AFTER_READ:
        (void)psa_read(h, 0, &byte, 1);
        (void)psa_map_invec(h, 0);
        break;
    case MM_UNMAP_TWICE:
        (void)psa_map_invec(h, 0);
        psa_unmap_invec(h, 0);
        psa_unmap_invec(h, 0);
        break;
    case MM_UNMAP_OVER:
        (void)psa_map_outvec(h, 0);
        psa_unmap_outvec(h, 0, msg->out_size[0] + 1u);
        break;
    case MM_WRITE_AFTER_MAP:
        (void)psa_map_outvec(h, 0);
        psa_write(h, 0, &byte, 1);
        break;
    case MM_MAP_EMPTY:
        (void)psa_map_invec(h, 1);
        break;
    case MM_MAP_TWICE:
        (void)psa_map_outvec(h, 0);
        (void)psa_map_outvec(h, 0);
        break;
    case MM_THIRD_MAP:
        (void)psa_map_invec(h, 0);
        (void)psa_map_invec(h, 1);
        (void)psa_map_invec(h, 2);
        break;
    case MM_WRITE_INVEC: {
        volatile uint8_t *in = (volatile uint8_t *)psa_map_invec(h, 0);

        in[0] = (uint8_t)(in[0] + 1u); /* read, then write */
        break;
    }
    case MM_AFTER_UNMAP: {
        const volatile uint8_t *in = psa_map_invec(h, 0);

        byte = in[0];
        psa_unmap_invec(h, 0);
        byte = (uint8_t)(byte + in[0]);
        break;
    }
    case MM_AFTER_REPLY:
        if (kept == NULL) {
            kept = psa_map_invec(h, 0);
        }
        byte = kept[0];
        break;
    default: /* MM_NOT_ENABLED */
        (void)psa_map_invec(h, 0);
        break;
    }
}

psa_status_t VICTIM_MM_SFN(const psa_msg_t *msg)
{
    if (msg->type >= PSA_IPC_CALL) {
        misuse(msg);
    }
    return PSA_SUCCESS; /* only a connect or a disconnect gets here */
}
