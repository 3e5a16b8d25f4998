#include "spm/iovec.h"

#include "arch/arch.h"
#include "spm/panic.h"
#include "spm/panic_why.h"
#include "spm/spm.h"

/* A vector's buffer: empty is fine; else it must not wrap (caught here,
 * before the arch is asked), and the caller must have @p access to all of
 * it. */
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

/* True if no two non-empty invecs share a byte. */
static bool invecs_disjoint(const struct spm_req *v)
{
    const size_t *size = v->msg.in_size;

    for (uint32_t i = 0; i + 1u < v->in_len; i++) {
        uintptr_t a = v->in_base[i].addr;

        for (uint32_t j = i + 1u; j < v->in_len; j++) {
            uintptr_t b = v->in_base[j].addr;

            if (size[i] != 0u && size[j] != 0u && a < b + size[j] &&
                b < a + size[i]) {
                return false;
            }
        }
    }
    return true;
}

/* Refuses a call of @p caller (spm_programmer_error(): a secure caller is
 * stopped, saying @p why). */
#define REFUSE(caller, ...) \
    spm_programmer_error((caller), PSA_ERROR_PROGRAMMER_ERROR, __VA_ARGS__)

/* Says that @p caller may not @p access ("read", "write") @p vec ("invec",
 * "outvec") @p i, of @p len bytes at @p base. */
static psa_status_t refuse_buffer(struct spm_partition *caller,
                                  const char *access, const char *vec,
                                  uint32_t i, spm_uptr_t base, size_t len)
{
    return REFUSE(caller,
                  "psa_call: the partition may not %s %s %u (0x%x, %u "
                  "bytes)",
                  access, vec, (unsigned int)i, (unsigned int)base.addr,
                  (unsigned int)len);
}

psa_status_t spm_iovec_decode_vectors(struct spm_partition *caller,
                                      spm_uptr_t in_vec, size_t in_len,
                                      spm_uptr_t out_vec, size_t out_len,
                                      struct spm_req *v)
{
    if (in_len > PSA_MAX_IOVEC || out_len > PSA_MAX_IOVEC ||
        in_len + out_len > PSA_MAX_IOVEC) {
        return REFUSE(caller,
                      "psa_call: %u invecs and %u outvecs, more than %u",
                      (unsigned int)in_len, (unsigned int)out_len,
                      (unsigned int)PSA_MAX_IOVEC);
    }
    spm_iovec_none(v, out_vec);
    v->in_len = (uint8_t)in_len;
    v->out_len = (uint8_t)out_len;
    if (in_len + out_len == 0u) {
        return PSA_SUCCESS; /* nothing to read or check */
    }

    /* The descriptors, copied once (an outvec array must be writable too:
     * the lengths go back into it), then every buffer of the copy. */
    if (in_len != 0u &&
        !umem_read_vecs(caller, in_vec, in_len, ARCH_ACCESS_READ, v->in_base,
                        v->msg.in_size)) {
        return REFUSE(caller, SPM_WHY_BUFFER, "psa_call", "read",
                      (unsigned int)in_vec.addr,
                      (unsigned int)(in_len * sizeof(psa_invec)));
    }
    if (out_len != 0u &&
        !umem_read_vecs(caller, out_vec, out_len, ARCH_ACCESS_RW, v->out_base,
                        v->msg.out_size)) {
        return REFUSE(caller, SPM_WHY_BUFFER, "psa_call", "write",
                      (unsigned int)out_vec.addr,
                      (unsigned int)(out_len * sizeof(psa_outvec)));
    }
    for (uint32_t i = 0; i < in_len; i++) {
        if (!buffer_ok(caller, v->in_base[i], v->msg.in_size[i],
                       ARCH_ACCESS_READ)) {
            return refuse_buffer(caller, "read", "invec", i, v->in_base[i],
                                 v->msg.in_size[i]);
        }
        v->in_done[i] = 0u;
    }
    for (uint32_t i = 0; i < out_len; i++) {
        if (!buffer_ok(caller, v->out_base[i], v->msg.out_size[i],
                       ARCH_ACCESS_RW)) {
            return refuse_buffer(caller, "write", "outvec", i, v->out_base[i],
                                 v->msg.out_size[i]);
        }
        v->out_done[i] = 0u;
    }
    if (in_len > 1u && !invecs_disjoint(v)) {
        return REFUSE(caller, "psa_call: two invecs overlap");
    }
    return PSA_SUCCESS;
}
