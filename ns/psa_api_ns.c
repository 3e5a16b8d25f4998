/*
 * The PSA client API on the Non-secure side, over the veneers. Arguments the
 * packed control word cannot carry are refused here, as the reference does;
 * everything else is checked by the SPM.
 */
#include "psa/client.h"
#include "tfm_psa_call_pack.h"
#include "tfm_veneers.h"

uint32_t psa_framework_version(void)
{
    return tfm_psa_framework_version_veneer();
}

uint32_t psa_version(uint32_t sid)
{
    return tfm_psa_version_veneer(sid);
}

psa_handle_t psa_connect(uint32_t sid, uint32_t version)
{
    return tfm_psa_connect_veneer(sid, version);
}

psa_status_t psa_call(psa_handle_t handle, int32_t type,
                      const psa_invec *in_vec, size_t in_len,
                      psa_outvec *out_vec, size_t out_len)
{
    if (type < PSA_CALL_TYPE_MIN || type > PSA_CALL_TYPE_MAX ||
        in_len > PSA_MAX_IOVEC || out_len > PSA_MAX_IOVEC) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    return tfm_psa_call_veneer(handle, PARAM_PACK(type, in_len, out_len),
                               in_vec, out_vec);
}

void psa_close(psa_handle_t handle)
{
    (void)tfm_psa_close_veneer(handle);
}
