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
#include "spm/load_info.h"
#include "spm/mmio.h"
#include "spm/umem.h"
#include "warden/config.h"
/* spm/backend/<backend>/backend_types.h: the backend's extras. */
#include WARDEN_BACKEND_TYPES_H

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

struct spm_req;

/* A client or a service owner: a secure partition, or the NS agent. */
struct spm_partition {
    const struct warden_partition_info *info; /* NULL for the NS agent */
    uint8_t state;                            /* enum spm_partition_state */
    uint8_t index;                            /* client index: 0 = NS agent */
    struct backend_part_small be_small; /* the backend's bytes: in padding */
    /* Its stateless request in flight (a client has one request in flight
     * at most), while the service may use its message handle: NULL when
     * none, once replied (IPC) and for an orphan. */
    struct spm_req *sl_req;
    /* The message handle of its latest stateless request: its index after
     * the pool slots, and a generation bumped at every such request. */
    uint32_t sl_handle;
    struct backend_part be;
};

enum spm_conn_state {
    SPM_CONN_FREE = 0, /* slot unused */
    SPM_CONN_IDLE,     /* connection open, no message in flight */
    SPM_CONN_ACTIVE,   /* a message is being handled by the service */
    SPM_CONN_REPLIED,  /* the service replied; the client has not seen it */
    SPM_CONN_ORPHAN,   /* taken by the service, its client stopped (IPC) */
    SPM_CONN_ORPHAN_CONNECT, /* the same, for a connect */
};

/*
 * A connection: only what outlives a request. The pool has a slot per
 * connection (none when the manifest declares no connection-based
 * service); a request in flight lives in its client's struct spm_req.
 */
struct spm_conn {
    uint32_t gen; /* generation: bumped at every free, part of the handle */
    int32_t client_id;   /* the client's ID when it connected: compared at
                          * every use of the connection */
    void *rhandle;       /* psa_set_rhandle() */
    struct spm_req *req; /* the request in flight (ACTIVE, REPLIED) */
    uint8_t state;       /* enum spm_conn_state */
    uint8_t service;     /* index into warden_services[] */
    uint8_t client;      /* client index (struct spm_partition.index) */
    uint8_t slot;        /* its index + 1: bits 7..0 of its handle */
};

/*
 * A request in flight and its message. Its storage is the client's: the
 * caller of spm_connect()/spm_call()/spm_close() provides it on its own
 * stack, which stays put until the request completes (the SFN backend runs
 * it synchronously; under the IPC backend the client's thread blocks until
 * the reply). Only the SPM writes it.
 */
struct spm_req {
    psa_msg_t msg; /* what the service sees */
    const struct warden_service_info *service;
    struct spm_partition *client;
    struct spm_conn *conn; /* NULL for a stateless call */
    uint8_t in_len;        /* vectors of the request */
    uint8_t out_len;
    /* MM-IOVEC state of the invecs and of the outvecs (spm/mmiovec.h):
     * bit i set while vector i is mapped, bit 4 + i once it was unmapped.
     * 0 for every request when PSA_FRAMEWORK_HAS_MM_IOVEC is 0. */
    uint8_t mm_in;
    uint8_t mm_out;
    spm_uptr_t out_desc;               /* client's psa_outvec array */
    spm_uptr_t in_base[PSA_MAX_IOVEC]; /* from the copied descriptors */
    spm_uptr_t out_base[PSA_MAX_IOVEC];
    /* Bytes read or skipped, and written: set for the request's vectors
     * only (past them a vector is empty and its counter never read). */
    size_t in_done[PSA_MAX_IOVEC];
    size_t out_done[PSA_MAX_IOVEC];
    struct backend_req be;
};

/* Connection slots: none without a connection-based service. */
#define SPM_CONN_POOL (WARDEN_HAS_CONNECTION_BASED ? WARDEN_CONN_MAX : 0)
/* The NS agents: spm_ns_agent (NS context 0, the NS side's while no NS
 * context of its own is loaded), then one per NS context with a secure
 * context of its own (WARDEN_NS_CONTEXTS: IPC backend with NSCE). */
#define SPM_NS_AGENTS   (1 + WARDEN_NS_CONTEXTS)
#define SPM_NUM_CLIENTS (WARDEN_NUM_PARTITIONS + SPM_NS_AGENTS)
/* SPM_CONN_POOL for comparisons and loops, which do not warn (type
 * limits) when it is 0. */
static inline uint32_t spm_conn_pool_size(void)
{
    return SPM_CONN_POOL;
}

/* Message handles name a pool slot, or a client's stateless request. */
#define SPM_NUM_SLOTS (SPM_CONN_POOL + SPM_NUM_CLIENTS)

extern struct spm_partition spm_ns_agent;
/* The NS agents of NS contexts 1..WARDEN_NS_CONTEXTS, client indices
 * WARDEN_NUM_PARTITIONS + 1 onwards (one unused entry without any). */
extern struct spm_partition
    spm_ns_ctx_agents[WARDEN_NS_CONTEXTS + (WARDEN_NS_CONTEXTS == 0)];
/* One per secure partition (one unused entry in a build without any,
 * where C allows no empty array). */
#define SPM_PARTITION_ENTRIES \
    (WARDEN_NUM_PARTITIONS + (WARDEN_NUM_PARTITIONS == 0))
extern struct spm_partition spm_partitions[SPM_PARTITION_ENTRIES];

static inline bool spm_is_ns(const struct spm_partition *p)
{
    return p->info == NULL;
}

/** True if @p p is a secure partition that runs unprivileged, behind the
 * MPU (spm/mmio.h says which: none at isolation level 1). */
static inline bool spm_is_unprivileged(const struct spm_partition *p)
{
    return !spm_is_ns(p) && warden_partition_unprivileged(p->info);
}

/** The client with index @p index (0: the NS agent; 1..: the partitions;
 * after them the NS agents of NS contexts). */
static inline struct spm_partition *spm_client_by_index(uint32_t index)
{
    if (index == 0u) {
        return &spm_ns_agent;
    }
    if (WARDEN_NS_CONTEXTS == 0 || index <= WARDEN_NUM_PARTITIONS) {
        return &spm_partitions[index - 1u];
    }
    return &spm_ns_ctx_agents[index - WARDEN_NUM_PARTITIONS - 1u];
}

/* WARDEN_NS_CONTEXTS for loops, which do not warn (type limits) when it
 * is 0. */
static inline uint32_t spm_ns_contexts(void)
{
    return WARDEN_NS_CONTEXTS;
}

/** The NS context of NS agent @p p: 0 for spm_ns_agent, 1.. for the
 * others. */
static inline uint32_t spm_ns_ctx_of(const struct spm_partition *p)
{
    return (WARDEN_NS_CONTEXTS == 0 || p->index == 0u)
               ? 0u
               : (uint32_t)p->index - WARDEN_NUM_PARTITIONS;
}

/** The NS agent of NS context @p ctx (0..WARDEN_NS_CONTEXTS). */
static inline struct spm_partition *spm_ns_agent_of(uint32_t ctx)
{
    return (WARDEN_NS_CONTEXTS == 0 || ctx == 0u)
               ? &spm_ns_agent
               : &spm_ns_ctx_agents[ctx - 1u];
}

/** Whom a connection of client @p p belongs to (struct spm_conn.client):
 * every NS agent is the one NS client, so that NS threads of one client ID
 * share its connections whatever their NS context; a partition is
 * itself. */
static inline uint8_t spm_conn_owner(const struct spm_partition *p)
{
    /* (Without NS contexts the one NS agent's index is 0 already.) */
    return (WARDEN_NS_CONTEXTS > 0 && spm_is_ns(p)) ? 0u : p->index;
}

/** The partition of a service. */
static inline struct spm_partition *
spm_service_partition(const struct warden_service_info *svc)
{
    return &spm_partitions[svc->partition];
}

#endif /* WARDEN_SPM_H */
