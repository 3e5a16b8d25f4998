/*
 * Waiting for a secure partition (SFN backend with NS secure contexts,
 * WARDEN_NS_SECURE_CONTEXTS=ON; docs/nsce-integration.md).
 *
 * SFN partitions are not reentrant: while one NS thread's secure call is
 * inside a partition (its NS RTOS switched threads in the middle of it),
 * another NS thread's call that needs that partition, or one it may call,
 * is refused before the SPM does anything for it, with
 * WARDEN_STATUS_PARTITION_BUSY. The NS client library (psa_connect(),
 * psa_call(), psa_close()) never returns that status: it calls
 * warden_ns_wait_secure() and makes the call again, so that the calling
 * thread waits until the partition is free. A service's own reply never
 * has this value: the SPM gives an NS client PSA_ERROR_SERVICE_FAILURE
 * instead of a reply that has it (so a retry never runs a call twice).
 */
#ifndef WARDEN_NS_WAIT_H
#define WARDEN_NS_WAIT_H

#include <stdbool.h>

#include "psa/error.h"

/** An NS call refused because a partition it needs is inside another NS
 * context's call: nothing was done; the same call may be made again. */
#define WARDEN_STATUS_PARTITION_BUSY ((psa_status_t)-250)

/**
 * The NS RTOS's wait, called by the NS client library between two tries
 * of a call refused with WARDEN_STATUS_PARTITION_BUSY. It sleeps the
 * calling thread for a short while (one tick: a sleep, not a yield, so
 * that a more urgent waiter lets a less urgent holder run and finish) and
 * returns true; it returns false, at once, where the caller cannot wait
 * (Handler mode, or before the RTOS runs): the library then returns
 * PSA_ERROR_CONNECTION_BUSY (psa_close() gives up).
 *
 * The library's own definition is weak and returns false. Warden's NS
 * kernel defines it (kernel_sleep(1)); for RTX5 and FreeRTOS,
 * docs/nsce-integration.md gives the few lines to write.
 */
bool warden_ns_wait_secure(void);

#endif /* WARDEN_NS_WAIT_H */
