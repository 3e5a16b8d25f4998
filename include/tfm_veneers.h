/*
 * The Non-secure callable entry points of the secure image (the names of the
 * reference). The NS client library (ns/psa_api_ns.c) is built on these; an
 * NS application normally calls the psa/client.h API instead.
 *
 * Declared from the rows of warden/ns_abi.h whose client is VIA(...), one
 * declaration each, as there: for instance
 *   psa_status_t tfm_psa_call_veneer(psa_handle_t handle,
 *                                    uint32_t ctrl_param,
 *                                    const psa_invec *in_vec,
 *                                    psa_outvec *out_vec);
 * tfm_psa_framework_version_veneer(), tfm_psa_version_veneer(),
 * tfm_psa_connect_veneer(), tfm_psa_call_veneer() and
 * tfm_psa_close_veneer() are each the psa/client.h function of the same
 * name, for the NS client, with the control word of tfm_psa_call_pack.h.
 * The NSCE entries (tfm_nsce_*) are declared in tfm_ns_client_ext.h, the
 * known-client one (tfm_register_client_id) in tfm_api.h.
 */
#ifndef WARDEN_TFM_VENEERS_H
#define WARDEN_TFM_VENEERS_H

#include <stdint.h>

#include "psa/client.h"
#include "warden/ns_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

#define WARDEN_TFM_VENEER(name, ret, args, body, runs, fixed, word, client) \
    WARDEN_TFM_VENEER_##client(name, ret, args)
#define WARDEN_TFM_VENEER_VIA(client_fn) NS_ABI_DECLARE
#define WARDEN_TFM_VENEER_DIRECT(name, ret, args)

WARDEN_NS_ABI(WARDEN_TFM_VENEER)

#ifdef __cplusplus
}
#endif

#endif /* WARDEN_TFM_VENEERS_H */
