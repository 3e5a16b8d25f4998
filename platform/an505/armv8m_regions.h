/*
 * The AN505's memory regions for arch/armv8m/mem_check.c, as initialisers
 * known at compile time, so that the range check compares with constants
 * instead of walking tables (see arch/armv8m/armv8m_port.h). Every other
 * address — the system space from 0xE000_0000 (PPB, vendor area), the
 * peripherals, the persistent area, the holes between the SRAMs — is memory
 * no caller may name, whatever the TT instruction says about it.
 */
#ifndef WARDEN_AN505_ARMV8M_REGIONS_H
#define WARDEN_AN505_ARMV8M_REGIONS_H

#include "arch/arch.h" /* ARCH_ACCESS_* */
#include "memory_map.h"

/* What the Non-secure side may name (ns=true): its data (first: most
 * vectors live there) and its code image, read-only. */
#define ARMV8M_NS_REGIONS                                                      \
    {                                                                          \
        { AN505_NS_DATA_BASE, AN505_NS_DATA_BASE + AN505_NS_DATA_SIZE - 1,     \
          ARCH_ACCESS_RW },                                                    \
            { AN505_NS_CODE_BASE, AN505_NS_CODE_BASE + AN505_NS_CODE_SIZE - 1, \
              ARCH_ACCESS_READ },                                              \
    }

/* What a secure caller may name (ns=false): secure data, and the secure
 * image (code, read-only data and the NSC veneers), read-only. */
#define ARMV8M_SECURE_REGIONS                                             \
    {                                                                     \
        { AN505_S_DATA_BASE, AN505_S_DATA_BASE + AN505_S_DATA_SIZE - 1,   \
          ARCH_ACCESS_RW },                                               \
            { AN505_S_CODE_BASE, AN505_S_NSC_BASE + AN505_S_NSC_SIZE - 1, \
              ARCH_ACCESS_READ },                                         \
    }

#endif /* WARDEN_AN505_ARMV8M_REGIONS_H */
