/*
 * The CMSIS TrustZone context API over NSCE (include/tz_context.h): for an
 * RTOS that calls TZ_*_S from its SVC and PendSV handlers.
 *
 * Each allocation gets a thread ID of its own (the lowest free one, 0..255)
 * and the group thread ID % granted slots, so threads spread over every
 * slot NSCE granted; the token and the module's NSID go to the NSID
 * manager, and the memory ID is token + 1.
 */
#include <stdbool.h>

#include "nsid_manager.h"
#include "tfm_ns_client_ext.h"
#include "tz_context.h"

static uint32_t granted;
static uint32_t used_tids[256u / 32u];

static bool tid_used(uint32_t tid)
{
    return (used_tids[tid / 32u] & (1u << (tid % 32u))) != 0u;
}

static void mark_tid(uint32_t tid, bool used)
{
    if (used) {
        used_tids[tid / 32u] |= 1u << (tid % 32u);
    } else {
        used_tids[tid / 32u] &= ~(1u << (tid % 32u));
    }
}

/* The token a memory ID carries, if the NSID manager holds it. */
static bool token_of(TZ_MemoryId_t id, uint32_t *token)
{
    if (id == 0u || nsid_mgr_query_nsid(id - 1u) == NSID_NONE) {
        return false;
    }
    *token = id - 1u;
    return true;
}

uint32_t TZ_InitContextSystem_S(void)
{
    granted = tfm_nsce_init(0);
    if (granted == 0u) {
        return 0u;
    }
    nsid_mgr_init();
    for (uint32_t i = 0; i < sizeof(used_tids) / sizeof(used_tids[0]); i++) {
        used_tids[i] = 0u;
    }
    return 1u;
}

TZ_MemoryId_t TZ_AllocModuleContext_S(TZ_ModuleId_t module)
{
    int32_t nsid = (int32_t)module;
    uint32_t tid = 0;
    uint32_t token;

    if (nsid >= 0 || granted == 0u) {
        return 0u;
    }
    while (tid < 256u && tid_used(tid)) {
        tid++;
    }
    if (tid == 256u) {
        return 0u;
    }
    token = tfm_nsce_acquire_ctx((uint8_t)(tid % granted), (uint8_t)tid);
    if (token == TFM_NS_CLIENT_INVALID_TOKEN) {
        return 0u;
    }
    if (nsid_mgr_add_entry(token, nsid) != NSID_MGR_ERR_SUCCESS) {
        (void)tfm_nsce_release_ctx(token);
        return 0u;
    }
    mark_tid(tid, true);
    return token + 1u;
}

uint32_t TZ_FreeModuleContext_S(TZ_MemoryId_t id)
{
    uint32_t token;

    if (!token_of(id, &token)) {
        return 0u;
    }
    (void)nsid_mgr_remove_entry(token);
    mark_tid(token & 0xFFu, false);
    return tfm_nsce_release_ctx(token) == TFM_NS_CLIENT_ERR_SUCCESS ? 1u : 0u;
}

uint32_t TZ_LoadContext_S(TZ_MemoryId_t id)
{
    uint32_t token;

    if (!token_of(id, &token)) {
        return 0u;
    }
    return tfm_nsce_load_ctx(token, nsid_mgr_query_nsid(token)) ==
                   TFM_NS_CLIENT_ERR_SUCCESS
               ? 1u
               : 0u;
}

uint32_t TZ_StoreContext_S(TZ_MemoryId_t id)
{
    uint32_t token;

    if (!token_of(id, &token)) {
        return 0u;
    }
    return tfm_nsce_save_ctx(token) == TFM_NS_CLIENT_ERR_SUCCESS ? 1u : 0u;
}
