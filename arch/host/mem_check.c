/* arch_check_caller_range() on the host: the NS world's region table
 * (host_ns_regions.c), and what this process has mapped for the secure
 * side. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "arch/arch.h"
#include "arch/host/host_mem.h"

/* One line of /proc/self/maps, "lo-hi perms ...": its range and a pointer
 * to its permissions (at least "rw"). False if the line is not like that,
 * or a number does not fit. */
static bool parse_mapping(const char *line, uintptr_t *lo, uintptr_t *hi,
                          const char **perms)
{
    char *next;
    const char *p;

    errno = 0;
    *lo = strtoul(line, &next, 16);
    if (next == line || *next != '-') {
        return false;
    }
    p = next + 1;
    *hi = strtoul(p, &next, 16);
    if (next == p || *next != ' ' || errno != 0) {
        return false;
    }
    *perms = next + 1;
    return (*perms)[0] != '\0' && (*perms)[1] != '\0';
}

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
        const char *perms;

        if (!parse_mapping(line, &lo, &hi, &perms)) {
            continue;
        }
        if (covered < lo || covered >= hi) {
            continue;
        }
        if (perms[0] != 'r' ||
            ((access & ARCH_ACCESS_WRITE) != 0u && perms[1] != 'w')) {
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
