/*
 * The SFN backend: no threads, no scheduler. A request is a function call
 * into the service's secure function on the caller's stack (the NS agent's
 * stack for NS calls); the return value is the reply.
 */
#include "spm/backend.h"

#include "arch/arch.h"
#include "spm/log.h"
#include "spm/panic.h"

static struct spm_partition *current = &spm_ns_agent;

void backend_init(void)
{
    current = &spm_ns_agent;
    for (uint32_t i = 0; i < WARDEN_NUM_SERVICES; i++) {
        SPM_ASSERT(warden_services[i].sfn != NULL);
    }
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        SPM_ASSERT((warden_partitions[i].flags & WARDEN_PART_MODEL_IPC) == 0u);
    }
}

struct spm_partition *backend_current(void)
{
    return current;
}

static psa_status_t not_serving(int32_t type)
{
    if (type == PSA_IPC_CONNECT) {
        return PSA_ERROR_CONNECTION_REFUSED;
    }
    if (type == PSA_IPC_DISCONNECT) {
        return PSA_SUCCESS;
    }
    return PSA_ERROR_SERVICE_FAILURE;
}

psa_status_t backend_messaging(struct spm_conn *conn)
{
    struct spm_partition *owner = spm_service_partition(conn->service);
    struct spm_partition *caller = current;
    psa_status_t status;

    if (owner->state != SPM_PART_READY) {
        return not_serving(conn->msg.type);
    }
    current = owner;
    status = conn->service->sfn(&conn->msg);
    current = caller;
    return status;
}

psa_status_t backend_client_resolve(struct spm_partition *caller,
                                    psa_status_t status)
{
    (void)caller;
    return status; /* a reply always comes at once */
}

struct spm_conn *backend_replied(struct spm_partition *caller,
                                 psa_status_t *status)
{
    (void)caller;
    (void)status;
    spm_fatal(__FILE__, __LINE__); /* nothing is ever pending here */
}

static void init_partition(struct spm_partition *p)
{
    psa_status_t status = PSA_SUCCESS;

    if (p->info->entry_init != NULL) {
        current = p;
        status = p->info->entry_init();
        current = &spm_ns_agent;
    }
    if (status < 0) {
        p->state = SPM_PART_FAILED;
        warden_log("[Warden] %s: entry_init returned %ld, its services are "
                   "not available\r\n",
                   p->info->name, (long)status);
        return;
    }
    p->state = SPM_PART_READY;
}

void backend_system_run(void)
{
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        init_partition(&spm_partitions[i]);
    }
    current = &spm_ns_agent;
    arch_ns_launch();
}
