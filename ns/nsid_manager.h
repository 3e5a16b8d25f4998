/*
 * The NSID manager: the NS side's bookkeeping of which NSID each task uses
 * (the NSCE integration guide's "NSID Manager"), the pattern an integrator
 * copies.
 *
 *  - A table from task name to NSID (nsid_map_table.c, data to edit),
 *    consulted when a task is created: a task keeps its NSID across
 *    reboots and re-creations, so the assets a service keeps for that
 *    client ID (stored data, keys) stay its own.
 *  - Token-to-NSID bookkeeping for an RTOS that only hands the secure
 *    context layer a memory ID (the CMSIS TZ shim, ns/tz_shim.c). An RTOS
 *    with its own task control block keeps the NSID there instead, as the
 *    NS kernel (ns/kernel/) does.
 *
 * Not thread-safe: call from the RTOS's handlers (as the shim does) or with
 * the scheduler locked.
 */
#ifndef WARDEN_NSID_MANAGER_H
#define WARDEN_NSID_MANAGER_H

#include <stdint.h>

#define NSID_MGR_ERR_SUCCESS       0u
#define NSID_MGR_ERR_INVALID_NSID  1u
#define NSID_MGR_ERR_INVALID_TOKEN 2u
#define NSID_MGR_ERR_NO_FREE_ENTRY 3u

/* The NSID of a task the name table does not list. */
#define NSID_DEFAULT (-1)
/* What nsid_mgr_query_nsid() returns for a token it does not know. */
#define NSID_NONE (0)
/* Tokens the manager holds at once. */
#define NSID_MGR_ENTRIES 10u

/* One row of the name table. */
struct nsid_map_entry {
    const char *task_name;
    int32_t nsid;
};

/* The name table (nsid_map_table.c). */
extern const struct nsid_map_entry nsid_map_table[];
extern const uint32_t nsid_map_table_size;

/** The NSID of task @p name: its row's, or NSID_DEFAULT (also for NULL). */
int32_t nsid_map_lookup(const char *name);

/** Forgets every token. */
void nsid_mgr_init(void);

/**
 * Records that @p token's task uses @p nsid (a token already known gets the
 * new NSID). @return NSID_MGR_ERR_SUCCESS; NSID_MGR_ERR_INVALID_NSID for an
 * NSID that is not negative; NSID_MGR_ERR_INVALID_TOKEN for
 * TFM_NS_CLIENT_INVALID_TOKEN; NSID_MGR_ERR_NO_FREE_ENTRY when
 * NSID_MGR_ENTRIES tokens are held.
 */
uint32_t nsid_mgr_add_entry(uint32_t token, int32_t nsid);

/**
 * Forgets @p token. @return NSID_MGR_ERR_SUCCESS, or
 * NSID_MGR_ERR_INVALID_TOKEN if it was not held.
 */
uint32_t nsid_mgr_remove_entry(uint32_t token);

/** The NSID of @p token, or NSID_NONE if it is not held. */
int32_t nsid_mgr_query_nsid(uint32_t token);

#endif /* WARDEN_NSID_MANAGER_H */
