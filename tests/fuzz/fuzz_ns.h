/*
 * What the NS-entry harness (fuzz_ns_call.c) needs from the build it runs
 * against: the SIDs and handles worth aiming at. fuzz_targets_sfn.c and
 * fuzz_targets_ipc.c each define them for their backend's partitions.
 */
#ifndef WARDEN_FUZZ_NS_H
#define WARDEN_FUZZ_NS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "psa/client.h"

extern const uint32_t fuzz_sids[];
extern const size_t fuzz_nsids;
extern const psa_handle_t fuzz_handles[];
extern const size_t fuzz_nhandles;

/**
 * True for a call the harness does not make: one a test service answers by
 * spinning as long as the input says (up to 2^32 loop iterations), which
 * would make an input a timeout rather than a finding.
 */
bool fuzz_call_spins(psa_handle_t handle, uint32_t ctrl_param);

#endif /* WARDEN_FUZZ_NS_H */
