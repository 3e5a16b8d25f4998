/*
 * The hosted NS world's memory (host_mem.h): the table both the host
 * port's range check (mem_check.c) and the fuzzers' faster one
 * (tests/fuzz/fuzz_mem.c) consult.
 */
#include "arch/arch.h"
#include "arch/host/host_mem.h"

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

bool host_mem_ns_allows(uintptr_t base, uintptr_t end, uint32_t access)
{
    for (size_t i = 0; i < ns_region_count; i++) {
        const struct ns_region *r = &ns_regions[i];

        if (base >= r->base && end <= r->end) {
            return (access & ~r->access) == 0u;
        }
    }
    return false;
}

bool host_mem_touches_ns(uintptr_t base, uintptr_t end)
{
    for (size_t i = 0; i < ns_region_count; i++) {
        if (base < ns_regions[i].end && ns_regions[i].base < end) {
            return true;
        }
    }
    return false;
}
