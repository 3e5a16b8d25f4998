#include "ipc_world.h"

#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/client_api.h"
#include "spm/irq.h"
#include "spm/loader.h"
#include "unit_req.h"

struct spm_req unit_reqs[SPM_NUM_CLIENTS];

#define IW_STACK_WINDOW (64u * 1024u)

psa_msg_t iw_msg;
static bool stack_allowed;

void iw_load(void)
{
    fxi_reset();
    fake_platform_reset();
    fake_arch_reset();
    fake_threads_reset();
    world_mem_reset();
    memset(&iw_msg, 0, sizeof(iw_msg));
    stack_allowed = false;
    FAKE_REGION(false, iw_msg, ARCH_ACCESS_RW);
    /* A boot finds these zeroed in BSS; backend_init() relies on it. */
    memset(spm_partitions, 0, sizeof(spm_partitions));
    memset(&spm_ns_agent, 0, sizeof(spm_ns_agent));
    spm_load();
    backend_init();
    spm_irq_init();
}

void iw_boot(void)
{
    iw_load();
    fake_threads_player(iw_play_waiting);
    fake_arch_arm_launch();
    if (setjmp(fake_arch_launch_jmp) == 0) {
        backend_system_run();
    }
    assert_int_equal(fake_arch_launches(), 1);
    assert_ptr_equal(backend_current(), IW_NS);
    fake_threads_clear_counts();
    fake_console_clear();
}

int iw_setup(void **state)
{
    (void)state;
    iw_load();
    return 0;
}

int iw_setup_booted(void **state)
{
    (void)state;
    iw_boot();
    return 0;
}

struct spm_partition *iw_part(enum fxi_part p)
{
    return &spm_partitions[p];
}

struct sched_thread *iw_thread(enum fxi_part p)
{
    return sched_thread_of(iw_part(p));
}

struct sched_thread *iw_ns_thread(void)
{
    return sched_thread_of(IW_NS);
}

void iw_run_as(struct spm_partition *p)
{
    fake_threads_run_as(sched_thread_of(p));
    assert_ptr_equal(backend_current(), p);
}

void iw_block(enum fxi_part p)
{
    sched_block(iw_thread(p));
}

void iw_wake(enum fxi_part p)
{
    assert_int_not_equal(iw_part(p)->be.wait_mask, 0u);
    iw_part(p)->be.wait_mask = 0u;
    sched_ready(iw_thread(p));
}

psa_status_t iw_call(struct spm_partition *client, psa_handle_t handle,
                     int32_t type, size_t in_len, size_t out_len)
{
    struct world_mem *m = spm_is_ns(client) ? &ns_mem : &s_mem;

    iw_run_as(client);
    return spm_call(client, unit_req(client), handle, type, uptr(m->in), in_len,
                    uptr(m->out), out_len);
}

const psa_msg_t *iw_get(enum fxi_part p, psa_signal_t signal)
{
    iw_run_as(iw_part(p));
    assert_int_equal(psa_get(signal, &iw_msg), PSA_SUCCESS);
    return &iw_msg;
}

void iw_serve(enum fxi_part p, psa_signal_t signal, psa_status_t status)
{
    psa_reply(iw_get(p, signal)->handle, status);
}

psa_status_t iw_finish(struct spm_partition *client)
{
    iw_run_as(client);
    return backend_client_resolve(client, SPM_STATUS_PENDING);
}

psa_handle_t iw_open(struct spm_partition *client, enum fxi_svc svc)
{
    const struct warden_service_info *info = &warden_services[svc];
    psa_handle_t h;

    iw_run_as(client);
    assert_int_equal(
        spm_connect(client, unit_req(client), info->sid, info->version),
        SPM_STATUS_PENDING);
    iw_serve((enum fxi_part)info->partition, info->signal, PSA_SUCCESS);
    h = iw_finish(client);
    assert_true(h > 0);
    return h;
}

void iw_allow_stack(void)
{
    uint8_t here;
    uintptr_t sp = (uintptr_t)&here;

    if (!stack_allowed) {
        stack_allowed = true;
        fake_arch_add_region(false, sp - IW_STACK_WINDOW, 2u * IW_STACK_WINDOW,
                             ARCH_ACCESS_RW);
    }
}

void iw_play_waiting(struct sched_thread *t)
{
    if (t != iw_ns_thread() && t->part->be.pending == NULL) {
        (void)psa_wait(t->part->be.allowed, PSA_BLOCK); /* parks if none */
    }
}

void iw_play_sfn(struct sched_thread *t)
{
    if (t != iw_thread(FXI_SFN)) {
        iw_play_waiting(t);
        return;
    }
    iw_allow_stack();
    ipc_sfn_thread_main(); /* loops until it parks */
}
