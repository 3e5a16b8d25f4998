/* Running secure code on the secure stack from the hosted NS world. */
#ifndef WARDEN_HOST_NS_H
#define WARDEN_HOST_NS_H

typedef void (*host_secure_fn_t)(void *arg);

/** Runs fn(arg) on the secure stack and comes back (a veneer's world switch).
 */
void host_secure_call(host_secure_fn_t fn, void *arg);

/**
 * The hosted NS side enters (and leaves) what stands for an exception
 * handler: until the matching exit, arch_ns_caller_is_handler() is true.
 * Pairs nest.
 */
void host_ns_handler_enter(void);
void host_ns_handler_exit(void);

#endif /* WARDEN_HOST_NS_H */
