/* Connection and message slots, and the handles that name them. */
#include "spm/handle.h"

struct spm_conn spm_conns[SPM_NUM_SLOTS];

void spm_conn_init(void)
{
    /* Free, no owner, first generation; the message fields are written
     * before any use reads them. */
    for (uint32_t i = 0; i < SPM_NUM_SLOTS; i++) {
        spm_conns[i].gen = 1u;
        spm_conns[i].state = SPM_CONN_FREE;
        spm_conns[i].service = NULL;
        spm_conns[i].client = NULL;
        spm_conns[i].rhandle = NULL;
    }
}

struct spm_conn *spm_conn_alloc(void)
{
    for (uint32_t i = 0; i < WARDEN_CONN_MAX; i++) {
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
    conn->gen = (gen == 0u) ? 1u : gen;
}

struct spm_conn *spm_conn_from_handle(psa_handle_t handle, bool pool_only)
{
    uint32_t h = (uint32_t)handle;
    uint32_t limit = pool_only ? WARDEN_CONN_MAX : SPM_NUM_SLOTS;
    uint32_t slot;
    struct spm_conn *conn;

    if (handle <= 0 || (h & SPM_STATELESS_BIT) != 0u) {
        return NULL;
    }
    slot = h & SPM_HANDLE_SLOT_MASK;
    if (slot == 0u || slot > limit) {
        return NULL;
    }
    conn = &spm_conns[slot - 1u];
    if (conn->state == SPM_CONN_FREE ||
        conn->gen != (h >> SPM_HANDLE_GEN_SHIFT)) {
        return NULL;
    }
    return conn;
}
