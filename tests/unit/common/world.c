#include "world.h"

#include "spm/backend.h"
#include "spm/client_api.h"
#include "spm/loader.h"
#include "spm/ns_client.h"

struct world_mem ns_mem;
uint8_t ns_ro[WORLD_BUF];
struct world_mem s_mem;
uint8_t s_ro[WORLD_BUF];
uint8_t svc_buf[256];
uint8_t nowhere[WORLD_BUF];

void world_reset(void)
{
    fx_reset();
    fake_platform_reset();
    fake_arch_reset();
    spm_ns_client_reset();
    memset(&ns_mem, 0, sizeof(ns_mem));
    memset(ns_ro, 0x5A, sizeof(ns_ro));
    memset(&s_mem, 0, sizeof(s_mem));
    memset(s_ro, 0xA5, sizeof(s_ro));
    memset(svc_buf, 0, sizeof(svc_buf));
    memset(nowhere, 0x77, sizeof(nowhere));
    FAKE_REGION(true, ns_mem, ARCH_ACCESS_RW);
    FAKE_REGION(true, ns_ro, ARCH_ACCESS_READ);
    FAKE_REGION(false, s_mem, ARCH_ACCESS_RW);
    FAKE_REGION(false, s_ro, ARCH_ACCESS_READ);
    FAKE_REGION(false, svc_buf, ARCH_ACCESS_RW);
}

void world_load(void)
{
    world_reset();
    spm_load();
    backend_init();
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

void world_in(struct world_mem *m, unsigned i, const void *data, size_t len)
{
    assert_true(i < PSA_MAX_IOVEC && len <= WORLD_BUF);
    memcpy(m->in_buf[i], data, len);
    m->in[i].base = m->in_buf[i];
    m->in[i].len = len;
}

void world_out(struct world_mem *m, unsigned i, size_t cap)
{
    assert_true(i < PSA_MAX_IOVEC && cap <= WORLD_BUF);
    memset(m->out_buf[i], 0xEE, WORLD_BUF);
    m->out[i].base = m->out_buf[i];
    m->out[i].len = cap;
}

psa_status_t ns_call(psa_handle_t handle, int32_t type, size_t in_len,
                     size_t out_len)
{
    return spm_call(&spm_ns_agent, handle, type, uptr(ns_mem.in), in_len,
                    uptr(ns_mem.out), out_len);
}

psa_status_t sp_call(enum fx_part p, psa_handle_t handle, int32_t type,
                     size_t in_len, size_t out_len)
{
    return spm_call(world_part(p), handle, type, uptr(s_mem.in), in_len,
                    uptr(s_mem.out), out_len);
}
