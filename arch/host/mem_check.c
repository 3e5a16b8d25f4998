/* arch_check_caller_range() on the host: the NS world's region table
 * (host_ns_regions.c), and what this process has mapped for the secure
 * side. */
#include <stdbool.h>
#include <stdio.h>

#include "arch/arch.h"
#include "arch/host/host_mem.h"

/* True if [base, end) lies in mappings of this process that allow access. */
static bool mapped(uintptr_t base, uintptr_t end, uint32_t access)
{
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[512];
    uintptr_t covered = base;

    if (maps == NULL) {
        return false;
    }
    while (covered < end && fgets(line, sizeof(line), maps) != NULL) {
        uintptr_t lo;
        uintptr_t hi;
        uint32_t allows;

        if (!host_maps_parse(line, &lo, &hi, &allows) || covered < lo ||
            covered >= hi) {
            continue;
        }
        if ((access & ~allows) != 0u || allows == 0u) {
            break;
        }
        covered = hi;
    }
    (void)fclose(maps); /* read only: nothing to flush */
    return covered >= end;
}

bool arch_check_caller_range(bool ns, uintptr_t base, size_t size,
                             uint32_t access)
{
    uintptr_t end;

    if (size == 0u || __builtin_add_overflow(base, size, &end)) {
        return false;
    }
    if (ns) {
        return host_mem_ns_allows(base, end, access);
    }
    return !host_mem_touches_ns(base, end) && mapped(base, end, access);
}

/* Isolation level 1 only: no caller runs unprivileged. */
bool arch_check_unpriv_range(uintptr_t base, size_t size, uint32_t access)
{
    (void)base;
    (void)size;
    (void)access;
    return false;
}
