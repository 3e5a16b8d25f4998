/* The secure console, for the SPM itself: see warden/log.h. */
#ifndef WARDEN_SPM_LOG_H
#define WARDEN_SPM_LOG_H

#include "warden/log.h"

#endif /* WARDEN_SPM_LOG_H */
