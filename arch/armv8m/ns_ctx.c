/*
 * NS contexts on Armv8-M (arch/arch.h; IPC backend with NS contexts).
 *
 * An NS thread in a secure call that the NS RTOS switches away from is in
 * one of two states. Either NS preempted its NS context's agent thread
 * (the SPM code of its call, or its agent idling for the reply): then the
 * hardware stacked that thread's whole state on the agent's stack, under
 * an integrity signature, and the NS RTOS resumes it later through that
 * frame. Or NS preempted a partition's thread that the call (or anyone's)
 * made run: that thread's state lies on its own stack under the
 * signature, where only NS could resume it; arch_ns_ctx_park() turns it
 * into the frame a thread switch leaves (thread_v8m.c: PSPLIM, R4-R11,
 * EXC_RETURN, [S16-S31], then the hardware's), so that the scheduler may
 * run it at any time, and gives the agent thread, switched out blocked in
 * its call, a frame of the kind NS expects (the same FType: NS saved its
 * own state by it) whose return lands in armv8m_ns_resume(). That SVC
 * drops its own frame and goes on through the scheduler, with the agent's
 * own saved context as the running thread's: the agent goes on where it
 * blocked once it is the thread to run.
 *
 * The integrity signature is 0xFEFA125B above a basic frame and
 * 0xFEFA125A above an extended one; with FPCCR_S.TS set the extended
 * frame of Secure state has S16-S31 too (frame.h).
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/boundary.h"
#include "arch/armv8m/flih.h"
#include "arch/armv8m/frame.h"
#include "warden/config.h"
#include WARDEN_ARCH_THREAD_H

#define SIG_BASIC 0xFEFA125Bu
#define SIG_FP    0xFEFA125Au
/* Under the hardware frame: the signature, a reserved word, R4-R11. */
#define EXTRA_WORDS 10u
/* Where S16-S31 lie in an extended frame of Secure state, from its
 * basic part: after S0-S15, FPSCR and the reserved word. */
#define FP_CALLEE_AT (ARMV8M_HW_FRAME_WORDS + 18u)

extern struct arch_thread *armv8m_running;

/* The NS context whose made frame the NS RTOS may return into next, and
 * its agent: set while it is loaded with such a frame. */
static struct arch_ns_ctx *resuming;
static struct arch_thread *resuming_agent;

/*
 * With the FPU, the partition NS preempted may hold FP state whose frame
 * the hardware only reserved (lazy preservation: FPCCR_S.LSPACT): an FP
 * instruction here has it written, and then every FP register is zeroed,
 * since the values are that partition's and NS runs next. (An NS RTOS
 * that saved S16-S31 by FType had this done already.)
 */
#if WARDEN_FPU
#define TAKE_FP                                                             \
    __asm volatile(                                                         \
        "vmov.f32 s0, s0\n\t" ARMV8M_FP_ZERO_ALL("r0") "movs r0, #0\n\t"    \
                                                       "vmsr fpscr, r0\n\t" \
        :                                                                   \
        :                                                                   \
        : "r0", "memory")
#else
#define TAKE_FP ((void)0)
#endif

void armv8m_ns_resume(void);

/* Where the frame that arch_ns_ctx_park() makes for an agent returns. */
__attribute__((naked, noreturn)) void armv8m_ns_resume(void)
{
    __asm volatile("svc    #" ARMV8M_STR(ARMV8M_SVC_NS_RESUME) "\n\t"
                                                               "udf    #0\n\t");
}

void arch_ns_ctx_init(struct arch_ns_ctx *c, struct arch_thread *agent,
                      uint8_t *stack, size_t size)
{
    armv8m_boundary_init_agent(agent);
    arch_ns_stack_init(c, stack, size);
}

bool arch_ns_ctx_park(struct arch_ns_ctx *c, struct arch_thread *cur,
                      struct arch_thread *agent)
{
    uint32_t psp = armv8m_read_psp();
    uint32_t psplim = armv8m_read_psplim();
    uint32_t *a = (uint32_t *)(uintptr_t)psp;
    uint32_t *agent_sw = (uint32_t *)(uintptr_t)agent->sp;
    uint32_t *sw;
    uint32_t *f;
    uint32_t words;
    bool fp;

    if (resuming == c) {
        resuming = NULL;
    }
    if (cur == agent) {
        c->psp = psp;
        c->psplim = psplim;
        return true;
    }
    if (a[0] != SIG_BASIC && a[0] != SIG_FP) {
        return false;
    }
    fp = WARDEN_FPU && a[0] == SIG_FP;
    /* Without the FPU fp is always false: basic frames only. */
    /* cppcheck-suppress knownConditionTrueFalse */
    sw = a - (fp ? ARMV8M_FP_CALLEE_WORDS : 0u);
    /* cppcheck-suppress knownConditionTrueFalse */
    words = fp ? ARMV8M_FP_FRAME_WORDS : 0u;
    words += EXTRA_WORDS + ARMV8M_HW_FRAME_WORDS;
    f = agent_sw - words;
    if ((uintptr_t)sw < psplim || (uintptr_t)f < agent_sw[0]) {
        return false;
    }
    if (fp) {
        TAKE_FP;
    }
    /* The preempted thread's frame, as a switch leaves it. Every word is
     * copied down (or onto itself): in ascending order none is overwritten
     * before it is read. */
    for (uint32_t i = 0; i < 8u; i++) {
        sw[1u + i] = a[2u + i]; /* R4-R11 */
    }
    /* Without the FPU fp is always false: no copy. */
    /* cppcheck-suppress knownConditionTrueFalse */
    for (uint32_t i = 0; fp && i < ARMV8M_FP_CALLEE_WORDS; i++) {
        sw[ARMV8M_SW_FRAME_WORDS + i] = a[EXTRA_WORDS + FP_CALLEE_AT + i];
    }
    sw[0] = psplim;
    sw[ARMV8M_SW_FRAME_WORDS - 1u] =
        fp ? ARMV8M_EXC_RETURN_THREAD_S_PSP & ~ARMV8M_EXC_RETURN_FTYPE
           : ARMV8M_EXC_RETURN_THREAD_S_PSP;
    cur->sp = (uint32_t)(uintptr_t)sw;

    /* The agent's frame for NS: nothing of its own but where it returns. */
    for (uint32_t i = 0; i < words; i++) {
        f[i] = 0u;
    }
    f[0] = fp ? SIG_FP : SIG_BASIC;
    f[EXTRA_WORDS + 6u] = (uint32_t)(uintptr_t)armv8m_ns_resume & ~1u;
    f[EXTRA_WORDS + 7u] = ARMV8M_XPSR_T;
    c->psp = (uint32_t)(uintptr_t)f;
    c->psplim = agent_sw[0];
    c->resume_sp = agent->sp;
    return true;
}

void arch_ns_ctx_enter(struct arch_ns_ctx *c, struct arch_thread *agent)
{
    armv8m_running = armv8m_boundary_enter(agent);
    /* Handler mode: PSP is not in use, so the order does not matter. */
    __asm volatile("msr psplim, %0\n\tmsr psp, %1"
                   :
                   : "r"(c->psplim), "r"(c->psp)
                   : "memory");
    resuming = (c->resume_sp != 0u) ? c : NULL;
    resuming_agent = agent;
}

void arch_ns_ctx_reset(struct arch_ns_ctx *c)
{
    if (resuming == c) {
        resuming = NULL;
    }
    c->resume_sp = 0u;
    c->psp = c->top;
}

/*
 * SVC ARMV8M_SVC_NS_RESUME: accepted only from armv8m_ns_resume(), in the
 * agent thread of the loaded NS context whose made frame NS returned
 * into; anything else is a fault of whoever made it.
 */
void armv8m_ns_resume_svc(uint32_t exc_return, uint32_t msp)
{
    const uint32_t thread_psp =
        ARMV8M_EXC_RETURN_S | ARMV8M_EXC_RETURN_MODE | ARMV8M_EXC_RETURN_SPSEL;
    const uint32_t *frame = (const uint32_t *)(uintptr_t)armv8m_read_psp();

    if ((exc_return & thread_psp) != thread_psp || resuming == NULL ||
        armv8m_running != resuming_agent ||
        frame[6] != ((uint32_t)(uintptr_t)armv8m_ns_resume & ~1u) + 2u) {
        armv8m_fault_report(exc_return, msp, ARCH_FAULT_SVC);
    }
    if (WARDEN_FPU) {
        TAKE_FP;
    }
    resuming_agent->sp = resuming->resume_sp;
    resuming->resume_sp = 0u;
    resuming = NULL;
    armv8m_thread_resume(spm_hook_switch(), msp);
    __builtin_unreachable(); /* it leaves the exception */
}
