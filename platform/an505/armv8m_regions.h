/*
 * The AN505's memory regions for arch/armv8m/mem_check.c, as initialisers
 * known at compile time, so that the range check compares with constants
 * instead of walking tables (see arch/armv8m/armv8m_port.h).
 */
#ifndef WARDEN_AN505_ARMV8M_REGIONS_H
#define WARDEN_AN505_ARMV8M_REGIONS_H

#include "memory_map.h"

/* Both images' code and read-only data (the secure one includes the NSC
 * veneers): no caller may name them as an outvec. */
#define ARMV8M_RO_REGIONS                                               \
    {                                                                   \
        { AN505_S_CODE_BASE, AN505_S_NSC_BASE + AN505_S_NSC_SIZE - 1 }, \
            { AN505_NS_CODE_BASE,                                       \
              AN505_NS_CODE_BASE + AN505_NS_CODE_SIZE - 1 },            \
    }

/* What a secure caller may name: the secure image (read-only, above) and
 * secure data. */
#define ARMV8M_SECURE_REGIONS                                                 \
    {                                                                         \
        { AN505_S_CODE_BASE, AN505_S_NSC_BASE + AN505_S_NSC_SIZE - 1 },       \
            { AN505_S_DATA_BASE, AN505_S_DATA_BASE + AN505_S_DATA_SIZE - 1 }, \
    }

#endif /* WARDEN_AN505_ARMV8M_REGIONS_H */
