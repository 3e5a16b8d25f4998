/* Connection slots, stateless requests, and the handles that name them. */
#include "spm/handle.h"

struct spm_conn spm_conns[SPM_CONN_POOL];

void spm_conn_init(void)
{
    for (uint32_t i = 0; i < spm_conn_pool_size(); i++) {
        spm_conns[i].gen = 1u;
        spm_conns[i].slot = (uint8_t)(i + 1u);
        spm_conns[i].state = SPM_CONN_FREE;
        spm_conns[i].rhandle = NULL;
        spm_conns[i].req = NULL;
    }
    for (uint32_t i = 0; i < SPM_NUM_CLIENTS; i++) {
        struct spm_partition *c = spm_client_by_index(i);

        c->sl_req = NULL;
        c->sl_handle = spm_sl_handle_base(c); /* generation 0: none yet */
    }
}

struct spm_conn *spm_conn_alloc(void)
{
    for (uint32_t i = 0; i < spm_conn_pool_size(); i++) {
        if (spm_conns[i].state == SPM_CONN_FREE) {
            return &spm_conns[i];
        }
    }
    return NULL;
}

void spm_conn_free(struct spm_conn *conn)
{
    uint32_t gen = (conn->gen + 1u) & SPM_HANDLE_GEN_MASK;

    /* Only what a later use reads before writing it is reset. */
    conn->state = SPM_CONN_FREE;
    conn->rhandle = NULL;
    conn->req = NULL;
    conn->gen = (gen == 0u) ? 1u : gen;
}

struct spm_conn *spm_conn_from_handle(psa_handle_t handle)
{
    uint32_t h = (uint32_t)handle;
    uint32_t slot = (h & SPM_HANDLE_SLOT_MASK) - 1u; /* wraps for 0 */
    struct spm_conn *conn;

    /* A generation has bits 31..30 clear: a negative or stateless handle
     * never matches one. */
    if (slot >= spm_conn_pool_size()) {
        return NULL;
    }
    conn = &spm_conns[slot];
    if (conn->state == SPM_CONN_FREE ||
        (conn->gen << SPM_HANDLE_GEN_SHIFT) != (h & ~SPM_HANDLE_SLOT_MASK)) {
        return NULL;
    }
    return conn;
}
