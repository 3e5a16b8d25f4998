/* Builds the runtime tables from the generated load info at boot. */
#ifndef WARDEN_SPM_LOADER_H
#define WARDEN_SPM_LOADER_H

#include <stdint.h>

#include "spm/handle.h"
#include "spm/spm.h"

/**
 * Checks the load info (an SPM invariant: the manifest tool already
 * validated the manifests) and resets the runtime state. Halts with a
 * message if the load info is inconsistent.
 */
void spm_load(void);

/** The service with @p sid, or NULL. */
const struct warden_service_info *spm_service_by_sid(uint32_t sid);

/** The stateless service at index @p idx (1..32), or NULL. */
static inline const struct warden_service_info *
spm_service_by_stateless_index(uint32_t idx)
{
    uint32_t entry;

    if (idx == 0u || idx > WARDEN_STATELESS_SLOTS) {
        return NULL;
    }
    entry = warden_stateless_services[idx - 1u];
    return (entry == 0u) ? NULL : &warden_services[entry - 1u];
}

#endif /* WARDEN_SPM_LOADER_H */
