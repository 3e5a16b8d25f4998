/*
 * An NS image for the SVC from Handler mode (isolation level 2): it asks
 * the PSA-RoT helper to start the secure SysTick, whose handler makes an
 * SVC (tests/partitions/isolation/iso_psa_tick.h). The SVC interface must
 * refuse it as a fault of the SPM, which the default policy answers with
 * a reset; tests/run_all.py checks the report and the reset told at the
 * next boot. This image must never get to its last line.
 */
#include <stdint.h>

#include "ns/ns_log.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/isolation/iso_test.h"

/* Instructions to wait for the tick (one every 2,000 cycles) to fire. */
#define WAIT_LOOPS 1000000u

int ns_main(void)
{
    psa_status_t st =
        psa_call(ISO_PSA_HANDLE, ISO_TYPE_PSA_TICK, NULL, 0, NULL, 0);

    ns_log("NS: the secure SysTick started (%ld)\r\n", (long)st);
    for (volatile uint32_t i = 0u; i < WAIT_LOOPS; i++) {
    }
    ns_log("NS: the SysTick's SVC was not refused\r\n");
    return 1;
}
