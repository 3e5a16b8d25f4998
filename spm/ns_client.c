#include "spm/ns_client.h"

#include "spm/spm.h"

bool spm_nsid_valid(int32_t nsid)
{
    return nsid < 0 &&
           nsid >= SPM_NS_CLIENT_ID_BASE - SPM_NS_CLIENT_ID_LIMIT - 1;
}

int32_t spm_ns_client_id(void)
{
    return SPM_NS_CLIENT_ID_LIMIT + 1 + SPM_NS_DEFAULT_NSID;
}
