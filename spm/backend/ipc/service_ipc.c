/*
 * The partition-side API of the IPC backend: psa_wait, psa_get, psa_reply,
 * psa_notify, psa_clear. Run as SPM code (ipc_cross). A partition that
 * breaks a rule is stopped by spm_panic().
 */
#include <string.h>

#include "arch/arch.h"
#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/backend/ipc/ns_prio.h"
#include "spm/backend/ipc/orphan.h"
#include "spm/client_api.h"
#include "spm/handle.h"
#include "spm/panic.h"
#include "spm/panic_why.h"
#include "spm/backend/ipc/sched.h"
#include "warden/stack.h"

static bool one_bit(psa_signal_t s)
{
    return s != 0u && (s & (s - 1u)) == 0u;
}

psa_signal_t ipc_wait(psa_signal_t mask, uint32_t timeout)
{
    struct spm_partition *self = backend_current();
    psa_signal_t ready;

    ipc_irq_take(self);
    ready = self->be.asserted & mask;
    if ((mask & self->be.allowed) == 0u) {
        spm_panic(self, "psa_wait: no signal of the partition in 0x%x",
                  (unsigned int)mask);
    }
    if (ready != 0u || (timeout & PSA_BLOCK) == 0u) {
        return ready;
    }
    self->be.wait_mask = mask;
    ipc_ns_prio_idle(self);
    sched_block_current();
    return 0u;
}

psa_signal_t ipc_wait_result(void)
{
    return backend_current()->be.woken;
}

/* The oldest queued request for @p signal, unlinked; NULL if none. */
static struct spm_req *dequeue(struct spm_partition *p, psa_signal_t signal)
{
    struct spm_req **link = &p->be.queue;

    while (*link != NULL) {
        struct spm_req *req = *link;

        if (req->service->signal == signal) {
            *link = req->be.next;
            req->be.next = NULL;
            return req;
        }
        link = &req->be.next;
    }
    return NULL;
}

/*
 * True if [addr, addr + len) lies in @p p's own stack: memory the SPM gave
 * it and runs it on, which it reads and writes all the time, so no check
 * could refuse it. A psa_msg_t is usually got into a local variable: this
 * spares the general check (arch_check_caller_range()) the common case.
 * backend_init() makes sure every stack has at least WARDEN_STACK_MIN_IPC
 * bytes (include/warden/stack.h).
 */
_Static_assert(sizeof(psa_msg_t) <= WARDEN_STACK_MIN_IPC,
               "a message fits in any stack");

static bool in_own_stack(const struct spm_partition *p, uintptr_t addr,
                         size_t len)
{
    uintptr_t base = (uintptr_t)p->info->stack;

    return addr >= base && addr - base <= p->info->stack_size - len;
}

psa_status_t ipc_get(psa_signal_t signal, psa_msg_t *msg)
{
    struct spm_partition *self = backend_current();
    spm_uptr_t dst = spm_uptr((uintptr_t)msg);
    struct spm_req *req;

    if (!one_bit(signal)) {
        spm_panic(self, "psa_get: 0x%x is not one signal",
                  (unsigned int)signal);
    }
    if ((self->be.asserted & signal) == 0u) {
        spm_panic(self, "psa_get: signal 0x%x is not asserted",
                  (unsigned int)signal);
    }
    if (!in_own_stack(self, dst.addr, sizeof(*msg)) &&
        !umem_check(self, dst, sizeof(*msg), ARCH_ACCESS_RW)) {
        spm_panic(self, SPM_WHY_BUFFER, "psa_get", "write",
                  (unsigned int)dst.addr, (unsigned int)sizeof(*msg));
    }
    req = dequeue(self, signal);
    if (req == NULL) {
        return PSA_ERROR_DOES_NOT_EXIST; /* the doorbell, say */
    }
    req->be.reply = SPM_STATUS_PENDING; /* taken: no longer queued */
    ipc_ns_prio_taken(self, req->client);
    if (!ipc_queued(self, signal)) {
        self->be.asserted &= ~signal;
    }
    umem_copy_msg_checked(dst, &req->msg);
    return PSA_SUCCESS;
}

/* psa_reply() to an orphan (its client was stopped): the reply goes
 * nowhere, the message handle stops being valid. */
static void reply_orphan(struct spm_partition *self, psa_handle_t msg_handle,
                         psa_status_t status)
{
    struct spm_orphan o;

    if (!spm_orphan_from_handle(msg_handle, self, &o)) {
        spm_panic(self, SPM_WHY_NOT_GOT, "psa_reply", (unsigned int)msg_handle);
    }
    if (o.connect && !spm_connect_reply_ok(status)) {
        spm_panic(self, SPM_WHY_CONNECT_REPLY, "psa_reply", (int)status);
    }
    spm_orphan_free(&o);
}

void ipc_reply_api(psa_handle_t msg_handle, psa_status_t status)
{
    struct spm_partition *self = backend_current();
    struct spm_req *req = spm_req_from_handle(msg_handle);

    if (req == NULL) {
        reply_orphan(self, msg_handle, status);
        return;
    }
    if (spm_service_partition(req->service) != self ||
        !backend_req_taken(&req->be)) {
        spm_panic(self, SPM_WHY_NOT_GOT, "psa_reply", (unsigned int)msg_handle);
    }
    if (req->msg.type == PSA_IPC_CONNECT && !spm_connect_reply_ok(status)) {
        spm_panic(self, SPM_WHY_CONNECT_REPLY, "psa_reply", (int)status);
    }
    ipc_reply(req, status);
}

void ipc_notify(int32_t partition_id)
{
    struct spm_partition *self = backend_current();

    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        if (spm_partitions[i].info->pid == partition_id) {
            ipc_assert_signal(&spm_partitions[i], PSA_DOORBELL);
            return;
        }
    }
    spm_panic(self, "psa_notify: no partition %d", (int)partition_id);
}

void ipc_clear(void)
{
    struct spm_partition *self = backend_current();

    if ((self->be.asserted & PSA_DOORBELL) == 0u) {
        spm_panic(self, "psa_clear: the doorbell is not asserted");
    }
    self->be.asserted &= ~PSA_DOORBELL;
}
