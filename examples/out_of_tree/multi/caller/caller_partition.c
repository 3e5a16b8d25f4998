/*
 * Out-of-tree layout 2: a secure client. At start-up (it loads after the
 * greeter it depends on, although its priority is higher) it makes the
 * test call of TF-M's guide "Adding Secure Partition" and prints what came
 * back.
 */
#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/caller_partition.h"
#include "psa_manifest/sid.h"
#include "warden/log.h"

psa_status_t oot_caller_init(void)
{
    char str1[] = "str1";
    char str2[] = "str2";
    char str3[32] = { 0 };
    char str4[32] = { 0 };
    psa_invec invecs[2] = { { str1, sizeof(str1) }, { str2, sizeof(str2) } };
    psa_outvec outvecs[2] = { { str3, sizeof(str3) }, { str4, sizeof(str4) } };
    psa_handle_t handle = psa_connect(OOT_GREETER_SID, OOT_GREETER_VERSION);
    psa_status_t status;

    if (!PSA_HANDLE_IS_VALID(handle)) {
        warden_log("[oot] TFM_SP_OOT_CALLER: psa_connect = %ld\r\n",
                   (long)handle);
        return PSA_ERROR_GENERIC_ERROR;
    }
    status = psa_call(handle, PSA_IPC_CALL, invecs, 2, outvecs, 2);
    psa_close(handle);
    warden_log("[oot] TFM_SP_OOT_CALLER (layout 2): OOT_GREETER said \"%s\", "
               "\"%s\" (status %ld)\r\n",
               str3, str4, (long)status);
    return status;
}

psa_status_t oot_caller_sfn(const psa_msg_t *msg)
{
    (void)msg;
    return PSA_SUCCESS;
}
