/*
 * NS Thread mode's privilege on the host: the hosted port's simulated
 * CONTROL_NS.nPRIV (arch/host/host_ns.h), which the secure side's check
 * reads.
 */
#include "arch/host/host_ns.h"
#include "nsce_suites.h"

bool ns_thread_set_privileged(bool privileged)
{
    host_ns_set_thread_privileged(privileged);
    return true;
}
