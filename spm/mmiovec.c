/*
 * MM-IOVEC (built with PSA_FRAMEWORK_HAS_MM_IOVEC): psa_map_invec,
 * psa_unmap_invec, psa_map_outvec, psa_unmap_outvec, and the release of
 * whatever is still mapped when a request ends. The rules are in
 * spm/mmiovec.h and psa/service.h; a partition breaking one is stopped by
 * spm_panic(), as for psa_read() and psa_write().
 */
#include "spm/mmiovec.h"

#include "arch/arch.h"
#include "psa/service.h"
#include "spm/api.h"
#include "spm/backend.h"
#include "spm/panic.h"
#include "spm/panic_why.h"
#include "spm/service_api.h"

/*
 * The request @p msg_handle names for @p self, to map vector @p idx of
 * (@p vec: "invec" or "outvec", which psa_map_<vec>() maps): one its
 * service may map (mm_iovec: enable), an index in range. An orphan's
 * vectors are gone with its client: there is nothing to map.
 */
static struct spm_req *mappable(psa_handle_t msg_handle,
                                struct spm_partition *self, uint32_t idx,
                                const char *call, const char *vec)
{
    struct spm_req *req = spm_service_request(msg_handle, self, call);

    if (req == NULL) {
        spm_panic(self, "%s: the client of 0x%x is gone: nothing to map", call,
                  (unsigned int)msg_handle);
    }
    if ((req->service->flags & WARDEN_SVC_MM_IOVEC) == 0u) {
        spm_panic(self, "%s: the service does not enable mm_iovec", call);
    }
    if (idx >= PSA_MAX_IOVEC) {
        spm_panic(self, SPM_WHY_NO_VEC, call, vec, (unsigned int)idx);
    }
    return req;
}

/*
 * Maps vector @p idx (@p vec: "invec" or "outvec") of a request whose state
 * byte is @p *state: a vector of the request (past them a vector is empty),
 * not empty, never mapped before, and not copied from or into yet (@p done
 * bytes), then made reachable from @p self's boundary with @p access. The
 * call is psa_map_<vec>().
 */
static void map(struct spm_partition *self, uint8_t *state, uint32_t idx,
                uint32_t nvec, spm_uptr_t base, size_t size, size_t done,
                uint32_t access, const char *vec)
{
    if (idx >= nvec || size == 0u) {
        spm_panic(self, "psa_map_%s: %s %u is empty", vec, vec,
                  (unsigned int)idx);
    }
    if ((*state & (SPM_MM_MAPPED(idx) | SPM_MM_UNMAPPED(idx))) != 0u) {
        spm_panic(self, "psa_map_%s: %s %u was mapped before", vec, vec,
                  (unsigned int)idx);
    }
    if (done != 0u) {
        spm_panic(self, "psa_map_%s: %s %u was read or written already", vec,
                  vec, (unsigned int)idx);
    }
    if (!backend_mm_map(self, base.addr, size, access)) {
        spm_panic(self, "psa_map_%s: no MPU region left for %s %u", vec, vec,
                  (unsigned int)idx);
    }
    *state = (uint8_t)(*state | SPM_MM_MAPPED(idx));
}

/* The request @p msg_handle names for @p self, to unmap vector @p idx of
 * (@p vec) in @p call; NULL for an orphan's. */
static struct spm_req *unmappable(psa_handle_t msg_handle,
                                  struct spm_partition *self, uint32_t idx,
                                  const char *call, const char *vec)
{
    struct spm_req *req = spm_service_request(msg_handle, self, call);

    if (idx >= PSA_MAX_IOVEC) {
        spm_panic(self, SPM_WHY_NO_VEC, call, vec, (unsigned int)idx);
    }
    return req;
}

/* Stops @p self in @p call unless vector @p idx (@p vec) is mapped, as
 * @p state says. */
static void check_mapped(struct spm_partition *self, uint8_t state,
                         uint32_t idx, const char *call, const char *vec)
{
    if ((state & SPM_MM_MAPPED(idx)) == 0u) {
        /* never mapped, or unmapped already */
        spm_panic(self, "%s: %s %u is not mapped", call, vec,
                  (unsigned int)idx);
    }
}

/* Ends the mapping of vector @p idx (mapped with @p access, and not
 * unmapped yet). */
static void unmap(struct spm_partition *self, uint8_t *state, uint32_t idx,
                  spm_uptr_t base, size_t size, uint32_t access)
{
    backend_mm_unmap(self, base.addr, size, access);
    *state = (uint8_t)((*state & ~SPM_MM_MAPPED(idx)) | SPM_MM_UNMAPPED(idx));
}

const void *SPM_API(psa_map_invec)(psa_handle_t msg_handle, uint32_t invec_idx)
{
    struct spm_partition *self = backend_current();
    struct spm_req *req =
        mappable(msg_handle, self, invec_idx, "psa_map_invec", "invec");

    map(self, &req->mm_in, invec_idx, req->in_len, req->in_base[invec_idx],
        req->msg.in_size[invec_idx], req->in_done[invec_idx], ARCH_ACCESS_READ,
        "invec");
    return (const void *)req->in_base[invec_idx].addr;
}

void SPM_API(psa_unmap_invec)(psa_handle_t msg_handle, uint32_t invec_idx)
{
    struct spm_partition *self = backend_current();
    struct spm_req *req =
        unmappable(msg_handle, self, invec_idx, "psa_unmap_invec", "invec");

    if (req == NULL) {
        return; /* an orphan's: its client's stop released it */
    }
    check_mapped(self, req->mm_in, invec_idx, "psa_unmap_invec", "invec");
    unmap(self, &req->mm_in, invec_idx, req->in_base[invec_idx],
          req->msg.in_size[invec_idx], ARCH_ACCESS_READ);
}

void *SPM_API(psa_map_outvec)(psa_handle_t msg_handle, uint32_t outvec_idx)
{
    struct spm_partition *self = backend_current();
    struct spm_req *req =
        mappable(msg_handle, self, outvec_idx, "psa_map_outvec", "outvec");

    map(self, &req->mm_out, outvec_idx, req->out_len, req->out_base[outvec_idx],
        req->msg.out_size[outvec_idx], req->out_done[outvec_idx],
        ARCH_ACCESS_RW, "outvec");
    return (void *)req->out_base[outvec_idx].addr;
}

void SPM_API(psa_unmap_outvec)(psa_handle_t msg_handle, uint32_t outvec_idx,
                               size_t len)
{
    struct spm_partition *self = backend_current();
    struct spm_req *req =
        unmappable(msg_handle, self, outvec_idx, "psa_unmap_outvec", "outvec");

    if (req == NULL) {
        return; /* an orphan's: its client's stop released it */
    }
    check_mapped(self, req->mm_out, outvec_idx, "psa_unmap_outvec", "outvec");
    if (len > req->msg.out_size[outvec_idx]) {
        spm_panic(self,
                  "psa_unmap_outvec: %u bytes written, more than outvec %u's "
                  "%u",
                  (unsigned int)len, (unsigned int)outvec_idx,
                  (unsigned int)req->msg.out_size[outvec_idx]);
    }
    unmap(self, &req->mm_out, outvec_idx, req->out_base[outvec_idx],
          req->msg.out_size[outvec_idx], ARCH_ACCESS_RW);
    req->out_done[outvec_idx] = len; /* what the client is told */
}

void spm_mm_release(struct spm_req *req)
{
    struct spm_partition *service = spm_service_partition(req->service);

    for (uint32_t i = 0; i < PSA_MAX_IOVEC; i++) {
        if ((req->mm_in & SPM_MM_MAPPED(i)) != 0u) {
            unmap(service, &req->mm_in, i, req->in_base[i], req->msg.in_size[i],
                  ARCH_ACCESS_READ);
        }
        if ((req->mm_out & SPM_MM_MAPPED(i)) != 0u) {
            unmap(service, &req->mm_out, i, req->out_base[i],
                  req->msg.out_size[i], ARCH_ACCESS_RW);
            req->out_done[i] = 0u; /* the service never said how much */
        }
    }
}
