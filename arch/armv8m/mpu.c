/*
 * The Secure MPU: programs a region table the platform supplies
 * (armv8m_regions.h, ARMV8M_SECURE_MPU_REGIONS) at boot. At isolation
 * level 1 the table is the image's W^X map — code read-only and
 * executable, read-only data and RAM execute-never — and PRIVDEFENA lets
 * privileged code (all of it, at level 1) reach everything else through
 * the default memory map. Levels 2 and 3 add per-partition regions to a
 * table of the same kind.
 */
#include <stddef.h>
#include <stdint.h>

#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "armv8m_regions.h"

/* MAIR0: attribute 0 normal memory (write-back, read/write-allocate),
 * attribute 1 device memory (nGnRnE). */
#define MAIR0_VALUE  0x000000FFu
#define ATTR_NORMAL  0u
#define ATTR_DEVICE  1u
#define REGION_GRAIN 32u

static uint32_t rbar(const struct armv8m_mpu_region *r)
{
    return ((uint32_t)r->base & ~(REGION_GRAIN - 1u)) |
           ((r->attr & ARMV8M_MPU_RO) != 0u ? ARMV8M_MPU_RBAR_AP_RO : 0u) |
           ((r->attr & ARMV8M_MPU_UNPRIV) != 0u ? ARMV8M_MPU_RBAR_AP_UNPRIV
                                                : 0u) |
           ((r->attr & ARMV8M_MPU_XN) != 0u ? ARMV8M_MPU_RBAR_XN : 0u);
}

static uint32_t rlar(const struct armv8m_mpu_region *r)
{
    uint32_t attr =
        (r->attr & ARMV8M_MPU_DEVICE) != 0u ? ATTR_DEVICE : ATTR_NORMAL;

    return ((uint32_t)r->limit & ~(REGION_GRAIN - 1u)) |
           (attr << ARMV8M_MPU_RLAR_ATTR_SHIFT) | ARMV8M_MPU_RLAR_ENABLE;
}

static int region_ok(const struct armv8m_mpu_region *r)
{
    return r->base % REGION_GRAIN == 0u &&
           (r->limit + 1u) % REGION_GRAIN == 0u && r->base < r->limit;
}

int armv8m_mpu_configure(const struct armv8m_mpu_region *regions, size_t n)
{
    size_t avail = (ARMV8M_MPU_TYPE >> 8) & 0xFFu; /* DREGION */

    if (n > avail) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!region_ok(&regions[i])) {
            return -1;
        }
    }
    ARMV8M_MPU_CTRL = 0u;
    __asm volatile("dsb\n\tisb" : : : "memory");
    ARMV8M_MPU_MAIR0 = MAIR0_VALUE;
    for (size_t i = 0; i < avail; i++) {
        ARMV8M_MPU_RNR = (uint32_t)i;
        ARMV8M_MPU_RLAR = 0u;
        ARMV8M_MPU_RBAR = i < n ? rbar(&regions[i]) : 0u;
        ARMV8M_MPU_RLAR = i < n ? rlar(&regions[i]) : 0u;
    }
    ARMV8M_MPU_CTRL = ARMV8M_MPU_CTRL_ENABLE | ARMV8M_MPU_CTRL_PRIVDEFENA;
    __asm volatile("dsb\n\tisb" : : : "memory");
    return 0;
}

int armv8m_mpu_init(void)
{
    static const struct armv8m_mpu_region regions[] = ARMV8M_SECURE_MPU_REGIONS;

    return armv8m_mpu_configure(regions, sizeof(regions) / sizeof(regions[0]));
}
