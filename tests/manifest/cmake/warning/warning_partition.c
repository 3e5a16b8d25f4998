/* Builds with a warning (an unused variable), as user code may. */
#include "psa/service.h"
#include "psa_manifest/warning_partition.h"
#include "tfm_sp_log.h"

psa_status_t oot_warning_init(void)
{
    int unused_on_purpose;

    LOG_INFFMT("[oot] TFM_SP_OOT_WARNING built with a warning, ready\r\n");
    return PSA_SUCCESS;
}

psa_status_t oot_warning_sfn(const psa_msg_t *msg)
{
    (void)msg;
    return PSA_SUCCESS;
}
