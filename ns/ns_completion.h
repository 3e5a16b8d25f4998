/*
 * The NS side of completion for an inactive NS context
 * (include/warden_ns_completion.h; a secure image built with
 * WARDEN_NS_COMPLETION_IRQ=ON): a small portable piece over two RTOS
 * hooks. Once an RTOS installed them, a psa_connect(), psa_call() or
 * psa_close() that has to wait in the secure side blocks its thread in the
 * RTOS (wait) instead of in the secure side, so the RTOS runs its other
 * threads; the completion interrupt's handler wakes it (wake), and the
 * call ends with its own result. Without hooks nothing changes.
 *
 * An RTOS provides:
 *  - wait(): blocks the calling thread until wake() of its NS context
 *    (the NSCE context it runs in, loaded by the RTOS); a wake() that came
 *    first must not be lost (a count, a thread flag, a notification);
 *  - wake(ctx): from the completion interrupt's handler, wakes the thread
 *    waiting in NS context @p ctx (NSCE slot ctx - 1: a token's bits
 *    23..16, plus 1).
 * The NS kernel's are kernel_completion_wait()/kernel_completion_wake()
 * (ns/kernel/kernel.h); docs/nsce-integration.md gives RTX5's and
 * FreeRTOS's.
 */
#ifndef WARDEN_NS_NS_COMPLETION_H
#define WARDEN_NS_NS_COMPLETION_H

#include <stdint.h>

#include "psa/error.h"
#include "warden_ns_completion.h"

struct warden_ns_completion_hooks {
    void (*wait)(void);
    void (*wake)(uint32_t ctx);
};

/**
 * Installs @p hooks (kept by reference; NULL uninstalls) and tells the
 * secure side (warden_ns_completion_enable()). From NS Handler mode (or a
 * privileged thread with WARDEN_NSCE_PRIVILEGED_THREAD=ON), before the
 * threads that use it call; then enable the completion interrupt
 * (ns_platform_completion_irq_init()).
 * @return TFM_NS_CLIENT_ERR_SUCCESS; TFM_NS_CLIENT_ERR_INVALID_ACCESS if
 *         the secure side refused (no hooks are installed then: every
 *         call waits in the secure side, as without them).
 */
uint32_t
warden_ns_completion_init(const struct warden_ns_completion_hooks *hooks);

/**
 * What the PSA client library returns for a veneer's @p result: @p result
 * itself, or, for WARDEN_NS_CALL_PENDING with hooks installed, the call's
 * own result once the thread was woken (wait(), then
 * warden_ns_completion_finish()). From the calling thread.
 */
int32_t warden_ns_completion_wait(int32_t result);

/** The completion interrupt's handler: takes the completion set and calls
 * wake() for each NS context in it. */
void warden_ns_completion_irq(void);

#endif /* WARDEN_NS_NS_COMPLETION_H */
