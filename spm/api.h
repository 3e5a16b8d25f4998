/*
 * The PSA API as the SPM implements it, under the names the partitions
 * reach it by. At isolation level 1 a partition calls these functions
 * directly (the cross-call interface, spm/backend/ipc/psa_interface_ipc.c,
 * and the service API of spm/service_api.c). At levels 2 and 3 the
 * partitions' psa_* symbols are SVC stubs (psa_interface_svc.c) and these
 * functions, renamed spm_api_psa_*, are what the SVC table
 * (spm/backend/ipc/svc_table.c) runs for them, privileged.
 */
#ifndef WARDEN_SPM_API_H
#define WARDEN_SPM_API_H

#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/service.h"
#include "warden/config.h"

#if TFM_ISOLATION_LEVEL > 1
#define SPM_API(name) spm_api_##name
#else
#define SPM_API(name) name
#endif

uint32_t SPM_API(psa_framework_version)(void);
uint32_t SPM_API(psa_version)(uint32_t sid);
psa_handle_t SPM_API(psa_connect)(uint32_t sid, uint32_t version);
psa_status_t SPM_API(psa_call)(psa_handle_t handle, int32_t type,
                               const psa_invec *in_vec, size_t in_len,
                               psa_outvec *out_vec, size_t out_len);
void SPM_API(psa_close)(psa_handle_t handle);
psa_signal_t SPM_API(psa_wait)(psa_signal_t signal_mask, uint32_t timeout);
psa_status_t SPM_API(psa_get)(psa_signal_t signal, psa_msg_t *msg);
void SPM_API(psa_reply)(psa_handle_t msg_handle, psa_status_t status);
void SPM_API(psa_notify)(int32_t partition_id);
void SPM_API(psa_clear)(void);
void SPM_API(psa_eoi)(psa_signal_t irq_signal);
void SPM_API(psa_irq_enable)(psa_signal_t irq_signal);
psa_irq_status_t SPM_API(psa_irq_disable)(psa_signal_t irq_signal);
void SPM_API(psa_reset_signal)(psa_signal_t irq_signal);
size_t SPM_API(psa_read)(psa_handle_t msg_handle, uint32_t invec_idx,
                         void *buffer, size_t num_bytes);
size_t SPM_API(psa_skip)(psa_handle_t msg_handle, uint32_t invec_idx,
                         size_t num_bytes);
void SPM_API(psa_write)(psa_handle_t msg_handle, uint32_t outvec_idx,
                        const void *buffer, size_t num_bytes);
void SPM_API(psa_set_rhandle)(psa_handle_t msg_handle, void *rhandle);
void SPM_API(psa_panic)(void);
uint32_t SPM_API(psa_rot_lifecycle_state)(void);
/* MM-IOVEC (spm/mmiovec.c): defined only with PSA_FRAMEWORK_HAS_MM_IOVEC. */
const void *SPM_API(psa_map_invec)(psa_handle_t msg_handle, uint32_t invec_idx);
void SPM_API(psa_unmap_invec)(psa_handle_t msg_handle, uint32_t invec_idx);
void *SPM_API(psa_map_outvec)(psa_handle_t msg_handle, uint32_t outvec_idx);
void SPM_API(psa_unmap_outvec)(psa_handle_t msg_handle, uint32_t outvec_idx,
                               size_t len);

#endif /* WARDEN_SPM_API_H */
