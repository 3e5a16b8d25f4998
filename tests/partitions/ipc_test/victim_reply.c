/* Victim: psa_reply() with a handle of another generation. */
#include "psa_manifest/victim_reply.h"
#include "tests/partitions/ipc_test/victim.h"

void victim_reply_main(void)
{
    psa_msg_t msg = victim_take(VICTIM_REPLY_SIGNAL);

    psa_reply(msg.handle + 0x100, PSA_SUCCESS);
}
