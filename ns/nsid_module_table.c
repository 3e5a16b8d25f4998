/*
 * Which NSID the contexts of each CMSIS module use (the TZ shim,
 * ns/tz_shim.c): the integrator's table, empty as shipped. A thread's
 * module is what its RTOS passes to TZ_AllocModuleContext_S() (RTX: the
 * thread attribute tz_module). List a module to give its threads a client
 * identity that stays the same across re-creations and reboots (services
 * key assets by it); every context of an unlisted module gets an automatic
 * NSID of its own (NSID_AUTO(), ns/nsid_manager.h) while it lives. NSIDs
 * must lie in [-65536, -1], outside the automatic range [-511, -256];
 * module 0 cannot be listed (CMSIS: a thread without secure calls).
 *
 * For example:
 *     static const struct nsid_module_entry rows[] = {
 *         { 1u, -20 }, // every thread created with tz_module = 1
 *         { 2u, -21 },
 *     };
 *     const struct nsid_module_entry *const nsid_module_table = rows;
 *     const uint32_t nsid_module_table_size = sizeof(rows) / sizeof(rows[0]);
 */
#include <stddef.h>

#include "nsid_manager.h"

const struct nsid_module_entry *const nsid_module_table = NULL;
const uint32_t nsid_module_table_size = 0u;
