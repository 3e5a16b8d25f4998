/*
 * NS contexts of the IPC backend (spm/backend.h): every NSCE slot is an NS
 * context with a secure context of its own, an NS agent thread and its
 * stack (WARDEN_NS_CONTEXTS of them, WARDEN_NS_CONTEXT_STACK_SIZE bytes
 * each); context 0, spm_ns_agent on the boot stack, is the NS side's while
 * no slot is loaded.
 *
 * The loaded context's agent is the thread in the scheduler's NS rank: NS
 * code runs in its context, and its NS calls run on its stack. The others
 * are out of the run order: each is the secure side of an NS thread that
 * its RTOS switched out, resumed by that RTOS (through the frame
 * arch_ns_ctx_park() left) when it loads the context again. Everything
 * else is a thread like any other: a partition that an NS thread's call
 * made run, preempted by NS when its RTOS switched threads, is switched
 * out as the scheduler would have, and runs whenever it is the most
 * urgent, whichever NS context is loaded.
 *
 * SPM code never runs with its state half changed when NS switches
 * contexts: the scheduler lock holds NS interrupts off
 * (arch_ns_irq_hold(), sched.h).
 */
#include "spm/backend.h"

#include "arch/arch.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/backend/ipc/sched.h"
#include "spm/log.h"
#include "spm/ns_completion.h"
#include "spm/nsce/ns_client.h"
#include "spm/panic.h"
#include WARDEN_ARCH_THREAD_H

static struct arch_ns_ctx ns_arch[SPM_NS_AGENTS];
static uint8_t ns_stacks[WARDEN_NS_CONTEXTS + (WARDEN_NS_CONTEXTS == 0)]
                        [WARDEN_NS_CONTEXT_STACK_SIZE]
    __attribute__((aligned(8)));
struct spm_partition *ipc_ns_active_agent = &spm_ns_agent;
static uint32_t active;

/* An agent as a client: nothing in flight, no signal to wait for. */
static void reset_agent(struct spm_partition *agent)
{
    agent->be.allowed = 0u;
    agent->be.asserted = 0u;
    agent->be.wait_mask = 0u;
    agent->be.queue = NULL;
    agent->be.pending = NULL;
    agent->be_small.sl_orphan = 0u;
    agent->be_small.wait_r0 = 0u;
}

void ipc_ns_ctx_init(void)
{
    reset_agent(&spm_ns_agent);
    arch_ns_ctx_init(&ns_arch[0], &sched_thread_of(&spm_ns_agent)->ctx, NULL,
                     0u);
    /* (No iteration in a build without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    for (uint32_t c = 0; c < spm_ns_contexts(); c++) {
        struct spm_partition *agent = spm_ns_agent_of(c + 1u);

        reset_agent(agent);
        arch_ns_ctx_init(&ns_arch[c + 1u], &sched_thread_of(agent)->ctx,
                         ns_stacks[c], WARDEN_NS_CONTEXT_STACK_SIZE);
    }
    active = 0u;
    ipc_ns_active_agent = &spm_ns_agent;
}

/* The loaded context leaves the NS rank, its place kept. */
static void park_active(void)
{
    struct sched_thread *agent = sched_thread_of(ipc_ns_active_agent);

    if (!arch_ns_ctx_park(&ns_arch[active], &sched_current()->ctx,
                          &agent->ctx)) {
        spm_log("[Warden] NS context %d: no stack room to switch it out "
                "(WARDEN_NS_CONTEXT_STACK_SIZE)\r\n",
                (int)active);
        spm_fatal(__FILE__, __LINE__);
    }
}

/*
 * Whether secure work runs at a load, inside the NS RTOS's switch (whose
 * exception is active meanwhile: NS switches no thread until the work
 * blocks). Without NS priorities: whenever a thread is ready, as secure
 * work comes before NS code. With them: only work more urgent than the
 * loaded context. Work of its own priority waits until its NS thread goes
 * on (a context in a call resumes into the scheduler, in Thread mode,
 * where NS can preempt it); context 0, where an NS RTOS switching threads
 * passes between a save and a load, lets only the top priority's (an
 * interrupt's) run.
 */
static bool due_at_load(const struct sched_thread *agent)
{
    const struct sched_thread *next;

    /* (Always true in a build without NS contexts.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (!sched_by_ns_prio()) {
        return sched_preempt_due();
    }
    next = sched_pick();
    return next != NULL && next->ns_prio > agent->ns_prio;
}

static void activate(uint32_t ctx)
{
    struct spm_partition *agent = spm_ns_agent_of(ctx);
    struct sched_thread *t = sched_thread_of(agent);

    sched_set_ns(t);
    arch_ns_ctx_enter(&ns_arch[ctx], &t->ctx);
    active = ctx;
    ipc_ns_active_agent = agent;
    /* A thread more urgent than NS code is ready (one NS preempted, just
     * switched out): it runs as soon as the veneer unmasks, before the NS
     * RTOS goes on. Left for later, it would wait for the next secure
     * entry, which may never come (its NS thread waits on an NS lock, or
     * for it). */
    if (due_at_load(t)) {
        arch_yield();
    }
}

void backend_ns_ctx_load(uint32_t ctx)
{
    if (ctx == active || ctx > spm_ns_contexts()) {
        return;
    }
    park_active();
    activate(ctx);
}

void backend_ns_ctx_priority(uint32_t ctx, uint32_t priority)
{
    if (ctx > spm_ns_contexts()) {
        return;
    }
    sched_thread_of(spm_ns_agent_of(ctx))->ns_prio = (uint8_t)priority;
    /* (Context 0 is the only one in a build without NS contexts.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (priority < SCHED_NS_PRIO_TOP && ctx != 0u) {
        /* From now on; and context 0 (NS code outside any thread's
         * context, an RTOS between a save and a load) is below only the
         * top. */
        sched_core.by_ns_prio = true;
        sched_thread_of(&spm_ns_agent)->ns_prio = SCHED_NS_PRIO_TOP - 1u;
    }
}

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
        /* Its call goes as a stopped client's would: its service sees an
         * orphan, or nothing if it had not taken it yet. */
        ipc_drop_request(agent);
        if (WARDEN_NS_COMPLETION_IRQ) {
            spm_ns_completion_forget(ctx);
        }
        spm_ns_leave(agent);
    }
    sched_thread_of(agent)->state = SCHED_READY;
    arch_ns_ctx_reset(&ns_arch[ctx]);
}
