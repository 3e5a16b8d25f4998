/*
 * The Non-secure callable entry points of the secure image (the names of the
 * reference). The NS client library (ns/psa_api_ns.c) is built on these; an
 * NS application normally calls the psa/client.h API instead.
 */
#ifndef WARDEN_TFM_VENEERS_H
#define WARDEN_TFM_VENEERS_H

#include <stdint.h>

#include "psa/client.h"

#ifdef __cplusplus
extern "C" {
#endif

uint32_t tfm_psa_framework_version_veneer(void);
uint32_t tfm_psa_version_veneer(uint32_t sid);
psa_handle_t tfm_psa_connect_veneer(uint32_t sid, uint32_t version);
psa_status_t tfm_psa_call_veneer(psa_handle_t handle, uint32_t ctrl_param,
                                 const psa_invec *in_vec, psa_outvec *out_vec);
psa_status_t tfm_psa_close_veneer(psa_handle_t handle);

#ifdef __cplusplus
}
#endif

#endif /* WARDEN_TFM_VENEERS_H */
