/*
 * NS contexts of the SFN backend (spm/backend.h): with
 * WARDEN_NS_SECURE_CONTEXTS every NSCE slot is an NS context with a secure
 * context of its own: a secure stack (WARDEN_NS_CONTEXT_STACK_SIZE bytes),
 * an NS agent, and the backend's state (struct backend_sfn). Context 0,
 * spm_ns_agent on the stack the NS image was launched on, is the NS
 * side's while no slot is loaded.
 *
 * There are no threads. A load puts the loaded context's secure stack
 * pointer away (where its NS thread's secure call lies, stacked by the
 * hardware when the NS RTOS preempted it) with its backend state, and
 * takes the next context's: the NS RTOS then resumes that thread's call,
 * or enters a new one, on the context's own stack (arch_ns_stack_switch()).
 *
 * Partitions are not reentrant. So an NS call takes, before anything is
 * committed (backend_may_enter()), the partition it calls and every
 * partition that one may call (its dependencies, transitively: its reach,
 * worked out at boot). A partition another context's call holds refuses
 * it: the call ends with WARDEN_STATUS_PARTITION_BUSY and nothing done,
 * and the NS client library waits and calls again (include/warden/ns_wait.h).
 * Taking the whole reach at once means a partition's own calls never find
 * a partition busy: they could not wait (the secure stack is their NS
 * thread's), and a refusal in the middle of a chain would leave it half
 * done.
 *
 * Without NS contexts every operation here returns at once.
 */
#include "spm/backend.h"

#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "spm/handle.h"
#include "spm/loader.h"
#include "spm/log.h"
#include "spm/nsce/ns_client.h"
#include "warden/ns_wait.h"
#include WARDEN_ARCH_THREAD_H

/* Sized for nothing without NS contexts. */
#define CONTEXTS    (WARDEN_NS_CONTEXTS + (WARDEN_NS_CONTEXTS == 0))
#define STACK_BYTES (WARDEN_NS_CONTEXTS == 0 ? 8 : WARDEN_NS_CONTEXT_STACK_SIZE)
#define REACH_WORDS ((SPM_PARTITION_ENTRIES + 31u) / 32u)
#define HOLDERS     (WARDEN_NS_CONTEXTS == 0 ? 1 : SPM_PARTITION_ENTRIES)

struct spm_partition *sfn_ns_agent = &spm_ns_agent;
static struct backend_sfn saved[SPM_NS_AGENTS];
static struct arch_ns_ctx ns_arch[SPM_NS_AGENTS];
static uint8_t ns_stacks[CONTEXTS][STACK_BYTES] __attribute__((aligned(8)));
static uint32_t active;
/* Bit q of reach[p]: partition p (by index - 1) may call partition q, or
 * is q. */
static uint32_t reach[HOLDERS][REACH_WORDS];
/* 1 + the NS context whose call holds each partition; 0: none. */
static uint16_t holder[HOLDERS];

/* The partitions the tables cover: none without NS contexts. */
static uint32_t parts(void)
{
    return WARDEN_NS_CONTEXTS == 0 ? 0u : WARDEN_NUM_PARTITIONS;
}

static bool reaches(const uint32_t *r, uint32_t q)
{
    return (r[q / 32u] & (1u << (q % 32u))) != 0u;
}

/* reach[]: each partition itself, then what its dependencies reach, until
 * nothing more is added (dependencies may form cycles). */
static void work_out_reach(void)
{
    bool grew = true;

    /* (No iteration without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t p = 0; p < parts(); p++) {
        for (uint32_t w = 0; w < REACH_WORDS; w++) {
            reach[p][w] = 0u;
        }
        reach[p][p / 32u] = 1u << (p % 32u);
        holder[p] = 0u;
    }
    while (grew) {
        grew = false;
        /* (No iteration without NS contexts.) */
        /* cppcheck-suppress unsignedLessThanZero */
        for (uint32_t p = 0; p < parts(); p++) {
            const struct warden_partition_info *info = &warden_partitions[p];

            for (uint32_t d = 0; d < info->ndeps; d++) {
                const struct warden_service_info *svc =
                    spm_service_by_sid(warden_deps[info->first_dep + d]);

                for (uint32_t w = 0; svc != NULL && w < REACH_WORDS; w++) {
                    uint32_t more = reach[svc->partition][w] & ~reach[p][w];

                    reach[p][w] |= more;
                    grew = grew || more != 0u;
                }
            }
        }
    }
}

/* Context @p ctx's state with no call in progress. */
static struct backend_sfn fresh(uint32_t ctx)
{
    struct backend_sfn s = { spm_ns_agent_of(ctx), NULL, 0u, false };

    return s;
}

void sfn_ns_ctx_init(void)
{
    if (WARDEN_NS_CONTEXTS == 0) {
        return;
    }
    work_out_reach();
    arch_ns_stack_init(&ns_arch[0], NULL, 0u);
    saved[0] = fresh(0u);
    /* (No iteration in a build without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t c = 0; c < spm_ns_contexts(); c++) {
        arch_ns_stack_init(&ns_arch[c + 1u], ns_stacks[c], STACK_BYTES);
        saved[c + 1u] = fresh(c + 1u);
    }
    active = 0u;
    sfn_ns_agent = &spm_ns_agent;
}

bool sfn_ns_take(const struct spm_partition *p)
{
    const uint32_t *r = reach[p->index - 1u];
    uint16_t me = (uint16_t)(active + 1u);
    /* No NS context switch in between: what is checked is what is taken. */
    uint32_t held = arch_ns_irq_hold();

    backend_sfn.refused = false;
    /* (No iteration without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t q = 0; q < parts(); q++) {
        if (reaches(r, q) && holder[q] != 0u && holder[q] != me) {
            arch_ns_irq_release(held);
            backend_sfn.refused = true;
            return false;
        }
    }
    /* (No iteration without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t q = 0; q < parts(); q++) {
        if (reaches(r, q)) {
            holder[q] = me;
        }
    }
    arch_ns_irq_release(held);
    backend_sfn.held = p->index;
    return true;
}

/* Gives back every partition context @p ctx holds. */
static void give_back(uint32_t ctx)
{
    /* (No iteration without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t q = 0; q < parts(); q++) {
        if (holder[q] == ctx + 1u) {
            holder[q] = 0u;
        }
    }
}

psa_status_t sfn_ns_finish(psa_status_t status)
{
    if (backend_sfn.refused) {
        return WARDEN_STATUS_PARTITION_BUSY;
    }
    if (backend_sfn.held != 0u) {
        backend_sfn.held = 0u;
        give_back(active);
    }
    return status;
}

void backend_ns_ctx_load(uint32_t ctx)
{
    if (WARDEN_NS_CONTEXTS == 0 || ctx == active || ctx > spm_ns_contexts()) {
        return;
    }
    saved[active] = backend_sfn;
    arch_ns_stack_switch(&ns_arch[active], &ns_arch[ctx]);
    backend_sfn = saved[ctx];
    active = ctx;
    sfn_ns_agent = spm_ns_agent_of(ctx);
}

/* No secure work of one context to put before another's: only the loaded
 * context's NS thread runs secure code. */
void backend_ns_ctx_priority(uint32_t ctx, uint32_t priority)
{
    (void)ctx;
    (void)priority;
}

/* True if @p client's request in flight, if any, is context @p ctx's
 * call's: its NS agent's, or that of a partition the call holds (only the
 * call runs it). */
static bool in_call_of(const struct spm_partition *client, uint32_t ctx)
{
    if (spm_is_ns(client)) {
        return client == spm_ns_agent_of(ctx);
    }
    return holder[client->index - 1u] == ctx + 1u;
}

/*
 * The requests context @p ctx's call left in flight (its NS agent's and
 * those of the partitions in its chain): no longer in flight. A connect's
 * connection is freed; a call's or a close's connection is idle again; a
 * stateless call's message handle is stale.
 */
static void drop_requests(uint32_t ctx)
{
    spm_ns_agent_of(ctx)->sl_req = NULL;
    /* (No iteration without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t q = 0; q < parts(); q++) {
        if (holder[q] == ctx + 1u) {
            spm_partitions[q].sl_req = NULL;
        }
    }
    for (uint32_t i = 0; i < spm_conn_pool_size(); i++) {
        struct spm_conn *conn = &spm_conns[i];

        if (conn->state != SPM_CONN_ACTIVE ||
            !in_call_of(conn->req->client, ctx)) {
            continue;
        }
        if (conn->req->msg.type == PSA_IPC_CONNECT) {
            spm_conn_free(conn);
        } else {
            conn->state = SPM_CONN_IDLE;
            conn->req = NULL;
        }
    }
}

/*
 * The NS thread of @p ctx ended. Ended inside a call, the call cannot go
 * on (only its NS thread ran it, on the context's stack): its partitions
 * are given back and its request is dropped; the secure functions it was
 * in do not finish (an SFN partition has no thread to finish them in),
 * which the console says.
 */
void backend_ns_ctx_release(uint32_t ctx)
{
    struct spm_partition *agent;

    /* (Always out of range in a build without NS contexts.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (ctx == 0u || ctx > spm_ns_contexts()) {
        return;
    }
    if (ctx == active) {
        backend_ns_ctx_load(0u);
    }
    agent = spm_ns_agent_of(ctx);
    if (spm_ns_in_call(agent)) {
        const struct spm_partition *in = saved[ctx].current;

        spm_log("[Warden] NS context %d ended inside a secure call%s%s: "
                "the call is dropped\r\n",
                (int)ctx, spm_is_ns(in) ? "" : " of ",
                spm_is_ns(in) ? "" : in->info->name);
        drop_requests(ctx); /* while its partitions are still marked */
        give_back(ctx);
        spm_ns_leave(agent);
    }
    saved[ctx] = fresh(ctx);
    arch_ns_stack_reset(&ns_arch[ctx]);
}
