/* Running secure code on the secure stack from the hosted NS world. */
#ifndef WARDEN_HOST_NS_H
#define WARDEN_HOST_NS_H

#include <stdbool.h>

typedef void (*host_secure_fn_t)(void *arg);

/** Runs fn(arg) on the secure stack and comes back (a veneer's world switch).
 */
void host_secure_call(host_secure_fn_t fn, void *arg);

/**
 * The hosted NS side enters (and leaves) what stands for an exception
 * handler: until the matching exit, the secure side sees an NS caller in
 * Handler mode (arch_ns_caller_privileged() is true). Pairs nest.
 */
void host_ns_handler_enter(void);
void host_ns_handler_exit(void);

/**
 * What stands for CONTROL_NS.nPRIV: whether the hosted NS side's Thread
 * mode is privileged (true from the start, as after reset). Outside the
 * handlers, arch_ns_caller_privileged() answers this with
 * WARDEN_NSCE_PRIVILEGED_THREAD, false without it.
 */
void host_ns_set_thread_privileged(bool privileged);

#endif /* WARDEN_HOST_NS_H */
