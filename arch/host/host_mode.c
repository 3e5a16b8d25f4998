/*
 * The hosted NS side's processor mode and Thread-mode privilege. Linux has
 * no NS exception handlers, so the hosted NS RTOS says when its code stands
 * for one (its simulated SVC, tick and context switch); a veneer called
 * meanwhile sees Handler mode, as IPSR would show it on Armv8-M. Thread
 * mode is privileged until the NS side says otherwise, as CONTROL_NS.nPRIV
 * is clear after reset.
 */
#include "arch/arch.h"
#include "arch/host/host_ns.h"
#include "arch/ns_privilege.h"

static unsigned handler_depth;
static bool thread_privileged = true;

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

void host_ns_set_thread_privileged(bool privileged)
{
    thread_privileged = privileged;
}

bool arch_ns_caller_privileged(void)
{
    return arch_ns_privileged(handler_depth != 0u, thread_privileged);
}

bool arch_ns_caller_handler(void)
{
    return handler_depth != 0u;
}
