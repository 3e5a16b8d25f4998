/*
 * The backend contract: every operation the core (spm/) and the port's
 * hooks (arch/arch.h) use of a backend, declared here. Exactly one backend
 * is built, from its folder: spm/backend/sfn/ (one thread; a secure
 * function is called directly) or spm/backend/ipc/ (a thread per
 * partition, a scheduler, the cross call). The operations marked inline
 * are defined by the backend's backend_inline.h (possibly as a call of
 * one of its functions), which this header includes last (warden/config.h
 * names it); the others by its .c files.
 * What each backend keeps per partition and per request is its
 * backend_types.h (struct backend_part, struct backend_req), which
 * spm/spm.h includes.
 */
#ifndef WARDEN_SPM_BACKEND_H
#define WARDEN_SPM_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spm/spm.h"

struct arch_fault;
struct arch_thread;

/*
 * SPM-internal status: the request was delivered and the client must wait
 * for the reply (IPC). Only backend_messaging() returns it, and only
 * backend_client_resolve() turns it into what the client sees.
 */
#define SPM_STATUS_PENDING ((psa_status_t)-254)

/** Checks the loaded partitions suit this backend; halts if not. */
void backend_init(void);

/** (Inline.) The partition running now (the client of a new call): the NS
 * agent or a secure partition. */
static inline struct spm_partition *backend_current(void);

/**
 * Delivers request @p req (msg filled in, its connection ACTIVE or its
 * client's sl_req set) to the service. Returns the service's reply status
 * (SFN), or SPM_STATUS_PENDING when the client must wait for the reply
 * (IPC). A partition whose initialisation failed, or that was terminated,
 * is not called: connect gets PSA_ERROR_CONNECTION_REFUSED, a call
 * PSA_ERROR_SERVICE_FAILURE, and a disconnect PSA_SUCCESS.
 */
psa_status_t backend_messaging(struct spm_req *req);

/**
 * (Inline.) True if client @p caller may have its request delivered to
 * service @p svc now. Called once the request is decoded, before anything
 * is committed; false refuses it with nothing done (PSA_ERROR_CONNECTION_BUSY,
 * which backend_client_resolve() turns into what the NS caller sees).
 * Only the SFN backend with NS contexts ever refuses: an NS call whose
 * partition, or one it may call, is inside another NS context's call
 * (backend_client_resolve() then ends the call with
 * WARDEN_STATUS_PARTITION_BUSY, include/warden/ns_wait.h).
 */
static inline bool backend_may_enter(const struct spm_partition *caller,
                                     const struct warden_service_info *svc);

/**
 * (Inline.) What an NS psa_call() returns, given @p status from
 * backend_client_resolve(): never a service's reply of
 * WARDEN_STATUS_PARTITION_BUSY (include/warden/ns_wait.h), which the NS
 * client library would make again, but PSA_ERROR_SERVICE_FAILURE instead;
 * the SPM's own refusal as it is. SFN: @p status (the backend checks a
 * reply where it comes from, on its non-success path); IPC: checked here.
 */
static inline psa_status_t backend_ns_call_status(psa_status_t status);

/** (Inline.) True if @p status, from backend_messaging(), says the client
 * waits for the reply (SPM_STATUS_PENDING; never, for SFN). */
static inline bool backend_pending(psa_status_t status);

/**
 * (Inline.) What a client API call of @p caller finally returns, given
 * what spm_connect()/spm_call()/spm_close() returned: @p status itself,
 * or, for SPM_STATUS_PENDING, the caller's thread waits for the reply
 * (IPC) and the result of spm_client_finish(). Called outside the SPM's
 * own stack. SFN with NS contexts: called at the end of every NS connect,
 * call and close (its only caller), it gives back the partitions the call
 * held (backend_may_enter()).
 */
static inline psa_status_t backend_client_resolve(struct spm_partition *caller,
                                                  psa_status_t status);

/**
 * (Inline.) True if the service partition has taken the request whose
 * backend part is @p be (IPC: got it with psa_get(); SFN: always, a secure
 * function is called with it), so that its message handle is the
 * partition's to use. A partition that names a request still queued for it
 * (a guessed handle) breaks the rules.
 */
static inline bool backend_req_taken(const struct backend_req *be);

/**
 * (Inline.) True if @p msg_handle names an orphan of @p self: a request
 * @p self took whose client was stopped since (IPC). Reading it gives
 * nothing, what is written to it goes nowhere, and its reply ends it. SFN:
 * never (a client stops only between its calls).
 */
static inline bool backend_orphan_of(psa_handle_t msg_handle,
                                     const struct spm_partition *self);

/**
 * The request @p caller waited for, now replied, and the reply status
 * (IPC backend; the SFN backend never leaves a request pending).
 */
struct spm_req *backend_replied(struct spm_partition *caller,
                                psa_status_t *status);

/**
 * Stops partition @p p for good (the `terminate` panic policy): its pending
 * and later requests get the not-serving statuses of backend_messaging().
 * Does not return when @p p is the running partition.
 */
void backend_terminate(struct spm_partition *p);

/**
 * Stops @p p, the running partition, whose own code raised fault @p f (the
 * `terminate` fault policy, spm/fault.c), from the port's fault handler:
 * what backend_terminate() does, carried out by the port
 * (spm_hook_fault(), arch/arch.h). IPC: returns the context of the thread
 * to resume. SFN: returns NULL and sets f->redirect, where the faulted
 * context unwinds to the call that entered @p p; if its frame is not
 * whole (!f->resumable), the SPM itself has failed (spm/fault.c).
 */
struct arch_thread *backend_stop_faulted(struct spm_partition *p,
                                         struct arch_fault *f);

/**
 * (Inline.) MM-IOVEC: makes the client buffer [@p base, @p base + @p len)
 * of a vector reachable from the boundary of @p service, the partition
 * that maps it, with @p access (ARCH_ACCESS_READ for an invec,
 * ARCH_ACCESS_RW for an outvec), until backend_mm_unmap() of the same
 * range. The core calls it once per vector and mapping, with @p len > 0 and
 * a range the client's boundary was checked to allow with @p access when
 * the request was decoded (spm/iovec.c); no two calls for one request
 * overlap. Returns false if the range cannot be made reachable (e.g. no
 * MPU region left): the core then stops @p service (spm_panic()).
 * At isolation level 1 every client buffer is reachable already: true.
 */
static inline bool backend_mm_map(struct spm_partition *service, uintptr_t base,
                                  size_t len, uint32_t access);

/**
 * (Inline.) Ends what backend_mm_map() of the same @p service, @p base,
 * @p len and @p access did: the range is no longer reachable from
 * @p service's boundary. Called when the service unmaps the vector, and
 * for every vector still mapped when its request ends (psa_reply(), the
 * service's or the client's stop: @p service need not be running).
 * Cannot fail. At isolation level 1: nothing to do.
 */
static inline void backend_mm_unmap(struct spm_partition *service,
                                    uintptr_t base, size_t len,
                                    uint32_t access);

/**
 * (Inline.) Brackets the SPM code an NS call runs on the NS agent's own
 * stack (spm/ns_agent.c): nothing that changes SPM state (a secure
 * interrupt's delivery; IPC: another thread) runs in between.
 * backend_client_resolve() of the NS agent leaves the bracket while it
 * waits for its reply. SFN: nothing to do (an interrupt only sets a
 * partition's signal bits, atomically). backend_ns_begin() returns false,
 * and brackets nothing, when the NS agent's SPM code is in progress
 * already (an NS handler preempted it): the NS call is refused as busy.
 */
static inline bool backend_ns_begin(struct spm_partition *agent);
static inline void backend_ns_end(void);

/**
 * (Inline.) The NS agent whose context an NS call starting now runs in:
 * the loaded NS context's (NS contexts, WARDEN_NS_CONTEXTS),
 * spm_ns_agent otherwise.
 */
static inline struct spm_partition *backend_ns_agent(void);

/**
 * NS contexts (spm/nsce/nsce.c calls these from the NSCE veneers, with
 * interrupts masked, in NS Handler mode). @p ctx is an NS context: 0 (no
 * NSCE slot loaded) or 1 + an NSCE slot.
 *
 * backend_ns_ctx_load(): NS context @p ctx becomes the NS side's: the
 * NS thread resumed next, and its secure calls, run in it. The one loaded
 * so far keeps its place: a secure call of its that the NS RTOS preempted
 * (it switched threads) goes on when the NS RTOS loads it again, while its
 * secure work may go on meanwhile (IPC: its partitions are threads like
 * any other; SFN: it stays on its own secure stack, holding the
 * partitions it may reach, backend_may_enter()). Without NS contexts of
 * their own (WARDEN_NS_SECURE_CONTEXTS off; NSCE off) nothing changes:
 * every NS call runs on one secure context.
 *
 * backend_ns_ctx_release(): the NS thread of @p ctx ended: a secure call
 * of its in progress is aborted as if its client had gone (spm/backend.h's
 * client stop: a queued request is withdrawn, one its service took becomes
 * an orphan), and the context starts afresh.
 */
void backend_ns_ctx_load(uint32_t ctx);
void backend_ns_ctx_release(uint32_t ctx);

/**
 * The NS priority of context @p ctx's thread (0 least urgent .. 255), told
 * before each load: secure work done for the context runs at it (IPC with
 * NS contexts; docs/nsce-integration.md gives the rule). 255 unless told,
 * 0 for context 0 (NS code outside any thread's context).
 */
void backend_ns_ctx_priority(uint32_t ctx, uint32_t priority);

/**
 * Asserts IRQ signal @p signal of partition @p p, from interrupt context
 * (spm/irq.c): a psa_wait() of @p p waiting for it returns (IPC: its thread
 * becomes ready, and runs if it is more urgent than the interrupted one).
 * Never lost, whatever SPM code the interrupt preempted.
 */
void backend_irq_assert(struct spm_partition *p, psa_signal_t signal);

/**
 * Stops @p p, whose FLIH function faulted (the `terminate` policy), from
 * interrupt context: its lines are disabled at once, and what
 * backend_terminate() does follows once no SPM code runs (IPC; at once if
 * none was interrupted). Under the SFN backend a FLIH runs in Handler
 * mode, where a fault is the SPM's: an invariant (spm_fatal()).
 */
void backend_irq_stop(struct spm_partition *p);

/** True if IRQ signal @p signal of @p p, the running partition, is
 * asserted (API bodies, spm/irq.c). */
bool backend_irq_asserted(struct spm_partition *p, psa_signal_t signal);

/** Clears IRQ signal @p signal of @p p, the running partition. */
void backend_irq_clear(struct spm_partition *p, psa_signal_t signal);

/** (Inline.) Runs FLIH function @p flih of @p p from interrupt context in
 * @p p's context (arch_flih_call()) and returns its result. */
static inline psa_flih_result_t
backend_flih_call(struct spm_partition *p, psa_flih_result_t (*flih)(void));

/** Initialises the partitions in load order, then starts the NS image. */
__attribute__((noreturn)) void backend_system_run(void);

/* spm/backend/<backend>/backend_inline.h: the inline operations. */
#include WARDEN_BACKEND_INLINE_H

#endif /* WARDEN_SPM_BACKEND_H */
