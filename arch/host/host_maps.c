/*
 * One line of /proc/self/maps, read for the host's range checks: the port's
 * (mem_check.c) and the fuzzers' snapshot of it (tests/fuzz/fuzz_mem.c).
 */
#include <errno.h>
#include <stdlib.h>

#include "arch/arch.h"
#include "arch/host/host_mem.h"

bool host_maps_parse(const char *line, uintptr_t *lo, uintptr_t *hi,
                     uint32_t *access)
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
    if (next == p || *next != ' ' || errno != 0 || next[1] == '\0' ||
        next[2] == '\0') {
        return false;
    }
    *access = 0u;
    if (next[1] == 'r') {
        *access = ARCH_ACCESS_READ | (next[2] == 'w' ? ARCH_ACCESS_WRITE : 0u);
    }
    return true;
}
