/* Victim: psa_wait() on a signal it does not own. */
#include "psa_manifest/victim_wait.h"
#include "tests/partitions/ipc_test/victim.h"

void victim_wait_main(void)
{
    (void)victim_take(VICTIM_WAIT_SIGNAL);
    (void)psa_wait(0x40000000u, PSA_BLOCK);
}
