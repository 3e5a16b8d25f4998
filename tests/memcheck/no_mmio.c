/*
 * The memcheck image has no partitions, so no MMIO regions: the PPC step
 * of the platform's TrustZone set-up (platform/an505/ppc.c in an image
 * with partitions) has nothing to do.
 */
#include "an505.h"

int an505_ppc_init(void)
{
    return 0;
}
