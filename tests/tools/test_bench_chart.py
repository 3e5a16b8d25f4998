"""The benchmark chart (tools/bench/report.py): every reference tick is
labelled with its configuration, and no text of the chart lies on a tick.

The SVG is read back: each tick a black vertical line, each text a box as
wide as report.text_width() says (generous) and as tall as the font."""
import json
import os
import re
import unittest

from tests.tools.bench_support import ROOT, goals, report, results

TICK = re.compile(r'<line x1="([\d.]+)" y1="(\d+)" x2="([\d.]+)" y2="(\d+)" '
                  r'stroke="black" stroke-width="2"/>')
TEXT = re.compile(r'<text x="([\d.]+)" y="([\d.]+)"([^>]*)>([^<]*)</text>')


def ticks_and_texts(svg):
    ticks = [(float(m.group(1)), int(m.group(2)), int(m.group(4)))
             for m in TICK.finditer(svg)]
    texts = []
    for m in TEXT.finditer(svg):
        x, y, attrs, text = float(m.group(1)), float(m.group(2)), \
            m.group(3), m.group(4)
        size = 13 if 'font-size="13"' in attrs else report.FONT
        width = report.text_width(text) * size / report.FONT
        if 'text-anchor="end"' in attrs:
            x -= width
        elif 'text-anchor="middle"' in attrs:
            x -= width / 2
        texts.append((text, x, x + width, y - size * 0.8, y + size * 0.2))
    return ticks, texts


def crossings(svg):
    """The (text, tick x) pairs where a tick passes through a text."""
    ticks, texts = ticks_and_texts(svg)
    return [(text, tx) for text, x0, x1, y0, y1 in texts
            for tx, ty0, ty1 in ticks
            if x0 - 1 <= tx <= x1 + 1 and ty0 < y1 and ty1 > y0]


def flags(svg):
    """Each tick's label: the text that starts 3 px right of its top."""
    ticks, texts = ticks_and_texts(svg)
    found = []
    for tx, ty0, ty1 in ticks:
        for text, x0, _, y0, y1 in texts:
            if abs(x0 - (tx + 3)) < 0.05 and y0 - 2 <= ty0 <= y1:
                found.append((round(tx, 1), text))
    return found


def committed():
    with open(os.path.join(ROOT, "bench", "results.json")) as f:
        return json.load(f)


# Bars ending just left of the references (SFN NOP 800, IPC L1 1,935, L2
# 2,467, L3 3,022), four ticks within 60 px.
CROWDED = results({
    "an505-sfn": {"call_nop_stateless": 790, "framework_version": 27},
    "an505-ipc-l1": {"call_nop_stateless": 1900, "framework_version": 100},
    "an505-ipc-l2": {"call_nop_stateless": 2400},
    "an505-ipc-l3": {"call_nop_stateless": 3000},
})


class Chart(unittest.TestCase):
    def test_no_text_on_a_tick_committed(self):
        self.assertEqual(crossings(report.svg(committed(), goals())), [])

    def test_no_text_on_a_tick_crowded(self):
        self.assertEqual(crossings(report.svg(CROWDED, goals())), [])

    def test_each_reference_tick_is_labelled(self):
        svg = report.svg(CROWDED, goals())
        labels = sorted(text for _, text in flags(svg))
        # framework_version: SFN and IPC L1; the NOP call: all four.
        self.assertEqual(labels, ["IPC L1", "IPC L1", "IPC L2", "IPC L3",
                                  "SFN", "SFN"])

    def test_committed_chart_labels_sfn_and_ipc(self):
        labels = {text for _, text in flags(report.svg(committed(), goals()))}
        self.assertTrue({"SFN", "IPC L1"} <= labels, labels)


class Placement(unittest.TestCase):
    def test_tick_names(self):
        self.assertEqual(report.tick_name("an505-sfn"), "SFN")
        self.assertEqual(report.tick_name("an505-ipc-l2"), "IPC L2")

    def test_apart_ticks_share_the_first_row(self):
        self.assertEqual(report.tick_label_rows([(100, "SFN"), (300, "IPC")]),
                         [0, 0])

    def test_a_tick_under_a_label_puts_the_label_higher(self):
        # The second tick is 10 px right of the first, under its label.
        self.assertEqual(report.tick_label_rows([(100, "IPC L1"),
                                                 (110, "IPC L2")]), [1, 0])

    def test_value_label_moves_past_a_tick(self):
        self.assertEqual(report.value_label_x(100, "790", [105]), 108)
        self.assertEqual(report.value_label_x(100, "790", [200]), 103)


if __name__ == "__main__":
    unittest.main()
