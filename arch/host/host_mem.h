/*
 * The hosted memory model: which addresses belong to the Non-secure world.
 * On Linux everything is one process, so the platform registers the NS
 * world's memory (its stack and its read-only data) here; all other mapped
 * memory is secure, and /proc/self/maps tells what is mapped and writable.
 */
#ifndef WARDEN_HOST_MEM_H
#define WARDEN_HOST_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HOST_MEM_MAX_NS_REGIONS 8

/**
 * Registers [base, base + size) as Non-secure memory, accessible as
 * @p access (ARCH_ACCESS_*). @return 0, or -1 when the table is full.
 */
int host_mem_add_ns_region(const void *base, size_t size, uint32_t access);

/** Forgets every NS region (tests). */
void host_mem_reset(void);

/**
 * True if [base, end) lies inside one registered NS region that allows
 * @p access (ARCH_ACCESS_*), the rule for an NS caller.
 */
bool host_mem_ns_allows(uintptr_t base, uintptr_t end, uint32_t access);

/** True if [base, end) shares a byte with a registered NS region. */
bool host_mem_touches_ns(uintptr_t base, uintptr_t end);

/**
 * One line of /proc/self/maps, "lo-hi perms ...": its range [*lo, *hi)
 * and what it allows (*access: ARCH_ACCESS_READ, and ARCH_ACCESS_WRITE if
 * writable; 0 if not readable). False if the line is not like that, or a
 * number does not fit.
 */
bool host_maps_parse(const char *line, uintptr_t *lo, uintptr_t *hi,
                     uint32_t *access);

#endif /* WARDEN_HOST_MEM_H */
