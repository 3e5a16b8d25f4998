/*
 * The wording of the reasons several places give spm_panic() (spm/panic.h)
 * for stopping a partition: spm_log() formats, each with the name of the
 * PSA function that broke the rule first ("%s: "). A reason given in one
 * place only is written there.
 */
#ifndef WARDEN_SPM_PANIC_WHY_H
#define WARDEN_SPM_PANIC_WHY_H

/* The call, the message handle. */
#define SPM_WHY_NOT_GOT "%s: 0x%x is not a message the partition got"

/* The call, "invec" or "outvec", the index (and again "invec" or "outvec"
 * for SPM_WHY_MAPPED). */
#define SPM_WHY_NO_VEC "%s: %s %u does not exist"
#define SPM_WHY_MAPPED "%s: %s %u was mapped (psa_map_%s)"

/* The call, "read" or "write", the address, the length. */
#define SPM_WHY_BUFFER "%s: the partition may not %s 0x%x (%u bytes)"

/* The call, the status. */
#define SPM_WHY_CONNECT_REPLY "%s: status %d cannot answer a connect"

#endif /* WARDEN_SPM_PANIC_WHY_H */
