/*
 * NSCE with TFM_NS_MANAGE_NSID=OFF: there are no NS client contexts. The
 * veneers exist, so that an NS image built for NSCE still links and learns
 * at run time that it is not available; every NS call uses NSID -1.
 */
#include "spm/nsce/nsce.h"

#include "spm/spm.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"

void spm_nsce_reset(void)
{
}

/* Never changes: without NSCE every NS call has the default NSID. */
volatile int32_t spm_nsce_nsid = SPM_NS_DEFAULT_NSID;

uint32_t spm_nsce_init(uint32_t ctx_requested)
{
    (void)ctx_requested;
    return 0u;
}

uint32_t spm_nsce_acquire(uint32_t group_id, uint32_t thread_id)
{
    (void)group_id;
    (void)thread_id;
    return TFM_NS_CLIENT_INVALID_TOKEN;
}

uint32_t spm_nsce_release(uint32_t token)
{
    (void)token;
    return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
}

uint32_t spm_nsce_load(uint32_t token, int32_t nsid)
{
    (void)token;
    (void)nsid;
    return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
}

uint32_t spm_nsce_load_priority(uint32_t token, int32_t nsid, uint32_t priority)
{
    (void)priority;
    return spm_nsce_load(token, nsid);
}

uint32_t spm_nsce_save(uint32_t token)
{
    (void)token;
    return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
}

int32_t spm_nsce_register_client_id(int32_t nsid)
{
    (void)nsid;
    return TFM_ERROR_GENERIC;
}
