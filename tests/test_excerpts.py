"""Sources keep only their quoted passages after extraction, and every report reads the same."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from checks.pipeline import run
from checks.read.excerpts import CONTEXT, Excerpts, line_starts
from checks.report.csv_table import to_csv
from checks.report.json_report import to_json
from checks.report.sarif import to_sarif
from checks.report.terminal import print_report
from tests.conftest import SOURCES

UNSEEN = SOURCES.parent.parent / "tests" / "unseen"
TEXT = "第一行:规模达100亿元。\n第二行:同比增长12%。\n" + "无关的文字。" * 40 + "\n末行占比35%。"


def test_slices_inside_a_kept_window_read_as_the_full_text():
    start = TEXT.index("12%")
    excerpts = Excerpts(TEXT, [(start, start + 3)])
    assert len(excerpts) == len(TEXT)
    assert excerpts[start : start + 3] == "12%"
    assert (
        excerpts[start - CONTEXT : start + 3 + CONTEXT]
        == TEXT[start - CONTEXT : start + 3 + CONTEXT]
    )
    assert excerpts[start - 1] == TEXT[start - 1]
    assert excerpts[5:5] == ""


def test_a_slice_outside_every_window_raises_rather_than_quoting_a_hole():
    start = TEXT.index("12%")
    excerpts = Excerpts(TEXT, [(start, start + 3)])
    with pytest.raises(LookupError):
        excerpts[len(TEXT) - 4 :]
    with pytest.raises(LookupError):  # runs past the kept window's edge
        excerpts[start : start + CONTEXT + 10]
    with pytest.raises(IndexError):
        excerpts[len(TEXT)]


def test_line_starts_come_from_the_full_text():
    excerpts = Excerpts(TEXT, [(0, 3)])
    expected = [0] + [m.end() for m in re.finditer("\n", TEXT)]
    assert list(excerpts.line_starts) == expected == list(line_starts(TEXT))


@given(
    st.text(alphabet="年亿元增长%。\n0123456789", min_size=1, max_size=300),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=6),
    st.integers(0, 300),
    st.integers(0, 60),
)
def test_any_slice_is_either_exact_or_refused(text, spans, start, width):
    excerpts = Excerpts(text, [(a, a + w) for a, w in spans])
    try:
        piece = excerpts[start : start + width]
    except LookupError:
        return
    assert piece == text[start : start + width]


def test_overlapping_windows_merge_into_one():
    excerpts = Excerpts(TEXT, [(10, 12), (30, 33)])
    assert excerpts[0:80] == TEXT[0:80]


def _reports(result) -> tuple[str, ...]:
    terminal = io.StringIO()
    print_report(result, Console(file=terminal, width=100, no_color=True), verbose=True)
    json_text = re.sub(r'"generated_at": "[^"]+"', "", to_json(result))
    return json_text, to_sarif(result), to_csv(result), terminal.getvalue()


@pytest.mark.parametrize("folder", [SOURCES, UNSEEN], ids=["seeds", "unseen"])
def test_every_report_reads_the_same_from_excerpts_as_from_full_texts(folder):
    reduced = run([str(folder)], keep_texts_up_to=0)
    full = run([str(folder)], keep_texts_up_to=10**9)
    assert all(isinstance(s.text, Excerpts) for s in reduced.sources)
    assert all(isinstance(s.text, str) for s in full.sources)
    assert all(not s.view for s in reduced.sources)  # the matching view is dropped too
    assert reduced.claims and _reports(reduced) == _reports(full)
