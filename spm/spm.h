/*
 * The SPM's runtime objects. Everything is a static array sized at build
 * time by the manifest tool (warden_manifest.h) and by warden/config.h.
 */
#ifndef WARDEN_SPM_H
#define WARDEN_SPM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/service.h"
#include "backend_types.h" /* spm/sfn/ or spm/ipc/: the backend's extras */
#include "spm/load_info.h"
#include "spm/umem.h"
#include "warden/config.h"

/* The NS client ID range (the reference's TrustZone agent range). An NSID
 * n in [-65536, -1] reaches services as client ID (LIMIT + 1) + n. */
#define SPM_NS_CLIENT_ID_BASE  (-0x3C00FFFF)
#define SPM_NS_CLIENT_ID_LIMIT (-0x3C000000)
#define SPM_NS_DEFAULT_NSID    (-1)

enum spm_partition_state {
    SPM_PART_UNINIT = 0, /* entry_init not run yet */
    SPM_PART_READY,      /* serving */
    SPM_PART_FAILED,     /* entry_init returned an error: no SFN is called */
    SPM_PART_TERMINATED, /* stopped by the panic policy: serves no more */
};

/* SPM-internal status: the request was delivered and the client must wait
 * for the reply (IPC backend). Never returned to a client. */
#define SPM_STATUS_PENDING ((psa_status_t)-254)

/* A client or a service owner: a secure partition, or the NS agent. */
struct spm_partition {
    const struct warden_partition_info *info; /* NULL for the NS agent */
    uint8_t state;                            /* enum spm_partition_state */
    uint8_t index;                            /* client index: 0 = NS agent */
    struct backend_part be;
};

enum spm_conn_state {
    SPM_CONN_FREE = 0, /* slot unused */
    SPM_CONN_IDLE,     /* connection open, no message in flight */
    SPM_CONN_ACTIVE,   /* a message is being handled by the service */
    SPM_CONN_REPLIED,  /* the service replied; the client has not seen it */
};

/*
 * A connection and the message it carries. Slots [0, WARDEN_CONN_MAX) are
 * the connection pool; slot WARDEN_CONN_MAX + client index is the client's
 * own slot for stateless calls (a client has one call in flight at most).
 */
struct spm_conn {
    uint32_t gen;   /* generation: bumped at every free, part of the handle */
    uint8_t state;  /* enum spm_conn_state */
    uint8_t in_len; /* vectors of the message in flight */
    uint8_t out_len;
    const struct warden_service_info *service;
    struct spm_partition *client;
    void *rhandle;                     /* psa_set_rhandle() */
    spm_uptr_t out_desc;               /* client's psa_outvec array */
    spm_uptr_t in_base[PSA_MAX_IOVEC]; /* from the copied descriptors */
    spm_uptr_t out_base[PSA_MAX_IOVEC];
    size_t in_done[PSA_MAX_IOVEC];  /* bytes read or skipped */
    size_t out_done[PSA_MAX_IOVEC]; /* bytes written */
    psa_msg_t msg; /* msg.client_id: the client's ID when it connected, or
                    * called; compared at every use of a connection */
    struct backend_conn be;
};

#define SPM_NUM_CLIENTS (WARDEN_NUM_PARTITIONS + 1)
#define SPM_NUM_SLOTS   (WARDEN_CONN_MAX + SPM_NUM_CLIENTS)

extern struct spm_partition spm_ns_agent;
extern struct spm_partition spm_partitions[WARDEN_NUM_PARTITIONS + 1];

static inline bool spm_is_ns(const struct spm_partition *p)
{
    return p->info == NULL;
}

/** The partition of a service. */
static inline struct spm_partition *
spm_service_partition(const struct warden_service_info *svc)
{
    return &spm_partitions[svc->partition];
}

#endif /* WARDEN_SPM_H */
