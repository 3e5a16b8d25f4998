/*
 * Isolation levels 2 and 3 on the Secure MPU (PMSAv8). The W^X map of
 * level 1 (armv8m_regions.h) is cut where the linker put the unprivileged
 * partitions: their code becomes readable and executable by unprivileged
 * code, their read-only data readable, their data, zeroed data and stacks
 * readable and writable, and nothing else is (PRIVDEFENA gives the default
 * map to privileged code only). In the code area the linker put, in
 * order: privileged code, the partitions' code, the shared code, its
 * read-only data, the partitions' read-only data, privileged read-only
 * data. Slots:
 *
 *   0  privileged code below the partition's   read-only, executable
 *   1  the partition's code                    unprivileged, read-only,
 * executable 2  privileged code above it                read-only, executable
 *   3  the shared code                         unprivileged, read-only,
 * executable 4  read-only data below the partition's    read-only,
 * execute-never 5  the partition's read-only data          unprivileged,
 * read-only, XN 6  read-only data above it, up to the NSC  read-only,
 * execute-never 7  the shared code's read-only data        unprivileged,
 * read-only, XN 8  the SRAM area below the partition's RAM read-write,
 * execute-never 9  the partition's RAM                     unprivileged,
 * read-write, XN 10  the SRAM area above it                  read-write,
 * execute-never 11-13 the platform's other regions that never change (NSC, ...)
 *  14-15 the running thread's MMIO regions (arch_thread_grant()), then
 *        its mapped vectors (arch_thread_map())
 *
 * At level 2 "the partition" is every APPLICATION-ROT partition together
 * (the manifest tool lays them out as one range of each kind) and nothing
 * changes after boot. At level 3 it is the running thread's partition: a
 * switch rewrites slots 0-2, 4-6 and 8-10 from the thread's precomputed
 * words, three bursts through the MPU's alias registers; for a privileged
 * thread (the NS agent) the partition's ranges are empty and the slots
 * around them cover everything.
 */
#include <arm_cmse.h>
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

static const struct armv8m_mpu_region iso_static[] = ARMV8M_ISO_STATIC_REGIONS;
/* Where they go: the shared code, its read-only data, then the rest. */
static const uint8_t static_slot[] = { 3u, 7u, 11u, 12u, 13u };
#define STATIC_COUNT (sizeof(iso_static) / sizeof(iso_static[0]))
#define MMIO_SLOT    14u
#define ALL_SLOTS    (MMIO_SLOT + ARMV8M_MMIO_SLOTS)

_Static_assert(sizeof(static_slot) ==
                   sizeof(iso_static) / sizeof(iso_static[0]),
               "a slot for each of the platform's regions");
_Static_assert(ARMV8M_BOUNDARY_WORDS == 18u,
               "three slots of code, read-only data and RAM");

/*
 * Each partition thread's SVC stack: where its calls of the PSA API run,
 * privileged, out of reach of every partition (the thread's own stack is
 * partition memory). Its size covers the deepest call's frames up to the
 * switch to the SPM stack (arch_spm_call()) with a margin; an overflow hits
 * PSPLIM.
 */
static uint8_t svc_stacks[WARDEN_NUM_PARTITIONS + (WARDEN_NUM_PARTITIONS == 0)]
                         [ARMV8M_SVC_STACK_SIZE] __attribute__((aligned(8)));

/* The words of slots 0-2, 4-6 and 8-10 in the MPU now (level 3), and of
 * its MMIO slots. */
static const uint32_t *loaded;
static const uint32_t *loaded_mmio;
static const uint32_t no_mmio[2u * ARMV8M_MMIO_SLOTS];
/* The words of slots 0-2, 4-6 and 8-10 at level 2, and of the platform's
 * regions (static_slot[]): what a mapped vector must not overlap. */
static uint32_t group_words[ARMV8M_BOUNDARY_WORDS];
static uint32_t static_words[2u * STATIC_COUNT];

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

/* A partition's ranges, or empty ones (a privileged thread's) where the
 * ranges around them meet. */
struct ranges {
    uintptr_t code, code_end, rodata, rodata_end, ram, ram_end;
};

/* The words of slots 0-2, 4-6 and 8-10 for @p r. */
static void dynamic_words(uint32_t w[ARMV8M_BOUNDARY_WORDS],
                          const struct ranges *r)
{
    const uint32_t ro = ARMV8M_MPU_RO;
    const uint32_t xn = ARMV8M_MPU_XN;
    const uint32_t unpriv = ARMV8M_MPU_UNPRIV;

    encode(&w[0], ARMV8M_ISO_CODE_BASE, r->code, ro);
    encode(&w[2], r->code, r->code_end, ro | unpriv);
    encode(&w[4], r->code_end, (uintptr_t)warden_common_text_start, ro);
    encode(&w[6], (uintptr_t)warden_common_rodata_end, r->rodata, ro | xn);
    encode(&w[8], r->rodata, r->rodata_end, ro | xn | unpriv);
    encode(&w[10], r->rodata_end, ARMV8M_ISO_CODE_LIMIT, ro | xn);
    encode(&w[12], ARMV8M_ISO_SRAM_BASE, r->ram, xn);
    encode(&w[14], r->ram, r->ram_end, xn | unpriv);
    encode(&w[16], r->ram_end, ARMV8M_DEFAULT_SRAM_LIMIT + 1u, xn);
}

static void privileged_words(uint32_t w[ARMV8M_BOUNDARY_WORDS])
{
    const uintptr_t code = (uintptr_t)warden_common_text_start;
    const uintptr_t rodata = (uintptr_t)warden_common_rodata_end;
    const uintptr_t ram = ARMV8M_DEFAULT_SRAM_LIMIT + 1u;
    const struct ranges none = { code, code, rodata, rodata, ram, ram };

    dynamic_words(w, &none);
}

int armv8m_mpu_init(void)
{
    uint32_t words[2u * ALL_SLOTS] = { 0u };
    uint32_t dyn[ARMV8M_BOUNDARY_WORDS];
    const struct ranges group = {
        (uintptr_t)warden_unpriv_code_start,
        (uintptr_t)warden_unpriv_code_end,
        (uintptr_t)warden_unpriv_rodata_start,
        (uintptr_t)warden_unpriv_rodata_end,
        (uintptr_t)warden_unpriv_ram_start,
        (uintptr_t)warden_unpriv_ram_end,
    };

    if (armv8m_mpu_slots() < ALL_SLOTS) {
        return -1;
    }
    if (TFM_ISOLATION_LEVEL == 2) {
        dynamic_words(dyn, &group);
    } else {
        privileged_words(dyn);
    }
    for (uint32_t i = 0; i < ARMV8M_BOUNDARY_WORDS; i++) {
        group_words[i] = dyn[i];
    }
    for (uint32_t run = 0; run < 3u; run++) {
        for (uint32_t i = 0; i < 6u; i++) {
            words[8u * run + i] = dyn[6u * run + i];
        }
    }
    for (size_t i = 0; i < STATIC_COUNT; i++) {
        armv8m_mpu_encode(&iso_static[i], &words[2u * static_slot[i]]);
        static_words[2u * i] = words[2u * static_slot[i]];
        static_words[2u * i + 1u] = words[2u * static_slot[i] + 1u];
    }
    armv8m_mpu_load(words, ALL_SLOTS);
    return 0;
}

void arch_thread_isolate(struct arch_thread *t, uint32_t index,
                         bool unprivileged)
{
    const struct arch_partition_bounds *b = &warden_partition_bounds[index];

    /* arch_thread_init() put its stack's limit in its first frame. */
    t->stack_limit = ((const uint32_t *)(uintptr_t)t->sp)[0];
    t->base_control =
        ARMV8M_CONTROL_SPSEL | (unprivileged ? ARMV8M_CONTROL_NPRIV : 0u);
    t->control = t->base_control;
    t->usp = 0u;
    t->mmio = no_mmio;
    t->nfixed = 0u;
    t->nvec = 0u;
    t->kstack = svc_stacks[index];
    (void)armv8m_seal_stack(
        (uintptr_t)&svc_stacks[index][ARMV8M_SVC_STACK_SIZE]);
    if (unprivileged) {
        const struct ranges own = { b->code_start,   b->code_end,
                                    b->rodata_start, b->rodata_end,
                                    b->ram_start,    b->ram_end };

        dynamic_words(t->mpu, &own);
    } else {
        privileged_words(t->mpu);
    }
}

bool arch_thread_grant(struct arch_thread *t, uintptr_t base, size_t size,
                       bool writable)
{
    const struct armv8m_mpu_region r = {
        base,
        base + size - 1u,
        ARMV8M_MPU_UNPRIV | ARMV8M_MPU_XN | ARMV8M_MPU_DEVICE |
            (writable ? 0u : ARMV8M_MPU_RO),
    };

    if ((t->base_control & ARMV8M_CONTROL_NPRIV) == 0u) {
        return true; /* privileged: the default map reaches it */
    }
    if (t->nfixed == ARMV8M_MMIO_SLOTS) {
        return false; /* both slots taken */
    }
    if (size == 0u || base % 32u != 0u || size % 32u != 0u ||
        base + size - 1u < base) {
        return false;
    }
    armv8m_mpu_encode(&r, &t->mmio_words[2u * t->nfixed]);
    t->nfixed++;
    t->mmio = t->mmio_words;
    return true;
}

void armv8m_boundary_init_agent(struct arch_thread *t)
{
    t->base_control = ARMV8M_CONTROL_SPSEL;
    t->control = t->base_control;
    t->usp = 0u;
    t->kstack = NULL; /* an NS agent makes no SVC call */
    t->mmio = no_mmio;
    privileged_words(t->mpu);
}

void armv8m_boundary_adopt(struct arch_thread *t)
{
    armv8m_boundary_init_agent(t);
    loaded = t->mpu;
    loaded_mmio = no_mmio;
}

/* Slots 0-2, 4-6 and 8-10: each run of three in one burst through RBAR,
 * RLAR and their aliases (consecutive registers; RNR picks the run), with
 * the MPU off meanwhile: a slot half written (its new base, its old limit)
 * may cover anything, even the code doing this. Handler mode is
 * privileged, so the default map serves it until the MPU is on again. */
static void load_dynamic(const uint32_t *w)
{
    /* RNR lies right after CTRL, RBAR right after RNR. */
    __asm volatile(
        "movs   r2, #0\n\t"
        "str    r2, [%[ctrl]]\n\t" /* MPU off */
        "dsb\n\t"
        "isb\n\t"
        "str    r2, [%[ctrl], #4]\n\t" /* RNR 0: slots 0-2 */
        "ldm    %[w]!, {r2-r7}\n\t"
        "stm    %[rbar], {r2-r7}\n\t"
        "movs   r2, #4\n\t" /* slots 4-6 */
        "str    r2, [%[ctrl], #4]\n\t"
        "ldm    %[w]!, {r2-r7}\n\t"
        "stm    %[rbar], {r2-r7}\n\t"
        "movs   r2, #8\n\t" /* slots 8-10 */
        "str    r2, [%[ctrl], #4]\n\t"
        "ldm    %[w]!, {r2-r7}\n\t"
        "stm    %[rbar], {r2-r7}\n\t"
        "str    %[on], [%[ctrl]]\n\t"
        "dsb\n\t"
        "isb\n\t"
        : [w] "+r"(w)
        : [ctrl] "r"(&ARMV8M_MPU_CTRL), [rbar] "r"(&ARMV8M_MPU_RBAR),
          [on] "r"(ARMV8M_MPU_CTRL_ENABLE | ARMV8M_MPU_CTRL_PRIVDEFENA)
        : "r2", "r3", "r4", "r5", "r6", "r7", "memory");
}

/* The MMIO slots, likewise (RNR 12: the aliases 2 and 3 are 14 and 15). */
static void load_mmio(const uint32_t *w)
{
    volatile uint32_t *burst = &ARMV8M_MPU_RBAR;

    ARMV8M_MPU_CTRL = 0u;
    __asm volatile("dsb\n\tisb" : : : "memory");
    ARMV8M_MPU_RNR = MMIO_SLOT & ~3u;
    for (uint32_t i = 0; i < 2u * ARMV8M_MMIO_SLOTS; i++) {
        burst[2u * (MMIO_SLOT & 3u) + i] = w[i];
    }
    ARMV8M_MPU_CTRL = ARMV8M_MPU_CTRL_ENABLE | ARMV8M_MPU_CTRL_PRIVDEFENA;
    __asm volatile("dsb\n\tisb" : : : "memory");
}

/* A partition thread switched out outside an SVC call has its software
 * frame (PSPLIM ... EXC_RETURN) on its own stack, which at level 2 the
 * other partitions of its boundary can write: the two words that are not
 * its own registers are put back as they can only be, so that no one can
 * have it return to Handler mode or lower its stack limit (its FType may
 * stay as it is when the FPU is on: a frame read as extended or basic is
 * the thread's own memory either way). (In a call it was switched out on
 * its SVC stack, SPM memory.) */
struct arch_thread *armv8m_boundary_enter(struct arch_thread *t)
{
    if (t->kstack != NULL && t->usp == 0u) {
        uint32_t *sw = (uint32_t *)(uintptr_t)t->sp;

        sw[0] = t->stack_limit;
        uint32_t ftype = WARDEN_FPU ? sw[ARMV8M_SW_FRAME_WORDS - 1u] &
                                          ARMV8M_EXC_RETURN_FTYPE
                                    : ARMV8M_EXC_RETURN_FTYPE;

        sw[ARMV8M_SW_FRAME_WORDS - 1u] =
            (ARMV8M_EXC_RETURN_THREAD_S_PSP & ~ARMV8M_EXC_RETURN_FTYPE) | ftype;
    }
    __asm volatile("msr control, %0" : : "r"(t->control) : "memory");
    armv8m_boundary_load(t);
    return t;
}

void armv8m_boundary_load(const struct arch_thread *t)
{
    if (TFM_ISOLATION_LEVEL == 3 && loaded != t->mpu) {
        loaded = t->mpu;
        load_dynamic(t->mpu);
    }
    if (loaded_mmio != t->mmio) {
        loaded_mmio = t->mmio;
        load_mmio(t->mmio);
    }
}

/*
 * MM-IOVEC: a mapped vector is a slot after the thread's MMIO regions,
 * [base rounded down to 32, end rounded up to 32) (PMSAv8's granule: up
 * to 31 bytes either side become reachable too), unprivileged, read-only
 * or read-write, execute-never, normal memory. Two vectors whose ranges
 * overlap (they share a granule) share one slot, read-write if either is.
 */

#define GRANULE 32u

/* True if one MPU region below the MMIO slots already gives the running
 * thread's unprivileged code [base, last] with that access (level 2: an
 * ARoT client's buffer, seen by an ARoT service). */
static bool reachable(uintptr_t base, uintptr_t last, bool writable)
{
    uint32_t first = cmse_TTT((void *)base).value;

    return cmse_TTT((void *)last).value == first &&
           (first & (writable ? ARMV8M_TT_RW : ARMV8M_TT_R)) != 0u &&
           (first & ARMV8M_TT_MRVALID) != 0u &&
           (first & ARMV8M_TT_MREGION) < MMIO_SLOT;
}

/* True if one of the @p n enabled regions of @p w meets [lo, hi). */
static bool meets(const uint32_t *w, uint32_t n, uint32_t lo, uint32_t hi)
{
    for (uint32_t i = 0; i < n; i++) {
        uint32_t base = w[2u * i] & ~(GRANULE - 1u);
        uint32_t last = w[2u * i + 1u] | (GRANULE - 1u);

        if ((w[2u * i + 1u] & ARMV8M_MPU_RLAR_ENABLE) != 0u && base < hi &&
            lo <= last) {
            return true;
        }
    }
    return false;
}

/* Makes the MPU take @p t's MMIO slots now if @p t runs (its SVC call),
 * with no switch in between. */
static void reload_if_running(struct arch_thread *t)
{
    uint32_t primask;

    if (t != armv8m_running) {
        return; /* its next switch in loads them */
    }
    __asm volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
    loaded_mmio = t->mmio;
    load_mmio(t->mmio);
    __asm volatile("msr primask, %0" : : "r"(primask) : "memory");
}

/* Encodes @p t's mapped vectors into its slots after the MMIO regions;
 * false (nothing changed) when they need more slots than are left. */
static bool encode_vectors(struct arch_thread *t)
{
    uint32_t w[2u * ARMV8M_MMIO_SLOTS] = { 0u };
    struct armv8m_mapped v[ARMV8M_MMIO_SLOTS];
    uint32_t nslot = t->nfixed;
    uint32_t n = 0;

    for (uint32_t i = 0; i < t->nvec; i++) {
        uint32_t j = 0;

        while (j < n && (t->vec[i].hi <= v[j].lo || v[j].hi <= t->vec[i].lo)) {
            j++;
        }
        if (j == n) {
            v[n++] = t->vec[i];
        } else {
            v[j].lo = t->vec[i].lo < v[j].lo ? t->vec[i].lo : v[j].lo;
            v[j].hi = t->vec[i].hi > v[j].hi ? t->vec[i].hi : v[j].hi;
            v[j].writable |= t->vec[i].writable;
        }
    }
    if (nslot + n > ARMV8M_MMIO_SLOTS) {
        return false;
    }
    for (uint32_t i = 0; i < 2u * nslot; i++) {
        w[i] = t->mmio_words[i];
    }
    for (uint32_t j = 0; j < n; j++, nslot++) {
        encode(&w[2u * nslot], v[j].lo, v[j].hi,
               ARMV8M_MPU_UNPRIV | ARMV8M_MPU_XN |
                   (v[j].writable != 0u ? 0u : ARMV8M_MPU_RO));
    }
    for (uint32_t i = 0; i < 2u * ARMV8M_MMIO_SLOTS; i++) {
        t->mmio_words[i] = w[i];
    }
    t->mmio = t->mmio_words;
    return true;
}

/* @p a rounded down to the MPU's granule. */
static uint32_t granule_down(uintptr_t a)
{
    return (uint32_t)a & ~(GRANULE - 1u);
}

bool arch_thread_map(struct arch_thread *t, uintptr_t base, size_t size,
                     bool writable)
{
    uint32_t lo = granule_down(base);
    uint32_t hi = granule_down(base + size + GRANULE - 1u);
    const uint32_t *dyn = (TFM_ISOLATION_LEVEL == 3) ? t->mpu : group_words;

    if ((t->base_control & ARMV8M_CONTROL_NPRIV) == 0u) {
        return true; /* privileged: the default map reaches it */
    }
    if (size == 0u || hi <= lo || base + size < base) {
        return false;
    }
    if (reachable(base, base + size - 1u, writable)) {
        return true;
    }
    /* A slot over memory another region covers would fault every access
     * there (PMSAv8): a secure buffer of another boundary cannot be
     * mapped. */
    if (t->nvec == ARMV8M_MMIO_SLOTS ||
        meets(dyn, ARMV8M_BOUNDARY_WORDS / 2u, lo, hi) ||
        meets(static_words, STATIC_COUNT, lo, hi) ||
        meets(t->mmio_words, t->nfixed, lo, hi)) {
        return false;
    }
    t->vec[t->nvec] = (struct armv8m_mapped){ lo, hi, writable ? 1u : 0u };
    t->nvec++;
    if (!encode_vectors(t)) {
        t->nvec--;
        return false;
    }
    reload_if_running(t);
    return true;
}

void arch_thread_unmap(struct arch_thread *t, uintptr_t base, size_t size,
                       bool writable)
{
    uint32_t lo = granule_down(base);
    uint32_t hi = granule_down(base + size + GRANULE - 1u);

    for (uint32_t i = 0; i < t->nvec; i++) {
        if (t->vec[i].lo == lo && t->vec[i].hi == hi &&
            t->vec[i].writable == (writable ? 1u : 0u)) {
            t->vec[i] = t->vec[t->nvec - 1u];
            t->nvec--;
            (void)encode_vectors(t); /* fewer slots: always fits */
            reload_if_running(t);
            return;
        }
    }
    /* Not found: the map needed no slot (reachable()). */
}

/* The saved context's r0: the hardware frame's first word, above the
 * software frame (and S16-S31, if saved). */
void arch_thread_set_r0(struct arch_thread *t, uint32_t value)
{
    uint32_t *sw = (uint32_t *)(uintptr_t)t->sp;

    sw[WARDEN_FPU ? armv8m_hw_frame_index(sw) : ARMV8M_SW_FRAME_WORDS] = value;
}

bool armv8m_boundary_in_svc(void)
{
    return armv8m_running != NULL && armv8m_running->usp != 0u;
}
