/*
 * Caller memory. An address that came from a caller is an spm_uptr_t, not a
 * pointer, so the compiler refuses to let it reach memcpy. umem.c is the only
 * file that turns one into a pointer, and only after arch_check_caller_range()
 * (the choke point) accepted the whole range for that caller.
 */
#ifndef WARDEN_SPM_UMEM_H
#define WARDEN_SPM_UMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/service.h"

typedef struct {
    uintptr_t addr;
} spm_uptr_t;

struct spm_partition;

static inline spm_uptr_t spm_uptr(uintptr_t addr)
{
    spm_uptr_t u = { addr };
    return u;
}

static inline spm_uptr_t spm_uptr_add(spm_uptr_t u, size_t off)
{
    return spm_uptr(u.addr + off);
}

/**
 * True if @p caller may access [p, p + len) as @p access
 * (ARCH_ACCESS_READ/WRITE). len 0 is always accepted and touches nothing.
 */
bool umem_check(const struct spm_partition *caller, spm_uptr_t p, size_t len,
                uint32_t access);

/** Copies from caller memory: checks READ first; false (no copy) if refused. */
bool umem_read(const struct spm_partition *caller, void *dst, spm_uptr_t src,
               size_t len);

/**
 * Reads @p n (at most PSA_MAX_IOVEC) vector descriptors ({base, len}
 * pairs: the layout of psa_invec and psa_outvec) from caller memory at
 * @p src into @p base and @p len, after one check of the whole array for
 * @p access (READ for invecs; RW for outvecs, whose lengths come back).
 * Each field is read once; a misaligned array is read bytewise.
 * @return false, with nothing read, if n is too large or the check refuses
 *         the array.
 */
bool umem_read_vecs(const struct spm_partition *caller, spm_uptr_t src,
                    size_t n, uint32_t access, spm_uptr_t *base, size_t *len);

/**
 * Writes @p n lengths into the len fields of the caller's psa_outvec array
 * at @p vecs, which umem_read_vecs() checked read-write when the request
 * was decoded (the caller cannot lose access to it during its own call):
 * no check here. A misaligned array is written bytewise.
 */
void umem_write_vec_lens_checked(spm_uptr_t vecs, const size_t *len, size_t n);

/** Copies to caller memory: checks WRITE first; false (no copy) if refused. */
bool umem_write(const struct spm_partition *caller, spm_uptr_t dst,
                const void *src, size_t len);

/**
 * Copies between two caller ranges that were both checked when the message
 * was decoded (payload of a psa_read/psa_write): no check here.
 *
 * Every copy of this file has memmove() semantics (overlapping ranges are
 * copied as if through a buffer) and moves whole words when source and
 * destination are equally aligned.
 */
void umem_copy_checked(spm_uptr_t dst, spm_uptr_t src, size_t len);

/**
 * Copies the message @p msg (SPM memory) whole to caller memory at @p dst,
 * which the caller checked read-write (psa_get()): no check here. A
 * word-aligned @p dst takes a straight struct copy (load/store-multiple
 * on Armv8-M); any other is copied bytewise.
 */
void umem_copy_msg_checked(spm_uptr_t dst, const psa_msg_t *msg);

#endif /* WARDEN_SPM_UMEM_H */
