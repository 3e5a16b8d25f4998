/*
 * The NS agents and the backend's NS-context operations (spm/backend.h)
 * for the unit tests of spm/nsce/ alone, which link neither the loader nor
 * a backend: each operation is recorded (fake_ns_ctx.h).
 */
#include "fake_ns_ctx.h"

#include "spm/spm.h"

struct spm_partition spm_ns_agent;
struct spm_partition
    spm_ns_ctx_agents[WARDEN_NS_CONTEXTS + (WARDEN_NS_CONTEXTS == 0)];

struct fake_ns_ctx_calls fake_ns_ctx;

void fake_ns_ctx_reset(void)
{
    fake_ns_ctx = (struct fake_ns_ctx_calls){ 0u, 0u, 0u, 0u, 0u, 0u };
    spm_ns_agent.index = 0u;
    for (uint32_t c = 0; c < spm_ns_contexts(); c++) {
        spm_ns_ctx_agents[c].index = (uint8_t)(WARDEN_NUM_PARTITIONS + 1u + c);
    }
}

void backend_ns_ctx_load(uint32_t ctx)
{
    fake_ns_ctx.loads++;
    fake_ns_ctx.loaded = ctx;
}

void backend_ns_ctx_priority(uint32_t ctx, uint32_t priority)
{
    fake_ns_ctx.prio_ctx = ctx;
    fake_ns_ctx.priority = priority;
}

void backend_ns_ctx_release(uint32_t ctx)
{
    fake_ns_ctx.releases++;
    fake_ns_ctx.released = ctx;
}
