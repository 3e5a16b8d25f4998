/*
 * The MMIO tests (tests/regression/mmio): the peripheral the MMIO test
 * partition owns, TFM_PERIPHERAL_TIMER0 of
 * platform/an505/manifest_platform.yaml, at its two aliases, and the
 * CMSDK timer's identification register the service reads.
 */
#ifndef WARDEN_TESTS_MMIO_TEST_H
#define WARDEN_TESTS_MMIO_TEST_H

#define MMIO_TEST_TIMER0_S  0x50000000u /* Secure alias: the owner's */
#define MMIO_TEST_TIMER0_NS 0x40000000u /* Non-secure alias */
/* Component ID 0 (offset 0xFF0) of a CMSDK APB timer. */
#define MMIO_TEST_TIMER_CID0_OFFSET 0xFF0u
#define MMIO_TEST_TIMER_CID0        0x0Du

#endif /* WARDEN_TESTS_MMIO_TEST_H */
