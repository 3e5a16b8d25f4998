/*
 * The CMSIS-Core TrustZone RTOS context API, as an NS-side shim over NSCE
 * (ns/tz_shim.c), so that an RTOS that already calls these (RTX, for one)
 * gets NSCE without changes. Call them from NS Handler mode, as the RTOS
 * does from its SVC and PendSV handlers.
 *
 *  - The module ID carries the task's NSID: (TZ_ModuleId_t)nsid, negative.
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
 * Starts NSCE for the RTOS (tfm_nsce_init(0)) and empties the NSID
 * manager. @return 1, or 0 when NSCE granted no slot (Thread mode).
 */
uint32_t TZ_InitContextSystem_S(void);

/**
 * A context for a new thread whose NSID is (int32_t)@p module.
 * @return the memory ID (> 0), or 0 when: the NSID is not negative; the
 *         NSID manager is full; NSCE has no slot or thread ID left.
 */
TZ_MemoryId_t TZ_AllocModuleContext_S(TZ_ModuleId_t module);

/**
 * Frees the context of @p id (the thread ended). Allowed without a store.
 * @return 1, or 0 for 0, an unknown ID or one NSCE refuses.
 */
uint32_t TZ_FreeModuleContext_S(TZ_MemoryId_t id);

/**
 * Loads the context of @p id with its NSID (a thread is switched in).
 * @return 1, or 0 for 0, an unknown ID or one NSCE refuses (an NSID the
 *         SPM cannot translate is refused here).
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
