/* The MMIO test partition: its one service reads an identification
 * register of the timer its manifest names and answers with its value. */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/mmio_partition.h"
#include "tests/partitions/mmio/mmio_test.h"

psa_status_t mmio_timer0_id_sfn(const psa_msg_t *msg)
{
    volatile const uint32_t *cid0 =
        (volatile const uint32_t *)(uintptr_t)(MMIO_TEST_TIMER0_S +
                                               MMIO_TEST_TIMER_CID0_OFFSET);

    (void)msg;
    return (psa_status_t)(*cid0 & 0xFFu);
}
