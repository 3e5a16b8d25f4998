/*
 * Entry points of the SPM for calls from the Non-secure side. The veneers
 * (arch/armv8m/veneers.c, arch/host/veneers.c) call these and nothing else;
 * pointers from NS arrive as plain integers and are only ever dereferenced
 * after spm/ checked them.
 */
#ifndef WARDEN_SPM_NS_AGENT_H
#define WARDEN_SPM_NS_AGENT_H

#include <stdint.h>

#include "psa/client.h"

uint32_t spm_ns_framework_version(void);
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
