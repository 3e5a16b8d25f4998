/*
 * MM-IOVEC (FF-M 1.1 §4.4, PSA_FRAMEWORK_HAS_MM_IOVEC): a service whose
 * manifest says `mm_iovec: enable` may map a client's vector and use the
 * client's buffer in place, instead of psa_read()/psa_write() copies.
 *
 * Each request keeps a byte of state per direction (struct spm_req mm_in,
 * mm_out): bit i while vector i is mapped, bit 4 + i once it was unmapped.
 * A vector is either copied (psa_read, psa_skip, psa_write) or mapped,
 * never both, and mapped once at most. Every vector still mapped when the
 * request ends is released (spm_mm_end()); an outvec released so reports 0
 * bytes written.
 *
 * The API itself (psa_map_invec() and friends) is spm/mmiovec.c, built
 * only with the option; spm/mmiovec_absent.c stands in for it otherwise.
 * The core's hooks below test the option first, so that a build without
 * it pays nothing for them.
 */
#ifndef WARDEN_SPM_MMIOVEC_H
#define WARDEN_SPM_MMIOVEC_H

#include <stdbool.h>
#include <stdint.h>

#include "spm/spm.h"
#include "warden/config.h"

/* struct spm_req mm_in / mm_out */
#define SPM_MM_MAPPED(i)   (1u << (i))
#define SPM_MM_UNMAPPED(i) (1u << (4u + (i)))
#define SPM_MM_ANY_MAPPED  (0x0Fu)

/**
 * Releases every vector of @p req still mapped: its range leaves the
 * service's boundary (backend_mm_unmap()) and an outvec's written length
 * becomes 0. Called through spm_mm_end() only.
 */
void spm_mm_release(struct spm_req *req);

/** A new request @p req: no vector mapped or unmapped yet. */
static inline __attribute__((always_inline)) void
spm_mm_start(struct spm_req *req)
{
    if (PSA_FRAMEWORK_HAS_MM_IOVEC) {
        req->mm_in = 0u;
        req->mm_out = 0u;
    }
}

/**
 * Request @p req ends (its reply, or its client or service stopped while
 * its service had taken it): every vector still mapped is released.
 */
static inline __attribute__((always_inline)) void
spm_mm_end(struct spm_req *req)
{
    if (PSA_FRAMEWORK_HAS_MM_IOVEC &&
        ((req->mm_in | req->mm_out) & SPM_MM_ANY_MAPPED) != 0u) {
        spm_mm_release(req);
    }
}

/** True if invec @p idx (< PSA_MAX_IOVEC) of @p req (NULL: an orphan's)
 * was mapped: psa_read() and psa_skip() may not use it. */
static inline __attribute__((always_inline)) bool
spm_mm_in_taken(const struct spm_req *req, uint32_t idx)
{
    return PSA_FRAMEWORK_HAS_MM_IOVEC && req != NULL &&
           (req->mm_in & (SPM_MM_MAPPED(idx) | SPM_MM_UNMAPPED(idx))) != 0u;
}

/** The same for outvec @p idx and psa_write(). */
static inline __attribute__((always_inline)) bool
spm_mm_out_taken(const struct spm_req *req, uint32_t idx)
{
    return PSA_FRAMEWORK_HAS_MM_IOVEC && req != NULL &&
           (req->mm_out & (SPM_MM_MAPPED(idx) | SPM_MM_UNMAPPED(idx))) != 0u;
}

#endif /* WARDEN_SPM_MMIOVEC_H */
