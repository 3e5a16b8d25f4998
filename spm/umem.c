/* The only place that dereferences caller-supplied addresses. */
#include "spm/umem.h"

#include "arch/arch.h"
#include "spm/spm.h"

/* A word and a 16-byte block of memory of any declared type. */
typedef uint32_t __attribute__((may_alias)) umem_word_t;
typedef struct {
    uint32_t w[4];
} __attribute__((may_alias)) umem_block_t;

/*
 * memmove(), in the SPM rather than from the C library, so that a copy
 * costs what it moves: 16-byte blocks (one load-multiple and one
 * store-multiple on Armv8-M) then words when source, destination and
 * length are all word-aligned (descriptors, and the buffers of most
 * requests), bytes otherwise, backwards when the destination overlaps the
 * end of the source. (spm/ is built with -fno-tree-loop-distribute-patterns,
 * so GCC does not turn the loops back into library calls.)
 */
static void copy(uintptr_t dst, uintptr_t src, size_t len)
{
    bool backwards = dst > src && dst - src < len;

    if (len == 0u) {
        return; /* an empty vector's base may be anything, even NULL */
    }
    if (((dst | src | len) & 3u) == 0u && !backwards) {
        umem_block_t *bd = (umem_block_t *)dst;
        const umem_block_t *bs = (const umem_block_t *)src;
        const umem_block_t *bend = bs + len / sizeof(umem_block_t);

        /* Bottom-tested loops: one branch a block or word. */
        if (bs != bend) {
            do {
                *bd++ = *bs++;
            } while (bs != bend);
        }

        umem_word_t *wd = (umem_word_t *)bd;
        const umem_word_t *ws = (const umem_word_t *)bs;
        const umem_word_t *wend = (const umem_word_t *)(src + len);

        if (ws != wend) {
            do {
                *wd++ = *ws++;
            } while (ws != wend);
        }
        return;
    }

    uint8_t *d = (uint8_t *)dst;
    const uint8_t *s = (const uint8_t *)src;

    if (backwards) {
        while (len != 0u) {
            len--;
            d[len] = s[len];
        }
        return;
    }
    for (; len != 0u; len--) {
        *d++ = *s++;
    }
}

bool umem_check(const struct spm_partition *caller, spm_uptr_t p, size_t len,
                uint32_t access)
{
    if (len == 0) {
        return true;
    }
    if (spm_is_unprivileged(caller)) {
        return arch_check_unpriv_range(p.addr, len, access);
    }
    return arch_check_caller_range(spm_is_ns(caller), p.addr, len, access);
}

bool umem_read(const struct spm_partition *caller, void *dst, spm_uptr_t src,
               size_t len)
{
    if (!umem_check(caller, src, len, ARCH_ACCESS_READ)) {
        return false;
    }
    copy((uintptr_t)dst, src.addr, len);
    return true;
}

/* True if @p addr may be read or written as a psa_invec/psa_outvec. A
 * caller may pass a misaligned array: that must cost a byte copy, never an
 * alignment fault (LDRD/LDM/STM fault on any misaligned address). */
static bool vec_aligned(uintptr_t addr)
{
    return (addr & (_Alignof(psa_invec) - 1u)) == 0u;
}

/* Spreads n descriptors into base[] and len[]. */
static void spread_vecs(const psa_invec *vec, size_t n, spm_uptr_t *base,
                        size_t *len)
{
    for (size_t i = 0; i < n; i++) {
        base[i] = spm_uptr((uintptr_t)vec[i].base);
        len[i] = vec[i].len;
    }
}

/* The rare path, on its own so that the common one needs no buffer. */
__attribute__((noinline)) static void
read_vecs_misaligned(uintptr_t src, size_t n, spm_uptr_t *base, size_t *len)
{
    psa_invec aligned[PSA_MAX_IOVEC];

    copy((uintptr_t)aligned, src, n * sizeof(psa_invec));
    spread_vecs(aligned, n, base, len);
}

bool umem_read_vecs(const struct spm_partition *caller, spm_uptr_t src,
                    size_t n, uint32_t access, spm_uptr_t *base, size_t *len)
{
    /* psa_outvec has psa_invec's layout (pinned in psa/client.h). */
    if (n > PSA_MAX_IOVEC ||
        !umem_check(caller, src, n * sizeof(psa_invec), access)) {
        return false;
    }
    if (!vec_aligned(src.addr)) {
        read_vecs_misaligned(src.addr, n, base, len);
    } else {
        spread_vecs((const psa_invec *)src.addr, n, base, len);
    }
    return true;
}

void umem_write_vec_lens_checked(spm_uptr_t vecs, const size_t *len, size_t n)
{
    psa_outvec *vec = (psa_outvec *)vecs.addr;

    if (!vec_aligned(vecs.addr)) {
        for (size_t i = 0; i < n; i++) {
            copy(vecs.addr + i * sizeof(psa_outvec) + offsetof(psa_outvec, len),
                 (uintptr_t)&len[i], sizeof(len[i]));
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        vec[i].len = len[i];
    }
}

bool umem_write(const struct spm_partition *caller, spm_uptr_t dst,
                const void *src, size_t len)
{
    if (!umem_check(caller, dst, len, ARCH_ACCESS_WRITE)) {
        return false;
    }
    copy(dst.addr, (uintptr_t)src, len);
    return true;
}

void umem_copy_checked(spm_uptr_t dst, spm_uptr_t src, size_t len)
{
    copy(dst.addr, src.addr, len);
}

/* A psa_msg_t as words, of any declared type. */
typedef struct {
    uint32_t w[sizeof(psa_msg_t) / sizeof(uint32_t)];
} __attribute__((may_alias)) umem_msg_t;

_Static_assert(sizeof(psa_msg_t) % sizeof(uint32_t) == 0u,
               "a message is whole words");

void umem_copy_msg_checked(spm_uptr_t dst, const psa_msg_t *msg)
{
    if ((dst.addr & 3u) != 0u) {
        copy(dst.addr, (uintptr_t)msg, sizeof(*msg));
        return;
    }
    *(umem_msg_t *)dst.addr = *(const umem_msg_t *)msg;
}
