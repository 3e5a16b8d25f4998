/* PSA RoT lifecycle states (FF-M 1.1 §4.5). */
#ifndef WARDEN_PSA_LIFECYCLE_H
#define WARDEN_PSA_LIFECYCLE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PSA_LIFECYCLE_PSA_STATE_MASK            (0xff00u)
#define PSA_LIFECYCLE_IMP_STATE_MASK            (0x00ffu)
#define PSA_LIFECYCLE_UNKNOWN                   (0x0000u)
#define PSA_LIFECYCLE_ASSEMBLY_AND_TEST         (0x1000u)
#define PSA_LIFECYCLE_PSA_ROT_PROVISIONING      (0x2000u)
#define PSA_LIFECYCLE_SECURED                   (0x3000u)
#define PSA_LIFECYCLE_NON_PSA_ROT_DEBUG         (0x4000u)
#define PSA_LIFECYCLE_RECOVERABLE_PSA_ROT_DEBUG (0x5000u)
#define PSA_LIFECYCLE_DECOMMISSIONED            (0x6000u)

/** Returns the platform's PSA RoT lifecycle state (PSA_LIFECYCLE_*). */
uint32_t psa_rot_lifecycle_state(void);

#ifdef __cplusplus
}
#endif

#endif /* WARDEN_PSA_LIFECYCLE_H */
