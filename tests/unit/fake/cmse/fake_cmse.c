/* The fake TT/TTA of fake_cmse.h. */
#include "fake_cmse.h"

#include <arm_cmse.h>

struct span {
    uintptr_t base;
    uintptr_t limit;
    uint32_t value;
};

struct view {
    struct span spans[FAKE_CMSE_MAX_SPANS];
    size_t count;
    uint32_t fallback;
};

static struct view tt_view;
static struct view tta_view;
static struct view ttt_view;
static size_t calls;

void fake_cmse_reset(uint32_t tt_default, uint32_t tta_default)
{
    tt_view.count = 0;
    tt_view.fallback = tt_default;
    tta_view.count = 0;
    tta_view.fallback = tta_default;
    ttt_view.count = 0;
    ttt_view.fallback = tt_default;
    calls = 0;
}

void fake_cmse_span_unpriv(uintptr_t base, uintptr_t limit, uint32_t value)
{
    if (ttt_view.count < FAKE_CMSE_MAX_SPANS) {
        ttt_view.spans[ttt_view.count++] = (struct span){ base, limit, value };
    }
}

void fake_cmse_span(bool alt, uintptr_t base, uintptr_t limit, uint32_t value)
{
    struct view *v = alt ? &tta_view : &tt_view;

    if (v->count < FAKE_CMSE_MAX_SPANS) {
        v->spans[v->count++] = (struct span){ base, limit, value };
    }
}

size_t fake_cmse_calls(void)
{
    return calls;
}

static cmse_address_info_t answer(const struct view *v, uintptr_t a)
{
    cmse_address_info_t r = { .value = v->fallback };

    calls++;
    for (size_t i = 0; i < v->count; i++) {
        if (v->spans[i].base <= a && a <= v->spans[i].limit) {
            r.value = v->spans[i].value;
            break;
        }
    }
    return r;
}

cmse_address_info_t cmse_TT(void *p)
{
    return answer(&tt_view, (uintptr_t)p);
}

cmse_address_info_t cmse_TTA(void *p)
{
    return answer(&tta_view, (uintptr_t)p);
}

cmse_address_info_t cmse_TTT(void *p)
{
    return answer(&ttt_view, (uintptr_t)p);
}
