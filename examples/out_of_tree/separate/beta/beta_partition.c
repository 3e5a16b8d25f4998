/*
 * Out-of-tree layout 3: calls the alpha partition, from another folder and
 * another manifest list, through its stateless handle at start-up.
 */
#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/beta_partition.h"
#include "psa_manifest/sid.h"
#include "warden/log.h"

psa_status_t oot_beta_init(void)
{
    char reply[32] = { 0 };
    psa_outvec out[1] = { { reply, sizeof(reply) } };
    psa_status_t status =
        psa_call(OOT_ALPHA_HANDLE, PSA_IPC_CALL, NULL, 0, out, 1);

    warden_log("[oot] TFM_SP_OOT_BETA (layout 3): OOT_ALPHA said \"%s\" "
               "(status %ld)\r\n",
               reply, (long)status);
    return status;
}

psa_status_t oot_beta_sfn(const psa_msg_t *msg)
{
    (void)msg;
    return PSA_SUCCESS;
}
