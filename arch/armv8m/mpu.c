/*
 * The Secure MPU: programs a region table the platform supplies
 * (armv8m_regions.h, ARMV8M_SECURE_MPU_REGIONS) at boot. At isolation
 * level 1 the table is the image's W^X map (mpu_wx.c) — code read-only
 * and executable, read-only data and RAM execute-never — and PRIVDEFENA
 * lets privileged code (all of it, at level 1) reach everything else
 * through the default memory map. Levels 2 and 3 cut the same map around
 * the unprivileged partitions (boundary_mpu.c).
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

void armv8m_mpu_encode(const struct armv8m_mpu_region *r, uint32_t w[2])
{
    w[0] = rbar(r);
    w[1] = rlar(r);
}

void armv8m_mpu_load(const uint32_t *words, size_t nslots)
{
    size_t avail = (ARMV8M_MPU_TYPE >> 8) & 0xFFu; /* DREGION */

    ARMV8M_MPU_CTRL = 0u;
    __asm volatile("dsb\n\tisb" : : : "memory");
    ARMV8M_MPU_MAIR0 = MAIR0_VALUE;
    for (size_t i = 0; i < avail; i++) {
        ARMV8M_MPU_RNR = (uint32_t)i;
        ARMV8M_MPU_RLAR = 0u;
        ARMV8M_MPU_RBAR = i < nslots ? words[2u * i] : 0u;
        ARMV8M_MPU_RLAR = i < nslots ? words[2u * i + 1u] : 0u;
    }
    ARMV8M_MPU_CTRL = ARMV8M_MPU_CTRL_ENABLE | ARMV8M_MPU_CTRL_PRIVDEFENA;
    __asm volatile("dsb\n\tisb" : : : "memory");
}

size_t armv8m_mpu_slots(void)
{
    return (ARMV8M_MPU_TYPE >> 8) & 0xFFu; /* DREGION */
}

int armv8m_mpu_configure(const struct armv8m_mpu_region *regions, size_t n)
{
    uint32_t words[2u * ARMV8M_MPU_MAX_SLOTS];

    if (n > armv8m_mpu_slots() || n > ARMV8M_MPU_MAX_SLOTS) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!region_ok(&regions[i])) {
            return -1;
        }
        armv8m_mpu_encode(&regions[i], &words[2u * i]);
    }
    armv8m_mpu_load(words, n);
    return 0;
}
