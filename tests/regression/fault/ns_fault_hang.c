/*
 * An NS image whose call never returns: the secure partition it calls
 * arms the watchdog and hangs (VICTIM_FAULT_WATCHDOG), or raises an NMI
 * (VICTIM_FAULT_NMI): VICTIM_FAULT_HANG_HANDLE names which (CMake). The
 * test driver
 * checks the secure console: the reason of the reset, told at the next
 * boot.
 */
#include "ns_log.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"

int ns_main(void)
{
    ns_log("NS: a call that does not return (handle 0x%08lx)\r\n",
           (unsigned long)VICTIM_FAULT_HANG_HANDLE);
    (void)psa_call(VICTIM_FAULT_HANG_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0);
    ns_log("FAIL: fault/hang: the call returned\r\n");
    return 1;
}
