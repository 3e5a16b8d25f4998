#include "world_common.h"

struct world_mem ns_mem;
uint8_t ns_ro[WORLD_BUF];
struct world_mem s_mem;
uint8_t s_ro[WORLD_BUF];
uint8_t svc_buf[256];
uint8_t nowhere[WORLD_BUF];

void world_mem_reset(void)
{
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
