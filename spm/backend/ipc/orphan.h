/*
 * Orphans (IPC backend): a request its service took whose client was
 * stopped since (ipc_terminate_cleanup()). Its message handle stays valid
 * for its service until the reply; the client's storage is never touched
 * again. The core sees them only through backend_orphan_of().
 */
#ifndef WARDEN_SPM_BACKEND_IPC_ORPHAN_H
#define WARDEN_SPM_BACKEND_IPC_ORPHAN_H

#include <stdbool.h>

#include "spm/spm.h"

struct spm_orphan {
    struct spm_conn *conn;        /* its connection, or NULL if stateless */
    struct spm_partition *client; /* the stopped client */
    const struct warden_service_info *service;
    bool connect; /* a connect: only its statuses may answer it */
};

/** True, with @p o filled in, if @p handle names an orphan of @p self's
 * (its service is one of @p self's). */
bool spm_orphan_from_handle(psa_handle_t handle,
                            const struct spm_partition *self,
                            struct spm_orphan *o);

/** Ends orphan @p o: its message handle stops being valid. */
void spm_orphan_free(const struct spm_orphan *o);

#endif /* WARDEN_SPM_BACKEND_IPC_ORPHAN_H */
