/*
 * The Non-secure callable entry points: the rows of include/warden/ns_abi.h
 * (their names are those of tfm_veneers.h, tfm_ns_client_ext.h and
 * tfm_api.h).
 *
 * Each entry is a few instructions of assembly that decide, before anything
 * is pushed, whether the secure stack the call arrived on is free: an NS
 * call runs on the secure stack of the mode it came from (PSP_S from NS
 * Thread mode, MSP_S from NS Handler mode), and that stack is free exactly
 * when its stack pointer rests on the seal (ARMV8M_STACK_SEAL, written by
 * arch_ns_launch() and armv8m_seal_main_stack()). Anything else means a
 * secure context is live there: a partition or the SPM that an NS
 * interrupt preempted (its stack pointer rests on the architecture's
 * integrity signature), or an NS call in progress. Such an entry is
 * refused at once, with the status a busy SPM gives, and never touches a
 * stack that is not the caller's own. Otherwise the entry calls its body
 * (spm/ns_agent.h, spm/nsce/nsce.h) on that stack and clears every register the
 * body may have left a secure value in before it returns to NS.
 *
 * The bodies take NS pointers as plain integers: spm/ checks them before
 * any use.
 *
 * The entries are emitted in the order of the rows: each row's body,
 * whether it runs masked, and what it returns when refused come from
 * there; this file has one macro per kind of row, no entry of its own.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/ns_privilege.h"
#include "psa/client.h"
#include "psa/error.h"
#include "spm/ns_agent.h"
#include "spm/ns_completion.h"
#include "spm/nsce/nsce.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "warden/config.h"
#include "warden/ns_abi.h"

/*
 * The gate: while NS runs, the word a secure stack pointer rests on is
 * either the seal (the stack is free) or the integrity signature the
 * hardware stacked when NS preempted a secure context there (0xFEFA125A or
 * 0xFEFA125B): nothing secure ever calls NS, so no other word can be
 * there. Their lowest bytes differ (0xA5; 0x5A, 0x5B), so one byte tells
 * them apart. r12 is the one register an entry may use before it pushes
 * (r0-r3 carry the arguments, lr the return to NS).
 */
#define SEAL_LOW_BYTE "0xA5"
_Static_assert((ARMV8M_STACK_SEAL & 0xFFu) == 0xA5u, "SEAL_LOW_BYTE");

/*
 * What a refused entry returns, as the instruction that loads it: a row's
 * word (a literal, checked against the row's named value below), a
 * negative one as the complement of a small number (MVN), any other as
 * itself (MOVS).
 */
#define REFUSE(word)                \
    ".if (" #word ") < 0\n\t"       \
    "mvn     r0, #~(" #word ")\n\t" \
    ".else\n\t"                     \
    "movs    r0, #" #word "\n\t"    \
    ".endif"

/* Each row's word is the value its name gives, in the entry's type. */
#define CHECK_WORD(name, ret, args, body, runs, fixed, word, client) \
    _Static_assert((ret)(word) == (ret)(fixed), #name ": word and fixed");
WARDEN_NS_ABI(CHECK_WORD)

/*
 * With a hard-float secure side (CONFIG_TFM_ENABLE_FP) a body may have used
 * the FPU: an SFN partition runs in the call. Secure FP use in a call sets
 * CONTROL_S.SFPA (SG cleared it on entry), and that use began with FPSCR
 * reset to the secure default (the caller's FPSCR is gone: the hardware
 * gives no way to read it first). Then S0-S15 (the caller's anyway: AAPCS
 * caller-saved) are zeroed and FPSCR becomes what a new NS FP context
 * starts with, FPDSCR_NS: no flag or mode of the secure side's reaches NS.
 * S16-S31 are callee-saved: the body put the caller's back. A call with
 * no secure FP use leaves the caller's FP state untouched, FPSCR included.
 * Only the SFN backend runs partition code in the call: under the IPC
 * backend partitions run in their own threads (the switch keeps their FP
 * state apart, thread_v8m.c) and the SPM uses no FP register
 * (-mgeneral-regs-only), so no call of its needs this; nor does a
 * soft-float secure side.
 */
#if CONFIG_TFM_ENABLE_FP && defined(CONFIG_TFM_SPM_BACKEND_SFN)
#define CLEAR_SECURE_FP                                 \
    "mrs     r1, control\n\t"                           \
    "tst     r1, #8\n\t" /* SFPA */                     \
    "beq     1f\n\t" ARMV8M_FP_ZEROS_IN(                \
        "r1") "vldmia  r1, {s0-s15}\n\t"                \
              "movw    r1, #0xEF3C\n\t"                 \
              "movt    r1, #0xE002\n\t" /* FPDSCR_NS */ \
              "ldr     r1, [r1]\n\t"                    \
              "vmsr    fpscr, r1\n"                     \
              "1:\n\t"
#else
#define CLEAR_SECURE_FP ""
#endif

/*
 * The return to NS, shared by every entry: no secure value left in r1-r3,
 * r12, the flags or (CLEAR_SECURE_FP) an FP register.
 */
__asm(".section .text.warden_veneers,\"ax\",%progbits\n\t"
      ".syntax unified\n\t"
      ".thumb\n\t"
      ".type armv8m_ns_return, %function\n\t"
      ".thumb_func\n"
      "armv8m_ns_return:\n\t" CLEAR_SECURE_FP "mov     r1, lr\n\t"
      "mov     r2, lr\n\t"
      "mov     r3, lr\n\t"
      "mov     ip, lr\n\t"
      "msr     APSR_nzcvqg, lr\n\t"
      "bxns    lr\n\t"
      ".size armv8m_ns_return, . - armv8m_ns_return\n\t"
      ".text\n\t");

/* The symbol pair from which the linker makes an SG veneer, in the section
 * the linker script keeps (--gc-sections never drops an entry whose only
 * user is the NS image). */
#define NS_ENTRY_HEAD(name)                              \
    ".section .text.warden_veneers,\"ax\",%progbits\n\t" \
    ".syntax unified\n\t"                                \
    ".thumb\n\t"                                         \
    ".global " #name "\n\t"                              \
    ".global __acle_se_" #name "\n\t"                    \
    ".type " #name ", %function\n\t"                     \
    ".type __acle_se_" #name ", %function\n\t"           \
    ".thumb_func\n" #name ":\n"                          \
    "__acle_se_" #name ":\n\t"

#define NS_ENTRY_TAIL(name)                                  \
    ".size " #name ", . - " #name "\n\t"                     \
    ".size __acle_se_" #name ", . - __acle_se_" #name "\n\t" \
    ".text\n\t"

/*
 * An entry point: if its stack is free, runs @p call (the body's call, with
 * r4 free to use: it is saved) on it; otherwise returns what @p refuse
 * loads.
 */
#define NS_ENTRY(name, call, refuse)                             \
    __asm(NS_ENTRY_HEAD(                                         \
        name) "ldrb    ip, [sp]\n\t"                             \
              "cmp     ip, #" SEAL_LOW_BYTE "\n\t"               \
              "bne     1f\n\t"                                   \
              "push    {r4, lr}\n\t" call "pop     {r4, lr}\n\t" \
              "b       armv8m_ns_return\n"                       \
              "1:\n\t" refuse "\n\t"                             \
              "b       armv8m_ns_return\n\t" NS_ENTRY_TAIL(name))

#define CALL(body) "bl      " #body "\n\t"

/* A CONSTANT entry (PSA_FRAMEWORK_VERSION: it names no client and touches
 * nothing) loads its value, with no stack. */
#define NS_ENTRY_CONSTANT(name, body, word)                                 \
    __asm(NS_ENTRY_HEAD(name) "movw    r0, #" #word "\n\t"                  \
                              "b       armv8m_ns_return\n\t" NS_ENTRY_TAIL( \
                                  name))

#define NS_ENTRY_GATED(name, body, word) \
    NS_ENTRY(name, CALL(body), REFUSE(word))

/* ---- NSCE and the known-client API --------------------------------------
 * Called from the NS RTOS's handlers, possibly while an NS thread is in the
 * middle of a secure call: in NS Handler mode they run on MSP_S, which no
 * secure context holds while an NS handler runs (every secure exception is
 * more urgent than every NS one, AIRCR.PRIS). Called from NS Thread mode
 * they are refused (spm/nsce/nsce.h), unless WARDEN_NSCE_PRIVILEGED_THREAD
 * accepts a privileged thread (arch_ns_caller_privileged(), below); either
 * way they run on PSP_S then, and while a secure context is live there
 * the gate refuses them with the same value, before they push anything.
 * The bodies run with every maskable exception masked (PRIMASK_S also
 * masks the Non-secure ones), so a higher-priority NS handler cannot enter
 * the context table half-way through a change, and restore the caller's
 * mask afterwards.
 *
 * Group and thread IDs are taken as 32-bit registers here (the public
 * header says uint8_t): the secure side does not trust the NS caller to
 * have zero-extended them, spm_nsce_acquire() uses the low 8 bits only.
 */
/* The body with every maskable exception masked, PRIMASK restored. */
#define MASKED(body)          \
    "mrs     r4, primask\n\t" \
    "cpsid   i\n\t"           \
    "bl      " #body "\n\t"   \
    "msr     primask, r4\n\t"

#define NS_ENTRY_MASKED(name, body, word) \
    NS_ENTRY(name, MASKED(body), REFUSE(word))

/* Every row, in the table's order. */
#define NS_ENTRY_ROW(name, ret, args, body, runs, fixed, word, client) \
    NS_ENTRY_##runs(name, body, word);
WARDEN_NS_ABI(NS_ENTRY_ROW)

/* CONTROL_NS is read only in a build that looks at it: without
 * WARDEN_NSCE_PRIVILEGED_THREAD the NSCE calls cost what they did. */
bool arch_ns_caller_privileged(void)
{
    uint32_t ipsr;
    uint32_t control_ns = ARMV8M_CONTROL_NPRIV;

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    if (WARDEN_NSCE_PRIVILEGED_THREAD) {
        __asm volatile("mrs %0, control_ns" : "=r"(control_ns));
    }
    return arch_ns_privileged((ipsr & 0x1FFu) != 0u,
                              (control_ns & ARMV8M_CONTROL_NPRIV) == 0u);
}

bool arch_ns_caller_handler(void)
{
    uint32_t ipsr;

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return (ipsr & 0x1FFu) != 0u;
}
