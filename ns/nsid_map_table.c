/*
 * Which NSID each NS task uses, by task name: the integrator's table (edit
 * it for your tasks). Keep a task's NSID the same across reboots and
 * updates: services key its assets by the client ID the NSID becomes.
 * Unlisted tasks use NSID_DEFAULT (-1). NSIDs must lie in [-65536, -1].
 */
#include "nsid_manager.h"

const struct nsid_map_entry nsid_map_table[] = {
    { "Thread_A", -2 }, { "Thread_B", -3 },   { "Thread_C", -4 },
    { "Thread_D", -5 }, { "provision", -6 },  { "Thread_E", -7 },
    { "Thread_F", -8 }, { "reentry_lo", -9 }, { "reentry_hi", -10 },
};
const uint32_t nsid_map_table_size =
    sizeof(nsid_map_table) / sizeof(nsid_map_table[0]);
