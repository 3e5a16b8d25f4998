"""Footprint from a GNU ld map file (-Wl,-Map).

    python3 tools/bench/mapfile.py MAP   prints the bytes of every object,
                                         by owner, and the totals

    footprint(map_text) -> {"spm_flash", "spm_ram", "spm_arch_flash",
                            "partitions_flash", "partitions_ram",
                            "image_flash", "image_ram"}

Every input section the map lists in an allocated output section is given
to one owner by its object file:

  spm         spm/ objects (not the generated load info), lib/fmt and
              lib/heap (built into warden_spm) and arch/ objects; the NSC
              stubs of their veneers; and the C library / libgcc members
              that an SPM object pulled in (directly or through another
              such member), as the map's "Archive member included" table
              says
  partitions  the partition objects (a partition's heap among them: its
              generated warden_heap_<name>.c is compiled into its
              library), the generated load info and the benchmark's own
              veneer
  platform    platform/ objects, and library members nobody above pulled in

spm_arch_flash is the part of spm_flash that arch/ objects (and the library
members they pulled in) take: veneers, the memory check, the NS launch,
the SAU set-up and the fault reports.

Flash is what lies in an executable memory region of the map's "Memory
Configuration" plus the load image of initialised data; RAM is what lies in
a writable, non-executable region. The image totals are the output
sections' sizes, padding and stacks included.
"""
import collections
import re
import sys

_MEM = re.compile(r"^(\S+)\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)\s*(\S*)$")
_OUT = re.compile(r"^(\.\S+)\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)"
                  r"(?:\s+load address 0x([0-9a-fA-F]+))?\s*$")
_IN = re.compile(r"^ (\S+)\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)\s*(.*)$")
_NAME_ALONE = re.compile(r"^ ?\S+\s*$")
_ADDR_SIZE = re.compile(r"^\s+0x[0-9a-fA-F]+\s+0x[0-9a-fA-F]+")
_SYMBOL = re.compile(r"^\s+0x([0-9a-fA-F]+)\s+([A-Za-z_]\w*)\s*$")

# Linker-made NSC stubs are 8 bytes each (SG + B.W).
_STUB_SIZE = 8
# Veneers that only the benchmark has (bench/secure/bench_veneer.c).
_BENCH_VENEER_PREFIX = "warden_bench_"


class MapError(Exception):
    pass


def _section(text, title, end_titles):
    text = "\n" + text
    start = text.find("\n" + title)
    if start < 0:
        raise MapError("no '%s' in the map" % title)
    rest = text[start + len(title) + 1:]
    ends = [rest.find("\n" + t) for t in end_titles]
    ends = [e for e in ends if e >= 0]
    return rest[:min(ends)] if ends else rest


def _regions(text):
    """[(origin, end, attributes)] of the Memory Configuration."""
    regions = []
    for line in _section(text, "Memory Configuration",
                         ["Linker script and memory map"]).splitlines():
        m = _MEM.match(line)
        if m and m.group(1) not in ("Name", "*default*"):
            origin = int(m.group(2), 16)
            regions.append((origin, origin + int(m.group(3), 16),
                            m.group(4).lower()))
    if not regions:
        raise MapError("no memory regions in the map")
    return regions


def _kind(addr, regions):
    for origin, end, attrs in regions:
        if origin <= addr < end:
            if "x" in attrs:
                return "flash"
            if "w" in attrs:
                return "ram"
    return None


def _archive_owners(text):
    """member -> the file whose reference pulled it in."""
    body = _section(text, "Archive member included to satisfy reference by "
                    "file (symbol)", ["Discarded input sections",
                                      "Memory Configuration"])
    owners = {}
    lines = body.splitlines()
    for i, line in enumerate(lines):
        if line and not line[0].isspace() and i + 1 < len(lines):
            nxt = lines[i + 1].strip()
            m = re.match(r"^(.*) \(([^)]*)\)$", nxt)
            if m:
                owners[line.strip()] = m.group(1)
    return owners


def _is_spm_object(path):
    if "warden_load_info" in path:
        return False
    return "/warden_spm.dir/" in path or "/warden_arch.dir/" in path


def _is_platform_object(path):
    # the platform's own library, and its part built once per secure
    # image (its MMIO regions' PPCs, its secure interrupts)
    return ("/warden_platform.dir/" in path
            or "/warden_platform_image.dir/" in path)


def _owner_function(owners):
    """path -> "spm", "arch" (the SPM's arch/ part), "partitions" or
    "platform"."""
    memo = {}

    def owner(path):
        if path in memo:
            return memo[path]
        memo[path] = "platform"  # cycles: not the SPM's
        if "/warden_arch.dir/" in path:
            result = "arch"
        elif _is_spm_object(path):
            result = "spm"
        elif _is_platform_object(path):
            result = "platform"
        elif path in owners:
            result = owner(owners[path])
            if result == "partitions":
                result = "platform"
        elif re.search(r"\.a\([^)]*\)$", path):
            result = "platform"
        else:
            result = "partitions"
        memo[path] = result
        return result

    return owner


def _lines(text):
    """The memory map's lines, with the ones ld splits rejoined: a long
    section name stands alone, its address and size on the next line."""
    lines = _section(text, "Linker script and memory map", []).splitlines()
    i = 0
    while i < len(lines):
        if (i + 1 < len(lines) and _NAME_ALONE.match(lines[i])
                and _ADDR_SIZE.match(lines[i + 1])):
            yield lines[i].rstrip() + " " + lines[i + 1].strip()
            i += 2
        else:
            yield lines[i]
            i += 1


def _walk(text):
    """Yields ("out", name, addr, size, load) and ("in", name, addr, size,
    file) and ("sym", addr, name) records of the memory map."""
    for line in _lines(text):
        m = _OUT.match(line)
        if m:
            yield ("out", m.group(1), int(m.group(2), 16), int(m.group(3), 16),
                   int(m.group(4), 16) if m.group(4) else None)
            continue
        m = _IN.match(line)
        if m:
            yield ("in", m.group(1), int(m.group(2), 16), int(m.group(3), 16),
                   m.group(4).strip())
            continue
        m = _SYMBOL.match(line)
        if m:
            yield ("sym", int(m.group(1), 16), m.group(2))


def footprint(text):
    regions = _regions(text)
    owner = _owner_function(_archive_owners(text))
    sizes = {k: 0 for k in ("spm_flash", "spm_ram", "spm_arch_flash",
                            "partitions_flash", "partitions_ram",
                            "image_flash", "image_ram")}
    out_flash = out_ram = False
    in_stubs = False

    def add(who, flash, ram, size):
        if who == "arch":
            who = "spm"
            if flash:
                sizes["spm_arch_flash"] += size
        if who in ("spm", "partitions"):
            if flash:
                sizes[who + "_flash"] += size
            if ram:
                sizes[who + "_ram"] += size

    for rec in _walk(text):
        if rec[0] == "out":
            _, name, addr, size, load = rec
            kind = _kind(addr, regions)
            out_ram = kind == "ram"
            out_flash = kind == "flash" or (
                load is not None and _kind(load, regions) == "flash")
            if out_flash:
                sizes["image_flash"] += size
            if out_ram:
                sizes["image_ram"] += size
            in_stubs = False
            continue
        if rec[0] == "in":
            _, name, addr, size, path = rec
            in_stubs = path == "linker stubs"
            if size == 0 or in_stubs or name == "*fill*" or not path:
                continue
            add(owner(path), out_flash, out_ram, size)
            continue
        if in_stubs and out_flash:  # one symbol per NSC stub
            bench = rec[2].startswith(_BENCH_VENEER_PREFIX)
            add("partitions" if bench else "arch", True, False, _STUB_SIZE)
    return sizes


def by_object(text):
    """{(owner, object file): bytes in flash} (for the listing below)."""
    regions = _regions(text)
    owner = _owner_function(_archive_owners(text))
    sizes = collections.Counter()
    flash = False
    for rec in _walk(text):
        if rec[0] == "out":
            flash = _kind(rec[2], regions) == "flash" or (
                rec[4] is not None and _kind(rec[4], regions) == "flash")
        elif rec[0] == "in" and flash and rec[4] and rec[3]:
            path = rec[4]
            who = "arch" if path == "linker stubs" else owner(path)
            sizes[(who, path.split("/")[-1])] += rec[3]
    return sizes


def main(path):
    with open(path) as f:
        text = f.read()
    for (who, obj), size in sorted(by_object(text).items(),
                                   key=lambda kv: (kv[0][0], -kv[1])):
        print("%-10s %6d  %s" % (who, size, obj))
    for key, value in footprint(text).items():
        print("%-16s %6d" % (key, value))


if __name__ == "__main__":
    main(sys.argv[1])
