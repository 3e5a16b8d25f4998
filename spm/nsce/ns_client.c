#include "spm/nsce/ns_client.h"

#include <stdatomic.h>

#include "spm/nsce/nsce.h"
#include "spm/spm.h"

atomic_flag spm_ns_busy[SPM_NS_AGENTS];
int32_t spm_ns_call_client_id[SPM_NS_AGENTS] = {
    [0 ... SPM_NS_AGENTS - 1] = SPM_NS_CLIENT_ID_LIMIT + 1 + SPM_NS_DEFAULT_NSID
};

bool spm_nsid_valid(int32_t nsid)
{
    return nsid < 0 &&
           nsid >= SPM_NS_CLIENT_ID_BASE - SPM_NS_CLIENT_ID_LIMIT - 1;
}

int32_t spm_nsid_to_client_id(int32_t nsid)
{
    return SPM_NS_CLIENT_ID_LIMIT + 1 + nsid;
}

psa_status_t spm_ns_enter(const struct spm_partition *agent)
{
    uint32_t ctx = spm_ns_ctx_of(agent);
    int32_t nsid;

    /* Test-and-set in one step: an NS handler entering between a test and
     * a set would otherwise get in too. */
    if (atomic_flag_test_and_set(&spm_ns_busy[ctx])) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    nsid = spm_nsce_current_nsid();
    if (!spm_nsid_valid(nsid)) {
        atomic_flag_clear(&spm_ns_busy[ctx]);
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    spm_ns_call_client_id[ctx] = spm_nsid_to_client_id(nsid);
    return PSA_SUCCESS;
}

bool spm_ns_in_call(const struct spm_partition *agent)
{
    /* Set and cleared again: the flag was clear exactly when this set it. */
    uint32_t ctx = spm_ns_ctx_of(agent);

    if (!atomic_flag_test_and_set(&spm_ns_busy[ctx])) {
        atomic_flag_clear(&spm_ns_busy[ctx]);
        return false;
    }
    return true;
}

void spm_ns_client_reset(void)
{
    for (uint32_t c = 0; c < SPM_NS_AGENTS; c++) {
        atomic_flag_clear(&spm_ns_busy[c]);
        spm_ns_call_client_id[c] = spm_nsid_to_client_id(SPM_NS_DEFAULT_NSID);
    }
    spm_nsce_reset();
}
