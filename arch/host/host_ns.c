/*
 * The two worlds on the host: the NS application runs on its own stack (a
 * registered NS region); each veneer call switches to the secure stack, as
 * the hardware does, so secure locals are never NS memory.
 */
#include <stdlib.h>

#include "arch/arch.h"
#include "arch/host/host_fiber.h"
#include "arch/host/host_ns.h"
#include "arch/host/host_mem.h"
#include "platform.h"
#include "platform_ns.h"

#define HOST_STACK_SIZE (256u * 1024u)

static uint8_t ns_stack[HOST_STACK_SIZE] __attribute__((aligned(16)));
static uint8_t secure_stack[HOST_STACK_SIZE] __attribute__((aligned(16)));
static struct host_fiber boot_fiber;
static struct host_fiber ns_fiber;
static struct host_fiber secure_fiber;

static host_secure_fn_t pending_fn;
static void *pending_arg;

static void ns_entry(void)
{
    platform_exit(ns_main());
}

void arch_ns_launch(void)
{
    (void)host_mem_add_ns_region(ns_stack, sizeof(ns_stack), ARCH_ACCESS_RW);
    host_fiber_make(&ns_fiber, ns_stack, sizeof(ns_stack), ns_entry);
    host_fiber_swap(&boot_fiber, &ns_fiber);
    abort(); /* ns_entry never comes back */
}

static void secure_entry(void)
{
    pending_fn(pending_arg);
    host_fiber_leave(&secure_fiber, &ns_fiber);
}

void host_secure_call(host_secure_fn_t fn, void *arg)
{
    pending_fn = fn;
    pending_arg = arg;
    /* ns_fiber stands for whichever NS stack calls (an NS kernel task's). */
    host_fiber_make(&secure_fiber, secure_stack, sizeof(secure_stack),
                    secure_entry);
    host_fiber_swap(&ns_fiber, &secure_fiber);
}
