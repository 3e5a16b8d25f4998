/*
 * What the partition-side API files share (spm/service_api.c,
 * spm/mmiovec.c).
 */
#ifndef WARDEN_SPM_SERVICE_API_H
#define WARDEN_SPM_SERVICE_API_H

#include "psa/client.h"
#include "spm/spm.h"

/**
 * The request in flight that @p msg_handle names for @p self, the running
 * partition, once it took it (a request of PSA_IPC_CALL or above), or NULL
 * for an orphan of @p self (a request it took whose client was stopped).
 * Does not return for anything else (spm_panic(@p self), blaming @p call,
 * the PSA function's name), a request still queued for @p self included.
 */
struct spm_req *spm_service_request(psa_handle_t msg_handle,
                                    struct spm_partition *self,
                                    const char *call);

#endif /* WARDEN_SPM_SERVICE_API_H */
