/*
 * Handles. A connection handle names a pool slot and the slot's generation,
 * so a closed handle, a stale one (its slot reused since) and a forged one
 * are all refused:
 *
 *   bits 31..30  0
 *   bits 29..8   generation of the slot (22 bits, never 0)
 *   bits  7..0   slot index + 1 (1..SPM_CONN_POOL)
 *
 * A message handle is the connection's handle for a request on a
 * connection. For a stateless request it names the client and the client's
 * stateless generation (bumped at every stateless request), so only the
 * request in flight is named:
 *
 *   bits 31..30  0
 *   bits 29..8   the client's stateless generation (22 bits, wrapping)
 *   bits  7..0   SPM_CONN_POOL + 1 + client index
 *
 * A stateless handle (generated into psa_manifest/sid.h) is:
 *
 *   bit  31      0
 *   bit  30      1
 *   bits 29..16  0
 *   bits 15..8   the service version the client was built against
 *   bits  7..5   0
 *   bits  4..0   stateless index - 1
 *
 * Generations wrap: a slot's after 2^22 - 1 reuses (never through 0), a
 * client's stateless one after 2^22 requests (through 0, which names the
 * slot alone). A handle that old names its slot again, but reaches nothing
 * its holder could not reach anyway: a client may use a connection only if
 * it opened it, with the same client ID (client_api.c), so it names its own
 * open connection or is refused; a service may use a message handle only
 * for a request of one of its services that it took (service_api.c,
 * backend_req_taken()), so it names a request it holds. Tests:
 * test_client_api.c (a wrapped connection handle), test_handle.c.
 */
#ifndef WARDEN_SPM_HANDLE_H
#define WARDEN_SPM_HANDLE_H

#include <stdbool.h>
#include <stdint.h>

#include "spm/spm.h"

#define SPM_HANDLE_GEN_SHIFT    (8u)
#define SPM_HANDLE_GEN_MASK     (0x3FFFFFu)
#define SPM_HANDLE_SLOT_MASK    (0xFFu)
#define SPM_STATELESS_BIT       (0x40000000u)
#define SPM_STATELESS_VER_SHIFT (8u)
#define SPM_STATELESS_VER_MASK  (0xFFu)
#define SPM_STATELESS_IDX_MASK  (0x1Fu)
#define SPM_STATELESS_RESERVED  (0xBFFF00E0u)
#define SPM_STATELESS_MAX       (32u)

_Static_assert(SPM_NUM_SLOTS <= SPM_HANDLE_SLOT_MASK,
               "slot index + 1 must fit in 8 bits of a handle");

extern struct spm_conn spm_conns[SPM_CONN_POOL];

/** Resets every slot and every client's stateless request (boot). */
void spm_conn_init(void);

/** A free pool slot for a new connection, or NULL when all are in use. */
struct spm_conn *spm_conn_alloc(void);

/** Returns a slot to the pool: its handle stops being valid. */
void spm_conn_free(struct spm_conn *conn);

/** The handle naming @p conn now (> 0, bit 30 clear). */
static inline psa_handle_t spm_conn_handle(const struct spm_conn *conn)
{
    return (psa_handle_t)((conn->gen << SPM_HANDLE_GEN_SHIFT) | conn->slot);
}

/**
 * The pool slot a client handle names, or NULL if it names none in use: 0,
 * negative, stateless, an index out of range, or a generation that is not
 * the slot's.
 */
struct spm_conn *spm_conn_from_handle(psa_handle_t handle);

/** The message handle @p client starts with: its slot, generation 0 (its
 * first stateless request has generation 1). */
static inline uint32_t spm_sl_handle_base(const struct spm_partition *client)
{
    return SPM_CONN_POOL + 1u + client->index;
}

/**
 * Starts a stateless request of @p client: the next generation (22 bits,
 * wrapping), so that the message handle of an earlier request is stale.
 * @return the message handle of the new request (> 0, bit 30 clear).
 */
static inline psa_handle_t spm_sl_start(struct spm_partition *client)
{
    uint32_t h = (client->sl_handle + (1u << SPM_HANDLE_GEN_SHIFT)) &
                 ~(~SPM_HANDLE_GEN_MASK << SPM_HANDLE_GEN_SHIFT);

    client->sl_handle = h;
    return (psa_handle_t)h;
}

/**
 * The request in flight a message handle names: a pool slot's (ACTIVE) or
 * a client's stateless one (while sl_req is set); NULL if it names none:
 * 0, negative, an index out of range, a generation that is not the slot's
 * or the client's, or nothing in flight there.
 */
static inline struct spm_req *spm_req_from_handle(psa_handle_t handle)
{
    uint32_t h = (uint32_t)handle;
    uint32_t slot = (h & SPM_HANDLE_SLOT_MASK) - 1u; /* wraps for 0 */
    uint32_t gen = h & ~SPM_HANDLE_SLOT_MASK; /* bits 31..30 must be 0 too */

    if (slot < spm_conn_pool_size()) {
        const struct spm_conn *conn = &spm_conns[slot];

        if (conn->state != SPM_CONN_ACTIVE ||
            (conn->gen << SPM_HANDLE_GEN_SHIFT) != gen) {
            return NULL;
        }
        return conn->req;
    }
    slot -= SPM_CONN_POOL;
    if (slot < SPM_NUM_CLIENTS) {
        const struct spm_partition *client = spm_client_by_index(slot);

        if (client->sl_handle != h) {
            return NULL;
        }
        return client->sl_req;
    }
    return NULL;
}

/** True if @p handle has the stateless indicator (bit 30) and is positive. */
static inline bool spm_handle_is_stateless(psa_handle_t handle)
{
    return handle > 0 && ((uint32_t)handle & SPM_STATELESS_BIT) != 0;
}

#endif /* WARDEN_SPM_HANDLE_H */
