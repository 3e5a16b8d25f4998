/*
 * arch_check_caller_range() on Armv8-M: the range must lie inside one of
 * the platform's regions for that caller (armv8m_regions.h) that allows the
 * access, and pass the Test Target instruction (TT, or TTA for the
 * Non-secure view) on its first and last byte.
 *
 * The regions say what TT cannot: which addresses are memory a caller owns
 * at all (TTA calls the system space from 0xE000_0000 Non-secure, because
 * it is exempt from SAU/IDAU attribution, and the SPM would reach the
 * Secure banked registers there; the IDAU calls holes and peripherals
 * Secure), and which images are read-only while no MPU region says so.
 * TT says what the regions cannot: the SAU's and MPCs' attribution as
 * programmed, and the Non-secure MPU's permissions.
 *
 * arch_check_unpriv_range() is the same rule for an unprivileged secure
 * caller (isolation levels 2 and 3), with TTT: the MPU's unprivileged view
 * as it is set for the running thread.
 *
 * The TT part is the rule of cmse_check_address_range() (the ACLE's),
 * written out inline for the two cases Warden needs: TT must give the same
 * answer (the same MPU, SAU and IDAU regions and the same permissions) for
 * the first and the last byte, which is then the answer for every byte
 * between them.
 */
#include <arm_cmse.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "armv8m_regions.h" /* the platform's */

/* Bits of the TT/TTA answer (Armv8-M ARM, "TT, TTT, TTA, TTAT"). */
#define TT_R    (1u << 18) /* readable by the state/privilege asked about */
#define TT_RW   (1u << 19) /* read-write, likewise */
#define TT_NSR  (1u << 20) /* TTA: readable by Non-secure, and Non-secure */
#define TT_NSRW (1u << 21) /* TTA: read-write by Non-secure, and NS */
#define TT_S    (1u << 22) /* attributed Secure */

static const struct armv8m_region ns_regions[] = ARMV8M_NS_REGIONS;
static const struct armv8m_region secure_regions[] = ARMV8M_SECURE_REGIONS;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* TT answers of one 32-byte granule are equal: test a range there once. */
#define TT_GRANULE (32u)

/* True if [base, last] lies inside one of the regions and that region
 * allows @p access (the regions do not overlap: at most one holds it). */
__attribute__((always_inline)) static inline bool
inside_one(uintptr_t base, uintptr_t last, uint32_t access,
           const struct armv8m_region *r, size_t n)
{
    for (const struct armv8m_region *end = r + n; r != end; r++) {
        if (r->base <= base && last <= r->limit) {
            return (access & ~r->access) == 0u;
        }
    }
    return false;
}

/* The TTA (ns) or TT answer for all of [base, last]; 0 (no permission)
 * when its two ends answer differently. */
static inline uint32_t range_tt(bool ns, uintptr_t base, uintptr_t last)
{
    uint32_t first =
        ns ? cmse_TTA((void *)base).value : cmse_TT((void *)base).value;

    if ((base ^ last) < TT_GRANULE) {
        return first;
    }
    uint32_t end =
        ns ? cmse_TTA((void *)last).value : cmse_TT((void *)last).value;
    return (end == first) ? first : 0u;
}

/* The same with TTT: the secure state's unprivileged view, the MPU as set
 * for the running thread (isolation levels 2 and 3). */
static inline uint32_t range_ttt(uintptr_t base, uintptr_t last)
{
    uint32_t first = cmse_TTT((void *)base).value;

    if ((base ^ last) < TT_GRANULE) {
        return first;
    }
    return (cmse_TTT((void *)last).value == first) ? first : 0u;
}

bool arch_check_unpriv_range(uintptr_t base, size_t size, uint32_t access)
{
    uintptr_t end = base + size;

    if (end <= base || access - 1u > ARCH_ACCESS_RW - 1u) {
        return false;
    }

    uintptr_t last = end - 1u;
    bool write = (access & ARCH_ACCESS_WRITE) != 0;

    if (!inside_one(base, last, access, secure_regions,
                    COUNT(secure_regions))) {
        return false;
    }
    /* TTT: readable (writable) by unprivileged Secure code as the MPU is
     * set now, and attributed Secure. */
    uint32_t tt = range_ttt(base, last);
    return (tt & (write ? TT_RW : TT_R)) != 0 && (tt & TT_S) != 0;
}

bool arch_check_caller_range(bool ns, uintptr_t base, size_t size,
                             uint32_t access)
{
    uintptr_t end = base + size;

    /* end <= base: size is 0, or base + size carries (like
     * cmse_check_address_range(), a range ending at the top of the address
     * space is refused too). access is 1, 2 or 3. */
    if (end <= base || access - 1u > ARCH_ACCESS_RW - 1u) {
        return false;
    }

    uintptr_t last = end - 1u;
    bool write = (access & ARCH_ACCESS_WRITE) != 0;

    if (ns) {
        /* TTA: Non-secure attribution and the Non-secure MPU's view. */
        return inside_one(base, last, access, ns_regions, COUNT(ns_regions)) &&
               (range_tt(true, base, last) & (write ? TT_NSRW : TT_NSR)) != 0;
    }
    if (!inside_one(base, last, access, secure_regions,
                    COUNT(secure_regions))) {
        return false;
    }
    /* TT: readable (writable) by the current, privileged Secure state, and
     * attributed Secure. */
    uint32_t tt = range_tt(false, base, last);
    return (tt & (write ? TT_RW : TT_R)) != 0 && (tt & TT_S) != 0;
}
