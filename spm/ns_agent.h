/*
 * Entry points of the SPM for calls from the Non-secure side. The veneers
 * (the rows of include/warden/ns_abi.h, made into arch/armv8m/veneers.c and
 * arch/host/veneers.c) call these and nothing else;
 * pointers from NS arrive as plain integers and are only ever dereferenced
 * after spm/ checked them.
 */
#ifndef WARDEN_SPM_NS_AGENT_H
#define WARDEN_SPM_NS_AGENT_H

#include <stdint.h>

#include "psa/client.h"

/** PSA_FRAMEWORK_VERSION, always (it names no client). */
uint32_t spm_ns_framework_version(void);

/*
 * The others first refuse a call that cannot start (spm/nsce/ns_client.h,
 * spm_ns_enter()): while a secure partition runs or another NS call is in
 * progress, connect, call and close return PSA_ERROR_CONNECTION_BUSY; while
 * the NS side manages NSIDs (NSCE) with no context loaded, they return
 * PSA_ERROR_PROGRAMMER_ERROR; spm_ns_version() returns PSA_VERSION_NONE for
 * both. spm_ns_call() also refuses a control word with reserved bits set
 * (PSA_ERROR_PROGRAMMER_ERROR; bit 31 is ignored). Otherwise each is the
 * client API of spm/client_api.h, for the NS client.
 */
uint32_t spm_ns_version(uint32_t sid);
psa_handle_t spm_ns_connect(uint32_t sid, uint32_t version);
psa_status_t spm_ns_call(psa_handle_t handle, uint32_t ctrl_param,
                         uintptr_t in_vec, uintptr_t out_vec);
psa_status_t spm_ns_close(psa_handle_t handle);

/**
 * The secure side's main, called by the platform's reset code once the C
 * runtime, the console and the TrustZone set-up are done. Loads the
 * partitions, runs their initialisation and starts the NS image.
 */
__attribute__((noreturn)) void spm_main(void);

#endif /* WARDEN_SPM_NS_AGENT_H */
