/*
 * The SVC interface of MM-IOVEC (isolation levels 2 and 3, built with
 * PSA_FRAMEWORK_HAS_MM_IOVEC): psa_map_invec() and friends as a partition
 * links them, each an SVC (svc_abi.h) that the SPM answers with
 * spm/mmiovec.c's function (svc_table.c). Like psa_interface_svc.c, code
 * every unprivileged partition may run (an505_s.ld.in's common files).
 */
#include <stddef.h>
#include <stdint.h>

#include "psa/service.h"

#include "spm/backend/ipc/svc_abi.h"

const void *psa_map_invec(psa_handle_t msg_handle, uint32_t invec_idx)
{
    return (const void *)(uintptr_t)WARDEN_SVC(WARDEN_SVC_MAP_INVEC, msg_handle,
                                               invec_idx, 0u, 0u, 0u);
}

void psa_unmap_invec(psa_handle_t msg_handle, uint32_t invec_idx)
{
    (void)WARDEN_SVC(WARDEN_SVC_UNMAP_INVEC, msg_handle, invec_idx, 0u, 0u, 0u);
}

void *psa_map_outvec(psa_handle_t msg_handle, uint32_t outvec_idx)
{
    return (void *)(uintptr_t)WARDEN_SVC(WARDEN_SVC_MAP_OUTVEC, msg_handle,
                                         outvec_idx, 0u, 0u, 0u);
}

void psa_unmap_outvec(psa_handle_t msg_handle, uint32_t outvec_idx, size_t len)
{
    (void)WARDEN_SVC(WARDEN_SVC_UNMAP_OUTVEC, msg_handle, outvec_idx, len, 0u,
                     0u);
}
