/*
 * The partition-side API every backend shares: psa_read, psa_skip,
 * psa_write, psa_set_rhandle, psa_panic and psa_rot_lifecycle_state (and,
 * with MM-IOVEC, spm/mmiovec.c). A partition breaking a rule here is
 * stopped by spm_panic().
 */
#include "psa/lifecycle.h"
#include "psa/service.h"

#include "arch/arch.h"
#include "spm/api.h"
#include "platform.h"
#include "spm/backend.h"
#include "spm/handle.h"
#include "spm/mmiovec.h"
#include "spm/panic.h"
#include "spm/panic_why.h"
#include "spm/service_api.h"

/*
 * The request in flight that @p msg_handle names for @p self, the running
 * partition, once it took it, or NULL for an orphan of it (a request it
 * took whose client was stopped: nothing left to read, and what it writes
 * goes nowhere). Anything else stops the partition in @p call, a request
 * still queued for it too (its handle guessed, not got).
 */
static struct spm_req *request_of(psa_handle_t msg_handle,
                                  struct spm_partition *self, const char *call)
{
    struct spm_req *req = spm_req_from_handle(msg_handle);

    if (req != NULL && spm_service_partition(req->service) == self &&
        backend_req_taken(&req->be)) {
        if (req->msg.type >= PSA_IPC_CALL) {
            return req;
        }
        spm_panic(self,
                  "%s: message 0x%x is a connect or a disconnect: no "
                  "vectors",
                  call, (unsigned int)msg_handle);
    }
    if (req != NULL || !backend_orphan_of(msg_handle, self)) {
        spm_panic(self, SPM_WHY_NOT_GOT, call, (unsigned int)msg_handle);
    }
    return NULL;
}

struct spm_req *spm_service_request(psa_handle_t msg_handle,
                                    struct spm_partition *self,
                                    const char *call)
{
    return request_of(msg_handle, self, call);
}

/* Stops @p self in @p call if invec @p idx does not exist, or is mapped. */
static void check_invec(struct spm_partition *self, const struct spm_req *req,
                        uint32_t idx, const char *call)
{
    if (idx >= PSA_MAX_IOVEC) {
        spm_panic(self, SPM_WHY_NO_VEC, call, "invec", (unsigned int)idx);
    }
    if (spm_mm_in_taken(req, idx)) {
        spm_panic(self, SPM_WHY_MAPPED, call, "invec", (unsigned int)idx,
                  "invec");
    }
}

/* What a read or skip of @p num_bytes from invec @p idx consumes: up to
 * what is left of it (nothing of an orphan's, or past the request's
 * vectors, whose done counters were never set). */
static size_t consume(const struct spm_req *req, uint32_t idx, size_t num_bytes)
{
    size_t left;

    if (req == NULL || idx >= req->in_len) {
        return 0u;
    }
    left = req->msg.in_size[idx] - req->in_done[idx];
    return (num_bytes < left) ? num_bytes : left;
}

size_t SPM_API(psa_read)(psa_handle_t msg_handle, uint32_t invec_idx,
                         void *buffer, size_t num_bytes)
{
    struct spm_partition *self = backend_current();
    struct spm_req *req = request_of(msg_handle, self, "psa_read");
    spm_uptr_t dst = spm_uptr((uintptr_t)buffer);
    size_t n;

    check_invec(self, req, invec_idx, "psa_read");
    n = consume(req, invec_idx, num_bytes);
    if (n == 0u) {
        return 0u; /* nothing to copy, no buffer to check */
    }
    if (!umem_check(self, dst, n, ARCH_ACCESS_WRITE)) {
        spm_panic(self, SPM_WHY_BUFFER, "psa_read", "write",
                  (unsigned int)dst.addr, (unsigned int)n);
    }
    umem_copy_checked(
        dst, spm_uptr_add(req->in_base[invec_idx], req->in_done[invec_idx]), n);
    req->in_done[invec_idx] += n;
    return n;
}

size_t SPM_API(psa_skip)(psa_handle_t msg_handle, uint32_t invec_idx,
                         size_t num_bytes)
{
    struct spm_partition *self = backend_current();
    struct spm_req *req = request_of(msg_handle, self, "psa_skip");
    size_t n;

    check_invec(self, req, invec_idx, "psa_skip");
    n = consume(req, invec_idx, num_bytes);
    if (n != 0u) {
        req->in_done[invec_idx] += n;
    }
    return n;
}

void SPM_API(psa_write)(psa_handle_t msg_handle, uint32_t outvec_idx,
                        const void *buffer, size_t num_bytes)
{
    struct spm_partition *self = backend_current();
    struct spm_req *req = request_of(msg_handle, self, "psa_write");
    spm_uptr_t src = spm_uptr((uintptr_t)buffer);
    size_t room;

    if (outvec_idx >= PSA_MAX_IOVEC) {
        spm_panic(self, SPM_WHY_NO_VEC, "psa_write", "outvec",
                  (unsigned int)outvec_idx);
    }
    if (!umem_check(self, src, num_bytes, ARCH_ACCESS_READ)) {
        spm_panic(self, SPM_WHY_BUFFER, "psa_write", "read",
                  (unsigned int)src.addr, (unsigned int)num_bytes);
    }
    if (req == NULL) {
        return; /* an orphan's: it goes nowhere */
    }
    if (spm_mm_out_taken(req, outvec_idx)) {
        /* written through the mapping only */
        spm_panic(self, SPM_WHY_MAPPED, "psa_write", "outvec",
                  (unsigned int)outvec_idx, "outvec");
    }
    /* Past the request's vectors an outvec is empty (its done counter was
     * never set). */
    room = (outvec_idx < req->out_len)
               ? req->msg.out_size[outvec_idx] - req->out_done[outvec_idx]
               : 0u;
    if (num_bytes > room) {
        spm_panic(self,
                  "psa_write: %u bytes do not fit in outvec %u (%u bytes "
                  "left)",
                  (unsigned int)num_bytes, (unsigned int)outvec_idx,
                  (unsigned int)room);
    }
    if (num_bytes == 0u) {
        return;
    }
    umem_copy_checked(
        spm_uptr_add(req->out_base[outvec_idx], req->out_done[outvec_idx]), src,
        num_bytes);
    req->out_done[outvec_idx] += num_bytes;
}

void SPM_API(psa_set_rhandle)(psa_handle_t msg_handle, void *rhandle)
{
    struct spm_conn *conn = spm_conn_from_handle(msg_handle);
    struct spm_partition *self = backend_current();
    /* A connection whose message its service, @p self, took. */
    bool taken =
        conn != NULL && conn->state == SPM_CONN_ACTIVE &&
        spm_service_partition(&warden_services[conn->service]) == self &&
        backend_req_taken(&conn->req->be);

    if (conn == NULL || (!taken && !backend_orphan_of(msg_handle, self))) {
        spm_panic(self,
                  "psa_set_rhandle: 0x%x is not a connection's message the "
                  "partition got",
                  (unsigned int)msg_handle);
    }
    conn->rhandle = rhandle;
}

void SPM_API(psa_panic)(void)
{
    spm_psa_panic(backend_current());
}

uint32_t SPM_API(psa_rot_lifecycle_state)(void)
{
    return platform_lifecycle_state();
}
