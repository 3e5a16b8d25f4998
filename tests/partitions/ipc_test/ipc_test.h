/* What the IPC test partitions share with the suites. */
#ifndef WARDEN_IPC_TEST_H
#define WARDEN_IPC_TEST_H

#include <stdint.h>

/* IPC_ECHO / IPC_STATELESS request types. */
#define IPC_TYPE_ECHO  0 /* invec 0 -> outvec 0; returns the bytes copied */
#define IPC_TYPE_COUNT 1 /* IPC_ECHO: calls on this connection (rhandle) */
/* IPC_STATELESS: loops as many times as the uint32_t of invec 0 says and
 * returns the count it reached. */
#define IPC_TYPE_SPIN 2

/* IPC_HIGH_SVC request types. */
#define IPC_HIGH_DOORBELLS 0 /* returns the doorbells received so far */
#define IPC_HIGH_ADD       1 /* returns 1000 + the int32_t in invec 0 */

#endif /* WARDEN_IPC_TEST_H */
