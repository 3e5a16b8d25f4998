/*
 * Isolation levels 2 and 3 on the Secure MPU (PMSAv8). The W^X map of
 * level 1 (armv8m_regions.h) is cut where the linker put the unprivileged
 * partitions: their code and read-only data become readable and executable
 * by unprivileged code, their data, zeroed data and stacks readable and
 * writable by it, and nothing else is (PRIVDEFENA gives the default map to
 * privileged code only). Slots:
 *
 *   0  privileged code below the partition's    read-only, executable
 *   1  the partition's code and rodata          unprivileged, read-only, executable
 *   2  privileged code above it                 read-only, executable
 *   3  the SRAM area below the partition's RAM  read-write, execute-never
 *   4  the partition's RAM                      unprivileged, read-write, XN
 *   5  the SRAM area above it                   read-write, execute-never
 *   6.. the platform's regions that never change (ARMV8M_ISO_STATIC_REGIONS)
 *
 * At level 2 "the partition" is every APPLICATION-ROT partition together
 * (the manifest tool lays them out as one range) and slots 0-5 never
 * change. At level 3 it is the running thread's partition: a switch
 * rewrites slots 0-5 from the thread's precomputed words, with two burst
 * writes through the MPU's alias registers; for a privileged thread (the NS
 * agent) slots 1, 2, 4 and 5 are off and 0 and 3 cover everything.
 *
 * The slots are rewritten with the MPU off for the few stores it takes
 * (load_dynamic()).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "arch/armv8m/boundary.h"
#include "armv8m_regions.h"
#include "warden/config.h"
#include "warden_manifest.h" /* WARDEN_NUM_PARTITIONS */
#include WARDEN_ARCH_THREAD_H

#define DYNAMIC_SLOTS 6u
#define ALL_SLOTS     (DYNAMIC_SLOTS + ISO_STATIC_COUNT)

#define CONTROL_NPRIV (1u << 0)
#define RBAR_A1       ARMV8M_REG(0xE000EDA4u) /* then RLAR_A1 .. RLAR_A3 */

static const struct armv8m_mpu_region iso_static[] = ARMV8M_ISO_STATIC_REGIONS;
#define ISO_STATIC_COUNT (sizeof(iso_static) / sizeof(iso_static[0]))

_Static_assert(ARMV8M_BOUNDARY_WORDS == 2u * DYNAMIC_SLOTS,
               "a thread keeps the words of the dynamic slots");

/*
 * Each partition thread's SVC stack: where its calls of the PSA API run,
 * privileged, out of reach of every partition (the thread's own stack is
 * partition memory). Its size covers the deepest call's frames up to the
 * switch to the SPM stack (arch_spm_call()) with a margin; an overflow hits
 * PSPLIM.
 */
#define SVC_STACK_SIZE 512u
static uint8_t svc_stacks[WARDEN_NUM_PARTITIONS + (WARDEN_NUM_PARTITIONS == 0)]
                        [SVC_STACK_SIZE] __attribute__((aligned(8)));

/* The words of slots 0-5 in the MPU now (level 3). */
static const uint32_t *loaded;

static void encode(uint32_t *w, uintptr_t start, uintptr_t end, uint32_t attr)
{
    const struct armv8m_mpu_region r = { start, end - 1u, attr };

    if (end <= start) {
        w[0] = 0u;
        w[1] = 0u; /* slot off */
        return;
    }
    armv8m_mpu_encode(&r, w);
}

/* Slots 0-5 for a partition whose code is [code, code_end) and RAM
 * [ram, ram_end); empty ranges at the end of the code and of the SRAM
 * area for a privileged thread. */
static void dynamic_words(uint32_t w[ARMV8M_BOUNDARY_WORDS], uintptr_t code,
                          uintptr_t code_end, uintptr_t ram, uintptr_t ram_end)
{
    const uint32_t ro = ARMV8M_MPU_RO;
    const uint32_t xn = ARMV8M_MPU_XN;
    const uint32_t unpriv = ARMV8M_MPU_UNPRIV;

    encode(&w[0], ARMV8M_ISO_CODE_BASE, code, ro);
    encode(&w[2], code, code_end, ro | unpriv);
    encode(&w[4], code_end, (uintptr_t)warden_common_text_start, ro);
    encode(&w[6], ARMV8M_DEFAULT_SRAM_BASE, ram, xn);
    encode(&w[8], ram, ram_end, xn | unpriv);
    encode(&w[10], ram_end, ARMV8M_DEFAULT_SRAM_LIMIT + 1u, xn);
}

static void privileged_words(uint32_t w[ARMV8M_BOUNDARY_WORDS])
{
    uintptr_t code_end = (uintptr_t)warden_common_text_start;
    uintptr_t sram_end = ARMV8M_DEFAULT_SRAM_LIMIT + 1u;

    dynamic_words(w, code_end, code_end, sram_end, sram_end);
}

int armv8m_mpu_init(void)
{
    uint32_t words[2u * ALL_SLOTS];

    if (armv8m_mpu_slots() < ALL_SLOTS) {
        return -1;
    }
    if (TFM_ISOLATION_LEVEL == 2) {
        dynamic_words(words, (uintptr_t)warden_unpriv_code_start,
                      (uintptr_t)warden_unpriv_code_end,
                      (uintptr_t)warden_unpriv_ram_start,
                      (uintptr_t)warden_unpriv_ram_end);
    } else {
        privileged_words(words);
    }
    for (size_t i = 0; i < ISO_STATIC_COUNT; i++) {
        armv8m_mpu_encode(&iso_static[i], &words[2u * (DYNAMIC_SLOTS + i)]);
    }
    armv8m_mpu_load(words, ALL_SLOTS);
    return 0;
}

static void seal(uint8_t *top)
{
    uint32_t *s = (uint32_t *)(uintptr_t)top - 2;

    s[0] = ARMV8M_STACK_SEAL;
    s[1] = ARMV8M_STACK_SEAL;
}

void arch_thread_isolate(struct arch_thread *t, uint32_t index,
                         bool unprivileged)
{
    const struct arch_partition_bounds *b = &warden_partition_bounds[index];

    t->base_control = ARMV8M_CONTROL_SPSEL | (unprivileged ? CONTROL_NPRIV : 0u);
    t->control = t->base_control;
    t->usp = 0u;
    t->kstack = svc_stacks[index];
    seal(&svc_stacks[index][SVC_STACK_SIZE]);
    if (unprivileged) {
        dynamic_words(t->mpu, b->code_start, b->code_end, b->ram_start,
                      b->ram_end);
    } else {
        privileged_words(t->mpu);
    }
}

void armv8m_boundary_adopt(struct arch_thread *t)
{
    t->base_control = ARMV8M_CONTROL_SPSEL;
    t->control = t->base_control;
    t->usp = 0u;
    t->kstack = NULL; /* the NS agent makes no SVC call */
    privileged_words(t->mpu);
    loaded = t->mpu;
}

/* Slots 0-3, then 4-5, each run of pairs in one burst through RBAR,
 * RLAR and their aliases (consecutive registers), with the MPU off
 * meanwhile: a slot half written (its new base, its old limit) may cover
 * anything, even the code doing this. Handler mode is privileged, so the
 * default map serves it until the MPU is on again. */
static void load_dynamic(const uint32_t *w)
{
    volatile uint32_t *burst = &ARMV8M_MPU_RBAR;

    ARMV8M_MPU_CTRL = 0u;
    __asm volatile("dsb\n\tisb" : : : "memory");
    ARMV8M_MPU_RNR = 0u;
    for (uint32_t i = 0; i < 8u; i++) {
        burst[i] = w[i];
    }
    ARMV8M_MPU_RNR = 4u;
    for (uint32_t i = 0; i < 4u; i++) {
        burst[i] = w[8u + i];
    }
    ARMV8M_MPU_CTRL = ARMV8M_MPU_CTRL_ENABLE | ARMV8M_MPU_CTRL_PRIVDEFENA;
    __asm volatile("dsb\n\tisb" : : : "memory");
}

struct arch_thread *armv8m_boundary_enter(struct arch_thread *t)
{
    __asm volatile("msr control, %0" : : "r"(t->control) : "memory");
    if (TFM_ISOLATION_LEVEL == 3 && loaded != t->mpu) {
        loaded = t->mpu;
        load_dynamic(t->mpu);
    }
    return t;
}

bool armv8m_boundary_in_svc(void)
{
    return armv8m_running != NULL && armv8m_running->usp != 0u;
}
