/*
 * The victim partitions of the IPC suite: one per misuse, each breaking a
 * rule of the partition API when asked, so that the panic policy stops it.
 * Under `terminate`, its client gets PSA_ERROR_SERVICE_FAILURE and every
 * other partition keeps serving.
 */
#ifndef WARDEN_VICTIM_H
#define WARDEN_VICTIM_H

#include "psa/service.h"

/* Waits for a request on @p signal and takes it. */
static inline psa_msg_t victim_take(psa_signal_t signal)
{
    psa_msg_t msg;

    while (psa_wait(signal, PSA_BLOCK) == 0u ||
           psa_get(signal, &msg) != PSA_SUCCESS) {
    }
    return msg;
}

#endif /* WARDEN_VICTIM_H */
