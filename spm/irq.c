/*
 * Secure interrupts (spm/irq.h): routing at boot, delivery from the
 * platform's interrupt handler, and the partition-side API with its FF-M
 * rules. What a partition has enabled is kept here, apart from the
 * interrupt controller's own enable: an SLIH line stays disabled at the
 * controller from its interrupt until psa_eoi(), whatever the partition
 * enabled.
 */
#include "spm/irq.h"

#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "platform.h"
#include "spm/backend.h"
#include "spm/panic.h"
#include "spm/spm.h"

/* Bit i of word i / 32: the partition enabled warden_irqs[i]. The API
 * bodies write it, one partition's call at a time, and so does
 * spm_irq_stop(), for a partition that stops, possibly in interrupt context
 * (a FLIH's fault): a call's read-modify-write of the same word may then
 * put a stopped partition's bit back, which nothing acts on (its lines stay
 * disabled at the controller, and it makes no call again). */
static uint32_t irq_enabled[WARDEN_NUM_IRQS / 32u + 1u];
/* The partition whose FLIH function runs (a fault there is its). */
static struct spm_partition *flih_partition;

/* WARDEN_NUM_IRQS for loops, which do not warn (type limits) when it is
 * 0. */
static uint32_t num_irqs(void)
{
    return WARDEN_NUM_IRQS;
}

static bool enabled(uint32_t i)
{
    return (irq_enabled[i / 32u] & (1u << (i % 32u))) != 0u;
}

static void set_enabled(uint32_t i, bool on)
{
    uint32_t bit = 1u << (i % 32u);

    irq_enabled[i / 32u] =
        on ? (irq_enabled[i / 32u] | bit) : (irq_enabled[i / 32u] & ~bit);
}

void spm_irq_init(void)
{
    flih_partition = NULL; /* a boot again after a stop inside a FLIH */
    for (uint32_t i = 0; i < num_irqs(); i++) {
        bool at_load =
            (warden_irqs[i].flags & WARDEN_IRQ_ENABLED_AT_LOAD) != 0u;

        platform_irq_route(warden_irqs[i].source);
        /* Whatever a boot before left (a hosted program boots again). */
        set_enabled(i, at_load);
        if (at_load) {
            platform_irq_enable(warden_irqs[i].source);
        }
    }
}

void spm_irq_dispatch(uint32_t line)
{
    const struct warden_irq_info *irq = warden_irqs;
    const struct warden_irq_info *end = &warden_irqs[WARDEN_NUM_IRQS];
    struct spm_partition *p;

    while (irq != end && irq->source != line) {
        irq++;
    }
    SPM_ASSERT(irq != end); /* only manifest lines are routed */
    p = &spm_partitions[irq->partition];
    if (irq->flih != NULL) {
        psa_flih_result_t r;

        flih_partition = p;
        r = backend_flih_call(p, irq->flih);
        flih_partition = NULL;
        if (r == ARCH_FLIH_FAULTED) {
            backend_irq_stop(p);
        }
        if (r != PSA_FLIH_SIGNAL) {
            return;
        }
    } else {
        platform_irq_disable(line); /* until psa_eoi() */
    }
    backend_irq_assert(p, irq->signal);
}

struct spm_partition *spm_irq_flih_partition(void)
{
    return flih_partition;
}

psa_signal_t spm_irq_signals(const struct spm_partition *p)
{
    const struct warden_partition_info *info = p->info;
    psa_signal_t signals = 0u;

    for (uint32_t j = 0; j < info->nirqs; j++) {
        signals |= warden_irqs[info->first_irq + j].signal;
    }
    return signals;
}

void spm_irq_stop(const struct spm_partition *p)
{
    const struct warden_partition_info *info = p->info;

    for (uint32_t j = 0; j < info->nirqs; j++) {
        set_enabled(info->first_irq + j, false);
        platform_irq_disable(warden_irqs[info->first_irq + j].source);
    }
}

void spm_irq_refuse(struct spm_partition *self, const char *api,
                    psa_signal_t signal, const char *why)
{
    spm_panic(self, "%s(0x%x): %s", api, (unsigned int)signal, why);
}

/* How a call needs its IRQ to be handled. */
enum handling {
    EITHER,
    SLIH,
    FLIH,
};

/*
 * The index in warden_irqs[] of @p self's IRQ whose signal is @p signal,
 * handled as @p need asks; stops @p self otherwise. IRQ j of a partition
 * has signal 1 << (31 - j) (the manifest tool's numbering, checked here
 * against the table): one bit's place names it.
 */
static uint32_t irq_of(struct spm_partition *self, psa_signal_t signal,
                       const char *api, enum handling need)
{
    uint32_t j = (uint32_t)__builtin_clz(signal | 1u);
    const struct warden_irq_info *irq;

    if (signal == 0u || (signal & (signal - 1u)) != 0u) {
        spm_irq_refuse(self, api, signal, "not exactly one signal");
    }
    if (spm_is_ns(self) || j >= self->info->nirqs ||
        warden_irqs[self->info->first_irq + j].signal != signal) {
        spm_irq_refuse(self, api, signal, "not an IRQ signal of the partition");
    }
    irq = &warden_irqs[self->info->first_irq + j];
    if (need == SLIH && irq->flih != NULL) {
        spm_irq_refuse(self, api, signal,
                       "a FLIH signal (psa_reset_signal() clears it)");
    }
    if (need == FLIH && irq->flih == NULL) {
        spm_irq_refuse(self, api, signal, "an SLIH signal (psa_eoi() ends it)");
    }
    return self->info->first_irq + j;
}

void spm_irq_enable(struct spm_partition *self, psa_signal_t irq_signal)
{
    uint32_t i = irq_of(self, irq_signal, "psa_irq_enable", EITHER);
    const struct warden_irq_info *irq = &warden_irqs[i];
    uint32_t mask = arch_irq_mask();

    set_enabled(i, true);
    /* An SLIH line whose signal is asserted waits for psa_eoi(). */
    if (irq->flih != NULL || !backend_irq_asserted(self, irq_signal)) {
        platform_irq_enable(irq->source);
    }
    arch_irq_unmask(mask);
}

psa_irq_status_t spm_irq_disable(struct spm_partition *self,
                                 psa_signal_t irq_signal)
{
    uint32_t i = irq_of(self, irq_signal, "psa_irq_disable", EITHER);
    psa_irq_status_t was = enabled(i) ? 1u : 0u;

    set_enabled(i, false);
    platform_irq_disable(warden_irqs[i].source);
    return was;
}

/* Clears @p irq_signal of @p self for @p api, which needs it asserted. */
static void clear_asserted(struct spm_partition *self, const char *api,
                           psa_signal_t irq_signal)
{
    if (!backend_irq_asserted(self, irq_signal)) {
        spm_irq_refuse(self, api, irq_signal, "the signal is not asserted");
    }
    backend_irq_clear(self, irq_signal);
}

void spm_irq_eoi(struct spm_partition *self, psa_signal_t irq_signal)
{
    uint32_t i = irq_of(self, irq_signal, "psa_eoi", SLIH);
    uint32_t line = warden_irqs[i].source;

    clear_asserted(self, "psa_eoi", irq_signal);
    platform_irq_clear_pending(line);
    if (enabled(i)) {
        platform_irq_enable(line);
    }
}

void spm_irq_reset_signal(struct spm_partition *self, psa_signal_t irq_signal)
{
    (void)irq_of(self, irq_signal, "psa_reset_signal", FLIH);
    clear_asserted(self, "psa_reset_signal", irq_signal);
}
