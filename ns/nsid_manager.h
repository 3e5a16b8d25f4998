/*
 * The NSID manager: the NS side's bookkeeping of which NSID each task uses
 * (the NSCE integration guide's "NSID Manager"), the pattern an integrator
 * copies.
 *
 *  - A table from task name to NSID (nsid_map_table.c, data to edit),
 *    consulted when a task is created: a task keeps its NSID across
 *    reboots and re-creations, so the assets a service keeps for that
 *    client ID (stored data, keys) stay its own.
 *  - A table from CMSIS module ID to NSID (nsid_module_table.c, data to
 *    edit, empty as shipped), for an RTOS that names a thread's secure
 *    context by module ID only (the CMSIS TZ shim, ns/tz_shim.c): a listed
 *    module's contexts get its NSID, again and again; the others each get
 *    one of the automatic NSIDs below for as long as they live.
 *  - Token-to-NSID bookkeeping for an RTOS that only hands the secure
 *    context layer a memory ID (the TZ shim). An RTOS with its own task
 *    control block keeps the NSID there instead, as the NS kernel
 *    (ns/kernel/) does.
 *
 * Not thread-safe: call from the RTOS's handlers (as the shim does) or with
 * the scheduler locked.
 */
#ifndef WARDEN_NSID_MANAGER_H
#define WARDEN_NSID_MANAGER_H

#include <stdbool.h>
#include <stdint.h>

#include "warden/config.h"

#define NSID_MGR_ERR_SUCCESS       0u
#define NSID_MGR_ERR_INVALID_NSID  1u
#define NSID_MGR_ERR_INVALID_TOKEN 2u
#define NSID_MGR_ERR_NO_FREE_ENTRY 3u

/* The NSIDs the secure side translates: [NSID_MIN, -1]. */
#define NSID_MIN (-65536)
/* The NSID of a task the name table does not list. */
#define NSID_DEFAULT (-1)
/* What nsid_mgr_query_nsid() and nsid_module_lookup() return for a token
 * or module they do not know. */
#define NSID_NONE (0)
/*
 * Tokens the manager holds at once: one per NSCE context slot, so that an
 * RTOS with a context per token (the TZ shim) runs out of slots, never of
 * entries.
 */
#define NSID_MGR_ENTRIES ((uint32_t)WARDEN_NS_CONTEXT_SLOTS)

/*
 * The automatic NSIDs: what the TZ shim gives the context of a module the
 * module table does not list, NSID_AUTO(n) for its context in NSCE group n
 * (0..255): NSID_AUTO(0) = -256 down to NSID_AUTO(255) = -511. Two live
 * contexts never share one; a context allocated after another was freed
 * may get the freed one's. The module table's NSIDs must lie outside this
 * range (the shim refuses a row inside it).
 */
#define NSID_AUTO_FIRST (-256)
#define NSID_AUTO_COUNT 256
#define NSID_AUTO(n)    (NSID_AUTO_FIRST - (int32_t)(n))

/* One row of the name table. */
struct nsid_map_entry {
    const char *task_name;
    int32_t nsid;
};

/* The name table (nsid_map_table.c). */
extern const struct nsid_map_entry nsid_map_table[];
extern const uint32_t nsid_map_table_size;

/* One row of the module table: a CMSIS module ID (TZ_ModuleId_t, not 0)
 * and the NSID of its contexts. */
struct nsid_module_entry {
    uint32_t module;
    int32_t nsid;
};

/* The module table (nsid_module_table.c): nsid_module_table_size rows from
 * nsid_module_table (which may be NULL when there are none). */
extern const struct nsid_module_entry *const nsid_module_table;
extern const uint32_t nsid_module_table_size;

/** The NSID of task @p name: its row's, or NSID_DEFAULT (also for NULL). */
int32_t nsid_map_lookup(const char *name);

/**
 * The NSID of module @p module: its first row's, or NSID_NONE if no row
 * lists it (module 0 included: CMSIS's "no secure calls").
 */
int32_t nsid_module_lookup(uint32_t module);

/** True if @p nsid is one of the automatic NSIDs. */
bool nsid_is_auto(int32_t nsid);

/** Forgets every token. */
void nsid_mgr_init(void);

/**
 * Records that @p token's task uses @p nsid (a token already known gets the
 * new NSID). @return NSID_MGR_ERR_SUCCESS; NSID_MGR_ERR_INVALID_NSID for an
 * NSID outside [NSID_MIN, -1], which the secure side would refuse;
 * NSID_MGR_ERR_INVALID_TOKEN for TFM_NS_CLIENT_INVALID_TOKEN;
 * NSID_MGR_ERR_NO_FREE_ENTRY when NSID_MGR_ENTRIES tokens are held.
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
