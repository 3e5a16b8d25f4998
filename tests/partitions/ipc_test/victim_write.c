/* Victim: psa_write() one byte past the outvec. */
#include <stdint.h>

#include "psa_manifest/victim_write.h"
#include "tests/partitions/ipc_test/victim.h"

void victim_write_main(void)
{
    psa_msg_t msg = victim_take(VICTIM_WRITE_SIGNAL);
    static const uint8_t big[64];

    psa_write(msg.handle, 0, big, msg.out_size[0] + 1u);
}
