/*
 * The backend contract (seed 004's backend operations). Exactly one backend
 * is built: backend_sfn.c (this version) or backend_ipc.c.
 */
#ifndef WARDEN_SPM_BACKEND_H
#define WARDEN_SPM_BACKEND_H

#include "spm/spm.h"

/** Checks the loaded partitions suit this backend; halts if not. */
void backend_init(void);

/** The partition running now (the client of a new call): NS agent or SP. */
struct spm_partition *backend_current(void);

/**
 * Delivers the message in @p conn (its state ACTIVE, msg filled in) to the
 * service and returns the service's reply status. A partition whose
 * initialisation failed is not called: connect gets
 * PSA_ERROR_CONNECTION_REFUSED, a call PSA_ERROR_SERVICE_FAILURE, and a
 * disconnect PSA_SUCCESS.
 */
psa_status_t backend_messaging(struct spm_conn *conn);

/** Initialises the partitions in load order, then starts the NS image. */
__attribute__((noreturn)) void backend_system_run(void);

#endif /* WARDEN_SPM_BACKEND_H */
