/*
 * The thread of an SFN-model partition under the IPC backend, at isolation
 * level 1: it runs the partition's entry_init, then takes each message of
 * its services and replies with what the service's function returns. The
 * message is the thread's own copy (psa_get()). Levels 2 and 3 run the
 * same loop unprivileged, through the SVC interface (sfn_loop_svc.c).
 */
#include "psa/service.h"

#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/spm.h"

void ipc_sfn_thread_main(void)
{
    struct spm_partition *self = backend_current();
    const struct warden_partition_info *info = self->info;

    if (info->entry_init != NULL && info->entry_init() < 0) {
        ipc_sfn_init_failed(self);
    }
    self->state = SPM_PART_READY;
    for (;;) {
        psa_msg_t msg;
        warden_sfn_t sfn = ipc_sfn_take(self, &msg);

        psa_reply(msg.handle, sfn(&msg));
    }
}
