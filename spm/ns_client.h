/*
 * Who the Non-secure caller is. Without TFM_NS_MANAGE_NSID every NS call
 * uses NSID -1; the NSID is translated into the NS client-ID range.
 */
#ifndef WARDEN_SPM_NS_CLIENT_H
#define WARDEN_SPM_NS_CLIENT_H

#include <stdbool.h>
#include <stdint.h>

/** True if @p nsid can be translated (it lies in [-65536, -1]). */
bool spm_nsid_valid(int32_t nsid);

/** The client ID of the current NS caller, as services see it (< 0). */
int32_t spm_ns_client_id(void);

#endif /* WARDEN_SPM_NS_CLIENT_H */
