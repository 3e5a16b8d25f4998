/*
 * The Non-secure callable entry points (names of include/tfm_veneers.h).
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
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "psa/client.h"
#include "psa/error.h"
#include "spm/ns_agent.h"
#include "spm/nsce/nsce.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"

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

/* What a refused entry returns, as the instruction that loads it. */
#define REFUSE_BUSY     "mvn r0, #130" /* PSA_ERROR_CONNECTION_BUSY */
#define REFUSE_ZERO     "movs r0, #0"  /* PSA_VERSION_NONE; nsce_init: none */
#define REFUSE_NO_TOKEN "mvn r0, #0"   /* TFM_NS_CLIENT_INVALID_TOKEN */
#define REFUSE_ACCESS   "movs r0, #3"  /* TFM_NS_CLIENT_ERR_INVALID_ACCESS */
#define REFUSE_THREAD   "movs r0, #5"  /* TFM_ERROR_NS_THREAD_MODE_CALL */
_Static_assert(PSA_ERROR_CONNECTION_BUSY == ~130, "REFUSE_BUSY");
_Static_assert(PSA_VERSION_NONE == 0u, "REFUSE_ZERO");
_Static_assert(TFM_NS_CLIENT_INVALID_TOKEN == ~0u, "REFUSE_NO_TOKEN");
_Static_assert(TFM_NS_CLIENT_ERR_INVALID_ACCESS == 3u, "REFUSE_ACCESS");
_Static_assert(TFM_ERROR_NS_THREAD_MODE_CALL == 5, "REFUSE_THREAD");

/*
 * The return to NS, shared by every entry: no secure value left in r1-r3,
 * r12 or the flags (the bodies are built soft-float: no FP register holds
 * one).
 */
__asm(".section .text.warden_veneers,\"ax\",%progbits\n\t"
      ".syntax unified\n\t"
      ".thumb\n\t"
      ".type armv8m_ns_return, %function\n\t"
      ".thumb_func\n"
      "armv8m_ns_return:\n\t"
      "mov     r1, lr\n\t"
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

/* PSA_FRAMEWORK_VERSION names no client and touches nothing: no stack. */
_Static_assert(PSA_FRAMEWORK_VERSION == 0x0101u, "the constant below");
__asm(NS_ENTRY_HEAD(
    tfm_psa_framework_version_veneer) "movw    r0, #0x0101\n\t"
                                      "b       "
                                      "armv8m_ns_return\n\t" NS_ENTRY_TAIL(
                                          tfm_psa_framework_version_veneer));

NS_ENTRY(tfm_psa_version_veneer, CALL(spm_ns_version), REFUSE_ZERO);
NS_ENTRY(tfm_psa_connect_veneer, CALL(spm_ns_connect), REFUSE_BUSY);
NS_ENTRY(tfm_psa_call_veneer, CALL(spm_ns_call), REFUSE_BUSY);
NS_ENTRY(tfm_psa_close_veneer, CALL(spm_ns_close), REFUSE_BUSY);

/* ---- NSCE and the known-client API --------------------------------------
 * Called from the NS RTOS's handlers, possibly while an NS thread is in the
 * middle of a secure call: in NS Handler mode they run on MSP_S, which no
 * secure context holds while an NS handler runs (every secure exception is
 * more urgent than every NS one, AIRCR.PRIS). Called from NS Thread mode
 * they are refused (spm/nsce/nsce.h); while a secure context is live on PSP_S
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

NS_ENTRY(tfm_nsce_init, MASKED(spm_nsce_init), REFUSE_ZERO);
NS_ENTRY(tfm_nsce_acquire_ctx, MASKED(spm_nsce_acquire), REFUSE_NO_TOKEN);
NS_ENTRY(tfm_nsce_release_ctx, MASKED(spm_nsce_release), REFUSE_ACCESS);
NS_ENTRY(tfm_nsce_load_ctx, MASKED(spm_nsce_load), REFUSE_ACCESS);
NS_ENTRY(tfm_nsce_save_ctx, MASKED(spm_nsce_save), REFUSE_ACCESS);
NS_ENTRY(tfm_register_client_id, MASKED(spm_nsce_register_client_id),
         REFUSE_THREAD);

bool arch_ns_caller_is_handler(void)
{
    uint32_t ipsr;

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return (ipsr & 0x1FFu) != 0u;
}
