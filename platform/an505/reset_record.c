/*
 * The reset record of the AN505: the last words of the persistent area
 * (memory_map.h), which no image loads and a reset keeps. A magic word and
 * a check word tell a record from whatever power-on left there.
 */
#include <stdint.h>

#include "an505.h"
#include "memory_map.h"
#include "platform.h"

#define RECORD_MAGIC 0x57524553u /* "WRES" */

struct stored_record {
    uint32_t magic;
    struct platform_reset_record r;
    uint32_t check;
};

_Static_assert(sizeof(struct stored_record) <= AN505_PERSIST_SIZE,
               "the record fits the persistent area");

#define STORED                                                         \
    ((volatile struct stored_record *)(uintptr_t)(AN505_PERSIST_BASE + \
                                                  AN505_PERSIST_SIZE - \
                                                  sizeof(              \
                                                      struct stored_record)))

static uint32_t check_of(uint32_t reason, uint32_t cause, uint32_t pc,
                         int32_t pid)
{
    return ~(RECORD_MAGIC ^ reason ^ (cause << 8) ^ pc ^ (uint32_t)pid);
}

void an505_reset_record_write(const struct platform_reset_record *why)
{
    volatile struct stored_record *s = STORED;

    s->r.reason = why->reason;
    s->r.cause = why->cause;
    s->r.pc = why->pc;
    s->r.pid = why->pid;
    s->check = check_of(why->reason, why->cause, why->pc, why->pid);
    s->magic = RECORD_MAGIC;
    __asm volatile("dsb" : : : "memory");
}

void platform_reset_taken(struct platform_reset_record *out)
{
    volatile struct stored_record *s = STORED;

    out->reason = s->r.reason;
    out->cause = s->r.cause;
    out->pc = s->r.pc;
    out->pid = s->r.pid;
    if (s->magic != RECORD_MAGIC ||
        s->check != check_of(out->reason, out->cause, out->pc, out->pid)) {
        out->reason = PLATFORM_RESET_NONE;
        out->cause = 0u;
        out->pc = 0u;
        out->pid = 0;
    }
    s->magic = 0u;
}
