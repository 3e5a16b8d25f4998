/*
 * The NS side of completion for an inactive NS context (ns_completion.h).
 */
#include "ns_completion.h"

#include <stddef.h>

#include "tfm_ns_client_ext.h"

static const struct warden_ns_completion_hooks *volatile hooks;

uint32_t warden_ns_completion_init(const struct warden_ns_completion_hooks *h)
{
    uint32_t r = warden_ns_completion_enable(h != NULL ? 1u : 0u);

    hooks = (r == TFM_NS_CLIENT_ERR_SUCCESS) ? h : NULL;
    return r;
}

int32_t warden_ns_completion_wait(int32_t result)
{
    const struct warden_ns_completion_hooks *h = hooks;

    /* Only a call the secure side deferred returns the pending status, and
     * only once it was enabled (init): then hooks are installed. */
    if (result != WARDEN_NS_CALL_PENDING || h == NULL) {
        return result;
    }
    h->wait();
    return warden_ns_completion_finish();
}

void warden_ns_completion_irq(void)
{
    const struct warden_ns_completion_hooks *h = hooks;
    uint32_t set = warden_ns_completion_take();

    while (set != 0u && h != NULL) {
        h->wake((uint32_t)__builtin_ctz(set));
        set &= set - 1u;
    }
}
