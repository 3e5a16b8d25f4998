/*
 * An NS image that asks the WX test partition for one bad thing (WX_CASE,
 * a case of tests/partitions/wx/wx_bad.h, given at build time): the Secure
 * MPU must stop it with a MemManage fault, reported on the secure console;
 * the `terminate` policy (both backends) stops the partition and the call
 * fails with PSA_ERROR_SERVICE_FAILURE, and this image ends with 0 only
 * then. tests/run_all.py checks both.
 */
#include "ns/ns_log.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"

int ns_main(void)
{
    psa_status_t st;

    ns_log("NS: W^X case %d\r\n", WX_CASE);
    st = psa_call(WX_BAD_HANDLE, WX_CASE, NULL, 0, NULL, 0);
    ns_log("NS: W^X case %d returned %ld%s\r\n", WX_CASE, (long)st,
           st == PSA_SUCCESS ? ": not stopped" : "");
    return st == PSA_ERROR_SERVICE_FAILURE ? 0 : 1;
}
