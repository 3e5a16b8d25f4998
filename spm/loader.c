/* Runtime tables from the generated load info. */
#include "spm/loader.h"

#include "spm/handle.h"
#include "spm/panic.h"

struct spm_partition spm_ns_agent;
struct spm_partition
    spm_ns_ctx_agents[WARDEN_NS_CONTEXTS + (WARDEN_NS_CONTEXTS == 0)];
struct spm_partition spm_partitions[SPM_PARTITION_ENTRIES];

_Static_assert(WARDEN_NUM_SERVICES < 255, "service index + 1 fits a byte");
_Static_assert(WARDEN_STATELESS_SLOTS <= SPM_STATELESS_MAX,
               "a stateless handle has 5 bits for the index");

const struct warden_service_info *spm_service_by_sid(uint32_t sid)
{
    for (uint32_t i = 0; i < WARDEN_NUM_SERVICES; i++) {
        if (warden_services[i].sid == sid) {
            return &warden_services[i];
        }
    }
    return NULL;
}

/* A function, so that a build without stateless services compiles the
 * loop below without a comparison that is always false. */
static inline uint32_t stateless_slots(void)
{
    return WARDEN_STATELESS_SLOTS;
}

static void load_services(void)
{
    for (uint32_t i = 0; i < WARDEN_NUM_SERVICES; i++) {
        const struct warden_service_info *svc = &warden_services[i];
        uint32_t idx = svc->stateless_index;

        SPM_ASSERT(svc->partition < WARDEN_NUM_PARTITIONS);
        SPM_ASSERT(spm_service_by_sid(svc->sid) == svc);
        if (idx == 0u) {
            SPM_ASSERT((svc->flags & WARDEN_SVC_CONNECTION) != 0u);
            continue;
        }
        SPM_ASSERT(idx <= WARDEN_STATELESS_SLOTS);
        SPM_ASSERT((svc->flags & WARDEN_SVC_CONNECTION) == 0u);
        SPM_ASSERT(warden_stateless_services[idx - 1u] == i + 1u);
    }
    /* Each entry names a service that has its index: with the loop above,
     * no two services share an index. */
    for (uint32_t k = 0; k < stateless_slots(); k++) {
        uint32_t entry = warden_stateless_services[k];

        SPM_ASSERT(entry <= WARDEN_NUM_SERVICES);
        SPM_ASSERT(entry == 0u ||
                   warden_services[entry - 1u].stateless_index == k + 1u);
    }
}

void spm_load(void)
{
    spm_ns_agent.info = NULL;
    spm_ns_agent.index = 0;
    spm_ns_agent.state = SPM_PART_READY;
    /* (No iteration in a build without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t c = 0; c < spm_ns_contexts(); c++) {
        spm_ns_ctx_agents[c].info = NULL;
        spm_ns_ctx_agents[c].index = (uint8_t)(WARDEN_NUM_PARTITIONS + 1u + c);
        spm_ns_ctx_agents[c].state = SPM_PART_READY;
    }
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        const struct warden_partition_info *info = &warden_partitions[i];

        SPM_ASSERT(info->pid > 0);
        SPM_ASSERT((uint32_t)info->first_service + info->nservices <=
                   WARDEN_NUM_SERVICES);
        SPM_ASSERT((uint32_t)info->first_dep + info->ndeps <= WARDEN_NUM_DEPS);
        spm_partitions[i].info = info;
        spm_partitions[i].index = (uint8_t)(i + 1u);
        spm_partitions[i].state = SPM_PART_UNINIT;
    }
    spm_conn_init(); /* after the client indexes: its handles use them */
    load_services();
}
