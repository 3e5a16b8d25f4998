/*
 * Completion for an inactive NS context, not built
 * (WARDEN_NS_COMPLETION_IRQ=OFF; spm/ns_completion.h): every NS call waits
 * for its reply in the secure side, and the NS entry points refuse.
 * spm_ns_reqs and spm_ns_deferred_set are never used (the inline helpers
 * fold away); they are defined so that an unoptimised build links.
 */
#include "spm/ns_completion.h"

#include "tfm_ns_client_ext.h"

struct spm_req spm_ns_reqs[1];
uint32_t spm_ns_deferred_set;

psa_status_t spm_ns_completion_defer(struct spm_partition *agent,
                                     psa_status_t status)
{
    return backend_client_resolve(agent, status);
}

void spm_ns_completion_leave(void)
{
    backend_ns_end();
}

void spm_ns_completion_post(const struct spm_partition *client)
{
    (void)client;
}

void spm_ns_completion_forget(uint32_t ctx)
{
    (void)ctx;
}

uint32_t spm_ns_completion_enable(uint32_t on)
{
    (void)on;
    return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
}

uint32_t spm_ns_completion_take(void)
{
    return 0u;
}

psa_status_t spm_ns_completion_finish(void)
{
    return PSA_ERROR_PROGRAMMER_ERROR;
}
