/*
 * The two worlds on the host: the NS application runs on its own stack (a
 * registered NS region); each veneer call switches to the secure stack, as
 * the hardware does, so secure locals are never NS memory.
 */
#include <stdlib.h>
#include <ucontext.h>

#include "arch/arch.h"
#include "arch/host/host_ns.h"
#include "host_mem.h"
#include "platform.h"
#include "platform_ns.h"

#define HOST_STACK_SIZE (256u * 1024u)

static uint8_t ns_stack[HOST_STACK_SIZE] __attribute__((aligned(16)));
static uint8_t secure_stack[HOST_STACK_SIZE] __attribute__((aligned(16)));
static ucontext_t boot_ctx;
static ucontext_t ns_ctx;
static ucontext_t secure_ctx;

static host_secure_fn_t pending_fn;
static void *pending_arg;

static void ns_entry(void)
{
    platform_exit(ns_main());
}

void arch_ns_launch(void)
{
    (void)host_mem_add_ns_region(ns_stack, sizeof(ns_stack), ARCH_ACCESS_RW);
    (void)getcontext(&ns_ctx);
    ns_ctx.uc_stack.ss_sp = ns_stack;
    ns_ctx.uc_stack.ss_size = sizeof(ns_stack);
    ns_ctx.uc_link = NULL;
    makecontext(&ns_ctx, ns_entry, 0);
    (void)swapcontext(&boot_ctx, &ns_ctx);
    abort(); /* ns_entry never comes back */
}

static void secure_entry(void)
{
    pending_fn(pending_arg);
    (void)swapcontext(&secure_ctx, &ns_ctx);
}

void host_secure_call(host_secure_fn_t fn, void *arg)
{
    pending_fn = fn;
    pending_arg = arg;
    (void)getcontext(&secure_ctx);
    secure_ctx.uc_stack.ss_sp = secure_stack;
    secure_ctx.uc_stack.ss_size = sizeof(secure_stack);
    secure_ctx.uc_link = NULL;
    makecontext(&secure_ctx, secure_entry, 0);
    (void)swapcontext(&ns_ctx, &secure_ctx);
}
