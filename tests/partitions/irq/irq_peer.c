/*
 * WARDEN_SP_IRQ_PEER has no code: its manifest's three IRQs, which never
 * fire, make bit 29 an IRQ signal of a partition that the victim borrows
 * (irq_test.h, IRQ_TEST_PEER_SIGNAL).
 */
#include <assert.h>

#include "psa_manifest/irq_peer.h"
#include "tests/partitions/irq/irq_test.h"

static_assert(PEER_C_IRQ_SIGNAL == IRQ_TEST_PEER_SIGNAL,
              "IRQ_TEST_PEER_SIGNAL is no longer the peer's third signal");
