/*
 * Handles. A connection handle names a slot and the slot's generation, so a
 * closed handle, a stale one (its slot reused since) and a forged one are
 * all refused:
 *
 *   bits 31..30  0
 *   bits 29..8   generation of the slot (22 bits, never 0)
 *   bits  7..0   slot index + 1
 *
 * A stateless handle (generated into psa_manifest/sid.h) is:
 *
 *   bit  31      0
 *   bit  30      1
 *   bits 29..16  0
 *   bits 15..8   the service version the client was built against
 *   bits  7..5   0
 *   bits  4..0   stateless index - 1
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

extern struct spm_conn spm_conns[SPM_NUM_SLOTS];

/** Resets every slot (boot). */
void spm_conn_init(void);

/** A free pool slot for a new connection, or NULL when all are in use. */
struct spm_conn *spm_conn_alloc(void);

/** The stateless-call slot of @p client. */
static inline struct spm_conn *
spm_conn_client_slot(const struct spm_partition *client)
{
    return &spm_conns[WARDEN_CONN_MAX + client->index];
}

/** Returns a slot to the pool: its handle stops being valid. */
void spm_conn_free(struct spm_conn *conn);

/** The handle naming @p conn now (> 0, bit 30 clear). */
static inline psa_handle_t spm_conn_handle(const struct spm_conn *conn)
{
    uint32_t slot = (uint32_t)(conn - spm_conns);

    return (psa_handle_t)((conn->gen << SPM_HANDLE_GEN_SHIFT) | (slot + 1u));
}

/**
 * The slot a handle names, or NULL if it names none in use: 0, negative,
 * stateless, an index out of range, or a generation that is not the slot's.
 * @param pool_only only connection-pool slots (client handles); otherwise
 *                  a client's stateless-call slot too (message handles).
 */
struct spm_conn *spm_conn_from_handle(psa_handle_t handle, bool pool_only);

/** True if @p handle has the stateless indicator (bit 30) and is positive. */
static inline bool spm_handle_is_stateless(psa_handle_t handle)
{
    return handle > 0 && ((uint32_t)handle & SPM_STATELESS_BIT) != 0;
}

#endif /* WARDEN_SPM_HANDLE_H */
