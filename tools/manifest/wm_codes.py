"""The manifest tool's error codes: stable identifiers and their meaning.

Every error the tool reports carries one of these codes, e.g. `[E042]` at
the end of the message; a warning's code starts with W (`[W001]`). Codes never change meaning and are never reused: a
check that goes away leaves its code in RETIRED. `strerror()` gives the
one-line meaning and `warden_manifest.py --explain E042` prints it.
tools/manifest/README.md has the same table (a test keeps the two equal),
and every code in use has at least one test that provokes it.
"""

import enum
from types import MappingProxyType
from typing import Optional


class Code(enum.Enum):
    """One kind of error: (identifier, one-line meaning)."""

    # Files
    READ = ("E001", "a file cannot be read or does not exist")
    SYNTAX = ("E002", "a file is not valid YAML or JSON")
    DUPLICATE_KEY = ("E003", "a key is given twice in one mapping")
    # Attributes of any file
    UNKNOWN = ("E010", "unknown attribute (a typo, or a non-FF-M attribute "
                       "not listed in non_ffm_attributes)")
    MISSING = ("E011", "a required attribute is missing")
    TYPE = ("E012", "an attribute has the wrong type")
    CHOICE = ("E013", "a value is not one of the allowed values")
    RANGE = ("E014", "a number is out of range")
    IDENTIFIER = ("E015", "a name is not a C identifier")
    CONFLICT = ("E016", "two attributes exclude each other")
    # Manifest lists
    CONDITIONAL = ("E020", "a conditional is not a switch value")
    SHORT_NAME = ("E021", "short_name differs from the manifest's name")
    ENV_VAR = ("E022", "a path uses an environment variable that is not set")
    LINKER_PATTERN = ("E023", "a linker_pattern library does not follow "
                              "tfm_psa_rot_partition_<name> / "
                              "tfm_app_rot_partition_<name>")
    HEADER_NAME = ("E024", "a manifest file name cannot name its header")
    HEADER_CLASH = ("E025", "two manifests would generate the same header")
    # Partition IDs
    PID_WARDEN = ("E030", "a PID in 0-255, the range reserved for Warden")
    PID_RESERVED = ("E031", "a PID of 6000 or more (reserved)")
    PID_DUPLICATE = ("E032", "a PID is used twice")
    # Names and SIDs
    NAME_DUPLICATE = ("E040", "a partition name is used twice")
    SERVICE_DUPLICATE = ("E041", "a service name is used twice")
    SID_DUPLICATE = ("E042", "a SID is used twice")
    SIGNAL_DUPLICATE = ("E043", "two signals of a partition have the same "
                                "name")
    FLIH_DUPLICATE = ("E044", "two FLIH IRQs have the same FLIH function "
                              "(<name>_flih in lower case)")
    # Services
    STATELESS_CONNECTION = ("E050", "a stateless_handle on a "
                                    "connection-based service")
    STATELESS_DUPLICATE = ("E051", "a stateless handle is used twice")
    STATELESS_EXHAUSTED = ("E052", "more than 32 stateless services")
    STATELESS_VERSION = ("E053", "a stateless service's version does not fit "
                                 "its handle (1..255)")
    SECURE_FUNCTIONS = ("E054", "a partition has both services and "
                                "secure_functions")
    SFN_SIGNAL = ("E055", "a secure function's signal is not in upper case")
    # Partition model
    NO_ENTRY_POINT = ("E060", "an IPC-model partition without entry_point")
    SFN_ENTRY_POINT = ("E061", "an SFN-model partition with entry_point")
    IPC_ENTRY_INIT = ("E062", "an IPC-model partition with entry_init")
    FFM_VERSION = ("E063", "an attribute or value that the partition's FF-M "
                           "version does not have")
    NOTHING_SERVED = ("E064", "a partition with no service and no IRQ")
    TOO_MANY_SIGNALS = ("E065", "more than 28 services and IRQs in a "
                                "partition")
    # Build configuration
    MODEL_BACKEND = ("E070", "an IPC-model partition under the SFN backend")
    ISOLATION = ("E071", "the SFN backend with an isolation level above 1")
    STACK_SMALL = ("E073", "a stack_size below what the build's backend "
                           "needs")
    MM_IOVEC_OFF = ("E072", "a service with mm_iovec: enable in a build "
                            "without MM-IOVEC (--mm-iovec, CMake "
                            "PSA_FRAMEWORK_HAS_MM_IOVEC)")
    # Dependencies
    DEP_UNKNOWN = ("E075", "a dependency names a service no partition "
                           "provides")
    DEP_SELF = ("E076", "a dependency names the partition's own service")
    DEP_TWICE = ("E077", "a dependency is listed twice")
    DEP_CYCLE = ("E078", "the dependencies form a cycle")
    # MMIO regions, IRQs, client IDs
    MMIO_FORM = ("E080", "an MMIO region is neither named nor base + size, "
                         "or both")
    MMIO_UNKNOWN = ("E081", "a named MMIO region the platform does not "
                            "have")
    MMIO_OVERFLOW = ("E082", "an MMIO region ends beyond 4 GiB")
    IRQ_UNKNOWN = ("E083", "a named IRQ source the platform does not have")
    IRQ_DUPLICATE = ("E084", "an IRQ source is used twice")
    CLIENT_ID_RANGE = ("E085", "a client ID range is incomplete, empty or "
                               "outside its partition's range")
    CLIENT_ID_OVERLAP = ("E086", "two partitions' client ID ranges overlap")
    MMIO_CLAIMED = ("E088", "two partitions claim one MMIO region, or "
                            "regions of two partitions overlap")
    IRQ_LINE = ("E089", "an IRQ number beyond the platform's IRQ lines "
                        "(irq_lines)")
    # Platform description
    PLATFORM = ("E090", "the platform description defines a name twice")
    PPC_SHARED = ("E091", "two named regions of the platform description "
                          "have one PPC bank and bit")
    # Warnings: reported, the outputs are still written
    STACK_CALLS = ("W001", "warning: a stack_size that cannot hold the "
                           "request of a call the partition makes")

    @property
    def ident(self) -> str:
        """The stable identifier, e.g. "E042"."""
        return self.value[0]

    @property
    def meaning(self) -> str:
        """The one-line meaning."""
        return self.value[1]


# Codes the tool no longer reports, with what they meant: never reused.
RETIRED = MappingProxyType({
    "E087": "retired: an IRQ the build could not deliver (reported until "
            "Warden had secure interrupts)",
})


def strerror(ident: str) -> Optional[str]:
    """The meaning of error code `ident` (e.g. "E042"), or None if unknown."""
    return _meanings().get(ident.strip().upper())


def table() -> str:
    """The Markdown table of every code, retired ones included (the README
    holds a copy)."""
    lines = ["| code | meaning |", "|---|---|"]
    lines += ["| %s | %s |" % row for row in sorted(_meanings().items())]
    return "\n".join(lines) + "\n"


def _meanings() -> dict:
    """identifier -> meaning, for the codes in use and the retired ones."""
    meanings = {code.ident: code.meaning for code in Code}
    meanings.update(RETIRED)
    return meanings
