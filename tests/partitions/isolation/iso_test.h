/*
 * The isolation tests (tests/regression/isolation, isolation levels 2 and
 * 3 only): what the two helper partitions answer and the cases of the
 * victims (iso_victim.c, one partition per case), each of which crosses a
 * boundary of docs/isolation.md once.
 *
 *   WARDEN_SP_ISO_PSA   PSA-RoT: privileged at level 2, owner of
 *                       TFM_PERIPHERAL_TIMER1; tells the address of its
 *                       data, writes where it is told, starts the secure
 *                       SysTick whose handler makes an SVC
 *   WARDEN_SP_ISO_PEER  APPLICATION-ROT: tells the address of its data and
 *                       of its stack, and what its data holds
 */
#ifndef WARDEN_TESTS_ISO_TEST_H
#define WARDEN_TESTS_ISO_TEST_H

#include <stdint.h>

/* What both helpers answer to ISO_TYPE_PING: they still serve. */
#define ISO_PING_REPLY 0x15

/* The helpers' request types. Addresses and values travel as uint32_t in
 * outvec 0 (answers) and invec 0 (ISO_PSA_WRITE: address, then value). */
#define ISO_TYPE_PING       0
#define ISO_TYPE_DATA_ADDR  1 /* the address of the helper's data */
#define ISO_TYPE_STACK_ADDR 2 /* ISO_PEER: the address of its stack */
#define ISO_TYPE_PEER_READ  3 /* ISO_PEER: what its data holds */
#define ISO_TYPE_PSA_WRITE  4 /* ISO_PSA: writes the value at the address */
#define ISO_TYPE_PSA_TIMER1 5 /* ISO_PSA: TIMER1's CID0, as its owner */
#define ISO_TYPE_PSA_TICK   6 /* ISO_PSA: starts the secure SysTick */

/* What the helpers' data hold at boot. */
#define ISO_PSA_MAGIC  0x50A5EC2Eu
#define ISO_PEER_MAGIC 0xA9907A7Au
/* What ISO_PSA writes into ISO_PEER's data (allowed at level 2). */
#define ISO_PSA_WROTE 0x0B5E55EDu

/* TFM_PERIPHERAL_TIMER1 (platform/an505/manifest_platform.yaml), which
 * ISO_PSA owns, at its Secure alias. TIMER0 is WARDEN_SP_MMIO's
 * (tests/partitions/mmio/mmio_test.h). */
#define ISO_TIMER1_S 0x50001000u

/* The victims' cases, as the type of a call: what the victim does with
 * the address in the call's invec 0 (ISO_READ_SPM_DATA and ISO_SVC_*:
 * none). A victim answers PSA_SUCCESS, and in outvec 0 the word it read,
 * if nothing stopped it. */
enum iso_case {
    ISO_READ = 1,          /* read a word there */
    ISO_WRITE = 2,         /* change the word there */
    ISO_READ_SPM_DATA = 3, /* read the SPM's partition table */
    ISO_INVEC = 4,         /* call ISO_PEER with an invec there */
    ISO_OUTVEC = 5,        /* call ISO_PEER with an outvec there */
    ISO_SVC_UNKNOWN = 6,   /* an SVC past the SVC table (0xFF) */
    ISO_SVC_HOLE = 7,      /* an SVC of no function in the table (0x00) */
    ISO_SVC_RETURN = 8,    /* the end of a call (SVC 0x04), not in one */
};

/* The victims (ISO_VICTIM_<n>_SID, n from 1): one per case of a run. */
#define ISO_VICTIMS 6

#endif /* WARDEN_TESTS_ISO_TEST_H */
