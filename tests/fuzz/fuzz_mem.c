/*
 * arch_check_caller_range() for the NS-entry harnesses: the contract of
 * arch/host/mem_check.c, answered faster. The host port reads
 * /proc/self/maps for every range a secure partition names (some 50 us
 * under ASan, most of an NS call's time); here a snapshot of it serves
 * until a range is not found in it, and only a fresh read may refuse. NS
 * ranges are checked against the registered regions exactly as the port
 * does.
 *
 * fuzz_service_api, whose partition names wild and unmapped addresses on
 * purpose, links the port's own check instead.
 */
#include <stdbool.h>
#include <stdio.h>

#include "arch/arch.h"
#include "arch/host/host_mem.h"

#define MAX_MAPS 4096u

struct range {
    uintptr_t base;
    uintptr_t end; /* exclusive */
    uint32_t access;
};

static struct range maps[MAX_MAPS];
static size_t maps_count;

static void read_maps(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];

    maps_count = 0;
    if (f == NULL) {
        return;
    }
    while (maps_count < MAX_MAPS && fgets(line, sizeof(line), f) != NULL) {
        uintptr_t lo;
        uintptr_t hi;
        uint32_t allows;

        if (!host_maps_parse(line, &lo, &hi, &allows) || allows == 0u) {
            continue;
        }
        maps[maps_count].base = lo;
        maps[maps_count].end = hi;
        maps[maps_count].access = allows;
        maps_count++;
    }
    fclose(f);
}

/* [base, end) lies in consecutive snapshot mappings allowing @p access. */
static bool in_maps(uintptr_t base, uintptr_t end, uint32_t access)
{
    uintptr_t covered = base;
    bool progress = true;

    while (covered < end && progress) {
        progress = false;
        for (size_t i = 0; i < maps_count; i++) {
            if (covered >= maps[i].base && covered < maps[i].end &&
                (access & ~maps[i].access) == 0u) {
                covered = maps[i].end;
                progress = true;
                break;
            }
        }
    }
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
    if (host_mem_touches_ns(base, end)) {
        return false; /* a secure caller never names NS memory */
    }
    if (in_maps(base, end, access)) {
        return true;
    }
    read_maps();
    return in_maps(base, end, access);
}
