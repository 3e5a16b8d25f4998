/*
 * A booted SPM on the fixture (fixture/fixture.h), for the tests of the
 * modules that need the whole core: memory regions registered with the fake
 * arch, partitions initialised, NS "launched".
 *
 * Memory:  ns_mem  NS read-write     ns_ro  NS read-only
 *          s_mem   secure read-write  s_ro   secure read-only
 *          svc_buf secure read-write (services' own buffers)
 *          nowhere in no region
 */
#ifndef WARDEN_UNIT_WORLD_H
#define WARDEN_UNIT_WORLD_H

#include "fake_arch.h"
#include "fixture.h"
#include "spm/spm.h"
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

/** Clears the fixture, the fakes and the memory; registers the regions. */
void world_reset(void);

/** world_reset(), spm_load(), backend_init(): every partition UNINIT. */
void world_load(void);

/** backend_system_run() up to the (fake) NS launch. */
void world_run(void);

/** world_load(), then world_run(). */
void world_boot(void);

/** cmocka set-ups: world_boot() / world_load(). */
int world_setup(void **state);
int world_setup_loaded(void **state);

/** The runtime object of fixture partition @p p. */
struct spm_partition *world_part(enum fx_part p);

static inline spm_uptr_t uptr(const void *p)
{
    return spm_uptr((uintptr_t)p);
}

/** Invec @p i of @p m: @p len bytes of @p data, copied into m->in_buf[i]. */
void world_in(struct world_mem *m, unsigned i, const void *data, size_t len);

/** Outvec @p i of @p m: m->out_buf[i] filled with 0xEE, len = @p cap. */
void world_out(struct world_mem *m, unsigned i, size_t cap);

/** spm_call() as the NS agent with ns_mem's vectors. */
psa_status_t ns_call(psa_handle_t handle, int32_t type, size_t in_len,
                     size_t out_len);

/** spm_call() as partition @p p with s_mem's vectors. */
psa_status_t sp_call(enum fx_part p, psa_handle_t handle, int32_t type,
                     size_t in_len, size_t out_len);

/* The statement(s) must stop fixture partition @p p. */
#define expect_part_panic(p, ...)                                           \
    expect_panic(warden_partitions[p].name, (long)warden_partitions[p].pid, \
                 __VA_ARGS__)

#endif /* WARDEN_UNIT_WORLD_H */
