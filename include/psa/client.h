/*
 * PSA Firmware Framework for M: client API (FF-M 1.1 §4.3).
 * Callable from the Non-secure side (through the veneers) and from secure
 * partitions that list the target service in their `dependencies`.
 */
#ifndef WARDEN_PSA_CLIENT_H
#define WARDEN_PSA_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "psa/error.h"

#if defined(__cplusplus)
#define WARDEN_STATIC_ASSERT static_assert
#else
#define WARDEN_STATIC_ASSERT _Static_assert
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define PSA_FRAMEWORK_VERSION (0x0101u)
#define PSA_VERSION_NONE      (0u)

#define PSA_NULL_HANDLE        ((psa_handle_t)0)
#define PSA_HANDLE_IS_VALID(h) ((psa_handle_t)(h) > 0)
#define PSA_HANDLE_TO_ERROR(h) ((psa_status_t)(h))

#define PSA_MAX_IOVEC     (4u)
#define PSA_IPC_CALL      (0)
#define PSA_CALL_TYPE_MIN (0)
#define PSA_CALL_TYPE_MAX (INT16_MAX)

#define IOVEC_LEN(arr) ((uint32_t)(sizeof(arr) / sizeof((arr)[0])))

typedef int32_t psa_handle_t;
typedef uint32_t rot_size_t;
#define ROT_SIZE_MAX UINT32_MAX

/** A read-only client buffer passed to a service. */
typedef struct psa_invec {
    const void *base; /**< start of the buffer (may be NULL when len is 0) */
    size_t len;       /**< length in bytes */
} psa_invec;

/** A writable client buffer; len is replaced by the bytes written. */
typedef struct psa_outvec {
    void *base; /**< start of the buffer (may be NULL when len is 0) */
    size_t len; /**< in: capacity; out (after psa_call): bytes written */
} psa_outvec;

/* ABI: the vectors cross the NS/S boundary; their layout is fixed. */
WARDEN_STATIC_ASSERT(sizeof(psa_handle_t) == 4, "psa_handle_t is 32 bits");
WARDEN_STATIC_ASSERT(offsetof(psa_invec, base) == 0, "psa_invec.base");
WARDEN_STATIC_ASSERT(offsetof(psa_invec, len) == sizeof(void *),
                     "psa_invec.len");
WARDEN_STATIC_ASSERT(sizeof(psa_invec) == 2 * sizeof(void *), "psa_invec size");
WARDEN_STATIC_ASSERT(offsetof(psa_outvec, base) == 0, "psa_outvec.base");
WARDEN_STATIC_ASSERT(offsetof(psa_outvec, len) == sizeof(void *),
                     "psa_outvec.len");
WARDEN_STATIC_ASSERT(sizeof(psa_outvec) == 2 * sizeof(void *),
                     "psa_outvec size");
WARDEN_STATIC_ASSERT(sizeof(size_t) == sizeof(void *),
                     "size_t is pointer-sized");

/** Returns the FF-M version the SPM implements: PSA_FRAMEWORK_VERSION. */
uint32_t psa_framework_version(void);

/**
 * Returns the version of RoT service @p sid, or PSA_VERSION_NONE if it does
 * not exist or the caller may not reach it.
 */
uint32_t psa_version(uint32_t sid);

/**
 * Opens a connection to a connection-based RoT service.
 * @return a valid handle (> 0); PSA_ERROR_CONNECTION_REFUSED when the SID is
 *         unknown, not allowed for this caller, the version is refused by the
 *         service's version policy, or the service refused;
 *         PSA_ERROR_CONNECTION_BUSY when no connection slot is free;
 *         PSA_ERROR_PROGRAMMER_ERROR for a stateless service. A secure
 *         caller does not return from a programmer error (FF-M panic rule).
 */
psa_handle_t psa_connect(uint32_t sid, uint32_t version);

/**
 * Sends a request on a connection or to a stateless service handle.
 * @param type     PSA_IPC_CALL or a service-defined value in 0..INT16_MAX.
 * @return the service's status (>= 0 success, < 0 error), or
 *         PSA_ERROR_PROGRAMMER_ERROR for a bad handle, type, vector count,
 *         overlapping invecs, or a buffer the caller may not access;
 *         PSA_ERROR_CONNECTION_BUSY when no message slot is free.
 *         On return out_vec[i].len holds the bytes the service wrote.
 */
psa_status_t psa_call(psa_handle_t handle, int32_t type,
                      const psa_invec *in_vec, size_t in_len,
                      psa_outvec *out_vec, size_t out_len);

/**
 * Closes a connection. PSA_NULL_HANDLE is a no-op. A stateless, closed or
 * stale handle is a programmer error.
 */
void psa_close(psa_handle_t handle);

#ifdef __cplusplus
}
#endif

#endif /* WARDEN_PSA_CLIENT_H */
