/*
 * How psa_call()'s type, in_len and out_len travel in one 32-bit word, so the
 * veneer call fits in four registers (the reference's layout):
 *
 *   bit  31     the vector descriptors are Non-secure memory (set by the SPM
 *               for calls that came through a veneer; ignored from NS)
 *   bits 26..24 in_len
 *   bits 18..16 out_len
 *   bits 15..0  type, as a signed 16-bit value
 *   other bits  reserved, must be 0
 */
#ifndef WARDEN_TFM_PSA_CALL_PACK_H
#define WARDEN_TFM_PSA_CALL_PACK_H

#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TYPE_OFFSET     (0u)
#define TYPE_MASK       (0xFFFFu << TYPE_OFFSET)
#define IN_LEN_OFFSET   (24u)
#define IN_LEN_MASK     (0x7u << IN_LEN_OFFSET)
#define OUT_LEN_OFFSET  (16u)
#define OUT_LEN_MASK    (0x7u << OUT_LEN_OFFSET)
#define NS_VEC_DESC_BIT (0x80000000u)
#define CTRL_RESERVED_MASK \
    (~(TYPE_MASK | IN_LEN_MASK | OUT_LEN_MASK | NS_VEC_DESC_BIT))

#define PARAM_PACK(type, in_len, out_len)                      \
    ((((uint32_t)(type)) & TYPE_MASK) |                        \
     ((((uint32_t)(in_len)) << IN_LEN_OFFSET) & IN_LEN_MASK) | \
     ((((uint32_t)(out_len)) << OUT_LEN_OFFSET) & OUT_LEN_MASK))

/** The packed call used by the veneer. */
psa_status_t tfm_psa_call_pack(psa_handle_t handle, uint32_t ctrl_param,
                               const psa_invec *in_vec, psa_outvec *out_vec);

#ifdef __cplusplus
}
#endif

#endif /* WARDEN_TFM_PSA_CALL_PACK_H */
