/*
 * The floor of every NS operation: a Non-secure callable entry point that
 * does nothing (SG, the branch to it, the register clearing of the
 * cmse_nonsecure_entry return, BXNS). Only the benchmark's secure image has
 * it.
 */
#include <stdint.h>

#include "bench_veneer.h"

__attribute__((cmse_nonsecure_entry, section(".text.warden_veneers"))) uint32_t
warden_bench_floor_veneer(void)
{
    return 0u;
}
