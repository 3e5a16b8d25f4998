/*
 * The contract between arch/armv8m and the Armv8-M platform under it,
 * beyond platform/include/platform.h: the platform supplies data (where the
 * Non-secure image starts, which memory a secure caller may name, its SAU
 * regions); the arch supplies the fault handlers and the SAU programming.
 * Only an Armv8-M platform (platform/an505) includes this header.
 */
#ifndef WARDEN_ARMV8M_PORT_H
#define WARDEN_ARMV8M_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/frame.h"
#include "platform.h"

/* A number as assembly text. */
#define ARMV8M_STR_(x) #x
#define ARMV8M_STR(x)  ARMV8M_STR_(x)

/* Exit statuses of runs that end in the port, not in an application. */
#define ARMV8M_EXIT_SECURE_FAULT 70 /* a fault handled by the secure side */
#define ARMV8M_EXIT_NO_NS_IMAGE  72 /* no NS image at its vector table */

/*
 * The stack seal (Arm's recommended value): two words of it lie at the top
 * of every secure stack, where its stack pointer rests while no secure
 * context is live on it. A Non-secure branch to FNC_RETURN that finds them
 * (the reference's advisory TFMV-1) pops them as a return address and a
 * partial RETPSR whose exception number is not 0, and faults in NS
 * (UsageFault INVPC) before the secure side runs an instruction; the NS
 * entry points (veneers.c) take a stack whose pointer does not rest on it
 * as busy.
 */
#define ARMV8M_STACK_SEAL 0xFEF5EDA5 /* no suffix: assembly reads it too */

/*
 * The thread switch's priority (PendSV, thread_v8m.c), which is also every
 * secure interrupt's (the platform routes them at it): the lowest secure
 * one is above every Non-secure priority (AIRCR.PRIS), and with one
 * priority neither a secure interrupt nor a switch preempts the other
 * (spm/backend/ipc/backend_ipc.c relies on it).
 */
#define ARMV8M_PENDSV_PRIORITY 0x60u

/* BASEPRI_S at the top of the Non-secure range: under AIRCR.PRIS every
 * NS priority is 0x80 or lower, every secure one used is above
 * (arch_hold_ns_interrupts(); ns_ctx.h's arch_ns_irq_hold() has it too). */
#define ARMV8M_NS_HOLD_PRIORITY 0x80u
_Static_assert(ARMV8M_NS_HOLD_PRIORITY == 0x80u, "ns_ctx.h's hold");

/* The port's SVC that resumes an NS context's agent thread (ns_ctx.c);
 * the SPM's own numbers (spm/backend/ipc/svc_abi.h) leave it free. */
#define ARMV8M_SVC_NS_RESUME 0x05

/* ---- Provided by the platform ------------------------------------------ */

/** Address of the Non-secure image's vector table (initial MSP, reset). */
extern const uintptr_t armv8m_ns_vector_table;

/*
 * The platform's armv8m_regions.h defines two initialisers of
 * struct armv8m_region arrays, so that arch_check_caller_range() compares
 * with constants:
 *
 *  - ARMV8M_NS_REGIONS: the memory the Non-secure side may name (ns=true),
 *    typically its data (ARCH_ACCESS_RW) and its code image
 *    (ARCH_ACCESS_READ).
 *  - ARMV8M_SECURE_REGIONS: the memory a secure caller may name (ns=false),
 *    typically secure data (RW) and the secure image (READ).
 *
 * A range must lie inside one region that allows the access AND pass the
 * TT check. TT alone cannot tell: the system space (the PPB at
 * 0xE000_0000..0xE00F_FFFF, and whatever the IDAU exempts) is exempt from
 * SAU/IDAU attribution, so TTA calls it Non-secure there; the IDAU reports
 * holes, peripherals and the secure alias of memory the MPCs gave to the
 * Non-secure side as Secure; and without an MPU region TT does not know
 * which memory is a read-only image. Regions of one list do not overlap;
 * limits are inclusive.
 */
struct armv8m_region {
    uintptr_t base;
    uintptr_t limit;
    uint32_t access; /* ARCH_ACCESS_READ, or ARCH_ACCESS_RW */
};

/** One SAU region; limit inclusive; base and limit + 1 32-byte aligned. */
struct armv8m_sau_region {
    uintptr_t base;
    uintptr_t limit;
    int nsc; /* 1: Non-secure callable, 0: Non-secure */
};

/*
 * One region of the Secure MPU (armv8m_mpu_configure()): limit inclusive,
 * base and limit + 1 32-byte aligned; regions of one table do not
 * overlap (an address two regions hold faults). @p attr is a set of
 * ARMV8M_MPU_* flags; with none, the region is privileged read-write,
 * executable, normal memory.
 */
struct armv8m_mpu_region {
    uintptr_t base;
    uintptr_t limit;
    uint32_t attr;
};

/* The areas of the architecture's default memory map that are memory and
 * executable (Armv8-M ARM, "The system address map"): without an MPU
 * region over them, privileged code may run from them (PRIVDEFENA). Its
 * Code area (0x0000_0000..0x1FFF_FFFF) is one too; the Peripheral, Device
 * and System areas are execute-never. */
#define ARMV8M_DEFAULT_SRAM_BASE  0x20000000u
#define ARMV8M_DEFAULT_SRAM_LIMIT 0x3FFFFFFFu
#define ARMV8M_DEFAULT_RAM_BASE   0x60000000u
#define ARMV8M_DEFAULT_RAM_LIMIT  0x9FFFFFFFu

#define ARMV8M_MPU_RO     (1u << 0) /* read-only */
#define ARMV8M_MPU_XN     (1u << 1) /* execute-never */
#define ARMV8M_MPU_UNPRIV (1u << 2) /* unprivileged code too (levels 2, 3) */
#define ARMV8M_MPU_DEVICE (1u << 3) /* device memory, not normal memory */

/* Bits of the TT instruction's answer (Armv8-M ARM, "TT, TTT, TTA,
 * TTAT"): mem_check.c, boundary_mpu.c. */
#define ARMV8M_TT_MREGION 0xFFu      /* the MPU region that matched */
#define ARMV8M_TT_MRVALID (1u << 16) /* exactly one MPU region matched */
#define ARMV8M_TT_R       (1u << 18) /* readable by the state/privilege asked */
#define ARMV8M_TT_RW      (1u << 19) /* read-write, likewise */
#define ARMV8M_TT_NSR     (1u << 20) /* TTA: readable by NS, and NS */
#define ARMV8M_TT_NSRW    (1u << 21) /* TTA: read-write by NS, and NS */
#define ARMV8M_TT_S       (1u << 22) /* attributed Secure */

/* Assembly text: register @p reg (a string) gets the address of
 * armv8m_fp_zeros (fp.c), 16 zero words to load FP registers from; and
 * with it every FP register zeroed (the FPU must be on). */
#define ARMV8M_FP_ZEROS_IN(reg)                     \
    "movw   " reg ", #:lower16:armv8m_fp_zeros\n\t" \
    "movt   " reg ", #:upper16:armv8m_fp_zeros\n\t"
#define ARMV8M_FP_ZERO_ALL(reg)    \
    ARMV8M_FP_ZEROS_IN(reg)        \
    "vldmia " reg ", {s0-s15}\n\t" \
    "vldmia " reg ", {s16-s31}\n\t"

/* EXC_RETURN of Secure Thread mode on PSP, basic frame: a partition
 * thread's. */
#define ARMV8M_EXC_RETURN_THREAD_S_PSP 0xFFFFFFFDu

/* ---- Provided by arch/armv8m ------------------------------------------- */

/**
 * Programs and enables the SAU with @p n regions (everything else is
 * Secure). Returns 0, or -1 when the SAU has fewer than @p n regions.
 */
int armv8m_sau_configure(const struct armv8m_sau_region *regions, size_t n);

/**
 * Programs the Secure MPU with the @p n regions of @p regions (every other
 * region disabled) and enables it with PRIVDEFENA: privileged code sees
 * the architecture's default memory map wherever no region lies (the
 * system space and the peripherals are execute-never there). Returns 0,
 * or -1 and changes nothing when the MPU has fewer than @p n regions or a
 * region is empty or not 32-byte aligned. Boot-time only: nothing here
 * runs per call.
 */
int armv8m_mpu_configure(const struct armv8m_mpu_region *regions, size_t n);

/* The most MPU regions (slots) the port programs. */
#define ARMV8M_MPU_MAX_SLOTS 16u

/** The number of Secure MPU regions the processor has (MPU_TYPE). */
size_t armv8m_mpu_slots(void);

/** The RBAR and RLAR values of @p r, into w[0] and w[1]. */
void armv8m_mpu_encode(const struct armv8m_mpu_region *r, uint32_t w[2]);

/**
 * Programs the Secure MPU from @p nslots RBAR/RLAR pairs (@p words; an
 * RLAR of 0 disables its slot), disables every other slot and enables the
 * MPU with PRIVDEFENA. The caller has checked that the MPU has that many
 * slots. Boot-time.
 */
void armv8m_mpu_load(const uint32_t *words, size_t nslots);

/**
 * The platform's W^X map: programs the regions of its armv8m_regions.h
 * (ARMV8M_SECURE_MPU_REGIONS) with armv8m_mpu_configure(). Called by the
 * reset code once the C runtime is set up; returns what it returns. At
 * isolation levels 2 and 3 (boundary_mpu.c) the map is cut around the
 * unprivileged partitions, and -1 also says that the MPU has too few
 * regions for it.
 */
int armv8m_mpu_init(void);

/**
 * Sets the FPU's security state (fp.c): which side may use it (CPACR_S,
 * NSACR) and the FPCCR_S bits that keep Secure FP values from NS. First
 * thing at boot: before it, an FP instruction faults.
 */
void armv8m_fp_init(void);

/**
 * Seals the Main stack whose top (highest address + 1, 8-byte aligned) is
 * @p top and moves MSP to the seal. Called in Thread mode on PSP before the
 * first exception can be taken (reset code).
 */
void armv8m_seal_main_stack(uint32_t *top);

/**
 * Seals the stack whose top (highest address + 1, 8-byte aligned) is
 * @p top; returns the seal's address, where the stack's first frame ends.
 */
uint32_t *armv8m_seal_stack(uintptr_t top);

/**
 * Called by every secure fault handler first, with its EXC_RETURN: if the
 * fault is an NS branch to FNC_RETURN that popped a preempted secure
 * context (forged_return.c), undoes it, hands NS the fault the branch
 * should have raised and returns the EXC_RETURN that resumes NS; otherwise
 * returns 0 and changes nothing.
 */
uint32_t armv8m_forged_return(uint32_t exc_return);

/**
 * The SPM's own stack, [*lo, *hi] (IPC backend, thread_v8m.c): a fault
 * taken there is SPM code's, not its thread's. Without threads, empty.
 */
void armv8m_spm_stack_bounds(uintptr_t *lo, uintptr_t *hi);

/**
 * Leaves the fault handler for thread @p next (IPC backend: the core
 * stopped the faulted one), with @p msp, MSP at the handler's entry. Does
 * not return; without threads it returns at once.
 */
struct arch_thread;
void armv8m_thread_resume(struct arch_thread *next, uint32_t msp);

/** SVC ARMV8M_SVC_NS_RESUME (ns_ctx.c), from SVC_Handler with its
 * EXC_RETURN and MSP as they were on entry. Does not return. */
__attribute__((noreturn)) void armv8m_ns_resume_svc(uint32_t exc_return,
                                                    uint32_t msp);

/**
 * arch_thread_exit() from Handler mode: a PSA call that the SVC interface
 * ran in its handler (svc.c, isolation levels 2 and 3) ended the running
 * thread. Leaves the SVC for the next thread; does not return. Without
 * the SVC interface it halts.
 */
__attribute__((noreturn)) void armv8m_svc_thread_exit(void);

/* The exception handlers: arch/armv8m/exception_handlers.h. */
#include "arch/armv8m/exception_handlers.h"

#endif /* WARDEN_ARMV8M_PORT_H */
