/*
 * The NS kernel on Armv8-M Mainline, Non-secure side: SysTick ticks,
 * PendSV switches tasks, SVC runs kernel work in Handler mode. Tasks run
 * privileged on PSP; the kernel's exceptions have the lowest priority.
 *
 * A task may be switched out inside a secure call: the SysTick then
 * interrupted Secure code, the task's registers are on the secure stack,
 * and the EXC_RETURN PendSV saves for it has S = 1. Returning with that
 * EXC_RETURN later resumes the secure call. Only one task may be inside the
 * secure side at a time (ns/ns_interface.h): its frame must be the one on
 * top of the secure stack when it is resumed.
 */
#include <stddef.h>
#include <stdint.h>

#include "kernel_port.h"

#define REG(addr)         (*(volatile uint32_t *)(uintptr_t)(addr))
#define ICSR              REG(0xE000ED04u)
#define ICSR_PENDSVSET    (1u << 28)
#define SHPR3             REG(0xE000ED20u)
#define SHPR3_LOWEST      (0xFFFF0000u) /* PendSV and SysTick */
#define SYST_CSR          REG(0xE000E010u)
#define SYST_RVR          REG(0xE000E014u)
#define SYST_CVR          REG(0xE000E018u)
#define SYST_CSR_RUN      (7u) /* enable, interrupt, processor clock */
#define EXC_RETURN_S      (1u << 6)
#define EXC_RETURN_NS_PSP (0xFFFFFFBCu) /* NS Thread mode, PSP, no FP */
#define XPSR_THUMB        (1u << 24)
#define SAVED_EXC_RETURN  8u /* r4..r11, then EXC_RETURN */
#define PORT_STACK_SIZE   2048u
#define PORT_MIN_TICK     2u

_Static_assert(offsetof(struct kernel_task, sp) == 0,
               "PendSV_Handler reads the saved SP at offset 0");
_Static_assert(offsetof(struct kernel_task, stack_base) == 4,
               "PendSV_Handler reads the stack base at offset 4");

static uint8_t stacks[KERNEL_MAX_TASKS + 1u][PORT_STACK_SIZE]
    __attribute__((aligned(8)));
static uint32_t tick_min;
static uint32_t tick_span;
static uint32_t lfsr = 0xACE1u;

void PendSV_Handler(void);
void SVC_Handler(void);
void SysTick_Handler(void);

void port_init(void)
{
}

static __attribute__((noreturn)) void port_task_start(void)
{
    kernel_task_entry();
}

void port_task_init(struct kernel_task *t)
{
    uint8_t *base = stacks[t->index];
    uint32_t *sp = (uint32_t *)(uintptr_t)(base + PORT_STACK_SIZE);

    /* The frame the hardware unstacks: xPSR, PC, LR, r12, r3..r0. */
    *--sp = XPSR_THUMB;
    *--sp = (uint32_t)(uintptr_t)port_task_start & ~1u;
    *--sp = 0u;
    for (unsigned i = 0; i < 5u; i++) {
        *--sp = 0u;
    }
    /* What PendSV_Handler restores: r4..r11, EXC_RETURN on top. */
    *--sp = EXC_RETURN_NS_PSP;
    for (unsigned i = 0; i < 8u; i++) {
        *--sp = 0u;
    }
    t->sp = (uintptr_t)sp;
    t->stack_base = (uintptr_t)base;
}

bool port_task_in_secure(const struct kernel_task *t)
{
    return (((const uint32_t *)t->sp)[SAVED_EXC_RETURN] & EXC_RETURN_S) != 0u;
}

/*
 * Built for an FP ABI (__ARM_FP), a task that holds FP state (EXC_RETURN
 * FType 0) also has s16-s31 saved, above r4..r11 and EXC_RETURN. Saving
 * them is an FP instruction: the hardware first writes out a lazily
 * reserved frame, even one on the secure stack of a task preempted inside
 * a secure call (whose FP registers the secure side's FPCCR_S.TS has it
 * clear before NS code runs), so no reserved frame is left behind for
 * the next task's FP use to fill.
 */
#if defined(__ARM_FP)
#define SAVE_FP         \
    "tst lr, #0x10\n\t" \
    "it eq\n\t"         \
    "vstmdbeq r0!, {s16-s31}\n\t"
#define RESTORE_FP      \
    "tst lr, #0x10\n\t" \
    "it eq\n\t"         \
    "vldmiaeq r1!, {s16-s31}\n\t"
#else
#define SAVE_FP    ""
#define RESTORE_FP ""
#endif

/* Saves r4..r11 and EXC_RETURN of the current task on its stack, asks the
 * core for the next one, restores its registers, stack and stack limit. */
__attribute__((naked)) void PendSV_Handler(void)
{
    __asm volatile("mrs r0, psp\n\t"
                   "ldr r2, =kernel_current\n\t"
                   "ldr r1, [r2]\n\t"
                   "cbz r1, 1f\n\t" SAVE_FP "stmdb r0!, {r4-r11, lr}\n\t"
                   "str r0, [r1]\n\t"
                   "1:\n\t"
                   "cpsid i\n\t"
                   "bl kernel_schedule\n\t"
                   "cpsie i\n\t"
                   "ldr r1, [r0]\n\t"
                   "ldr r2, [r0, #4]\n\t"
                   "ldmia r1!, {r4-r11, lr}\n\t" RESTORE_FP "movs r3, #0\n\t"
                   "msr psplim, r3\n\t"
                   "msr psp, r1\n\t"
                   "msr psplim, r2\n\t"
                   "bx lr\n\t"
                   ".ltorg\n\t");
}

/* svc #0 with r0 = function, r1 = argument: r0 comes back as the result. */
static __attribute__((used)) void port_svc(uint32_t *frame)
{
    uintptr_t (*fn)(uintptr_t) = (uintptr_t(*)(uintptr_t))frame[0];

    frame[0] = (uint32_t)fn(frame[1]);
}

__attribute__((naked)) void SVC_Handler(void)
{
    __asm volatile("tst lr, #4\n\t"
                   "ite eq\n\t"
                   "mrseq r0, msp\n\t"
                   "mrsne r0, psp\n\t"
                   "b port_svc\n\t");
}

static uint32_t next_period(void)
{
    if (tick_span == 0u) {
        return tick_min;
    }
    lfsr = (lfsr >> 1) ^ ((0u - (lfsr & 1u)) & 0xB400u);
    return tick_min + lfsr % (tick_span + 1u);
}

static __attribute__((used)) void port_systick(uint32_t exc_return)
{
    SYST_RVR = next_period() - 1u;
    if (kernel_tick_isr((exc_return & EXC_RETURN_S) != 0u)) {
        ICSR = ICSR_PENDSVSET;
    }
}

/* Passes EXC_RETURN on: it tells whether the tick interrupted Secure code. */
__attribute__((naked)) void SysTick_Handler(void)
{
    __asm volatile("mov r0, lr\n\t"
                   "b port_systick\n\t");
}

void port_start(uint32_t min_cycles, uint32_t max_cycles)
{
    tick_min = min_cycles < PORT_MIN_TICK ? PORT_MIN_TICK : min_cycles;
    tick_span = max_cycles > tick_min ? max_cycles - tick_min : 0u;
    SHPR3 |= SHPR3_LOWEST;
    SYST_RVR = next_period() - 1u;
    SYST_CVR = 0u;
    SYST_CSR = SYST_CSR_RUN;
    ICSR = ICSR_PENDSVSET;
    __asm volatile("dsb\n\tisb\n\tcpsie i" : : : "memory");
    for (;;) {
        __asm volatile("wfi");
    }
}

void port_request_switch(void)
{
    ICSR = ICSR_PENDSVSET;
    __asm volatile("dsb\n\tisb" : : : "memory");
}

uint32_t port_irq_save(void)
{
    uint32_t primask;

    __asm volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask) : : "memory");
    return primask;
}

void port_irq_restore(uint32_t saved)
{
    __asm volatile("msr primask, %0" : : "r"(saved) : "memory");
}

bool port_in_handler(void)
{
    uint32_t ipsr;

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return (ipsr & 0x1FFu) != 0u;
}

/* An SVC from Thread mode; a plain call when already in Handler mode (an
 * SVC there would escalate to HardFault). */
static uintptr_t svc_call(uintptr_t (*fn)(uintptr_t), uintptr_t arg)
{
    register uintptr_t r0 __asm("r0") = (uintptr_t)fn;
    register uintptr_t r1 __asm("r1") = arg;

    __asm volatile("svc #0" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

uintptr_t port_handler_call(uintptr_t (*fn)(uintptr_t), uintptr_t arg)
{
    if (port_in_handler()) {
        return fn(arg);
    }
    return svc_call(fn, arg);
}

void port_idle(void)
{
    __asm volatile("wfi");
}

bool port_preemptive(void)
{
    return true;
}
