/*
 * What a platform provides to the secure side. platform/an505 and
 * platform/host implement it; the SPM calls nothing else of a platform.
 */
#ifndef WARDEN_PLATFORM_H
#define WARDEN_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/** A range of addresses, limit inclusive. */
struct platform_region {
    uintptr_t base;
    uintptr_t limit;
};

/** Writes @p len bytes to the secure console. */
void platform_console_write(const char *s, size_t len);

/** Ends the run with @p status (QEMU exits with it; the host process too). */
__attribute__((noreturn)) void platform_exit(int status);

/** Stops the secure side for good (the `halt` fault policy). */
__attribute__((noreturn)) void platform_halt(void);

/** Why the device reset last: what the SPM records before a reset. */
enum platform_reset_reason {
    PLATFORM_RESET_NONE = 0,  /* power-on, or a reset the SPM did not make */
    PLATFORM_RESET_PANIC,     /* a partition's panic or programmer error */
    PLATFORM_RESET_FAULT,     /* a partition's fault */
    PLATFORM_RESET_SPM_FAULT, /* a fault of the SPM itself, or an NMI */
    PLATFORM_RESET_NS_FAULT,  /* a Non-secure fault that reached Secure */
    PLATFORM_RESET_WATCHDOG,  /* the watchdog expired */
};

/** The record a reset keeps (platform_reset(), platform_reset_taken()). */
struct platform_reset_record {
    uint32_t reason; /* enum platform_reset_reason */
    uint32_t cause;  /* the fault's enum arch_fault_cause, else 0 */
    uint32_t pc;     /* where it faulted, else 0 */
    int32_t pid;     /* the partition's ID, else 0 */
};

/**
 * Resets the device (the `reset` fault policy) after writing @p why where
 * the reset keeps it. Does not return.
 */
__attribute__((noreturn)) void
platform_reset(const struct platform_reset_record *why);

/**
 * Why the device reset last, into @p out (reason PLATFORM_RESET_NONE when
 * nothing was recorded); the record is then forgotten, so a power-on or a
 * reset the SPM did not make reads as PLATFORM_RESET_NONE.
 */
void platform_reset_taken(struct platform_reset_record *out);

/**
 * Arms the watchdog to expire after @p ticks of its clock: the first expiry
 * raises an NMI, which the platform handles (the reason is recorded), and
 * the second resets the device. 0 stops it.
 */
void platform_watchdog_start(uint32_t ticks);

/*
 * Secure interrupts (spm/irq.c). @p line is a platform IRQ number, as the
 * manifest tool resolved a manifest's `source` from the platform
 * description. The platform's interrupt handler calls spm_irq_dispatch()
 * (spm/irq.h) for a routed line.
 */

/** Makes @p line a Secure interrupt at the platform's secure interrupt
 * priority, disabled and not pending. Boot-time only. */
void platform_irq_route(uint32_t line);

/** Enables / disables @p line (a routed one) at the interrupt controller. */
void platform_irq_enable(uint32_t line);
void platform_irq_disable(uint32_t line);

/** Forgets a pending interrupt of @p line (a routed one). */
void platform_irq_clear_pending(uint32_t line);

/**
 * Pends the NS completion interrupt (WARDEN_NS_COMPLETION_IRQ=ON,
 * spm/ns_completion.h): a line the platform reserves, targeting the
 * Non-secure state, whose NS handler asks warden_ns_completion_take().
 * From any secure context; pending it again before NS took it is one
 * interrupt.
 */
void platform_ns_completion_raise(void);

/** PSA lifecycle state of the device (PSA_LIFECYCLE_*). */
uint32_t platform_lifecycle_state(void);

#endif /* WARDEN_PLATFORM_H */
