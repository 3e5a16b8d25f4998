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

/* Whose view TT takes: the Non-secure one (TTA), the secure privileged
 * one (TT), the secure unprivileged one (TTT: the MPU as set for the
 * running thread, isolation levels 2 and 3). Each caller below passes a
 * constant, so each inlined copy has its instruction only. */
enum tt_view { VIEW_NS, VIEW_PRIV, VIEW_UNPRIV };

__attribute__((always_inline)) static inline uint32_t tt(enum tt_view view,
                                                         uintptr_t a)
{
    if (view == VIEW_NS) {
        return cmse_TTA((void *)a).value;
    }
    return (view == VIEW_UNPRIV) ? cmse_TTT((void *)a).value
                                 : cmse_TT((void *)a).value;
}

/* The answer for all of [base, last]; 0 (no permission) when its two ends
 * answer differently. */
__attribute__((always_inline)) static inline uint32_t
range_tt(enum tt_view view, uintptr_t base, uintptr_t last)
{
    uint32_t first = tt(view, base);

    if ((base ^ last) < TT_GRANULE) {
        return first;
    }
    return (tt(view, last) == first) ? first : 0u;
}

/* The check of a range in @p view, written once for the two entry points
 * (inlined in each with its view a constant). */
__attribute__((always_inline)) static inline bool
check(enum tt_view view, uintptr_t base, size_t size, uint32_t access)
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

    if (view == VIEW_NS) {
        /* TTA: Non-secure attribution and the Non-secure MPU's view. */
        return inside_one(base, last, access, ns_regions, COUNT(ns_regions)) &&
               (range_tt(VIEW_NS, base, last) &
                (write ? ARMV8M_TT_NSRW : ARMV8M_TT_NSR)) != 0;
    }
    if (!inside_one(base, last, access, secure_regions,
                    COUNT(secure_regions))) {
        return false;
    }
    /* TT (TTT): readable (writable) by the current Secure state, privileged
     * (unprivileged), and attributed Secure. */
    uint32_t answer = range_tt(view, base, last);
    return (answer & (write ? ARMV8M_TT_RW : ARMV8M_TT_R)) != 0 &&
           (answer & ARMV8M_TT_S) != 0;
}

bool arch_check_unpriv_range(uintptr_t base, size_t size, uint32_t access)
{
    return check(VIEW_UNPRIV, base, size, access);
}

bool arch_check_caller_range(bool ns, uintptr_t base, size_t size,
                             uint32_t access)
{
    return ns ? check(VIEW_NS, base, size, access)
              : check(VIEW_PRIV, base, size, access);
}
