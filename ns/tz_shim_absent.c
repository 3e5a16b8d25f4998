/*
 * The CMSIS TrustZone context API when the secure side has no NSCE
 * (TFM_NS_MANAGE_NSID=OFF): there is one NS client context, NSID -1, so
 * every function reports success and TZ_AllocModuleContext_S returns 1.
 */
#include "tz_context.h"

uint32_t TZ_InitContextSystem_S(void)
{
    return 1u;
}

TZ_MemoryId_t TZ_AllocModuleContext_S(TZ_ModuleId_t module)
{
    (void)module;
    return 1u;
}

uint32_t TZ_FreeModuleContext_S(TZ_MemoryId_t id)
{
    (void)id;
    return 1u;
}

uint32_t TZ_LoadContext_S(TZ_MemoryId_t id)
{
    (void)id;
    return 1u;
}

uint32_t TZ_StoreContext_S(TZ_MemoryId_t id)
{
    (void)id;
    return 1u;
}
