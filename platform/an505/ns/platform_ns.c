/*
 * platform/include/platform_ns.h for the AN505: console, exit, the
 * addresses of negative tests, Non-secure fault reports, newlib hooks.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "an505.h"
#include "arch/armv8m/exception_handlers.h"
#include "arch/armv8m/fault_print.h"
#include "memory_map.h"
#include "ns/an505_ns.h"
#include "platform_ns.h"

#define NS_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))
/* The Non-secure view of the banked fault registers. */
#define NS_CFSR           NS_REG(0xE000ED28u)
#define NS_HFSR           NS_REG(0xE000ED2Cu)
#define NS_MMFAR          NS_REG(0xE000ED34u)
#define NS_CFSR_MMARVALID (1u << 7)

void ns_platform_console_write(const char *s, size_t len)
{
    an505_uart_write(s, len);
}

void ns_platform_exit(int status)
{
    /* Semihosting works from privileged Non-secure code; QEMU exits. */
    an505_semihost_exit(status);
    for (;;) {
        __asm volatile("wfi");
    }
}

void *ns_platform_secure_ram(void)
{
    return (void *)(uintptr_t)AN505_S_DATA_BASE;
}

/* 64 bytes of Non-secure read-only data with a recognisable pattern. */
static const uint8_t an505_ns_rom[64] = {
    0x57, 0x41, 0x52, 0x44, 0x45, 0x4e, 0x2d, 0x4e, /* "WARDEN-NS-ROM..." */
    0x53, 0x2d, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02, [16 ... 63] = 0xa5,
};

const void *ns_platform_ns_rom(void)
{
    return an505_ns_rom;
}

/* ---- Faults -------------------------------------------------------------- */

__attribute__((noreturn, used)) void
an505_ns_fault_report(uint32_t exc_return, uint32_t msp, uint32_t kind);

/* An NS application (a test, an RTOS) may handle UsageFault itself. */
void UsageFault_Handler(void) __attribute__((weak));

ARMV8M_FAULT_STUB(HardFault_Handler, 0, an505_ns_fault_report)
ARMV8M_FAULT_STUB(MemManage_Handler, 1, an505_ns_fault_report)
ARMV8M_FAULT_STUB(BusFault_Handler, 2, an505_ns_fault_report)
ARMV8M_FAULT_STUB(UsageFault_Handler, 3, an505_ns_fault_report)
ARMV8M_FAULT_STUB(Default_Handler, 4, an505_ns_fault_report)

ARMV8M_WEAK_DEFAULT_HANDLERS();

void an505_ns_fault_report(uint32_t exc_return, uint32_t msp, uint32_t kind)
{
    static const char *const names[] = {
        "HardFault",
        "MemManage",
        "BusFault",
        "UsageFault",
        "unexpected exception",
    };
    uint32_t sp = msp;
    uint32_t ipsr;
    uint32_t cfsr = NS_CFSR;

    /* A Non-secure handler: EXC_RETURN.SPSEL names the frame's stack when
     * the frame is Non-secure (S = 0) and Thread mode was interrupted. */
    bool ns_frame = (exc_return & (1u << 6)) == 0u;
    if (ns_frame && (exc_return & (1u << 3)) != 0u &&
        (exc_return & (1u << 2)) != 0u) {
        __asm volatile("mrs %0, psp" : "=r"(sp));
    }
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));

    armv8m_put(an505_uart_write, "\n[warden-ns] FATAL: ");
    armv8m_put(an505_uart_write, names[kind < 4u ? kind : 4u]);
    armv8m_put_hex(an505_uart_write, " (exception ", ipsr & 0x1FFu);
    armv8m_put(an505_uart_write, ") in Non-secure code\n");
    if (ns_frame && sp >= AN505_NS_DATA_BASE &&
        sp <= AN505_NS_DATA_BASE + AN505_NS_DATA_SIZE - 32u) {
        armv8m_put_hex(an505_uart_write,
                       "  PC=", ((const volatile uint32_t *)(uintptr_t)sp)[6]);
    } else {
        armv8m_put(an505_uart_write, ns_frame ? "  PC=(frame not readable)"
                                              : "  PC=(Secure frame)");
    }
    armv8m_put_hex(an505_uart_write, " EXC_RETURN=", exc_return);
    armv8m_put_hex(an505_uart_write, "\n  CFSR=", cfsr);
    armv8m_put_hex(an505_uart_write, " HFSR=", NS_HFSR);
    if ((cfsr & NS_CFSR_MMARVALID) != 0u) {
        armv8m_put_hex(an505_uart_write, " MMFAR=", NS_MMFAR);
    }
    armv8m_put(an505_uart_write, "\n");
    ns_platform_exit(AN505_EXIT_NS_FAULT);
}

/* ---- newlib hooks -----------------------------------------------------------
 */

extern uint8_t an505_ns_heap_start[];
extern uint8_t an505_ns_heap_end[];

int _write(int fd, const void *buf, size_t len)
{
    (void)fd;
    an505_uart_write(buf, len);
    return (int)len;
}

/* The heap lies between .bss and the stack; malloc gets NULL beyond it. */
void *_sbrk(ptrdiff_t incr)
{
    static uintptr_t brk;
    uintptr_t start = (uintptr_t)an505_ns_heap_start;
    uintptr_t end = (uintptr_t)an505_ns_heap_end;
    uintptr_t old;

    if (brk == 0u) {
        brk = start;
    }
    old = brk;
    if (incr < 0 ? (uintptr_t)-incr > brk - start
                 : (uintptr_t)incr > end - brk) {
        return (void *)-1;
    }
    brk += (uintptr_t)incr;
    return (void *)old;
}

void ns_platform_completion_irq_init(void)
{
    uint32_t line = AN505_NS_COMPLETION_IRQ;

    /* From NS, the NVIC is the Non-secure one's view: the line targets NS
     * (tz_setup.c). Least urgent of the 3 priority bits an505 has. */
    NS_REG(0xE000E400u + line) = 0xE0u;       /* NVIC_IPR, a byte each */
    NS_REG(0xE000E100u + 4u * (line / 32u)) = /* NVIC_ISER */
        1u << (line % 32u);
}

int ns_platform_completion_irq_active(void)
{
    uint32_t ipsr;

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return (ipsr & 0x1FFu) == 16u + AN505_NS_COMPLETION_IRQ;
}
