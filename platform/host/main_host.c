/* The hosted "reset handler": register the NS world's memory, start the SPM. */
#include "arch/arch.h"
#include "arch/host/host_mem.h"
#include "spm/ns_agent.h"

/* The bounds of the NS program's NS read-only data, data and bss
 * (ns_sections.ld.in): the NS image's memory on the board. */
extern const char warden_ns_rodata_start[];
extern const char warden_ns_rodata_end[];
extern char warden_ns_data_start[];
extern char warden_ns_data_end[];
extern char warden_ns_bss_start[];
extern char warden_ns_bss_end[];

static void add_ns_region(const char *start, const char *end, uint32_t access)
{
    if (end > start) {
        (void)host_mem_add_ns_region(start, (size_t)(end - start), access);
    }
}

int main(void)
{
    add_ns_region(warden_ns_rodata_start, warden_ns_rodata_end,
                  ARCH_ACCESS_READ);
    add_ns_region(warden_ns_data_start, warden_ns_data_end, ARCH_ACCESS_RW);
    add_ns_region(warden_ns_bss_start, warden_ns_bss_end, ARCH_ACCESS_RW);
    spm_main();
}
