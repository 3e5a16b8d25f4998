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

#include "arch/arch.h"               /* ARCH_ACCESS_* */
#include "arch/armv8m/armv8m_port.h" /* ARMV8M_MPU_* */
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

/* The end of the secure code (vectors and .text), 32-byte aligned:
 * an505_s.ld.in. Read-only data follows it. */
extern const char an505_s_text_end[];

/*
 * The Secure MPU's regions (arch/armv8m/mpu.c), the W^X map of the secure
 * side at isolation level 1: every address the secure image reaches is
 * either writable or executable, never both. In order:
 *
 *   vectors and code (.text)                      read-only, executable
 *   read-only data, the .data load image, the
 *   rest of the code area                         read-only, execute-never
 *   the NSC veneers                               read-only, executable
 *   the rest of SSRAM1's secure alias (unused;
 *   the persistent area)                          read-write, execute-never
 *   the default map's SRAM area 0x2000_0000..
 *   0x3FFF_FFFF: secure data and stacks (SSRAM2),
 *   NS data, the other SRAM aliases               read-write, execute-never
 *   the default map's RAM area 0x6000_0000..
 *   0x9FFF_FFFF (QEMU's PSRAM at 0x8000_0000)      read-write, execute-never
 *
 * Everything else keeps the default memory map (PRIVDEFENA): the
 * peripherals (0x4000_0000..0x5FFF_FFFF), the device areas and the system
 * space are execute-never there already; the rest of the Code area holds
 * no secure memory (the NS alias of SSRAM1: its Secure blocks refused by
 * the MPC, the NS code never executable from Secure state).
 */
#define ARMV8M_SECURE_MPU_REGIONS                                            \
    {                                                                        \
        { AN505_S_CODE_BASE, (uintptr_t)an505_s_text_end - 1u,               \
          ARMV8M_MPU_RO },                                                   \
            { (uintptr_t)an505_s_text_end, AN505_S_NSC_BASE - 1u,            \
              ARMV8M_MPU_RO | ARMV8M_MPU_XN },                               \
            { AN505_S_NSC_BASE, AN505_S_NSC_BASE + AN505_S_NSC_SIZE - 1u,    \
              ARMV8M_MPU_RO },                                               \
            { AN505_S_NSC_BASE + AN505_S_NSC_SIZE,                           \
              AN505_SSRAM1_S_BASE + AN505_SSRAM1_SIZE - 1u, ARMV8M_MPU_XN }, \
            { ARMV8M_DEFAULT_SRAM_BASE, ARMV8M_DEFAULT_SRAM_LIMIT,           \
              ARMV8M_MPU_XN },                                               \
            { ARMV8M_DEFAULT_RAM_BASE, ARMV8M_DEFAULT_RAM_LIMIT,             \
              ARMV8M_MPU_XN },                                               \
    }

/*
 * Isolation levels 2 and 3 (arch/armv8m/boundary_mpu.c): the same W^X map,
 * cut where an505_s.ld.in and the manifest tool's fragments put the
 * unprivileged partitions' code, read-only data and RAM (their symbols
 * below). The port covers the code area from ARMV8M_ISO_CODE_BASE to the
 * NSC veneers and the SRAM area itself, around the running partition's
 * ranges; these are the regions that never change.
 */
extern const char warden_common_text_start[];
extern const char warden_common_text_end[];
extern const char warden_common_rodata_end[];
extern const char warden_unpriv_code_start[];
extern const char warden_unpriv_code_end[];
extern const char warden_unpriv_rodata_start[];
extern const char warden_unpriv_rodata_end[];
extern char warden_unpriv_ram_start[];
extern char warden_unpriv_ram_end[];

#define ARMV8M_ISO_CODE_BASE  AN505_S_CODE_BASE
#define ARMV8M_ISO_CODE_LIMIT AN505_S_NSC_BASE /* one past the last byte */
#define ARMV8M_ISO_STATIC_REGIONS                                           \
    {                                                                       \
        /* the code unprivileged partitions share */                        \
        { (uintptr_t)warden_common_text_start,                              \
          (uintptr_t)warden_common_text_end - 1u,                           \
          ARMV8M_MPU_RO | ARMV8M_MPU_UNPRIV }, /* its read-only data */     \
            {                                                               \
                (uintptr_t)warden_common_text_end,                          \
                (uintptr_t)warden_common_rodata_end - 1u,                   \
                ARMV8M_MPU_RO | ARMV8M_MPU_UNPRIV | ARMV8M_MPU_XN           \
            }, /* the SG stubs: NS may call while a partition's thread,     \
                * unprivileged, is preempted (the veneers then refuse) */   \
            {                                                               \
                AN505_S_NSC_BASE, AN505_S_NSC_BASE + AN505_S_NSC_SIZE - 1u, \
                ARMV8M_MPU_RO | ARMV8M_MPU_UNPRIV                           \
            }, /* from the NSC veneers up to the NS data: the rest of       \
                * SSRAM1, holes, SSRAM2's NS alias (Secure by the SAU) */   \
            { AN505_S_NSC_BASE + AN505_S_NSC_SIZE, AN505_NS_DATA_BASE - 1u, \
              ARMV8M_MPU_XN },                                              \
            { ARMV8M_DEFAULT_RAM_BASE, ARMV8M_DEFAULT_RAM_LIMIT,            \
              ARMV8M_MPU_XN },                                              \
    }

/*
 * Where the port's SRAM regions (around the running partition's RAM)
 * start at levels 2 and 3: past the NS data, which no Secure MPU region
 * covers there, so that a slot can make a mapped NS vector reachable by
 * an unprivileged partition (PMSAv8 faults an access that two regions
 * cover). Privileged code keeps the default map's read-write there, and
 * Secure state cannot execute Non-secure memory at all.
 */
#define ARMV8M_ISO_SRAM_BASE (AN505_NS_DATA_BASE + AN505_NS_DATA_SIZE)
_Static_assert(AN505_NS_DATA_BASE > AN505_SSRAM1_S_BASE + AN505_SSRAM1_SIZE &&
                   ARMV8M_ISO_SRAM_BASE <= AN505_S_DATA_BASE,
               "the NS data lies between SSRAM1 and the secure data");

_Static_assert(AN505_S_DATA_BASE >= ARMV8M_DEFAULT_SRAM_BASE &&
                   AN505_S_DATA_BASE + AN505_S_DATA_SIZE - 1u <=
                       ARMV8M_DEFAULT_SRAM_LIMIT,
               "the secure data lies in the SRAM area's execute-never region");

#endif /* WARDEN_AN505_ARMV8M_REGIONS_H */
