/*
 * The NS agent: the veneers' way into the SPM. It decodes what only the
 * veneer ABI has (the packed control word), refuses a second NS entry while
 * a secure call is in progress, and calls the client API as the NS client.
 */
#include "spm/ns_agent.h"

#include "spm/backend.h"
#include "spm/client_api.h"
#include "spm/loader.h"
#include "spm/log.h"
#include "tfm_psa_call_pack.h"

/* NS may only enter while no secure partition is running (an NS interrupt
 * handler calling a veneer in the middle of a secure call is refused). */
static bool ns_may_enter(void)
{
    return backend_current() == &spm_ns_agent;
}

uint32_t spm_ns_framework_version(void)
{
    return spm_framework_version();
}

uint32_t spm_ns_version(uint32_t sid)
{
    if (!ns_may_enter()) {
        return PSA_VERSION_NONE;
    }
    return spm_version(&spm_ns_agent, sid);
}

psa_handle_t spm_ns_connect(uint32_t sid, uint32_t version)
{
    if (!ns_may_enter()) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    return backend_client_resolve(&spm_ns_agent,
                                  spm_connect(&spm_ns_agent, sid, version));
}

psa_status_t spm_ns_call(psa_handle_t handle, uint32_t ctrl_param,
                         uintptr_t in_vec, uintptr_t out_vec)
{
    /* Bit 31 is the SPM's own marker: NS cannot claim anything with it. */
    uint32_t ctrl = ctrl_param & ~NS_VEC_DESC_BIT;

    if (!ns_may_enter()) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    if ((ctrl & CTRL_RESERVED_MASK) != 0u) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    return backend_client_resolve(
        &spm_ns_agent,
        spm_call(&spm_ns_agent, handle,
                 (int32_t)(int16_t)((ctrl & TYPE_MASK) >> TYPE_OFFSET),
                 spm_uptr(in_vec), (ctrl & IN_LEN_MASK) >> IN_LEN_OFFSET,
                 spm_uptr(out_vec), (ctrl & OUT_LEN_MASK) >> OUT_LEN_OFFSET));
}

psa_status_t spm_ns_close(psa_handle_t handle)
{
    if (!ns_may_enter()) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    return backend_client_resolve(&spm_ns_agent,
                                  spm_close(&spm_ns_agent, handle));
}

void spm_main(void)
{
    warden_log("[Warden] SPM %s backend, isolation level %d, %d partitions\r\n",
               WARDEN_BACKEND_NAME, TFM_ISOLATION_LEVEL, WARDEN_NUM_PARTITIONS);
    spm_load();
    backend_init();
    backend_system_run();
}
