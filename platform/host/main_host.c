/* The hosted "reset handler": register the NS world's memory, start the SPM. */
#include "arch/arch.h"
#include "arch/host/host_mem.h"
#include "platform_ns_host.h"
#include "spm/ns_agent.h"

int main(void)
{
    (void)host_mem_add_ns_region(ns_platform_ns_rom(), NS_HOST_ROM_SIZE,
                                 ARCH_ACCESS_READ);
    spm_main();
}
