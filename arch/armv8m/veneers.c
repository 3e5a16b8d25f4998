/*
 * The Non-secure callable entry points (names of include/tfm_veneers.h).
 * Each one only forwards to spm/ns_agent.h: NS pointers become plain
 * integers here, and spm/ checks them before any use.
 */
#include <stdint.h>

#include "spm/ns_agent.h"
#include "tfm_veneers.h"

/* The linker script keeps this section, so --gc-sections never drops an
 * entry point whose only user is the Non-secure image. */
#define WARDEN_VENEER \
    __attribute__((cmse_nonsecure_entry, section(".text.warden_veneers")))

WARDEN_VENEER uint32_t tfm_psa_framework_version_veneer(void)
{
    return spm_ns_framework_version();
}

WARDEN_VENEER uint32_t tfm_psa_version_veneer(uint32_t sid)
{
    return spm_ns_version(sid);
}

WARDEN_VENEER psa_handle_t tfm_psa_connect_veneer(uint32_t sid,
                                                  uint32_t version)
{
    return spm_ns_connect(sid, version);
}

WARDEN_VENEER psa_status_t tfm_psa_call_veneer(psa_handle_t handle,
                                               uint32_t ctrl_param,
                                               const psa_invec *in_vec,
                                               psa_outvec *out_vec)
{
    return spm_ns_call(handle, ctrl_param, (uintptr_t)in_vec,
                       (uintptr_t)out_vec);
}

WARDEN_VENEER psa_status_t tfm_psa_close_veneer(psa_handle_t handle)
{
    return spm_ns_close(handle);
}
