/*
 * The port contract: what spm/ needs from an architecture. Two ports
 * implement it: arch/armv8m (Cortex-M33 TrustZone) and arch/host (Linux).
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
 * True if the Non-secure code that entered the secure side through a veneer
 * was running in Handler mode (an exception handler of the NS RTOS), false
 * if it was in Thread mode. Only meaningful inside a veneer call.
 * Armv8-M: IPSR is not zero (SG keeps the mode). Host: the hosted NS side
 * says so (arch/host/host_ns.h, host_ns_handler_enter()).
 */
bool arch_ns_caller_is_handler(void);

/**
 * Starts the Non-secure image. Does not return: the run ends when the NS
 * side ends it (platform exit), or on a fault.
 */
__attribute__((noreturn)) void arch_ns_launch(void);

/*
 * Threads (IPC backend only). struct arch_thread is defined by the port in
 * its arch_thread.h. The port calls the scheduler's sched_switch() hook
 * (spm/backend/ipc/sched.h) to learn which thread runs next.
 */
struct arch_thread;

/**
 * Prepares @p t to start at @p entry (which must not return) on the stack
 * [stack, stack + size); the stack limit is set so that an overflow faults.
 */
void arch_thread_init(struct arch_thread *t, uint8_t *stack, size_t size,
                      void (*entry)(void));

/**
 * Gives the processor to the thread the scheduler picks; returns when the
 * calling thread is picked again. Must not be called with the scheduler
 * locked.
 */
void arch_yield(void);

/**
 * Runs fn(arg) on the SPM's own stack and returns its result. The caller
 * holds the scheduler lock, so no thread switch happens meanwhile; the code
 * stays preemptible by interrupts.
 */
uint32_t arch_spm_call(uint32_t (*fn)(void *arg), void *arg);

#endif /* WARDEN_ARCH_H */
