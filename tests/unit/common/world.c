#include "world.h"

#include "spm/backend.h"
#include "spm/client_api.h"
#include "spm/irq.h"
#include "spm/loader.h"
#include "spm/nsce/ns_client.h"
#include "unit_req.h"

struct spm_req unit_reqs[SPM_NUM_CLIENTS];

void world_reset(void)
{
    fx_reset();
    fake_platform_reset();
    fake_arch_reset();
    world_mem_reset();
    spm_ns_client_reset();
}

void world_load(void)
{
    world_reset();
    spm_load();
    backend_init();
    spm_irq_init();
}

void world_run(void)
{
    unsigned launches = fake_arch_launches();

    fake_arch_arm_launch();
    if (setjmp(fake_arch_launch_jmp) == 0) {
        backend_system_run();
    }
    assert_int_equal(fake_arch_launches(), launches + 1u);
}

void world_boot(void)
{
    world_load();
    world_run();
}

int world_setup(void **state)
{
    (void)state;
    world_boot();
    return 0;
}

int world_setup_loaded(void **state)
{
    (void)state;
    world_load();
    return 0;
}

struct spm_partition *world_part(enum fx_part p)
{
    return &spm_partitions[p];
}

psa_status_t ns_call(psa_handle_t handle, int32_t type, size_t in_len,
                     size_t out_len)
{
    return spm_call(&spm_ns_agent, unit_req(&spm_ns_agent), handle, type,
                    uptr(ns_mem.in), in_len, uptr(ns_mem.out), out_len);
}

psa_status_t sp_call(enum fx_part p, psa_handle_t handle, int32_t type,
                     size_t in_len, size_t out_len)
{
    return spm_call(world_part(p), unit_req(world_part(p)), handle, type,
                    uptr(s_mem.in), in_len, uptr(s_mem.out), out_len);
}
