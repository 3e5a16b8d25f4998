/*
 * The CMSIS TrustZone context API over NSCE (include/tz_context.h): for an
 * RTOS that calls TZ_*_S from its SVC and PendSV handlers, as RTX does.
 *
 * Each allocation is a context of its own: the lowest group ID (0..255)
 * that no live context of the shim holds, with thread 0 in it, so NSCE
 * gives it a slot of its own, which no other memory ID shares. Its NSID is
 * the module table's for its module, else the group's automatic NSID
 * (NSID_AUTO(group), ns/nsid_manager.h). The token and the NSID go to the
 * NSID manager; the memory ID is token + 1.
 *
 * The shim takes it that it is NSCE's only user on the NS side: a group
 * that some other code acquired could be the one it picks.
 */
#include <stdbool.h>

#include "nsid_manager.h"
#include "tfm_ns_client_ext.h"
#include "tz_context.h"

#define GROUPS          256u
#define TOKEN_GID_SHIFT 8u
#define TOKEN_GID_MASK  0xFFu

static uint32_t granted;
static uint32_t used_gids[GROUPS / 32u];

static bool gid_used(uint32_t gid)
{
    return (used_gids[gid / 32u] & (1u << (gid % 32u))) != 0u;
}

static void mark_gid(uint32_t gid, bool used)
{
    if (used) {
        used_gids[gid / 32u] |= 1u << (gid % 32u);
    } else {
        used_gids[gid / 32u] &= ~(1u << (gid % 32u));
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
    uint32_t slots = tfm_nsce_init(0);

    if (slots == 0u) {
        return 0u; /* refused: nothing changes */
    }
    granted = slots;
    nsid_mgr_init();
    for (uint32_t i = 0; i < sizeof(used_gids) / sizeof(used_gids[0]); i++) {
        used_gids[i] = 0u;
    }
    return 1u;
}

TZ_MemoryId_t TZ_AllocModuleContext_S(TZ_ModuleId_t module)
{
    int32_t nsid;
    uint32_t gid = 0;
    uint32_t token;

    if (granted == 0u || module == 0u) {
        return 0u;
    }
    nsid = nsid_module_lookup(module);
    if (nsid_is_auto(nsid)) {
        return 0u; /* a row in the automatic range: another context's */
    }
    while (gid < GROUPS && gid_used(gid)) {
        gid++;
    }
    if (gid == GROUPS) {
        return 0u;
    }
    if (nsid == NSID_NONE) {
        nsid = NSID_AUTO(gid);
    }
    token = tfm_nsce_acquire_ctx((uint8_t)gid, 0u);
    if (token == TFM_NS_CLIENT_INVALID_TOKEN) {
        return 0u; /* no slot left, or called from where NSCE refuses */
    }
    /* Refuses an NSID the secure side would refuse at load, which RTX
     * does not check. */
    if (nsid_mgr_add_entry(token, nsid) != NSID_MGR_ERR_SUCCESS) {
        (void)tfm_nsce_release_ctx(token);
        return 0u;
    }
    mark_gid(gid, true);
    return token + 1u;
}

uint32_t TZ_FreeModuleContext_S(TZ_MemoryId_t id)
{
    uint32_t token;
    uint32_t released;

    if (!token_of(id, &token)) {
        return 0u;
    }
    released = tfm_nsce_release_ctx(token);
    if (released == TFM_NS_CLIENT_ERR_INVALID_ACCESS) {
        return 0u; /* called from where NSCE refuses: the context stays */
    }
    (void)nsid_mgr_remove_entry(token);
    mark_gid((token >> TOKEN_GID_SHIFT) & TOKEN_GID_MASK, false);
    return released == TFM_NS_CLIENT_ERR_SUCCESS ? 1u : 0u;
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
