/*
 * The NS kernel on the host: the same core, tasks as fibers (ucontext).
 *
 * Linux gives the hosted NS side no interrupts, so this port is
 * cooperative: a task switch happens only when a task calls the kernel
 * (sleep, yield, a mutex it must wait for, creating a task of higher
 * priority, deleting itself), never inside a secure call. Handler mode is
 * simulated: kernel work, the task switch and the NSCE calls it makes run
 * between host_ns_handler_enter() and host_ns_handler_exit(), so the
 * secure side sees them come from Handler mode. Ticks pass only while the
 * idle task runs (time moves when nothing else can). The tests that need a
 * tick landing inside a secure call run on Armv8-M only.
 */
#include <stdio.h>
#include <stdlib.h>

#include "arch/arch.h"
#include "arch/host/host_fiber.h"
#include "arch/host/host_mem.h"
#include "arch/host/host_ns.h"
#include "kernel_port.h"
#include "platform_ns.h"

#define PORT_STACK_SIZE ((size_t)64u * 1024u)
/* Idle ticks with nothing to wake: the tasks wait for each other. */
#define PORT_IDLE_LIMIT 100000u

static uint8_t stacks[KERNEL_MAX_TASKS + 1u][PORT_STACK_SIZE]
    __attribute__((aligned(16)));
static struct host_fiber fibers[KERNEL_MAX_TASKS + 1u];
static struct host_fiber main_fiber;
static unsigned depth;
static bool pending;
static unsigned idle_ticks;

static void handler_enter(void)
{
    depth++;
    host_ns_handler_enter();
}

static void handler_exit(void)
{
    host_ns_handler_exit();
    depth--;
}

void port_init(void)
{
    static bool registered;

    /* The tasks' stacks are NS memory: they hold the buffers tasks pass. */
    if (!registered) {
        registered =
            host_mem_add_ns_region(stacks, sizeof(stacks), ARCH_ACCESS_RW) == 0;
    }
    depth = 0u;
    pending = false;
    idle_ticks = 0u;
}

/* A task's first instructions: the switch that started it was in Handler
 * mode, and this is its exception return. */
static void task_start(void)
{
    handler_exit();
    kernel_task_entry();
}

void port_task_init(struct kernel_task *t)
{
    host_fiber_make(&fibers[t->index], stacks[t->index], PORT_STACK_SIZE,
                    task_start);
    t->sp = 0u;
    t->stack_base = (uintptr_t)stacks[t->index];
}

/* PendSV: the core picks, the port swaps. */
static void do_switch(void)
{
    struct kernel_task *prev;
    struct kernel_task *next;

    handler_enter();
    pending = false;
    prev = kernel_current;
    next = kernel_schedule();
    if (next != prev) {
        host_fiber_swap(prev != NULL ? &fibers[prev->index] : &main_fiber,
                        &fibers[next->index]);
    }
    handler_exit();
}

void port_start(uint32_t min_cycles, uint32_t max_cycles)
{
    (void)min_cycles;
    (void)max_cycles;
    do_switch();
    abort(); /* main is never switched back in */
}

void port_request_switch(void)
{
    if (depth != 0u) {
        pending = true; /* taken when the handler ends, as PendSV would */
        return;
    }
    do_switch();
}

uint32_t port_irq_save(void)
{
    return 0u;
}

void port_irq_restore(uint32_t saved)
{
    (void)saved;
}

bool port_in_handler(void)
{
    return depth != 0u;
}

uintptr_t port_handler_call(uintptr_t (*fn)(uintptr_t), uintptr_t arg)
{
    uintptr_t r;

    handler_enter();
    r = fn(arg);
    handler_exit();
    if (depth == 0u && pending) {
        do_switch();
    }
    return r;
}

bool port_task_in_secure(const struct kernel_task *t)
{
    (void)t;
    return false;
}

void port_idle(void)
{
    bool due;

    handler_enter();
    due = kernel_tick_isr(false);
    handler_exit();
    if (due) {
        idle_ticks = 0u;
        do_switch();
        return;
    }
    if (++idle_ticks == PORT_IDLE_LIMIT) {
        static const char msg[] = "[ns kernel] every task waits: stopping\n";

        ns_platform_console_write(msg, sizeof(msg) - 1u);
        ns_platform_exit(3);
    }
}

bool port_preemptive(void)
{
    return false;
}
