/*
 * What the tests that boot a whole core share (world.h on the SFN fixture,
 * ipc_world.h on the IPC one). Caller memory, registered with the fake arch:
 *
 *   ns_mem  NS read-write      ns_ro  NS read-only
 *   s_mem   secure read-write  s_ro   secure read-only
 *   svc_buf secure read-write (services' own buffers)
 *   nowhere in no region
 */
#ifndef WARDEN_UNIT_WORLD_COMMON_H
#define WARDEN_UNIT_WORLD_COMMON_H

#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "fake_arch.h"
#include "psa/client.h"
#include "spm/load_info.h"
#include "spm/umem.h"
#include "unit.h"

/* The client ID services see for NS (NSID -1). */
#define NS_CLIENT_ID ((int32_t)0xC4000000u)

#define WORLD_BUF 64u

struct world_mem {
    psa_invec in[PSA_MAX_IOVEC];
    psa_outvec out[PSA_MAX_IOVEC];
    uint8_t in_buf[PSA_MAX_IOVEC][WORLD_BUF];
    uint8_t out_buf[PSA_MAX_IOVEC][WORLD_BUF];
};

extern struct world_mem ns_mem;
extern uint8_t ns_ro[WORLD_BUF];
extern struct world_mem s_mem;
extern uint8_t s_ro[WORLD_BUF];
extern uint8_t svc_buf[256];
extern uint8_t nowhere[WORLD_BUF];

/**
 * Refills every buffer and registers the regions above; call it after
 * fake_arch_reset().
 */
void world_mem_reset(void);

static inline spm_uptr_t uptr(const void *p)
{
    return spm_uptr((uintptr_t)p);
}

/** Invec @p i of @p m: @p len bytes of @p data, copied into m->in_buf[i]. */
void world_in(struct world_mem *m, unsigned i, const void *data, size_t len);

/** Outvec @p i of @p m: m->out_buf[i] filled with 0xEE, len = @p cap. */
void world_out(struct world_mem *m, unsigned i, size_t cap);

/* The statement(s) must stop partition @p p (its index in load order), for
 * the reason @p why (unit.h's expect_stop()). */
#define expect_part_stop(p, why, ...)                                      \
    expect_stop(warden_partitions[p].name, (long)warden_partitions[p].pid, \
                (why), __VA_ARGS__)

/* ... for any reason. */
#define expect_part_panic(p, ...) expect_part_stop(p, NULL, __VA_ARGS__)

/* ... for the reason format @p fmt makes of the number @p num. */
#define expect_part_stopf(p, fmt, num, ...)               \
    do {                                                  \
        char why_[192];                                   \
        (void)snprintf(why_, sizeof(why_), (fmt), (num)); \
        expect_part_stop((p), why_, __VA_ARGS__);         \
    } while (0)

#endif /* WARDEN_UNIT_WORLD_COMMON_H */
