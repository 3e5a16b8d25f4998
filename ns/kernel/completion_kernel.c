/*
 * The NS kernel's port of completion for an inactive NS context
 * (ns/ns_completion.h): its hooks are the kernel's completion wait and
 * wake (kernel.c), installed from Handler mode.
 */
#include "kernel.h"
#include "ns_completion.h"
#include "platform_ns.h"
#include "tfm_ns_client_ext.h"

static const struct warden_ns_completion_hooks kernel_hooks = {
    .wait = kernel_completion_wait,
    .wake = kernel_completion_wake,
};

static uintptr_t start_in_handler(uintptr_t unused)
{
    (void)unused;
    return warden_ns_completion_init(&kernel_hooks);
}

uint32_t kernel_completion_start(void)
{
    uint32_t r = (uint32_t)kernel_handler_call(start_in_handler, 0u);

    if (r == TFM_NS_CLIENT_ERR_SUCCESS) {
        ns_platform_completion_irq_init();
    }
    return r;
}
