/*
 * The IPC backend: every partition runs in its own thread with its own
 * stack; the NS agent's thread is the boot context. A request is queued on
 * the service's partition, its signal raised, and the client blocks until
 * psa_reply() wakes it; the scheduler (spm/backend/ipc/sched.c) runs the most
 * urgent ready thread.
 */
#include "spm/backend.h"

#include "arch/arch.h"
#include "spm/api.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/client_api.h"
#include "spm/handle.h"
#include "spm/irq.h"
#include "spm/log.h"
#include "spm/mmiovec.h"
#include "spm/ns_completion.h"
#include "spm/panic.h"
#include "spm/backend/ipc/ns_prio.h"
#include "spm/backend/ipc/sched.h"
#include "warden/stack.h"

static void set_allowed_signals(struct spm_partition *p)
{
    const struct warden_partition_info *info = p->info;

    p->be.allowed = PSA_DOORBELL;
    for (uint32_t i = 0; i < info->nservices; i++) {
        psa_signal_t s = warden_services[info->first_service + i].signal;

        SPM_ASSERT(s != 0u && (s & 0xFu) == 0u);
        p->be.allowed |= s;
    }
    p->be.allowed |= spm_irq_signals(p);
}

/* Puts @p p's MMIO regions in its thread's boundary; a partition that owns
 * more than the port has room for stops the boot. */
static void grant_mmio(const struct spm_partition *p)
{
    const struct warden_mmio_info *m = warden_mmio_of(p->info);

    for (uint32_t j = 0; j < p->info->nmmio; j++) {
        if (!arch_thread_grant(&sched_thread_of(p)->ctx, m[j].base, m[j].size,
                               (m[j].flags & WARDEN_MMIO_READ_WRITE) != 0u)) {
            spm_log("[Warden] %s: MMIO region %d does not fit its boundary "
                    "(the MPU has no region left for it, or it is not "
                    "32-byte aligned)\r\n",
                    p->info->name, (int)j);
            spm_fatal(__FILE__, __LINE__);
        }
    }
}

bool ipc_mm_map(struct spm_partition *service, uintptr_t base, size_t len,
                uint32_t access)
{
    return arch_thread_map(&sched_thread_of(service)->ctx, base, len,
                           (access & ARCH_ACCESS_WRITE) != 0u);
}

void ipc_mm_unmap(struct spm_partition *service, uintptr_t base, size_t len,
                  uint32_t access)
{
    arch_thread_unmap(&sched_thread_of(service)->ctx, base, len,
                      (access & ARCH_ACCESS_WRITE) != 0u);
}

void backend_init(void)
{
    sched_init();
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        struct spm_partition *p = &spm_partitions[i];
        const struct warden_partition_info *info = p->info;
        bool ipc = (info->flags & WARDEN_PART_MODEL_IPC) != 0u;

        SPM_ASSERT(info->stack != NULL &&
                   info->stack_size >= WARDEN_STACK_MIN_IPC);
        SPM_ASSERT(ipc ? info->entry_point != NULL : info->entry_point == NULL);
        for (uint32_t j = 0; !ipc && j < info->nservices; j++) {
            SPM_ASSERT(warden_services[info->first_service + j].sfn != NULL);
        }
        set_allowed_signals(p);
        p->be_small.sl_orphan = 0u;
        p->be_small.wait_r0 = 0u;
        p->be.irq_raised = 0u;
        p->be.irq_stop = 0u;
        p->state = ipc ? SPM_PART_READY : SPM_PART_UNINIT;
        arch_thread_init(&sched_thread_of(p)->ctx, info->stack,
                         info->stack_size,
                         ipc ? info->entry_point : ipc_sfn_thread_main);
        arch_thread_isolate(&sched_thread_of(p)->ctx, i,
                            spm_is_unprivileged(p));
        grant_mmio(p);
    }
    ipc_ns_ctx_init();
}

void ipc_assert_signal(struct spm_partition *p, psa_signal_t signal)
{
    p->be.asserted |= signal;
    if ((p->be.wait_mask & signal) != 0u) {
        /* Its psa_wait() returns the signals of its mask raised by now
         * (later ones stay raised for the next psa_wait()): its thread
         * need not come back into SPM code to learn them. */
        p->be.woken = p->be.asserted & p->be.wait_mask;
        p->be.wait_mask = 0u;
        sched_ready(sched_thread_of(p));
    }
}

/* The running thread gives the processor away if a more urgent thread is
 * ready (or it blocked): after SPM code, or from an interrupt. */
__attribute__((always_inline)) static inline void give_way(void)
{
    if (sched_preempt_due()) {
        arch_yield();
    }
}

/*
 * Interrupt context. Secure interrupts share one priority with the thread
 * switch (PendSV), so none preempts another, nor a switch; they preempt
 * thread-mode code only. SPM code there holds the scheduler lock: the
 * signal waits in irq_raised for sched_unlock(). Otherwise no SPM state is
 * half changed, and the signal is raised at once.
 */
/* How many interrupts found SPM code running (their signal waited for the
 * unlock): for a debugger, and for the tests (tests/partitions/irq). */
uint32_t ipc_irq_deferrals;

void backend_irq_assert(struct spm_partition *p, psa_signal_t signal)
{
    if (sched_core.locked) {
        ipc_irq_deferrals++;
        p->be.irq_raised |= signal;
        sched_core.irq_parts |= 1u << p->index;
        return;
    }
    ipc_ns_prio_interrupt(p);
    ipc_assert_signal(p, signal);
    give_way();
}

/* The same for a stop: its lines are disabled at once, the rest of it
 * (ipc_terminate_cleanup(), which disables them too) waits for the unlock
 * when SPM code runs. */
void backend_irq_stop(struct spm_partition *p)
{
    if (sched_core.locked) {
        spm_irq_stop(p);
        p->be.irq_stop = 1u;
        sched_core.irq_parts |= 1u << p->index;
        return;
    }
    ipc_terminate_cleanup(p);
    give_way();
}

void ipc_ns_end_raised(void)
{
    give_way();
}

void sched_irq_drain(void)
{
    uint32_t held = sched_ns_hold();

    do {
        uint32_t parts;

        sched_core.locked = true;
        parts =
            __atomic_exchange_n(&sched_core.irq_parts, 0u, __ATOMIC_RELAXED);
        while (parts != 0u) {
            struct spm_partition *p =
                spm_client_by_index((uint32_t)__builtin_ctz(parts));

            parts &= parts - 1u;
            ipc_ns_prio_interrupt(p);
            ipc_assert_signal(p, __atomic_exchange_n(&p->be.irq_raised, 0u,
                                                     __ATOMIC_RELAXED));
            if (p->be.irq_stop != 0u) {
                p->be.irq_stop = 0u;
                ipc_terminate_cleanup(p);
            }
        }
        sched_core.locked = false;
    } while (sched_core.irq_parts != 0u);
    sched_ns_release(held);
}

bool backend_irq_asserted(struct spm_partition *p, psa_signal_t signal)
{
    ipc_irq_take(p);
    return (p->be.asserted & signal) != 0u;
}

void backend_irq_clear(struct spm_partition *p, psa_signal_t signal)
{
    ipc_irq_take(p);
    p->be.asserted &= ~signal;
}

psa_flih_result_t ipc_flih_call(struct spm_partition *p,
                                psa_flih_result_t (*flih)(void))
{
    return arch_flih_call(&sched_thread_of(p)->ctx, p->info->flih_stack, flih);
}

static void enqueue(struct spm_partition *owner, struct spm_req *req)
{
    struct spm_req **tail = &owner->be.queue;

    while (*tail != NULL) {
        tail = &(*tail)->be.next;
    }
    req->be.next = NULL;
    req->be.reply = BACKEND_REQ_QUEUED;
    *tail = req;
}

psa_status_t backend_messaging(struct spm_req *req)
{
    struct spm_partition *owner = spm_service_partition(req->service);
    struct spm_partition *client = req->client;

    if (owner->state == SPM_PART_FAILED ||
        owner->state == SPM_PART_TERMINATED) {
        return spm_not_serving(req->msg.type);
    }
    enqueue(owner, req);
    ipc_ns_prio_queued(owner, client);
    client->be.pending = req;
    sched_block_current(); /* the client's: it made the request */
    ipc_assert_signal(owner, req->service->signal);
    return SPM_STATUS_PENDING;
}

/* True while the service may use the message handle of @p req: delivered,
 * not replied. */
static bool in_flight(const struct spm_req *req)
{
    if (req->conn != NULL) {
        return req->conn->state == SPM_CONN_ACTIVE;
    }
    return req->client->sl_req == req;
}

void ipc_reply(struct spm_req *req, psa_status_t status)
{
    struct spm_partition *client = req->client;

    spm_mm_end(req); /* what its service left mapped, released */
    req->be.reply = status;
    if (req->conn != NULL) {
        req->conn->state = SPM_CONN_REPLIED;
    } else {
        client->sl_req = NULL; /* its message handle is stale now */
    }
    if (spm_ns_deferred(client)) {
        spm_ns_completion_post(client); /* its NS thread is told */
    }
    sched_ready(sched_thread_of(client));
}

struct spm_req *backend_replied(struct spm_partition *caller,
                                psa_status_t *status)
{
    struct spm_req *req = caller->be.pending;

    SPM_ASSERT(req != NULL && !in_flight(req));
    caller->be.pending = NULL;
    *status = req->be.reply;
    return req;
}

psa_status_t ipc_client_resolve(struct spm_partition *caller,
                                psa_status_t status)
{
    bool held;

    if (status != SPM_STATUS_PENDING) {
        return status;
    }
    /* The caller blocked. A partition's thread already waited in
     * ipc_cross(); the NS agent's (which calls the client API directly)
     * waits here, until the reply made it ready, and then runs SPM code as
     * it is, as it ran spm_call(). */
    if (!spm_is_ns(caller)) {
        return ipc_spm_call_status(caller);
    }
    /* The NS agent's SPM code holds the lock (backend_ns_begin()): not
     * while it waits. */
    held = sched_locked();
    if (held) {
        sched_unlock();
    }
    arch_yield();
    /* Back while still blocked: nothing else was ready, or (NS contexts)
     * the NS RTOS resumed this agent's thread where NS had preempted it,
     * with other threads made ready meanwhile: it idles until any thread
     * is ready, and lets the most urgent run. */
    while (sched_thread_of(caller)->state != SCHED_READY) {
        sched_idle();
        arch_yield();
    }
    sched_relock(held);
    return spm_client_finish(caller);
}

void backend_system_run(void)
{
    /* The partitions are more urgent than the NS agent: they initialise
     * and block in psa_wait() before the NS image starts. */
    arch_yield();
    spm_log("[Warden] partitions started\r\n");
    arch_ns_launch();
}

/* The port's switch (PendSV) asks which thread runs next. */
struct arch_thread *spm_hook_switch(void)
{
    struct sched_thread *next = sched_switch(sched_current());

    /* Levels 2 and 3: a psa_wait() made in the SVC handler returns now. */
    if (TFM_ISOLATION_LEVEL > 1 && next->part->be_small.wait_r0 != 0u) {
        next->part->be_small.wait_r0 = 0u;
        arch_thread_set_r0(&next->ctx, next->part->be.woken);
    }
    return &next->ctx;
}

/*
 * A switch over NS code (a secure interrupt woke a thread while NS ran) is
 * one the NS RTOS must not see: secure threads it interrupted would look to
 * it like the secure call of its running thread, and it could switch its
 * own threads under them. So:
 *  - if the NS agent's thread is current, NS runs outside any secure call
 *    of its own (or its secure call idles, sched_idle()): the switch
 *    happens, with NS interrupts held off until the port returns to NS
 *    code (the NS agent's thread, whose context is that code now);
 *  - if a partition's thread is current, NS preempted it in an NS call
 *    and the NS RTOS runs another thread meanwhile: that secure state is
 *    the NS RTOS's to resume, and the switch waits until secure code runs
 *    again (the partition's next call, its block).
 */
struct arch_thread *spm_hook_switch_over_ns(void)
{
    struct sched_thread *cur = sched_current();
    struct arch_thread *next;

    if (cur != sched_ns_thread()) {
        return &cur->ctx;
    }
    next = spm_hook_switch();
    if (next != &cur->ctx) {
        arch_hold_ns_interrupts();
    }
    return next;
}

uint32_t ipc_cross(uint32_t (*fn)(void *arg), void *arg)
{
    uint32_t r;

    sched_lock();
    /* At isolation levels 2 and 3 a partition's calls already run on its
     * SVC stack, SPM memory of its own: no second switch. */
    r = (TFM_ISOLATION_LEVEL > 1) ? fn(arg) : arch_spm_call(fn, arg);
    sched_unlock();
    give_way();
    return r;
}

static uint32_t finish_body(void *arg)
{
    return (uint32_t)spm_client_finish(arg);
}

psa_status_t ipc_spm_call_status(struct spm_partition *caller)
{
    return (psa_status_t)ipc_cross(finish_body, caller);
}

/* Answers every request still queued on @p p as its service would if it
 * were not serving. */
static void fail_queue(struct spm_partition *p)
{
    while (p->be.queue != NULL) {
        struct spm_req *req = p->be.queue;

        p->be.queue = req->be.next;
        req->be.next = NULL;
        ipc_reply(req, spm_not_serving(req->msg.type));
    }
}

/* Answers the requests @p p took but did not reply to yet (each waiting
 * client has its request as be.pending), and ends its stateless orphans. */
static void fail_active(const struct spm_partition *p)
{
    for (uint32_t i = 0; i < SPM_NUM_CLIENTS; i++) {
        struct spm_partition *c = spm_client_by_index(i);
        struct spm_req *req = c->be.pending;

        if (req != NULL && in_flight(req) &&
            spm_service_partition(req->service) == p) {
            ipc_reply(req, spm_not_serving(req->msg.type));
        }
        if (c->be_small.sl_orphan != 0u &&
            spm_service_partition(
                &warden_services[c->be_small.sl_orphan - 1u]) == p) {
            c->be_small.sl_orphan = 0u;
        }
    }
}

/* Unlinks @p req from its owner's queue; false if it was not queued. The
 * owner's signal stays raised only while another request for it is queued. */
static bool withdraw(struct spm_req *req)
{
    struct spm_partition *owner = spm_service_partition(req->service);
    psa_signal_t signal = req->service->signal;
    struct spm_req **link = &owner->be.queue;

    while (*link != NULL && *link != req) {
        link = &(*link)->be.next;
    }
    if (*link == NULL) {
        return false;
    }
    *link = req->be.next;
    if (!ipc_queued(owner, signal)) {
        owner->be.asserted &= ~signal;
    }
    return true;
}

/*
 * @p p, a client, is stopped (or, an NS agent, its NS thread ended): its
 * request in flight lives on its stack, which nothing may use from now on.
 * A queued request is withdrawn (its service never sees it); one its
 * service took becomes an orphan (its message handle stays valid for the
 * service until the reply); a replied one is dropped. The connection of a
 * withdrawn or replied call of an NS agent stays open (it is the NS
 * client's, whichever thread uses it); any other such connection is freed.
 */
void ipc_drop_request(struct spm_partition *p)
{
    struct spm_req *req = p->be.pending;
    struct spm_conn *conn;

    if (req == NULL) {
        return;
    }
    p->be.pending = NULL;
    conn = req->conn;
    if (in_flight(req) && !withdraw(req)) {
        spm_mm_end(req); /* its service maps nothing of it any more */
        if (conn == NULL) {
            p->be_small.sl_orphan =
                (uint8_t)(1u + (req->service - warden_services));
        } else {
            conn->state = (req->msg.type == PSA_IPC_CONNECT)
                              ? SPM_CONN_ORPHAN_CONNECT
                              : SPM_CONN_ORPHAN;
        }
    } else if (conn != NULL && spm_is_ns(p) && req->msg.type >= PSA_IPC_CALL) {
        conn->state = SPM_CONN_IDLE;
    } else if (conn != NULL) {
        spm_conn_free(conn); /* queued or replied: nobody will use it */
    }
    if (conn != NULL) {
        conn->req = NULL;
    }
    p->sl_req = NULL;
}

void ipc_terminate_cleanup(struct spm_partition *p)
{
    p->state = SPM_PART_TERMINATED;
    fail_queue(p);
    fail_active(p);
    ipc_drop_request(p);
    /* Its open connections close, and so do the orphans it took. */
    for (uint32_t i = 0; i < spm_conn_pool_size(); i++) {
        struct spm_conn *conn = &spm_conns[i];
        bool orphan = conn->state == SPM_CONN_ORPHAN ||
                      conn->state == SPM_CONN_ORPHAN_CONNECT;

        if ((conn->state == SPM_CONN_IDLE && conn->client == p->index) ||
            (orphan &&
             spm_service_partition(&warden_services[conn->service]) == p)) {
            spm_conn_free(conn);
        }
    }
    p->be.asserted = 0u;
    spm_irq_stop(p);
    (void)__atomic_exchange_n(&p->be.irq_raised, 0u, __ATOMIC_RELAXED);
    sched_kill(sched_thread_of(p));
}

void backend_terminate(struct spm_partition *p)
{
    ipc_terminate_cleanup(p);
    if (sched_thread_of(p) == sched_current()) {
        sched_drop_lock(); /* held, unless its thread's body returned */
        arch_thread_exit();
    }
    spm_fatal(__FILE__, __LINE__);
}

struct arch_thread *backend_stop_faulted(struct spm_partition *p,
                                         struct arch_fault *f)
{
    (void)f;
    ipc_terminate_cleanup(p);
    sched_drop_lock(); /* it may have faulted around an SPM call */
    return spm_hook_switch();
}

static uint32_t park_body(void *arg)
{
    sched_kill(sched_thread_of(arg));
    return 0u;
}

warden_sfn_t ipc_sfn_take(struct spm_partition *self, psa_msg_t *msg)
{
    const struct warden_partition_info *info = self->info;
    /* Not its IRQ signals: one of its functions waits for those. */
    psa_signal_t services =
        self->be.allowed & ~(PSA_DOORBELL | spm_irq_signals(self));

    /* An SFN-model partition with IRQs alone has nothing for its thread
     * to wait for once initialised: the thread ends, the partition goes on
     * (its FLIH functions run in their interrupts). */
    if (services == 0u) {
        (void)ipc_cross(park_body, self);
        spm_fatal(__FILE__, __LINE__); /* a dead thread is never picked */
    }

    for (;;) {
        psa_signal_t signals = SPM_API(psa_wait)(services, PSA_BLOCK);

        for (uint32_t i = 0; i < info->nservices; i++) {
            const struct warden_service_info *svc =
                &warden_services[info->first_service + i];

            if ((signals & svc->signal) != 0u &&
                SPM_API(psa_get)(svc->signal, msg) == PSA_SUCCESS) {
                return svc->sfn;
            }
        }
    }
}

void ipc_sfn_init_failed(struct spm_partition *self)
{
    spm_log("[Warden] %s: entry_init failed, its services are not "
            "available\r\n",
            self->info->name);
    self->state = SPM_PART_FAILED;
    spm_irq_stop(self); /* whatever its entry_init enabled */
    sched_lock();
    fail_queue(self);
    sched_kill(sched_thread_of(self));
    sched_unlock();
    arch_thread_exit();
}
