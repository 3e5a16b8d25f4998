/*
 * An NS image for the MMIO regions: the partition that owns
 * TFM_PERIPHERAL_TIMER0 reads the timer through its Secure alias, and
 * this image then reads the same timer through its Non-secure alias,
 * which the SAU leaves Non-secure and only the timer's PPC refuses: the
 * secure side must report a BusFault (not a SecureFault, which would be
 * the SAU's) and apply the Non-secure fault policy. tests/run_all.py
 * checks the report; this image must never come back from the read.
 */
#include <stdint.h>

#include "ns/ns_log.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/mmio/mmio_test.h"

int ns_main(void)
{
    volatile const uint32_t *ns_timer =
        (volatile const uint32_t *)(uintptr_t)MMIO_TEST_TIMER0_NS;
    psa_status_t st =
        psa_call(MMIO_TIMER0_ID_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0);

    ns_log("%s: mmio/owner_reads_timer0 (CID0 0x%02lx)\r\n",
           st == (psa_status_t)MMIO_TEST_TIMER_CID0 ? "PASS" : "FAIL",
           (unsigned long)st);
    ns_log("NS: reading TIMER0 through its Non-secure alias %p\r\n",
           (const void *)ns_timer);
    ns_log("NS: read 0x%08lx: the access was not stopped\r\n",
           (unsigned long)*ns_timer);
    return 1;
}
