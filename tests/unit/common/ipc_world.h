/*
 * A loaded SPM on the IPC fixture (fixture/ipc/ipc_fixture.h) with the fake
 * threads (fake/fake_threads.h), for the IPC backend's tests: memory
 * registered (world_common.h), a thread per partition, every thread ready
 * and the NS agent's running. A test plays the threads one at a time
 * (iw_run_as) and calls the PSA API as the partition it plays.
 */
#ifndef WARDEN_UNIT_IPC_WORLD_H
#define WARDEN_UNIT_IPC_WORLD_H

#include "fake_threads.h"
#include "ipc_fixture.h"
#include "spm/spm.h"
#include "world_common.h"

#define IW_NS (&spm_ns_agent)

/** Secure and writable: where iw_get() receives a message. */
extern psa_msg_t iw_msg;

/**
 * Clears the fixture, the fakes and the memory, registers the regions,
 * then spm_load(), backend_init() and spm_irq_init() (as spm_main() does);
 * no thread has run.
 */
void iw_load(void);

/**
 * iw_load(), then backend_system_run() up to the (fake) NS launch with
 * iw_play_waiting: every partition waits in psa_wait() for any of its
 * signals (FXI_SFN is still UNINIT), the NS agent runs, no yield counted.
 */
void iw_boot(void);

/** cmocka set-ups: iw_load() / iw_boot(). */
int iw_setup(void **state);
int iw_setup_booted(void **state);

/** The runtime object of fixture partition @p p, and its thread. */
struct spm_partition *iw_part(enum fxi_part p);
struct sched_thread *iw_thread(enum fxi_part p);
struct sched_thread *iw_ns_thread(void);

/** Plays @p p from now on (its thread must be ready). */
void iw_run_as(struct spm_partition *p);

/** Blocks the thread of @p p, as if it waited for a signal that never comes. */
void iw_block(enum fxi_part p);

/** Ends the psa_wait() of @p p as if a signal came: its thread is ready. */
void iw_wake(enum fxi_part p);

/**
 * spm_call() as @p client (played first) with ns_mem's vectors for the NS
 * agent, s_mem's for a partition: SPM_STATUS_PENDING once delivered.
 */
psa_status_t iw_call(struct spm_partition *client, psa_handle_t handle,
                     int32_t type, size_t in_len, size_t out_len);

/** As @p p: psa_get(@p signal) into iw_msg, which must succeed. */
const psa_msg_t *iw_get(enum fxi_part p, psa_signal_t signal);

/** As @p p: iw_get(), then psa_reply() with @p status. */
void iw_serve(enum fxi_part p, psa_signal_t signal, psa_status_t status);

/**
 * As @p client, once replied: what its client API call returns (the second
 * phase, backend_client_resolve() of SPM_STATUS_PENDING).
 */
psa_status_t iw_finish(struct spm_partition *client);

/** @p client connects to @p svc, which accepts: the connection's handle. */
psa_handle_t iw_open(struct spm_partition *client, enum fxi_svc svc);

/**
 * Registers the test's stack as secure memory, as the host port does (all
 * mapped memory is secure there): for partition code that keeps its
 * psa_msg_t on the stack.
 */
void iw_allow_stack(void);

/*
 * Players (fake_threads_player). iw_play_waiting plays a partition's thread
 * as its psa_wait() loop would run, without serving: it waits for any of
 * its signals (and parks unless one is raised). It leaves alone the NS
 * agent's thread and a client whose reply came: the test completes that
 * call itself (iw_finish). iw_play_sfn plays FXI_SFN's thread with its real
 * body, ipc_sfn_thread_main(), and the others as iw_play_waiting does.
 */
void iw_play_waiting(struct sched_thread *t);
void iw_play_sfn(struct sched_thread *t);

/* The statement(s) must stop fixture partition @p p, for the reason @p
 * why (unit.h's expect_stop(); NULL: any). A panic in SPM code leaves the
 * scheduler locked: unlock it for what the test does next. */
#define expect_iw_stop(p, why, ...)                \
    do {                                           \
        expect_part_stop((p), (why), __VA_ARGS__); \
        fake_threads_abandon();                    \
        sched_unlock();                            \
    } while (0)

#define expect_iw_panic(p, ...) expect_iw_stop(p, NULL, __VA_ARGS__)

#endif /* WARDEN_UNIT_IPC_WORLD_H */
