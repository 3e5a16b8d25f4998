/* arch_check_caller_range() on the host: a region table. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "arch/arch.h"
#include "host_mem.h"

struct ns_region {
    uintptr_t base;
    uintptr_t end; /* exclusive */
    uint32_t access;
};

static struct ns_region ns_regions[HOST_MEM_MAX_NS_REGIONS];
static size_t ns_region_count;

int host_mem_add_ns_region(const void *base, size_t size, uint32_t access)
{
    if (ns_region_count == HOST_MEM_MAX_NS_REGIONS) {
        return -1;
    }
    ns_regions[ns_region_count].base = (uintptr_t)base;
    ns_regions[ns_region_count].end = (uintptr_t)base + size;
    ns_regions[ns_region_count].access = access;
    ns_region_count++;
    return 0;
}

void host_mem_reset(void)
{
    ns_region_count = 0;
}

static bool ns_allows(uintptr_t base, uintptr_t end, uint32_t access)
{
    for (size_t i = 0; i < ns_region_count; i++) {
        const struct ns_region *r = &ns_regions[i];

        if (base >= r->base && end <= r->end) {
            return (access & ~r->access) == 0u;
        }
    }
    return false;
}

static bool touches_ns(uintptr_t base, uintptr_t end)
{
    for (size_t i = 0; i < ns_region_count; i++) {
        if (base < ns_regions[i].end && ns_regions[i].base < end) {
            return true;
        }
    }
    return false;
}

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
        return ns_allows(base, end, access);
    }
    return !touches_ns(base, end) && mapped(base, end, access);
}
