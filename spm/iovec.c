#include "spm/iovec.h"

#include "arch/arch.h"
#include "spm/spm.h"

/* A vector's buffer: empty is fine; else it must not wrap, and the caller
 * must have @p access to all of it. */
static bool buffer_ok(const struct spm_partition *caller, spm_uptr_t base,
                      size_t len, uint32_t access)
{
    uintptr_t end;

    if (len == 0u) {
        return true;
    }
    if (__builtin_add_overflow(base.addr, len, &end)) {
        return false;
    }
    return umem_check(caller, base, len, access);
}

/* True if no two non-empty invecs share a byte (only checked for 2+). */
static bool invecs_disjoint(const struct spm_iovecs *v)
{
    for (uint32_t i = 0; i + 1u < v->in_len; i++) {
        uintptr_t a = v->in_base[i].addr;

        for (uint32_t j = i + 1u; j < v->in_len; j++) {
            uintptr_t b = v->in_base[j].addr;

            if (v->in_size[i] != 0u && v->in_size[j] != 0u &&
                a < b + v->in_size[j] && b < a + v->in_size[i]) {
                return false;
            }
        }
    }
    return true;
}

/*
 * Copies the descriptor arrays into SPM memory (one check each: readable
 * invecs, and outvecs readable and writable since their lengths come back)
 * and spreads them into @p v. Nothing is read twice from the caller.
 */
static bool copy_descriptors(const struct spm_partition *caller,
                             spm_uptr_t in_vec, spm_uptr_t out_vec,
                             struct spm_iovecs *v)
{
    psa_invec in[PSA_MAX_IOVEC];
    psa_outvec out[PSA_MAX_IOVEC];

    if (v->in_len != 0u &&
        !umem_read_as(caller, in, in_vec, v->in_len * sizeof(psa_invec),
                      ARCH_ACCESS_READ)) {
        return false;
    }
    if (v->out_len != 0u &&
        !umem_read_as(caller, out, out_vec, v->out_len * sizeof(psa_outvec),
                      ARCH_ACCESS_RW)) {
        return false;
    }
    for (uint32_t i = 0; i < v->in_len; i++) {
        v->in_base[i] = spm_uptr((uintptr_t)in[i].base);
        v->in_size[i] = in[i].len;
    }
    for (uint32_t i = 0; i < v->out_len; i++) {
        v->out_base[i] = spm_uptr((uintptr_t)out[i].base);
        v->out_size[i] = out[i].len;
    }
    v->out_desc = out_vec;
    return true;
}

psa_status_t spm_iovec_decode(const struct spm_partition *caller,
                              spm_uptr_t in_vec, size_t in_len,
                              spm_uptr_t out_vec, size_t out_len,
                              struct spm_iovecs *v)
{
    if (in_len > PSA_MAX_IOVEC || out_len > PSA_MAX_IOVEC ||
        in_len + out_len > PSA_MAX_IOVEC) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    v->in_len = (uint32_t)in_len;
    v->out_len = (uint32_t)out_len;
    if (!copy_descriptors(caller, in_vec, out_vec, v)) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    for (uint32_t i = 0; i < v->in_len; i++) {
        if (!buffer_ok(caller, v->in_base[i], v->in_size[i],
                       ARCH_ACCESS_READ)) {
            return PSA_ERROR_PROGRAMMER_ERROR;
        }
    }
    for (uint32_t i = 0; i < v->out_len; i++) {
        if (!buffer_ok(caller, v->out_base[i], v->out_size[i],
                       ARCH_ACCESS_RW)) {
            return PSA_ERROR_PROGRAMMER_ERROR;
        }
    }
    return invecs_disjoint(v) ? PSA_SUCCESS : PSA_ERROR_PROGRAMMER_ERROR;
}
