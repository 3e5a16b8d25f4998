/* Orphans of the IPC backend: found by their message handle, ended. */
#include "spm/backend/ipc/orphan.h"
#include "spm/backend.h"
#include "spm/handle.h"

/* The orphan @p handle names, whoever its service is. */
static bool find(psa_handle_t handle, struct spm_orphan *o)
{
    uint32_t h = (uint32_t)handle;
    uint32_t slot = (h & SPM_HANDLE_SLOT_MASK) - 1u; /* wraps for 0 */
    uint32_t gen = h & ~SPM_HANDLE_SLOT_MASK;

    if (slot < spm_conn_pool_size()) {
        struct spm_conn *conn = &spm_conns[slot];

        if ((conn->state != SPM_CONN_ORPHAN &&
             conn->state != SPM_CONN_ORPHAN_CONNECT) ||
            (conn->gen << SPM_HANDLE_GEN_SHIFT) != gen) {
            return false;
        }
        o->connect = conn->state == SPM_CONN_ORPHAN_CONNECT;
        o->conn = conn;
        o->client = spm_client_by_index(conn->client);
        o->service = &warden_services[conn->service];
        return true;
    }
    slot -= SPM_CONN_POOL;
    if (slot < SPM_NUM_CLIENTS) {
        struct spm_partition *client = spm_client_by_index(slot);

        if (client->be_small.sl_orphan == 0u || client->sl_handle != h) {
            return false;
        }
        o->conn = NULL;
        o->connect = false;
        o->client = client;
        o->service = &warden_services[client->be_small.sl_orphan - 1u];
        return true;
    }
    return false;
}

void spm_orphan_free(const struct spm_orphan *o)
{
    if (o->conn != NULL) {
        spm_conn_free(o->conn);
    } else {
        o->client->be_small.sl_orphan = 0u;
    }
}

bool spm_orphan_from_handle(psa_handle_t handle,
                            const struct spm_partition *self,
                            struct spm_orphan *o)
{
    return find(handle, o) && spm_service_partition(o->service) == self;
}
