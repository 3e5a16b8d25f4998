/* Victim: psa_get() of a signal that is no longer raised. */
#include "psa_manifest/victim_get.h"
#include "tests/partitions/ipc_test/victim.h"

void victim_get_main(void)
{
    psa_msg_t msg = victim_take(VICTIM_GET_SIGNAL);

    (void)psa_get(VICTIM_GET_SIGNAL, &msg);
}
