/*
 * The contract between arch/armv8m and the Armv8-M platform under it,
 * beyond platform/include/platform.h: the platform supplies data (where the
 * Non-secure image starts, which memory a secure caller may name, its SAU
 * regions); the arch supplies the fault handlers and the SAU programming.
 * Only an Armv8-M platform (platform/an505) includes this header.
 */
#ifndef WARDEN_ARMV8M_PORT_H
#define WARDEN_ARMV8M_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/* Exit statuses of runs that end in the port, not in an application. */
#define ARMV8M_EXIT_SECURE_FAULT 70 /* a fault handled by the secure side */
#define ARMV8M_EXIT_NO_NS_IMAGE  72 /* no NS image, or its reset returned */

/* ---- Provided by the platform ------------------------------------------ */

/** Address of the Non-secure image's vector table (initial MSP, reset). */
extern const uintptr_t armv8m_ns_vector_table;

/*
 * The platform's armv8m_regions.h defines two initialisers of
 * struct armv8m_region arrays, so that arch_check_caller_range() compares
 * with constants:
 *
 *  - ARMV8M_NS_REGIONS: the memory the Non-secure side may name (ns=true),
 *    typically its data (ARCH_ACCESS_RW) and its code image
 *    (ARCH_ACCESS_READ).
 *  - ARMV8M_SECURE_REGIONS: the memory a secure caller may name (ns=false),
 *    typically secure data (RW) and the secure image (READ).
 *
 * A range must lie inside one region that allows the access AND pass the
 * TT check. TT alone cannot tell: the system space (the PPB at
 * 0xE000_0000..0xE00F_FFFF, and whatever the IDAU exempts) is exempt from
 * SAU/IDAU attribution, so TTA calls it Non-secure there; the IDAU reports
 * holes, peripherals and the secure alias of memory the MPCs gave to the
 * Non-secure side as Secure; and without an MPU region TT does not know
 * which memory is a read-only image. Regions of one list do not overlap;
 * limits are inclusive.
 */
struct armv8m_region {
    uintptr_t base;
    uintptr_t limit;
    uint32_t access; /* ARCH_ACCESS_READ, or ARCH_ACCESS_RW */
};

/** One SAU region; limit inclusive; base and limit + 1 32-byte aligned. */
struct armv8m_sau_region {
    uintptr_t base;
    uintptr_t limit;
    int nsc; /* 1: Non-secure callable, 0: Non-secure */
};

/* ---- Provided by arch/armv8m ------------------------------------------- */

/**
 * Programs and enables the SAU with @p n regions (everything else is
 * Secure). Returns 0, or -1 when the SAU has fewer than @p n regions.
 */
int armv8m_sau_configure(const struct armv8m_sau_region *regions, size_t n);

/**
 * Called by the fault report once it is printed: if the fault is a secure
 * partition thread's and the panic policy is `terminate`, stops that
 * partition and resumes the next thread (does not return); otherwise
 * returns and the run ends. @p msp is MSP at the handler's entry.
 */
void armv8m_fault_recover(uint32_t exc_return, uint32_t msp);

/* The exception handlers: armv8m/exception_handlers.h. */
#include "armv8m/exception_handlers.h"

#endif /* WARDEN_ARMV8M_PORT_H */
