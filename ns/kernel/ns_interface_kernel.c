/*
 * The NS interface of the NS kernel (ns/ns_interface.h): one task at a time
 * in the secure side, the others wait on a kernel mutex. Before the kernel
 * runs (main) and in Handler mode there is nothing to wait for.
 */
#include "kernel.h"
#include "ns_interface.h"

static struct kernel_mutex secure_lock = KERNEL_MUTEX_INIT;

void ns_interface_lock(void)
{
    if (kernel_in_task()) {
        kernel_mutex_lock(&secure_lock);
    }
}

void ns_interface_unlock(void)
{
    if (kernel_in_task()) {
        kernel_mutex_unlock(&secure_lock);
    }
}
