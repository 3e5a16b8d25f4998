/*
 * arch_check_caller_range() on Armv8-M: the Test Target instruction (TT)
 * through the CMSE intrinsics, plus the platform's region tables for what
 * TT cannot see (read-only images without an MPU region, memory holes).
 */
#include <arm_cmse.h>

#include "arch.h"
#include "armv8m/armv8m_port.h"
#include "platform.h"

/* True if [base, last] shares a byte with one of the regions. */
static bool overlaps_any(uintptr_t base, uintptr_t last,
                         const struct platform_region *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (base <= r[i].limit && r[i].base <= last) {
            return true;
        }
    }
    return false;
}

/* True if [base, last] lies inside a single one of the regions. */
static bool inside_one(uintptr_t base, uintptr_t last,
                       const struct platform_region *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (r[i].base <= base && last <= r[i].limit) {
            return true;
        }
    }
    return false;
}

bool arch_check_caller_range(bool ns, uintptr_t base, size_t size,
                             uint32_t access)
{
    uintptr_t last;

    if (size == 0 || access == 0 || (access & ~ARCH_ACCESS_RW) != 0) {
        return false;
    }
    if (__builtin_add_overflow(base, size - 1, &last)) {
        return false;
    }
    if ((access & ARCH_ACCESS_WRITE) != 0 &&
        overlaps_any(base, last, platform_ro_regions,
                     platform_ro_region_count)) {
        return false;
    }

    int mpu =
        (access & ARCH_ACCESS_WRITE) != 0 ? CMSE_MPU_READWRITE : CMSE_MPU_READ;
    void *p = (void *)base;

    if (ns) {
        /* TTA: Non-secure attribution and the Non-secure MPU's view; also
         * refuses a range that spans two SAU/IDAU/MPU regions. */
        return cmse_check_address_range(p, size, CMSE_NONSECURE | mpu) != NULL;
    }
    if (!inside_one(base, last, armv8m_secure_regions,
                    armv8m_secure_region_count)) {
        return false;
    }
    /* TT: one region, readable (writable) by the current, privileged
     * Secure state, and attributed Secure. */
    if (cmse_check_address_range(p, size, mpu) == NULL) {
        return false;
    }
    return cmse_TT(p).flags.secure != 0;
}
