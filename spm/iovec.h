/*
 * Decoding of a request's vectors: the descriptors are copied once into SPM
 * memory, then every value of the copy is checked. Nothing here changes
 * state, so a refused request leaves no trace.
 */
#ifndef WARDEN_SPM_IOVEC_H
#define WARDEN_SPM_IOVEC_H

#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "spm/umem.h"

struct spm_partition;

struct spm_iovecs {
    uint32_t in_len;
    uint32_t out_len;
    spm_uptr_t in_base[PSA_MAX_IOVEC];
    size_t in_size[PSA_MAX_IOVEC];
    spm_uptr_t out_base[PSA_MAX_IOVEC];
    size_t out_size[PSA_MAX_IOVEC];
    spm_uptr_t out_desc; /* the caller's psa_outvec array (lengths go back) */
};

/** spm_iovec_decode() out of line: what it does for a call with vectors. */
psa_status_t spm_iovec_decode_vectors(const struct spm_partition *caller,
                                      spm_uptr_t in_vec, size_t in_len,
                                      spm_uptr_t out_vec, size_t out_len,
                                      struct spm_iovecs *v);

/**
 * Copies and checks the vectors of a psa_call from @p caller.
 * @return PSA_SUCCESS, or PSA_ERROR_PROGRAMMER_ERROR when: in_len + out_len
 *         exceeds PSA_MAX_IOVEC; a descriptor array is not readable (invecs)
 *         or writable (outvecs) by the caller; a buffer wraps the address
 *         space; an invec buffer is not readable or an outvec buffer not
 *         writable by the caller; two non-empty invecs overlap.
 */
static inline psa_status_t spm_iovec_decode(const struct spm_partition *caller,
                                            spm_uptr_t in_vec, size_t in_len,
                                            spm_uptr_t out_vec, size_t out_len,
                                            struct spm_iovecs *v)
{
    if ((in_len | out_len) == 0u) { /* nothing to read or check */
        v->in_len = 0u;
        v->out_len = 0u;
        v->out_desc = out_vec;
        return PSA_SUCCESS;
    }
    return spm_iovec_decode_vectors(caller, in_vec, in_len, out_vec, out_len,
                                    v);
}

#endif /* WARDEN_SPM_IOVEC_H */
