/* Victim: psa_read() of invec 5. */
#include <stdint.h>

#include "psa_manifest/victim_read.h"
#include "tests/partitions/ipc_test/victim.h"

void victim_read_main(void)
{
    psa_msg_t msg = victim_take(VICTIM_READ_SIGNAL);
    uint8_t buf[4];

    (void)psa_read(msg.handle, 5, buf, sizeof(buf));
}
