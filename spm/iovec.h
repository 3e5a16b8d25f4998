/*
 * Decoding of a request's vectors: the descriptors are copied once into the
 * request (struct spm_req, which only the SPM writes while the client waits
 * for it), then every value of the copy is checked. Nothing here changes
 * state, so a refused request leaves no trace.
 */
#ifndef WARDEN_SPM_IOVEC_H
#define WARDEN_SPM_IOVEC_H

#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "spm/spm.h"
#include "spm/umem.h"

/**
 * spm_iovec_decode() out of line: what it does for a call with vectors.
 */
psa_status_t spm_iovec_decode_vectors(struct spm_partition *caller,
                                      spm_uptr_t in_vec, size_t in_len,
                                      spm_uptr_t out_vec, size_t out_len,
                                      struct spm_req *req);

/**
 * The vectors of a request without any, into @p req: no vectors, every size
 * 0, @p out_vec as the outvec array (never written: no outvecs).
 */
static inline __attribute__((always_inline)) void
spm_iovec_none(struct spm_req *req, spm_uptr_t out_vec)
{
    req->in_len = 0u;
    req->out_len = 0u;
    req->out_desc = out_vec;
#pragma GCC unroll 4
    for (uint32_t i = 0; i < PSA_MAX_IOVEC; i++) {
        req->msg.in_size[i] = 0u;
        req->msg.out_size[i] = 0u;
    }
}

/**
 * Copies and checks the vectors of a psa_call from @p caller into @p req,
 * which nobody else sees yet: in_len, out_len, out_desc, in_base/out_base
 * and msg.in_size/out_size of the request's vectors, the sizes past them 0,
 * and in_done/out_done 0 for the request's vectors (past them they are
 * never read). Writes nothing else; after a failure what it wrote means
 * nothing.
 * @return PSA_SUCCESS, or PSA_ERROR_PROGRAMMER_ERROR when: in_len + out_len
 *         exceeds PSA_MAX_IOVEC; a descriptor array is not readable (invecs)
 *         or writable (outvecs) by the caller; a buffer wraps the address
 *         space; an invec buffer is not readable or an outvec buffer not
 *         writable by the caller; two non-empty invecs overlap. That
 *         status is spm_programmer_error()'s answer: for a secure @p
 *         caller it does not return (the console says which rule the call
 *         broke).
 */
static inline psa_status_t spm_iovec_decode(struct spm_partition *caller,
                                            spm_uptr_t in_vec, size_t in_len,
                                            spm_uptr_t out_vec, size_t out_len,
                                            struct spm_req *req)
{
    if ((in_len | out_len) == 0u) { /* nothing to read or check */
        spm_iovec_none(req, out_vec);
        return PSA_SUCCESS;
    }
    return spm_iovec_decode_vectors(caller, in_vec, in_len, out_vec, out_len,
                                    req);
}

#endif /* WARDEN_SPM_IOVEC_H */
