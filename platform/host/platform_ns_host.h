#ifndef WARDEN_PLATFORM_NS_HOST_H
#define WARDEN_PLATFORM_NS_HOST_H

#include "platform_ns.h"

#define NS_HOST_ROM_SIZE (64u)

#endif /* WARDEN_PLATFORM_NS_HOST_H */
