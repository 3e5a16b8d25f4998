/*
 * PSA Firmware Framework for M: secure partition API (FF-M 1.1 §4.4).
 * Every function documents when it does not return: a call that breaks the
 * rules is a programmer error of the partition, handled by the SPM's panic
 * policy (the call does not return).
 */
#ifndef WARDEN_PSA_SERVICE_H
#define WARDEN_PSA_SERVICE_H

#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/error.h"
/* The build's configuration (PSA_FRAMEWORK_HAS_MM_IOVEC), where there is
 * one: code built outside a Warden build may define the option itself. */
#if defined(__has_include)
#if __has_include("warden/config.h")
#include "warden/config.h"
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define PSA_POLL     (0x00000000u)
#define PSA_BLOCK    (0x80000000u)
#define PSA_WAIT_ANY (0xFFFFFFFFu)
#define PSA_DOORBELL (0x00000008u)

#define PSA_IPC_CONNECT    (-1)
#define PSA_IPC_DISCONNECT (-2)

#define PSA_FLIH_NO_SIGNAL ((psa_flih_result_t)0)
#define PSA_FLIH_SIGNAL    ((psa_flih_result_t)1)

typedef uint32_t psa_signal_t;
typedef uint32_t psa_irq_status_t;
typedef uint32_t psa_flih_result_t;

/** A message as a service sees it. */
typedef struct psa_msg_t {
    int32_t type;                  /**< PSA_IPC_CONNECT/DISCONNECT or >= 0 */
    psa_handle_t handle;           /**< message handle for read/write/reply */
    int32_t client_id;             /**< < 0 for NS clients, the PID otherwise */
    void *rhandle;                 /**< set by psa_set_rhandle() */
    size_t in_size[PSA_MAX_IOVEC]; /**< sizes of the client's invecs */
    size_t out_size[PSA_MAX_IOVEC]; /**< capacities of the client's outvecs */
} psa_msg_t;

/* ABI: FF-M's psa_msg_t (48 bytes on a 32-bit target). */
WARDEN_STATIC_ASSERT(offsetof(psa_msg_t, type) == 0, "psa_msg_t.type");
WARDEN_STATIC_ASSERT(offsetof(psa_msg_t, handle) == 4, "psa_msg_t.handle");
WARDEN_STATIC_ASSERT(offsetof(psa_msg_t, client_id) == 8,
                     "psa_msg_t.client_id");
WARDEN_STATIC_ASSERT(offsetof(psa_msg_t, rhandle) ==
                         (sizeof(void *) == 4 ? 12 : 16),
                     "psa_msg_t.rhandle");
WARDEN_STATIC_ASSERT(offsetof(psa_msg_t, in_size) ==
                         offsetof(psa_msg_t, rhandle) + sizeof(void *),
                     "psa_msg_t.in_size");
WARDEN_STATIC_ASSERT(offsetof(psa_msg_t, out_size) ==
                         offsetof(psa_msg_t, in_size) + 4 * sizeof(size_t),
                     "psa_msg_t.out_size");
WARDEN_STATIC_ASSERT(sizeof(psa_msg_t) == (sizeof(void *) == 4 ? 48 : 88),
                     "psa_msg_t size");

/**
 * Copies up to @p num_bytes from invec @p invec_idx, continuing where the
 * last read or skip of that vector stopped.
 * @return the bytes copied; 0 once the vector is exhausted.
 * Does not return on a bad handle, index >= PSA_MAX_IOVEC, a message that is
 * not a request, or a destination the partition may not write.
 */
size_t psa_read(psa_handle_t msg_handle, uint32_t invec_idx, void *buffer,
                size_t num_bytes);

/** Like psa_read() without copying. @return the bytes skipped. */
size_t psa_skip(psa_handle_t msg_handle, uint32_t invec_idx, size_t num_bytes);

/**
 * Appends @p num_bytes to outvec @p outvec_idx. Does not return if they do
 * not fit, or on a bad handle, index or source buffer.
 */
void psa_write(psa_handle_t msg_handle, uint32_t outvec_idx, const void *buffer,
               size_t num_bytes);

/**
 * Completes a message. For SFN services the return value of the secure
 * function is the reply; this symbol is for IPC-model partitions.
 */
void psa_reply(psa_handle_t msg_handle, psa_status_t status);

/**
 * Associates @p rhandle with the connection of @p msg_handle; later
 * messages of that connection carry it in psa_msg_t.rhandle.
 * Does not return for a stateless message or a bad handle.
 */
void psa_set_rhandle(psa_handle_t msg_handle, void *rhandle);

/** Waits for signals (IPC backend). */
psa_signal_t psa_wait(psa_signal_t signal_mask, uint32_t timeout);

/** Gets the message of an asserted service signal (IPC backend). */
psa_status_t psa_get(psa_signal_t signal, psa_msg_t *msg);

/** Sends a doorbell to a partition (IPC backend). */
void psa_notify(int32_t partition_id);

/** Clears this partition's doorbell signal (IPC backend). */
void psa_clear(void);

/** Signals the end of an SLIH interrupt. */
void psa_eoi(psa_signal_t irq_signal);

/** Enables an interrupt of this partition. */
void psa_irq_enable(psa_signal_t irq_signal);

/** Disables an interrupt of this partition. */
psa_irq_status_t psa_irq_disable(psa_signal_t irq_signal);

/** Clears an FLIH interrupt signal. */
void psa_reset_signal(psa_signal_t irq_signal);

#if defined(PSA_FRAMEWORK_HAS_MM_IOVEC) && PSA_FRAMEWORK_HAS_MM_IOVEC
/*
 * MM-IOVEC (only in a build with PSA_FRAMEWORK_HAS_MM_IOVEC, and only for a
 * service whose manifest says `mm_iovec: enable`): the client's own buffer,
 * used in place. A vector is either mapped or used with psa_read(),
 * psa_skip() or psa_write(), never both, and mapped once at most. Every
 * vector still mapped at psa_reply() (an SFN service: when its function
 * returns) is unmapped then; an outvec unmapped so reports 0 bytes written.
 */

/**
 * Maps input vector @p invec_idx of a request.
 * @return a pointer to the client's input buffer, valid until
 *         psa_unmap_invec() or the reply; in_size[invec_idx] bytes.
 * Does not return on a bad handle, a message that is not a request, a
 * service without `mm_iovec: enable`, an index >= PSA_MAX_IOVEC, an empty
 * vector, a vector mapped before, or one already read or skipped.
 */
const void *psa_map_invec(psa_handle_t msg_handle, uint32_t invec_idx);

/**
 * Ends the mapping of input vector @p invec_idx.
 * Does not return on a bad handle or index, or a vector that is not
 * mapped (never mapped, or unmapped already).
 */
void psa_unmap_invec(psa_handle_t msg_handle, uint32_t invec_idx);

/**
 * Maps output vector @p outvec_idx of a request.
 * @return a pointer to the client's output buffer, valid until
 *         psa_unmap_outvec() or the reply; out_size[outvec_idx] bytes.
 * Does not return in the cases of psa_map_invec(), or for a vector already
 * written to with psa_write().
 */
void *psa_map_outvec(psa_handle_t msg_handle, uint32_t outvec_idx);

/**
 * Ends the mapping of output vector @p outvec_idx; the client is told that
 * @p len bytes were written to it.
 * Does not return on a bad handle or index, a vector that is not mapped,
 * or @p len greater than out_size[outvec_idx].
 */
void psa_unmap_outvec(psa_handle_t msg_handle, uint32_t outvec_idx, size_t len);
#endif

/**
 * Reports a fatal error in the calling partition. Never returns: the SPM's
 * panic policy applies.
 */
#if defined(__GNUC__)
__attribute__((noreturn))
#endif
void psa_panic(void);

#ifdef __cplusplus
}
#endif

#endif /* WARDEN_PSA_SERVICE_H */
