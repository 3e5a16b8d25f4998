/*
 * spm/fault.c beyond the port's hooks (arch/arch.h): what the SPM says at
 * boot of the reset before.
 */
#ifndef WARDEN_SPM_FAULT_H
#define WARDEN_SPM_FAULT_H

/** At boot: says why the device last reset, if the SPM reset it. */
void spm_report_last_reset(void);

#endif /* WARDEN_SPM_FAULT_H */
