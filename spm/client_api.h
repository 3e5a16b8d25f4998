/*
 * The client API of FF-M, for any caller (the NS agent or a secure
 * partition). Each entry point decodes and checks everything first (and may
 * fail), then commits (and cannot fail for the caller's reasons). Errors
 * pass through spm_programmer_error(): a secure caller's programmer error
 * does not return.
 */
#ifndef WARDEN_SPM_CLIENT_API_H
#define WARDEN_SPM_CLIENT_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/service.h"
#include "spm/nsce/ns_client.h"
#include "spm/spm.h"

/** PSA_FRAMEWORK_VERSION. */
uint32_t spm_framework_version(void);

/** The version of @p sid, or PSA_VERSION_NONE if unknown or not allowed. */
uint32_t spm_version(struct spm_partition *caller, uint32_t sid);

/*
 * spm_connect(), spm_call() and spm_close() take the storage of the request
 * from their caller, @p req (spm/spm.h, struct spm_req): on the caller's
 * own stack, in place until the request completes (until these return, or
 * under the IPC backend until the caller's spm_client_finish() returns),
 * and not on the SPM's own stack. A request refused before delivery leaves
 * it unused.
 */

/** psa_connect(); see psa/client.h for the statuses. */
psa_handle_t spm_connect(struct spm_partition *caller, struct spm_req *req,
                         uint32_t sid, uint32_t version);

/**
 * psa_call() with the values as the caller gave them. @p type must be in
 * 0..PSA_CALL_TYPE_MAX; see psa/client.h and spm/iovec.h for the statuses.
 * A stateless call while the caller's stateless request is in flight gets
 * PSA_ERROR_CONNECTION_BUSY.
 */
psa_status_t spm_call(struct spm_partition *caller, struct spm_req *req,
                      psa_handle_t handle, int32_t type, spm_uptr_t in_vec,
                      size_t in_len, spm_uptr_t out_vec, size_t out_len);

/**
 * psa_close(). @return PSA_SUCCESS (also for PSA_NULL_HANDLE), or
 * PSA_ERROR_PROGRAMMER_ERROR for a stateless, unknown, stale, foreign or
 * busy handle.
 */
psa_status_t spm_close(struct spm_partition *caller, struct spm_req *req,
                       psa_handle_t handle);

/**
 * Under the IPC backend spm_connect(), spm_call() and spm_close() return
 * SPM_STATUS_PENDING once the message is delivered: the caller's thread then
 * waits for the reply and calls this to get what the client API returns; it
 * finds the request again through the caller (its storage still in place).
 */
psa_status_t spm_client_finish(struct spm_partition *caller);

/**
 * What a request gets from a partition that does not serve (its
 * initialisation failed, or it was terminated): a connect
 * PSA_ERROR_CONNECTION_REFUSED, a call PSA_ERROR_SERVICE_FAILURE, a
 * disconnect PSA_SUCCESS.
 */
static inline psa_status_t spm_not_serving(int32_t type)
{
    if (type == PSA_IPC_CONNECT) {
        return PSA_ERROR_CONNECTION_REFUSED;
    }
    if (type == PSA_IPC_DISCONNECT) {
        return PSA_SUCCESS;
    }
    return PSA_ERROR_SERVICE_FAILURE;
}

/**
 * True if a service may answer a connect with @p status: PSA_SUCCESS,
 * PSA_ERROR_CONNECTION_REFUSED or PSA_ERROR_CONNECTION_BUSY (FF-M's
 * psa_reply()). Each backend stops a service that replies anything else.
 */
static inline bool spm_connect_reply_ok(psa_status_t status)
{
    return status == PSA_SUCCESS || status == PSA_ERROR_CONNECTION_REFUSED ||
           status == PSA_ERROR_CONNECTION_BUSY;
}

/** The client ID services see for @p caller (< 0 for NS). */
static inline int32_t spm_client_id(const struct spm_partition *caller)
{
    return spm_is_ns(caller) ? spm_ns_client_id(caller) : caller->info->pid;
}

#endif /* WARDEN_SPM_CLIENT_API_H */
