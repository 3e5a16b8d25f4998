/*
 * The SFN backend: no threads, no scheduler. A request is a function call
 * into the service's secure function on the caller's stack (for NS calls
 * the NS agent's: its NS context's, spm/backend/sfn/sfn_ns_ctx.c); the
 * return value is the reply.
 */
#include "spm/backend.h"

#include <stdbool.h>

#include "arch/arch.h"
#include "spm/client_api.h"
#include "spm/irq.h"
#include "platform.h"
#include "spm/log.h"
#include "spm/mmiovec.h"
#include "spm/panic.h"
#include "spm/panic_why.h"
#include "warden/ns_wait.h"

struct backend_sfn backend_sfn = { &spm_ns_agent, NULL, 0u, false };
volatile uint32_t sfn_irq_asserted[SPM_PARTITION_ENTRIES];

void backend_init(void)
{
    backend_sfn.current = &spm_ns_agent;
    for (uint32_t i = 0; i < WARDEN_NUM_SERVICES; i++) {
        SPM_ASSERT(warden_services[i].sfn != NULL);
    }
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        SPM_ASSERT((warden_partitions[i].flags & WARDEN_PART_MODEL_IPC) == 0u);
        sfn_irq_asserted[i] = 0u; /* a hosted boot again */
    }
    sfn_ns_ctx_init();
}

/*
 * A secure function in progress. The `terminate` policy unwinds to the frame
 * of the partition it stops, so the client gets a status back and every
 * other partition keeps serving.
 */
struct sfn_frame {
    /* __builtin_setjmp()'s buffer: frame pointer, resume address, stack
     * pointer (GCC saves every callee-saved register around the call that
     * sets it up, so nothing else is needed to resume). */
    void *env[5];
    struct spm_partition *owner;
    struct spm_partition *caller;
    struct sfn_frame *prev;
};

/* A reply other than PSA_SUCCESS of @p owner to @p req, checked: out of
 * line, so that a successful reply pays only the test of its value (3
 * instructions more than the connect check alone: the layout around the
 * terminate policy's resume point changes). */
static __attribute__((noinline)) psa_status_t
checked_reply(const struct spm_req *req, struct spm_partition *owner,
              psa_status_t status)
{
    if (req->msg.type == PSA_IPC_CONNECT && !spm_connect_reply_ok(status)) {
        /* only SUCCESS, REFUSED or BUSY answer a connect */
        spm_panic(owner, SPM_WHY_CONNECT_REPLY, "its secure function",
                  (int)status);
    }
    /* Never the refusal for a busy partition, which the NS client library
     * makes again (include/warden/ns_wait.h). */
    if (status == WARDEN_STATUS_PARTITION_BUSY) {
        return PSA_ERROR_SERVICE_FAILURE;
    }
    return status;
}

/* Runs the secure function of @p req as its partition. */
static psa_status_t run_sfn(struct spm_req *req, struct spm_partition *owner)
{
    psa_status_t status;

    backend_sfn.current = owner;
    status = req->service->sfn(&req->msg);
    /* Success answers anything: only another reply needs a look. */
    if (status != PSA_SUCCESS) {
        status = checked_reply(req, owner, status);
    }
    return status;
}

psa_status_t backend_messaging(struct spm_req *req)
{
    struct spm_partition *owner = spm_service_partition(req->service);
    struct sfn_frame frame;
    psa_status_t status;

    if (owner->state != SPM_PART_READY) {
        return spm_not_serving(req->msg.type);
    }
    if (!WARDEN_FAULT_POLICY_TERMINATE) {
        /* Only `terminate` unwinds: no frame needed. */
        frame.caller = backend_sfn.current;
        status = run_sfn(req, owner);
        spm_mm_end(req); /* the reply: what the service left mapped */
        backend_sfn.current = frame.caller;
        return status;
    }
    frame.owner = owner;
    frame.caller = backend_sfn.current;
    frame.prev = backend_sfn.frames;
    backend_sfn.frames = &frame;
    if (__builtin_setjmp(frame.env) == 0) {
        status = run_sfn(req, owner);
    } else {
        status = spm_not_serving(req->msg.type); /* the owner was terminated */
    }
    spm_mm_end(req); /* the reply (or the stop): what was left mapped */
    backend_sfn.frames = frame.prev;
    backend_sfn.current = frame.caller;
    return status;
}

/* The innermost secure function in progress of @p p, or NULL. */
static struct sfn_frame *frame_of(const struct spm_partition *p)
{
    for (struct sfn_frame *f = backend_sfn.frames; f != NULL; f = f->prev) {
        if (f->owner == p) {
            return f;
        }
    }
    return NULL;
}

void backend_terminate(struct spm_partition *p)
{
    struct sfn_frame *f = frame_of(p);

    p->state = SPM_PART_TERMINATED;
    spm_irq_stop(p);
    if (f != NULL) {
        backend_sfn.frames = f;
        __builtin_longjmp(f->env, 1);
    }
}

/* Where a partition's faulted context goes on: to the call that entered
 * it, as for a panic. */
static void unwind_faulted(void)
{
    backend_terminate(backend_sfn.current);
    spm_fatal(__FILE__, __LINE__); /* no frame: checked before the redirect */
}

/* One thread: the faulted context itself unwinds, once the handler
 * returns into it. */
struct arch_thread *backend_stop_faulted(struct spm_partition *p,
                                         struct arch_fault *f)
{
    if (!f->resumable || frame_of(p) == NULL) {
        spm_log("[Warden] the faulted context cannot be unwound\r\n");
        spm_stop_system(true, PLATFORM_RESET_SPM_FAULT, f, p);
    }
    f->redirect = unwind_faulted;
    return NULL;
}

/* Interrupt context: no SPM code writes the word but atomically, and
 * interrupts of the secure priority do not preempt one another. */
void backend_irq_assert(struct spm_partition *p, psa_signal_t signal)
{
    *sfn_asserted(p) |= signal;
}

void backend_irq_stop(struct spm_partition *p)
{
    spm_irq_stop(p); /* nothing is delivered to it any more */
    spm_fatal(__FILE__, __LINE__);
}

bool backend_irq_asserted(struct spm_partition *p, psa_signal_t signal)
{
    return (*sfn_asserted(p) & signal) != 0u;
}

void backend_irq_clear(struct spm_partition *p, psa_signal_t signal)
{
    (void)__atomic_fetch_and(sfn_asserted(p), ~signal, __ATOMIC_RELAXED);
}

struct spm_req *backend_replied(struct spm_partition *caller,
                                psa_status_t *status)
{
    (void)caller;
    (void)status;
    spm_fatal(__FILE__, __LINE__); /* nothing is ever pending here */
}

static void init_partition(struct spm_partition *p)
{
    struct sfn_frame frame;
    psa_status_t status = PSA_SUCCESS;

    if (p->info->entry_init != NULL) {
        frame.owner = p;
        frame.caller = &spm_ns_agent;
        frame.prev = NULL;
        backend_sfn.frames = &frame;
        backend_sfn.current = p;
        status = (__builtin_setjmp(frame.env) == 0) ? p->info->entry_init()
                                                    : PSA_ERROR_SERVICE_FAILURE;
        backend_sfn.frames = NULL;
        backend_sfn.current = &spm_ns_agent;
    }
    if (p->state == SPM_PART_TERMINATED) {
        return;
    }
    if (status < 0) {
        p->state = SPM_PART_FAILED;
        spm_irq_stop(p); /* whatever its entry_init enabled */
        spm_log("[Warden] %s: entry_init returned %ld, its services are "
                "not available\r\n",
                p->info->name, (long)status);
        return;
    }
    p->state = SPM_PART_READY;
}

void backend_system_run(void)
{
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        init_partition(&spm_partitions[i]);
    }
    backend_sfn.current = &spm_ns_agent;
    arch_ns_launch();
}
