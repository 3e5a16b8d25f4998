/* Victim: a stack overflow, stopped by the stack limit (PSPLIM) fault. */
#include <stdint.h>

#include "psa_manifest/victim_stack.h"
#include "tests/partitions/ipc_test/victim.h"

/* Recurses far beyond any partition stack. */
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
    (void)victim_take(VICTIM_STACK_SIGNAL);
    (void)deep(0u);
}
