/*
 * How the NS client library serialises its secure calls (the reference's
 * "NS interface"). The secure side runs one NS call at a time and refuses
 * a second one while the first is in progress (PSA_ERROR_CONNECTION_BUSY);
 * on Armv8.0-M a second NS thread entering the secure side while another is
 * preempted inside it would also stack its secure frame on top of the
 * first's. So an NS RTOS makes every thread wait its turn.
 *
 * Two implementations, chosen by which file an image links:
 *  - ns/ns_interface_bare.c: no lock (bare-metal images, one thread);
 *  - ns/kernel/ns_interface_kernel.c: the NS kernel's mutex, taken in
 *    Thread mode once the kernel runs (never in Handler mode).
 */
#ifndef WARDEN_NS_INTERFACE_H
#define WARDEN_NS_INTERFACE_H

/** Waits until this thread may enter the secure side. */
void ns_interface_lock(void);

/** Lets the next thread in. */
void ns_interface_unlock(void);

#endif /* WARDEN_NS_INTERFACE_H */
