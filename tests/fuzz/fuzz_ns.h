/*
 * What the NS-entry harness (fuzz_ns_call.c) needs from the build it runs
 * against: the SIDs and handles worth aiming at. fuzz_targets_sfn.c and
 * fuzz_targets_ipc.c each define them for their backend's partitions.
 */
#ifndef WARDEN_FUZZ_NS_H
#define WARDEN_FUZZ_NS_H

#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"

extern const uint32_t fuzz_sids[];
extern const size_t fuzz_nsids;
extern const psa_handle_t fuzz_handles[];
extern const size_t fuzz_nhandles;

#endif /* WARDEN_FUZZ_NS_H */
