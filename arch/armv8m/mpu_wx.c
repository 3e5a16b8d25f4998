/*
 * The Secure MPU at isolation level 1: the platform's W^X map
 * (armv8m_regions.h, ARMV8M_SECURE_MPU_REGIONS). Levels 2 and 3 have
 * boundary_mpu.c instead.
 */
#include <stddef.h>

#include "arch/armv8m/armv8m_port.h"
#include "armv8m_regions.h"

int armv8m_mpu_init(void)
{
    static const struct armv8m_mpu_region regions[] = ARMV8M_SECURE_MPU_REGIONS;

    return armv8m_mpu_configure(regions, sizeof(regions) / sizeof(regions[0]));
}
