/*
 * The partition-side API every backend shares: psa_read, psa_skip,
 * psa_write, psa_set_rhandle, psa_panic and psa_rot_lifecycle_state. A
 * partition breaking a rule here is stopped by spm_panic().
 */
#include "psa/lifecycle.h"
#include "psa/service.h"

#include "arch/arch.h"
#include "platform.h"
#include "spm/backend.h"
#include "spm/handle.h"
#include "spm/panic.h"

/* The request in flight that @p msg_handle names for the running partition. */
static struct spm_conn *request_of(psa_handle_t msg_handle,
                                   struct spm_partition **self)
{
    struct spm_conn *conn = spm_conn_from_handle(msg_handle, false);

    *self = backend_current();
    if (conn == NULL || conn->state != SPM_CONN_ACTIVE ||
        spm_service_partition(conn->service) != *self ||
        conn->msg.type < PSA_IPC_CALL) {
        spm_panic(*self);
    }
    return conn;
}

static size_t consume(struct spm_conn *conn, uint32_t idx, size_t num_bytes)
{
    size_t left = conn->msg.in_size[idx] - conn->in_done[idx];

    return (num_bytes < left) ? num_bytes : left;
}

size_t psa_read(psa_handle_t msg_handle, uint32_t invec_idx, void *buffer,
                size_t num_bytes)
{
    struct spm_partition *self;
    struct spm_conn *conn = request_of(msg_handle, &self);
    spm_uptr_t dst = spm_uptr((uintptr_t)buffer);
    size_t n;

    if (invec_idx >= PSA_MAX_IOVEC) {
        spm_panic(self);
    }
    n = consume(conn, invec_idx, num_bytes);
    if (!umem_check(self, dst, n, ARCH_ACCESS_WRITE)) {
        spm_panic(self);
    }
    umem_copy_checked(
        dst, spm_uptr_add(conn->in_base[invec_idx], conn->in_done[invec_idx]),
        n);
    conn->in_done[invec_idx] += n;
    return n;
}

size_t psa_skip(psa_handle_t msg_handle, uint32_t invec_idx, size_t num_bytes)
{
    struct spm_partition *self;
    struct spm_conn *conn = request_of(msg_handle, &self);
    size_t n;

    if (invec_idx >= PSA_MAX_IOVEC) {
        spm_panic(self);
    }
    n = consume(conn, invec_idx, num_bytes);
    conn->in_done[invec_idx] += n;
    return n;
}

void psa_write(psa_handle_t msg_handle, uint32_t outvec_idx, const void *buffer,
               size_t num_bytes)
{
    struct spm_partition *self;
    struct spm_conn *conn = request_of(msg_handle, &self);
    spm_uptr_t src = spm_uptr((uintptr_t)buffer);

    if (outvec_idx >= PSA_MAX_IOVEC ||
        num_bytes >
            conn->msg.out_size[outvec_idx] - conn->out_done[outvec_idx] ||
        !umem_check(self, src, num_bytes, ARCH_ACCESS_READ)) {
        spm_panic(self);
    }
    umem_copy_checked(
        spm_uptr_add(conn->out_base[outvec_idx], conn->out_done[outvec_idx]),
        src, num_bytes);
    conn->out_done[outvec_idx] += num_bytes;
}

void psa_set_rhandle(psa_handle_t msg_handle, void *rhandle)
{
    struct spm_conn *conn = spm_conn_from_handle(msg_handle, true);
    struct spm_partition *self = backend_current();

    if (conn == NULL || conn->state != SPM_CONN_ACTIVE ||
        spm_service_partition(conn->service) != self) {
        spm_panic(self);
    }
    conn->rhandle = rhandle;
}

void psa_panic(void)
{
    spm_panic(backend_current());
}

uint32_t psa_rot_lifecycle_state(void)
{
    return platform_lifecycle_state();
}
