/* Victim: psa_panic(). */
#include "psa_manifest/victim_panic.h"
#include "tests/partitions/ipc_test/victim.h"

void victim_panic_main(void)
{
    (void)victim_take(VICTIM_PANIC_SIGNAL);
    psa_panic();
}
