/*
 * Completion for an inactive NS context (Warden's; the NS client management
 * document lists it as open work): with WARDEN_NS_COMPLETION_IRQ=ON, an NS
 * call that has to wait for its reply (its service busy, or waiting on an
 * interrupt or another service) returns to the NS RTOS at once, so that its
 * other threads run meanwhile; when the reply is ready the secure side pends
 * the completion interrupt (WARDEN_NS_COMPLETION_IRQ_LINE, platform.h of the
 * NS side), whose handler wakes the waiting thread, which then fetches the
 * call's result. ns/ns_completion.h is the NS side of it, with the RTOS's
 * hooks; docs/nsce-integration.md tells how an RTOS uses it.
 */
#ifndef WARDEN_NS_COMPLETION_H
#define WARDEN_NS_COMPLETION_H

#include <stdint.h>

#include "psa/error.h"

/*
 * What psa_connect(), psa_call() and psa_close()'s veneers return for a call
 * that goes on after it returned to NS (only once the NS side enabled it,
 * only from NS Thread mode in an NSCE context). With the option a veneer
 * never returns a service's reply itself, so this value means exactly that:
 * the call's result comes from warden_ns_completion_finish().
 */
#define WARDEN_NS_CALL_PENDING ((psa_status_t)-254)

/**
 * Tells the secure side that this NS side handles WARDEN_NS_CALL_PENDING
 * (@p on 1) or no longer does (@p on 0): from then on a call of an NSCE
 * context, made from Thread mode, that has to wait returns it. From NS
 * Handler mode (or a privileged NS thread with
 * WARDEN_NSCE_PRIVILEGED_THREAD=ON), like the NSCE calls.
 * @return TFM_NS_CLIENT_ERR_SUCCESS (0);
 *         TFM_NS_CLIENT_ERR_INVALID_ACCESS (3): from an NS thread, or the
 *         secure image is built without WARDEN_NS_COMPLETION_IRQ (nothing
 *         changes; every call waits for its reply in the secure side).
 */
uint32_t warden_ns_completion_enable(uint32_t on);

/**
 * The NS contexts whose pending call's reply is ready, since the last
 * take: bit c set for context c, the NSCE slot c - 1 (a token's bits
 * 23..16); the set is cleared. For the completion interrupt's handler,
 * from NS Handler mode (or a privileged NS thread with
 * WARDEN_NSCE_PRIVILEGED_THREAD=ON).
 * @return the set; 0 from an unprivileged caller or without the option.
 */
uint32_t warden_ns_completion_take(void);

/**
 * Ends the pending call of the NS context loaded now (the woken thread's):
 * writes back its outvec lengths and returns what the call itself would
 * have returned — a psa_call() status, a psa_connect() handle or error, a
 * psa_close() status. From NS Thread mode, in the thread that made the
 * call.
 * @return the call's result, once its reply is ready;
 *         WARDEN_NS_CALL_PENDING: its reply is not ready yet (wait for the
 *         completion interrupt first);
 *         PSA_ERROR_PROGRAMMER_ERROR: the loaded context has no pending
 *         call, or no context is loaded;
 *         PSA_ERROR_CONNECTION_BUSY: a secure context is live on the
 *         caller's secure stack (as for the PSA veneers).
 */
psa_status_t warden_ns_completion_finish(void);

#endif /* WARDEN_NS_COMPLETION_H */
