/*
 * The SVC interface of the PSA API (isolation levels 2 and 3): the psa_*
 * functions a partition links against. Each is an SVC with its arguments
 * in registers (svc_abi.h); the SPM checks and runs the call
 * (svc_table.c). This file is code every unprivileged partition may run
 * (an505_s.ld.in's common files): it reads no SPM memory and holds no
 * data.
 */
#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"
#include "psa/lifecycle.h"
#include "psa/service.h"

#include "spm/backend/ipc/svc_abi.h"

#define SVC0(n)             WARDEN_SVC(n, 0u, 0u, 0u, 0u, 0u)
#define SVC1(n, a)          WARDEN_SVC(n, a, 0u, 0u, 0u, 0u)
#define SVC2(n, a, b)       WARDEN_SVC(n, a, b, 0u, 0u, 0u)
#define SVC3(n, a, b, c)    WARDEN_SVC(n, a, b, c, 0u, 0u)
#define SVC4(n, a, b, c, d) WARDEN_SVC(n, a, b, c, d, 0u)

uint32_t psa_framework_version(void)
{
    return PSA_FRAMEWORK_VERSION;
}

uint32_t psa_version(uint32_t sid)
{
    return SVC1(WARDEN_SVC_VERSION, sid);
}

psa_handle_t psa_connect(uint32_t sid, uint32_t version)
{
    return (psa_handle_t)SVC2(WARDEN_SVC_CONNECT, sid, version);
}

static uint32_t saturated(size_t len)
{
    return len > WARDEN_SVC_LEN_MAX ? WARDEN_SVC_LEN_MAX : (uint32_t)len;
}

psa_status_t psa_call(psa_handle_t handle, int32_t type,
                      const psa_invec *in_vec, size_t in_len,
                      psa_outvec *out_vec, size_t out_len)
{
    return (psa_status_t)WARDEN_SVC(
        WARDEN_SVC_CALL, handle, type, in_vec, out_vec,
        saturated(in_len) | (saturated(out_len) << WARDEN_SVC_OUT_SHIFT));
}

void psa_close(psa_handle_t handle)
{
    (void)SVC1(WARDEN_SVC_CLOSE, handle);
}

psa_signal_t psa_wait(psa_signal_t signal_mask, uint32_t timeout)
{
    return SVC2(WARDEN_SVC_WAIT, signal_mask, timeout);
}

psa_status_t psa_get(psa_signal_t signal, psa_msg_t *msg)
{
    return (psa_status_t)SVC2(WARDEN_SVC_GET, signal, msg);
}

void psa_set_rhandle(psa_handle_t msg_handle, void *rhandle)
{
    (void)SVC2(WARDEN_SVC_SET_RHANDLE, msg_handle, rhandle);
}

size_t psa_read(psa_handle_t msg_handle, uint32_t invec_idx, void *buffer,
                size_t num_bytes)
{
    return SVC4(WARDEN_SVC_READ, msg_handle, invec_idx, buffer, num_bytes);
}

size_t psa_skip(psa_handle_t msg_handle, uint32_t invec_idx, size_t num_bytes)
{
    return SVC3(WARDEN_SVC_SKIP, msg_handle, invec_idx, num_bytes);
}

void psa_write(psa_handle_t msg_handle, uint32_t outvec_idx, const void *buffer,
               size_t num_bytes)
{
    (void)SVC4(WARDEN_SVC_WRITE, msg_handle, outvec_idx, buffer, num_bytes);
}

void psa_reply(psa_handle_t msg_handle, psa_status_t status)
{
    (void)SVC2(WARDEN_SVC_REPLY, msg_handle, status);
}

void psa_notify(int32_t partition_id)
{
    (void)SVC1(WARDEN_SVC_NOTIFY, partition_id);
}

void psa_clear(void)
{
    (void)SVC0(WARDEN_SVC_CLEAR);
}

void psa_eoi(psa_signal_t irq_signal)
{
    (void)SVC1(WARDEN_SVC_EOI, irq_signal);
}

void psa_panic(void)
{
    (void)SVC0(WARDEN_SVC_PANIC);
    for (;;) {
        /* the SPM never returns to a panicked partition */
    }
}

uint32_t psa_rot_lifecycle_state(void)
{
    return SVC0(WARDEN_SVC_LIFECYCLE);
}

void psa_irq_enable(psa_signal_t irq_signal)
{
    (void)SVC1(WARDEN_SVC_IRQ_ENABLE, irq_signal);
}

psa_irq_status_t psa_irq_disable(psa_signal_t irq_signal)
{
    return SVC1(WARDEN_SVC_IRQ_DISABLE, irq_signal);
}

void psa_reset_signal(psa_signal_t irq_signal)
{
    (void)SVC1(WARDEN_SVC_RESET_SIGNAL, irq_signal);
}
