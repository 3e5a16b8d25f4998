/*
 * One partition per misuse: each breaks a rule of the partition API when
 * asked, so that the panic policy stops it. Under `terminate`, its client
 * gets PSA_ERROR_SERVICE_FAILURE and every other partition keeps serving.
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/victim_get.h"
#include "psa_manifest/victim_panic.h"
#include "psa_manifest/victim_read.h"
#include "psa_manifest/victim_reply.h"
#include "psa_manifest/victim_stack.h"
#include "psa_manifest/victim_wait.h"
#include "psa_manifest/victim_write.h"

/* Waits for a request and takes it. */
static psa_msg_t take(psa_signal_t signal)
{
    psa_msg_t msg;

    while (psa_wait(signal, PSA_BLOCK) == 0u ||
           psa_get(signal, &msg) != PSA_SUCCESS) {
    }
    return msg;
}

void victim_get_main(void)
{
    (void)take(VICTIM_GET_SIGNAL);
    psa_msg_t msg;
    (void)psa_get(VICTIM_GET_SIGNAL, &msg); /* no longer asserted */
}

void victim_reply_main(void)
{
    psa_msg_t msg = take(VICTIM_REPLY_SIGNAL);

    psa_reply(msg.handle + 0x100, PSA_SUCCESS); /* another generation */
}

void victim_read_main(void)
{
    psa_msg_t msg = take(VICTIM_READ_SIGNAL);
    uint8_t buf[4];

    (void)psa_read(msg.handle, 5, buf, sizeof(buf));
}

void victim_write_main(void)
{
    psa_msg_t msg = take(VICTIM_WRITE_SIGNAL);
    static const uint8_t big[64];

    psa_write(msg.handle, 0, big, msg.out_size[0] + 1u);
}

void victim_wait_main(void)
{
    (void)take(VICTIM_WAIT_SIGNAL);
    (void)psa_wait(0x40000000u, PSA_BLOCK); /* not a signal it owns */
}

void victim_panic_main(void)
{
    (void)take(VICTIM_PANIC_SIGNAL);
    psa_panic();
}

/* Recurses until the stack limit (PSPLIM) stops it with a fault (the
 * bound is far beyond any partition stack). */
static uint32_t deep(volatile uint32_t n)
{
    volatile uint8_t pad[64];

    pad[0] = (uint8_t)n;
    if (n > 1000000u) {
        return pad[0];
    }
    return deep(n + 1u) + pad[0];
}

void victim_stack_main(void)
{
    (void)take(VICTIM_STACK_SIGNAL);
    (void)deep(0u);
}
