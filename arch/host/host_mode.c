/*
 * The hosted NS side's processor mode. Linux has no NS exception handlers,
 * so the hosted NS RTOS says when its code stands for one (its simulated
 * SVC, tick and context switch); a veneer called meanwhile sees Handler
 * mode, as IPSR would show it on Armv8-M.
 */
#include "arch/arch.h"
#include "arch/host/host_ns.h"

static unsigned handler_depth;

void host_ns_handler_enter(void)
{
    handler_depth++;
}

void host_ns_handler_exit(void)
{
    if (handler_depth != 0u) {
        handler_depth--;
    }
}

bool arch_ns_caller_is_handler(void)
{
    return handler_depth != 0u;
}
