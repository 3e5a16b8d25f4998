/*
 * An NS image for the isolation boundaries (levels 2 and 3; the image
 * itself knows no level): it asks each victim of tests/partitions/isolation
 * (and the W^X victim that runs code in its data) to cross one boundary,
 * and tells, for each case between two marker lines, whether the victim
 * was stopped or served, and whether every other partition still serves.
 * Under `terminate` each victim stops alone, so a run holds a case per
 * victim: the image is built once per batch of cases (ISO_BATCH, 1 or 2).
 * tests/run_all.py knows what each level must do with each case, and
 * checks the secure side's report between the markers (the MemManage
 * fault and its address, the SVC refused, the panic).
 */
#include <stdint.h>

#include "ns/ns_log.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/isolation/iso_test.h"
#include "tests/partitions/mmio/mmio_test.h"

/* Where the victims go, learnt from the helpers at the start. */
static uint32_t psa_data;
static uint32_t peer_data;
static uint32_t peer_stack;

/* A word a helper answers (0 if it does not). */
static uint32_t ask(psa_handle_t helper, int32_t type)
{
    uint32_t word = 0u;
    psa_outvec ov = { &word, sizeof(word) };

    return psa_call(helper, type, NULL, 0, &ov, 1) == PSA_SUCCESS ? word : 0u;
}

/* True if every partition the tests use, but @p offender, still serves. */
static int others_serve(psa_handle_t offender)
{
    return (offender == ISO_PSA_HANDLE ||
            psa_call(ISO_PSA_HANDLE, ISO_TYPE_PING, NULL, 0, NULL, 0) ==
                ISO_PING_REPLY) &&
           psa_call(ISO_PEER_HANDLE, ISO_TYPE_PING, NULL, 0, NULL, 0) ==
               ISO_PING_REPLY &&
           psa_call(MMIO_TIMER0_ID_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0) ==
               (psa_status_t)MMIO_TEST_TIMER_CID0;
}

/* The case's outcome: "stopped" (its calls fail with
 * PSA_ERROR_SERVICE_FAILURE and go on failing) or "served", and the rest. */
static void tell(const char *name, psa_handle_t offender, psa_status_t first,
                 psa_status_t again, uint32_t word)
{
    const char *outcome = "status";

    if (first == PSA_ERROR_SERVICE_FAILURE &&
        again == PSA_ERROR_SERVICE_FAILURE) {
        outcome = "stopped";
    } else if (first == PSA_SUCCESS) {
        outcome = "served";
    }
    ns_log("[iso] %s: %s (%ld), word 0x%08lx, others %s\r\n", name, outcome,
           (long)first, (unsigned long)word,
           others_serve(offender) ? "serve" : "do not serve");
}

/* Where a case's victim goes. */
enum iso_where {
    NOWHERE,    /* its case needs no address */
    PSA_DATA,   /* ISO_PSA's data */
    PEER_DATA,  /* ISO_PEER's data */
    PEER_STACK, /* ISO_PEER's stack */
    TIMER1,     /* ISO_PSA's MMIO region */
    TIMER0,     /* WARDEN_SP_MMIO's MMIO region */
};

struct iso_run {
    const char *name;
    int32_t what; /* enum iso_case */
    enum iso_where where;
};

/* The cases of each batch, at most one per victim. */
static const struct iso_run batches[2][ISO_VICTIMS] = {
    {
        { "read_psa_data", ISO_READ, PSA_DATA },
        { "write_psa_data", ISO_WRITE, PSA_DATA },
        { "read_spm_data", ISO_READ_SPM_DATA, NOWHERE },
        { "invec_psa_data", ISO_INVEC, PSA_DATA },
        { "outvec_psa_data", ISO_OUTVEC, PSA_DATA },
        { "read_psa_mmio", ISO_READ, TIMER1 },
    },
    {
        { "read_arot_mmio", ISO_READ, TIMER0 },
        { "read_peer_data", ISO_READ, PEER_DATA },
        { "read_peer_stack", ISO_READ, PEER_STACK },
        { "svc_unknown", ISO_SVC_UNKNOWN, NOWHERE },
        { "svc_hole", ISO_SVC_HOLE, NOWHERE },
        { "svc_return", ISO_SVC_RETURN, NOWHERE },
    },
};

static const uint32_t victim_sids[ISO_VICTIMS] = {
    ISO_VICTIM_1_SID, ISO_VICTIM_2_SID, ISO_VICTIM_3_SID,
    ISO_VICTIM_4_SID, ISO_VICTIM_5_SID, ISO_VICTIM_6_SID,
};

static uint32_t address(enum iso_where where)
{
    switch (where) {
    case PSA_DATA:
        return psa_data;
    case PEER_DATA:
        return peer_data;
    case PEER_STACK:
        return peer_stack;
    case TIMER1:
        return ISO_TIMER1_S + MMIO_TEST_TIMER_CID0_OFFSET;
    case TIMER0:
        return MMIO_TEST_TIMER0_S + MMIO_TEST_TIMER_CID0_OFFSET;
    default:
        return 0u;
    }
}

/* Connects to victim @p sid and asks it for case @p run. */
static void run_victim(uint32_t sid, const struct iso_run *run)
{
    uint32_t addr = address(run->where);
    uint32_t word = 0u;
    psa_invec iv = { &addr, sizeof(addr) };
    psa_outvec ov = { &word, sizeof(word) };
    psa_handle_t victim = psa_connect(sid, 1u);
    psa_status_t first;

    ns_log("[iso] case %s at 0x%08lx\r\n", run->name, (unsigned long)addr);
    first = psa_call(victim, run->what, &iv, 1, &ov, 1);
    tell(run->name, victim, first, psa_call(victim, run->what, &iv, 1, &ov, 1),
         word);
    psa_close(victim);
}

/* The W^X victim that runs code in its data (tests/partitions/wx/), a
 * stateless service. */
static void run_exec_data(void)
{
    psa_status_t first;

    ns_log("[iso] case exec_data at 0x%08lx\r\n", 0ul);
    first =
        psa_call(VICTIM_WX_EXEC_DATA_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0);
    tell("exec_data", VICTIM_WX_EXEC_DATA_HANDLE, first,
         psa_call(VICTIM_WX_EXEC_DATA_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0),
         0u);
}

/* ISO_PSA writes ISO_PEER's data; ISO_PEER then tells what it holds. */
static void psa_writes_arot(void)
{
    const uint32_t what[2] = { peer_data, ISO_PSA_WROTE };
    psa_invec iv = { what, sizeof(what) };
    psa_status_t first;

    ns_log("[iso] case psa_writes_arot at 0x%08lx\r\n",
           (unsigned long)peer_data);
    first = psa_call(ISO_PSA_HANDLE, ISO_TYPE_PSA_WRITE, &iv, 1, NULL, 0);
    tell("psa_writes_arot", ISO_PSA_HANDLE, first,
         psa_call(ISO_PSA_HANDLE, ISO_TYPE_PSA_WRITE, &iv, 1, NULL, 0),
         ask(ISO_PEER_HANDLE, ISO_TYPE_PEER_READ));
}

int ns_main(void)
{
    psa_status_t cid0 =
        psa_call(ISO_PSA_HANDLE, ISO_TYPE_PSA_TIMER1, NULL, 0, NULL, 0);

    psa_data = ask(ISO_PSA_HANDLE, ISO_TYPE_DATA_ADDR);
    peer_data = ask(ISO_PEER_HANDLE, ISO_TYPE_DATA_ADDR);
    peer_stack = ask(ISO_PEER_HANDLE, ISO_TYPE_STACK_ADDR);
    ns_log("%s: iso/helpers_serve_%d\r\n",
           others_serve(0) && psa_data != 0u && peer_data != 0u &&
                   peer_stack != 0u
               ? "PASS"
               : "FAIL",
           ISO_BATCH);
    ns_log("%s: iso/owner_reads_timer1_%d (CID0 0x%02lx)\r\n",
           cid0 == (psa_status_t)MMIO_TEST_TIMER_CID0 ? "PASS" : "FAIL",
           ISO_BATCH, (unsigned long)cid0);

    for (uint32_t i = 0u; i < ISO_VICTIMS; i++) {
        run_victim(victim_sids[i], &batches[ISO_BATCH - 1][i]);
    }
    if (ISO_BATCH == 1) {
        ns_log("[iso] done\r\n");
        return 0;
    }
    run_exec_data();
    /* Last: at level 3 it stops ISO_PSA, which the others ask. */
    psa_writes_arot();
    ns_log("[iso] done\r\n");
    return 0;
}
