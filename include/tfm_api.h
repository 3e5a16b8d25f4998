/*
 * The NS client management document's known-client API: an NS RTOS gives the
 * loaded NS context a client identity of its choice, from NS Handler mode (or,
 * with WARDEN_NSCE_PRIVILEGED_THREAD=1, from privileged NS Thread mode, as
 * the tfm_nsce_* calls: tfm_ns_client_ext.h). The status values are the
 * reference's enum tfm_status_e.
 */
#ifndef WARDEN_TFM_API_H
#define WARDEN_TFM_API_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum tfm_status_e {
    TFM_SUCCESS = 0,
    TFM_PARTITION_BUSY = 1,
    TFM_ERROR_SECURE_DOMAIN_LOCKED = 2,
    TFM_ERROR_INVALID_PARAMETER = 3,
    TFM_ERROR_PARTITION_NON_REENTRANT = 4,
    TFM_ERROR_NS_THREAD_MODE_CALL = 5,
    TFM_ERROR_NOT_INITIALIZED = 6,
    TFM_ERROR_NO_ACTIVE_PARTITION = 7,
    TFM_ERROR_INVALID_EXC_MODE = 8,
    TFM_ERROR_NOT_IN_RANGE = 9,
    TFM_SECURE_LOCK_FAILED = 10,
    TFM_SECURE_UNLOCK_FAILED = 11,
    TFM_ERROR_GENERIC = 0x1F,
};

/**
 * Gives the loaded NS context the NSID @p ns_client_id: the NS calls that
 * follow reach services as client ID (-0x3C000000 + 1) + ns_client_id,
 * until the next tfm_nsce_load_ctx() of the context sets another NSID.
 * @return TFM_SUCCESS;
 *         TFM_ERROR_NS_THREAD_MODE_CALL from NS Thread mode (checked first;
 *         with WARDEN_NSCE_PRIVILEGED_THREAD=1 from unprivileged NS Thread
 *         mode only);
 *         TFM_ERROR_INVALID_PARAMETER for a secure (non-negative) ID or one
 *         outside [-65536, -1], which the SPM could not translate;
 *         TFM_ERROR_GENERIC when the NS side manages NSIDs (it called
 *         tfm_nsce_init() or acquired a context) and no context is loaded.
 * Until the NS side manages NSIDs, the ID is that of the single default
 * context (the NS client management document: an NS side that uses this API
 * alone). Built with TFM_NS_MANAGE_NSID=OFF it always returns
 * TFM_ERROR_GENERIC: every NS call uses NSID -1.
 */
enum tfm_status_e tfm_register_client_id(int32_t ns_client_id);

#ifdef __cplusplus
}
#endif

#endif /* WARDEN_TFM_API_H */
