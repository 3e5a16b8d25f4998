/* One NS thread: nothing to serialise (see ns_interface.h). */
#include "ns_interface.h"

void ns_interface_lock(void)
{
}

void ns_interface_unlock(void)
{
}
