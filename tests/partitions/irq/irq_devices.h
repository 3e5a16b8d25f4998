/*
 * The AN505 devices the IRQ test partitions drive, at their Secure
 * aliases (platform/an505/manifest_platform.yaml names their MMIO
 * regions): the CMSDK timers TIMER0 and TIMER1, and the CMSDK UARTs 1 to
 * 4. Each is reached only by the partition whose manifest owns it.
 *
 * QEMU's models (7.2): a timer counts down at 20 MHz (one tick is 50
 * instructions under -icount shift=0) from RELOAD, raises INTSTATUS at
 * the 1 -> 0 step and reloads; the level stays high until INTCLEAR. A
 * UART with TX and its TX interrupt enabled raises INTSTATUS.TX when a
 * byte written to DATA has left: at once, during the write, when the
 * UART has no character device behind it or a file.
 */
#ifndef WARDEN_TESTS_IRQ_DEVICES_H
#define WARDEN_TESTS_IRQ_DEVICES_H

#include <stdint.h>

struct cmsdk_timer {
    volatile uint32_t ctrl;
    volatile uint32_t value;
    volatile uint32_t reload;
    volatile uint32_t intstatus; /* reads INTSTATUS, writes INTCLEAR */
};

struct cmsdk_uart {
    volatile uint32_t data;
    volatile uint32_t state;
    volatile uint32_t ctrl;
    volatile uint32_t intstatus; /* reads INTSTATUS, writes INTCLEAR */
    volatile uint32_t bauddiv;
};

#define IRQ_TIMER0 ((struct cmsdk_timer *)(uintptr_t)0x50000000u)
#define IRQ_TIMER1 ((struct cmsdk_timer *)(uintptr_t)0x50001000u)
#define IRQ_UART1  ((struct cmsdk_uart *)(uintptr_t)0x50201000u)
#define IRQ_UART2  ((struct cmsdk_uart *)(uintptr_t)0x50202000u)
#define IRQ_UART3  ((struct cmsdk_uart *)(uintptr_t)0x50203000u)
#define IRQ_UART4  ((struct cmsdk_uart *)(uintptr_t)0x50204000u)

#define CMSDK_TIMER_CTRL_EN    (1u << 0)
#define CMSDK_TIMER_CTRL_IRQEN (1u << 3)
#define CMSDK_TIMER_INT        (1u << 0)

#define CMSDK_UART_STATE_TXFULL (1u << 0)
#define CMSDK_UART_CTRL_TX_EN   (1u << 0)
#define CMSDK_UART_CTRL_TX_INT  (1u << 2)
#define CMSDK_UART_INT_TX       (1u << 0)
#define CMSDK_UART_BAUDDIV_MIN  16u

/** Starts @p t: its interrupt @p ticks ticks from now, then every
 *  @p ticks + 1 ticks until stopped. */
static inline void timer_arm(struct cmsdk_timer *t, uint32_t ticks)
{
    t->ctrl = 0u;
    t->reload = ticks; /* sets the count too */
    t->ctrl = CMSDK_TIMER_CTRL_EN | CMSDK_TIMER_CTRL_IRQEN;
}

/** Stops @p t and takes its interrupt back (the level goes low). */
static inline void timer_stop_clear(struct cmsdk_timer *t)
{
    t->ctrl = 0u;
    t->intstatus = CMSDK_TIMER_INT;
}

/** True while @p t's interrupt is raised. */
static inline int timer_fired(const struct cmsdk_timer *t)
{
    return (t->intstatus & CMSDK_TIMER_INT) != 0u;
}

/** Enables @p u's transmitter and its TX interrupt. */
static inline void uart_tx_setup(struct cmsdk_uart *u)
{
    u->bauddiv = CMSDK_UART_BAUDDIV_MIN;
    u->ctrl = CMSDK_UART_CTRL_TX_EN | CMSDK_UART_CTRL_TX_INT;
}

/** Takes @p u's TX interrupt back; returns whether it was raised. */
static inline int uart_tx_clear(struct cmsdk_uart *u)
{
    int raised = (u->intstatus & CMSDK_UART_INT_TX) != 0u;

    u->intstatus = CMSDK_UART_INT_TX;
    return raised;
}

#endif /* WARDEN_TESTS_IRQ_DEVICES_H */
