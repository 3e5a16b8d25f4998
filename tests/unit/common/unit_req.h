/*
 * Storage for the requests a test makes as a client (struct spm_req, which
 * a client provides to spm_connect(), spm_call() and spm_close()): one per
 * client, static (common/world.c or common/ipc_world.c), so that under the
 * IPC backend a request stays in place until the test completes it.
 */
#ifndef WARDEN_UNIT_REQ_H
#define WARDEN_UNIT_REQ_H

#include "spm/spm.h"

extern struct spm_req unit_reqs[SPM_NUM_CLIENTS];

static inline struct spm_req *unit_req(const struct spm_partition *client)
{
    return &unit_reqs[client->index];
}

#endif /* WARDEN_UNIT_REQ_H */
