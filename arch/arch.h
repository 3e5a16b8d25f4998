/*
 * The port contract: what spm/ needs from an architecture, and the hooks
 * (at the end) through which a port reaches the core. Two ports implement
 * it: arch/armv8m (Cortex-M33 TrustZone) and arch/host (Linux). Besides
 * these hooks a port's only way into spm/ is its veneers, which call the
 * bodies the NS ABI table names (include/warden/ns_abi.h: spm/ns_agent.h,
 * spm/nsce/nsce.h); it includes no backend header.
 */
#ifndef WARDEN_ARCH_H
#define WARDEN_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Access kinds for arch_check_caller_range(). */
#define ARCH_ACCESS_READ  (1u << 0)
#define ARCH_ACCESS_WRITE (1u << 1)
#define ARCH_ACCESS_RW    (ARCH_ACCESS_READ | ARCH_ACCESS_WRITE)

/**
 * The one place that decides whether a caller may access memory.
 * @param ns     true: the caller is the Non-secure side, so the whole range
 *               must be Non-secure memory it can access; false: a secure
 *               partition, so the range must be secure memory.
 * @param base   first byte of the range.
 * @param size   bytes; must be > 0 (callers skip empty vectors).
 * @param access ARCH_ACCESS_READ and/or ARCH_ACCESS_WRITE.
 * @return true if every byte may be accessed that way; false for a range
 *         that wraps, touches memory of the other world or memory that is
 *         no caller's (system space, peripherals, holes: see the port's
 *         region list), or is read-only when write access is asked. Never
 *         faults.
 */
bool arch_check_caller_range(bool ns, uintptr_t base, size_t size,
                             uint32_t access);

/**
 * arch_check_caller_range() for a secure caller that runs unprivileged
 * (isolation levels 2 and 3): the range must also be memory its boundary
 * lets unprivileged code access that way, as the MPU is set now (the
 * running thread's, which is the caller's). A port without isolation
 * refuses everything.
 */
bool arch_check_unpriv_range(uintptr_t base, size_t size, uint32_t access);

/**
 * True if the Non-secure code that entered the secure side through a veneer
 * may manage NS contexts (NSCE): it was in Handler mode (an exception
 * handler of the NS RTOS), or, with WARDEN_NSCE_PRIVILEGED_THREAD, in
 * privileged Thread mode (CONTROL_NS.nPRIV clear). False for an
 * unprivileged NS thread, and for every NS thread without the option. Only
 * meaningful inside a veneer call. Both ports apply arch_ns_privileged()
 * (arch/ns_privilege.h) to what they read: on Armv8-M IPSR (SG keeps the
 * mode) and CONTROL_NS; on the host what the hosted NS side declared
 * (arch/host/host_ns.h: host_ns_handler_enter(),
 * host_ns_set_thread_privileged()).
 */
bool arch_ns_caller_privileged(void);

/**
 * True if the Non-secure code that entered the secure side through a veneer
 * was in Handler mode (an NS exception handler), which cannot block: an NS
 * call made there is never deferred to the completion interrupt
 * (spm/ns_completion.h). Armv8-M: IPSR (SG keeps the mode); host: what the
 * hosted NS side declared. Only meaningful inside a veneer call.
 */
bool arch_ns_caller_handler(void);

/**
 * Starts the Non-secure image. Does not return: the run ends when the NS
 * side ends it (platform exit), or on a fault.
 */
__attribute__((noreturn)) void arch_ns_launch(void);

/*
 * Threads (IPC backend only). struct arch_thread is defined by the port in
 * its arch_thread.h (warden/config.h names it: WARDEN_ARCH_THREAD_H). The
 * port learns which thread runs next from the scheduler hook,
 * spm_hook_switch(), below.
 */
struct arch_thread;
struct arch_ns_ctx;

/**
 * Prepares @p t to start at @p entry (which must not return) on the stack
 * [stack, stack + size); the stack limit is set so that an overflow faults.
 */
void arch_thread_init(struct arch_thread *t, uint8_t *stack, size_t size,
                      void (*entry)(void));

/*
 * Isolation levels 2 and 3: where an unprivileged partition's memory lies
 * (its code; its read-only data; its data, zeroed data and stack: each a
 * 32-byte aligned range that the manifest tool's linker fragments lay
 * out). The generated load info has one entry per partition, in load
 * order, all zero for a partition that runs privileged; the port builds
 * its MPU regions from them.
 */
struct arch_partition_bounds {
    uintptr_t code_start;
    uintptr_t code_end; /* one past the last byte */
    uintptr_t rodata_start;
    uintptr_t rodata_end;
    uintptr_t ram_start;
    uintptr_t ram_end;
};

extern const struct arch_partition_bounds warden_partition_bounds[];

/**
 * Puts thread @p t (initialised by arch_thread_init()) behind the
 * boundary of partition @p index (its place in load order, an index into
 * warden_partition_bounds[]) at isolation levels 2 and 3: the thread runs
 * unprivileged when @p unprivileged, and at level 3 with only its own
 * partition's memory reachable. At level 1 it does nothing.
 */
void arch_thread_isolate(struct arch_thread *t, uint32_t index,
                         bool unprivileged);

/**
 * Adds the MMIO region [base, base + size) to the boundary of thread @p t
 * (after arch_thread_isolate()), read-write or read-only, as device memory
 * it cannot execute. Returns false when the port has no MPU region left
 * for it. Where every partition is privileged (isolation level 1) or for
 * a privileged thread, it does nothing and returns true.
 */
bool arch_thread_grant(struct arch_thread *t, uintptr_t base, size_t size,
                       bool writable);

/**
 * MM-IOVEC at isolation levels 2 and 3: makes the client buffer
 * [base, base + size) (size > 0) reachable by thread @p t, the running
 * thread (the service mapping a vector), read-only or read-write, never
 * executable, until arch_thread_unmap() of the same range and access. The
 * port may make up to a few bytes around it reachable too (its MPU's
 * granule). Returns false when it cannot: no MPU region left, or memory
 * another of @p t's regions covers (the port says which). For a
 * privileged thread, a buffer @p t reaches already that way, or where
 * every partition is privileged (isolation level 1): true, nothing done.
 */
bool arch_thread_map(struct arch_thread *t, uintptr_t base, size_t size,
                     bool writable);

/**
 * Ends what a successful arch_thread_map() of the same @p t, @p base,
 * @p size and @p writable did (@p t need not be running: a request ends
 * when its client stops too). Cannot fail.
 */
void arch_thread_unmap(struct arch_thread *t, uintptr_t base, size_t size,
                       bool writable);

/**
 * Makes the code that runs now (the boot context) thread @p t: the port
 * saves its context in @p t when it first switches away. Called once,
 * before the first arch_yield().
 */
void arch_thread_adopt(struct arch_thread *t);

/**
 * Sets the r0 that thread @p t, switched out in an exception (its context
 * saved), finds when it runs again: the result of an SVC that blocked it
 * (isolation levels 2 and 3). Called from the scheduler hook.
 */
void arch_thread_set_r0(struct arch_thread *t, uint32_t value);

/**
 * Gives the processor to the thread the scheduler picks; returns when the
 * calling thread is picked again. Must not be called with the scheduler
 * locked.
 */
void arch_yield(void);

/**
 * The running thread has ended (the scheduler marked it dead): gives the
 * processor for good to the thread the scheduler picks. Does not return.
 * Called from Thread mode, or, at isolation levels 2 and 3, from a PSA
 * call that the SVC interface runs in Handler mode.
 */
__attribute__((noreturn)) void arch_thread_exit(void);

/*
 * NS contexts (IPC backend with NS contexts, spm/backend/ipc/ns_ctx.c):
 * each has a secure stack of its own and an NS agent thread whose context
 * NS code runs in while the NS context is loaded. struct arch_ns_ctx (the
 * port's arch_thread.h) is where its NS side resumes.
 *
 * arch_ns_ctx_init(): NS context @p c with agent thread @p agent and its
 * stack [@p stack, @p stack + @p size), not in a secure call. With a NULL
 * @p stack the context is the boot context's (its stack is the one the NS
 * image was launched on, found at the first park).
 *
 * arch_ns_ctx_park(): the NS RTOS switched away from loaded context @p c
 * (called from an NSCE veneer, in NS Handler mode). @p cur is the secure
 * thread NS code preempted (or @p agent itself, when NS preempted its own
 * code or ran outside any secure call). When @p cur is not @p agent, it
 * becomes an ordinary switched-out thread that the scheduler may run at
 * any time, and @p agent, switched out blocked in its call, gets a frame
 * through which the NS RTOS resumes it later (it then goes on through the
 * scheduler: spm_hook_switch()). False, with nothing changed, if a stack
 * has no room for that (an invariant of the stack sizes).
 *
 * arch_ns_ctx_enter(): NS context @p c becomes the loaded one: its agent
 * thread the running thread, and the secure stack NS resumes or enters
 * next its stack.
 *
 * arch_ns_ctx_reset(): the NS thread of @p c ended: the context is not in
 * a secure call any more and its stack is free (parked, not loaded).
 */
void arch_ns_ctx_init(struct arch_ns_ctx *c, struct arch_thread *agent,
                      uint8_t *stack, size_t size);
bool arch_ns_ctx_park(struct arch_ns_ctx *c, struct arch_thread *cur,
                      struct arch_thread *agent);
void arch_ns_ctx_enter(struct arch_ns_ctx *c, struct arch_thread *agent);
void arch_ns_ctx_reset(struct arch_ns_ctx *c);

/*
 * NS contexts without threads (SFN backend with NS contexts,
 * spm/backend/sfn/sfn_ns_ctx.c): each has a secure stack of its own, on
 * which its NS thread's secure calls run, and nothing else.
 *
 * arch_ns_stack_init(): NS context @p c with stack [@p stack, @p stack +
 * @p size), sealed, not in a secure call. With a NULL @p stack, the boot
 * context's (the stack the NS image was launched on, taken at its first
 * switch).
 *
 * arch_ns_stack_switch(): called from an NSCE veneer, in NS Handler mode:
 * the secure stack of loaded context @p from, where a secure call of its
 * that the NS RTOS preempted lies stacked, is put away in @p from, and
 * the one NS resumes or enters next becomes @p to's.
 *
 * arch_ns_stack_reset(): the NS thread of @p c (not loaded) ended: its
 * stack is free again, a call stacked there is dropped.
 */
void arch_ns_stack_init(struct arch_ns_ctx *c, uint8_t *stack, size_t size);
void arch_ns_stack_switch(struct arch_ns_ctx *from,
                          const struct arch_ns_ctx *to);
void arch_ns_stack_reset(struct arch_ns_ctx *c);

/*
 * uint32_t arch_ns_irq_hold(void), void arch_ns_irq_release(uint32_t):
 * NS interrupts held off while SPM code changes the state an NS context
 * switch reads (IPC backend with NS contexts: the scheduler lock; SFN: the
 * taking of partitions, spm/backend/sfn/sfn_ns_ctx.c); the
 * hold returns what the release restores. The port's arch_thread.h
 * defines them inline (they are on every request's path).
 */

/**
 * Runs fn(arg) on the SPM's own stack and returns its result. The caller
 * holds the scheduler lock, so no thread switch happens meanwhile; the code
 * stays preemptible by interrupts.
 */
uint32_t arch_spm_call(uint32_t (*fn)(void *arg), void *arg);

/**
 * Masks every maskable interrupt and returns what arch_irq_unmask() needs
 * to restore the mask as it was. For a few instructions only: it masks the
 * Non-secure side's interrupts too.
 */
uint32_t arch_irq_mask(void);
void arch_irq_unmask(uint32_t was);

/**
 * Waits, in the SFN backend's psa_wait(), until *@p word & @p mask is not
 * 0: sleeps until an interrupt, which may set it, and tests again; an
 * interrupt between the test and the sleep is not missed.
 */
void arch_wait_for(const volatile uint32_t *word, uint32_t mask);

/**
 * Runs @p fn, a FLIH function of the partition whose thread is @p owner
 * (NULL under the SFN backend), from interrupt context, and returns what
 * it returned. At isolation level 1, and for a partition that runs
 * privileged, a plain call. At levels 2 and 3 the port runs it
 * unprivileged, inside @p owner's boundary (its MPU regions and MMIO
 * regions), on @p stack (WARDEN_FLIH_STACK_SIZE bytes of the partition's
 * own memory) rather than on the interrupted thread's, and restores the
 * interrupted context's boundary before it returns.
 */
uint32_t arch_flih_call(const struct arch_thread *owner, uint8_t *stack,
                        uint32_t (*fn)(void));

/* What arch_flih_call() returns for a function that faulted (struct
 * arch_fault.in_flih) and was ended under the `terminate` policy. */
#define ARCH_FLIH_FAULTED 0xFFFFFFFFu

/*
 * Hooks: what the core provides to the port. A port calls these and
 * includes nothing else of spm/; the core decides, the port carries out.
 */

/** Why the port took a fault. */
enum arch_fault_cause {
    ARCH_FAULT_HARD = 0,  /* a fault escalated, or a vector table read */
    ARCH_FAULT_MEMMANAGE, /* an MPU or execute-never violation */
    ARCH_FAULT_BUS,       /* a bus error (MPC, PPC, an absent device) */
    ARCH_FAULT_USAGE,     /* undefined instruction, stack limit, ... */
    ARCH_FAULT_SECURE,    /* a security attribution violation */
    ARCH_FAULT_OTHER,     /* an exception nothing handles */
    ARCH_FAULT_NMI,       /* an NMI the platform did not claim */
    ARCH_FAULT_SVC,       /* an SVC refused: from Handler mode, an unknown
                           * number, a call inside a call (levels 2, 3) */
};

/** A fault, as the port reports it to the core. */
struct arch_fault {
    uintptr_t pc;   /* where: the faulting instruction (0: not readable) */
    uint32_t cause; /* why: enum arch_fault_cause */
    /* who: true if the Non-secure side faulted (an NS access to secure
     * memory, an NS fault escalated to Secure) */
    bool ns;
    /* true if the running thread's own secure code faulted (Thread mode,
     * on its own stack); false for a handler, SPM code on the SPM's
     * stack, or the Non-secure side */
    bool in_thread;
    /* true if the faulted context's exception frame is whole, so that it
     * can go on elsewhere (redirect, below) */
    bool resumable;
    /* true if a FLIH function faulted (isolation levels 2 and 3: it runs
     * unprivileged, in its partition's boundary): the partition is the
     * one arch_flih_call() runs, not the running thread's; if the core
     * returns, the function ends as if it returned ARCH_FLIH_FAULTED */
    bool in_flih;
    /* true if the running thread's stack overflowed (in_thread: its stack
     * limit stopped it, Armv8-M's PSPLIM) */
    bool stack_overflow;
    /* set by the core: the faulted context goes on at this function (in
     * its own mode, on its own stack) once the handler returns */
    void (*redirect)(void);
};

/**
 * Fault hook: the port took fault @p f and reported it on the console;
 * the core applies the fault policy (spm/fault.c), resetting or halting
 * the device itself. When it returns, the faulted context never runs
 * again as it was: the port resumes the thread whose context the hook
 * returns instead, or, for NULL, makes the faulted context go on at
 * f->redirect.
 */
struct arch_thread *spm_hook_fault(struct arch_fault *f);

/**
 * Scheduler hook (IPC backend), for the port's switch code (PendSV; on the
 * host, arch_yield()), which has saved the running thread's registers in
 * its context (the context this hook returned last, or the adopted one).
 * Returns the context of the thread to run next: the same one when no
 * switch is due, or the scheduler is locked.
 */
struct arch_thread *spm_hook_switch(void);

/**
 * The same, when the switch interrupted Non-secure code (a secure
 * interrupt asked for it while NS ran), whose state the saved context then
 * holds. The core may hold NS interrupts off (arch_hold_ns_interrupts());
 * the port lets them in again whenever it returns to NS code.
 */
struct arch_thread *spm_hook_switch_over_ns(void);

/**
 * Holds Non-secure interrupts off until the port next returns to NS code:
 * while secure threads run that a secure interrupt scheduled over NS code,
 * which the NS RTOS must not see (it would take their secure state for its
 * own thread's secure call). Secure interrupts and the thread switch are
 * not held. Called from spm_hook_switch_over_ns().
 */
void arch_hold_ns_interrupts(void);

/**
 * SVC hook (isolation levels 2 and 3): the function that SVC @p number of
 * a partition's thread calls (the SVC interface of the PSA API), or 0 for
 * a number that names none. The port calls it with the caller's r0-r3 as
 * its first four arguments and its r12 as the fifth, and gives its result
 * back in r0: in Handler mode, at once, when the hook sets *in_handler (a
 * call that never blocks: it may still end the thread, through
 * arch_thread_exit()); otherwise in privileged Thread mode on the thread's
 * SVC stack, where it may block like any thread.
 */
uintptr_t spm_hook_svc(uint32_t number, bool *in_handler);

/**
 * Thread-exit hook (IPC backend): the body of the running thread returned,
 * a bug of its partition, which the core stops under the panic policy.
 * Does not return.
 */
__attribute__((noreturn)) void spm_hook_thread_returned(void);

#endif /* WARDEN_ARCH_H */
