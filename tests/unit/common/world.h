/*
 * A booted SPM on the fixture (fixture/fixture.h), for the tests of the
 * modules that need the whole core: memory regions registered with the fake
 * arch (world_common.h), partitions initialised, NS "launched".
 */
#ifndef WARDEN_UNIT_WORLD_H
#define WARDEN_UNIT_WORLD_H

#include "fake_arch.h"
#include "fixture.h"
#include "spm/spm.h"
#include "unit.h"
#include "world_common.h"

/** Clears the fixture, the fakes and the memory; registers the regions. */
void world_reset(void);

/** world_reset(), spm_load(), backend_init(), spm_irq_init() (as
 * spm_main() does): every partition UNINIT. */
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

/** spm_call() as the NS agent with ns_mem's vectors. */
psa_status_t ns_call(psa_handle_t handle, int32_t type, size_t in_len,
                     size_t out_len);

/** spm_call() as partition @p p with s_mem's vectors. */
psa_status_t sp_call(enum fx_part p, psa_handle_t handle, int32_t type,
                     size_t in_len, size_t out_len);

#endif /* WARDEN_UNIT_WORLD_H */
