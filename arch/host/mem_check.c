/* arch_check_caller_range() on the host: a region table. */
#include <stdbool.h>
#include <stdio.h>

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
        unsigned long lo;
        unsigned long hi;
        char perms[5];

        if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) != 3) {
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
    fclose(maps);
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
