/*
 * The CMSIS-Core TrustZone RTOS context API, as an NS-side shim over NSCE
 * (ns/tz_shim.c), so that an RTOS that already calls these (RTX, for one)
 * gets NSCE without changes. Call them from NS Handler mode, as the RTOS
 * does from its SVC and PendSV handlers (or, in a build with
 * WARDEN_NSCE_PRIVILEGED_THREAD=1, from privileged NS Thread mode); from
 * anywhere else every one returns 0 and changes nothing.
 *
 *  - The module ID is a CMSIS module ID, as RTX passes a thread's
 *    tz_module (CMSIS's own TrustZone examples use 1). 0 means a thread
 *    that makes no secure calls (CMSIS): it gets no context.
 *  - Each allocation is a context of its own: its own NSCE context slot,
 *    so its own secure context, and its own client identity. Its NSID is
 *    the module table's for its module (ns/nsid_module_table.c, empty as
 *    shipped: the same NSID on every allocation, for assets a service
 *    keys by client ID), else an automatic NSID that no other live
 *    context has, -256 - n for the context in NSCE group n (NSID_AUTO(),
 *    ns/nsid_manager.h); a later context may get a freed one's.
 *  - A context the secure side would not accept is refused here, at
 *    allocation (RTX checks that return, not TZ_LoadContext_S's).
 *  - The memory ID carries the NSCE token: token + 1, so 0 is never a valid
 *    memory ID (CMSIS uses 0 for "no context").
 *
 * Built with TFM_NS_MANAGE_NSID=OFF, every function reports success (1;
 * TZ_AllocModuleContext_S returns 1) and every NS call uses NSID -1.
 */
#ifndef WARDEN_TZ_CONTEXT_H
#define WARDEN_TZ_CONTEXT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t TZ_ModuleId_t;
typedef uint32_t TZ_MemoryId_t;

/**
 * Starts NSCE for the RTOS (tfm_nsce_init(0): every slot there is) and
 * empties the NSID manager. @return 1, or 0 when NSCE granted no slot
 * (called from where NSCE refuses; nothing changes then).
 */
uint32_t TZ_InitContextSystem_S(void);

/**
 * A context of its own for a new thread of module @p module, with the
 * module's NSID (the module table's, or an automatic one).
 * @return the memory ID (> 0), or 0 when: @p module is 0; the context
 *         system is not initialised; NSCE has no slot left (at most as many
 *         live contexts as slots granted); the module table gives the
 *         module an NSID outside [-65536, -1] or inside the automatic
 *         range [-511, -256]; called from where NSCE refuses.
 */
TZ_MemoryId_t TZ_AllocModuleContext_S(TZ_ModuleId_t module);

/**
 * Frees the context of @p id (the thread ended): its slot returns to NSCE
 * and its automatic NSID may be given again. Allowed without a store.
 * @return 1, or 0 for 0, an unknown ID or one NSCE refuses (from where NSCE
 *         refuses calls, the context stays allocated).
 */
uint32_t TZ_FreeModuleContext_S(TZ_MemoryId_t id);

/**
 * Loads the context of @p id with its NSID (a thread is switched in).
 * @return 1, or 0 for 0, an unknown ID or one NSCE refuses.
 */
uint32_t TZ_LoadContext_S(TZ_MemoryId_t id);

/**
 * Stores the context of @p id (a thread is switched out).
 * @return 1, or 0 for 0, an unknown ID or a context that is not loaded.
 */
uint32_t TZ_StoreContext_S(TZ_MemoryId_t id);

#ifdef __cplusplus
}
#endif

#endif /* WARDEN_TZ_CONTEXT_H */
