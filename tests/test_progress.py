"""The progress bar of corpus runs: one line per stage, with a rate and the time left."""

from __future__ import annotations

import io
import re

from rich.console import Console

from checks.pipeline import run
from checks.report.progress import ProgressBar
from tests.conftest import SOURCES


def _shown(terminal: bool) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=terminal, width=160, color_system=None)
    with ProgressBar(minimum=2, console=console) as progress:
        run([str(SOURCES)], progress=progress)
    return buffer.getvalue()


def test_each_stage_shows_its_rate_and_the_time_left():
    shown = _shown(terminal=True)
    for stage, unit in [
        ("reading documents", "documents"),
        ("comparing across sources", "checks"),
        ("validating", "suites"),
    ]:
        assert stage in shown and f" {unit}/s" in shown
    assert re.search(r"\d[\d.,]* documents/s", shown)  # a measured rate once two have been read
    assert "4/4" in shown and "left" in shown


def test_nothing_is_drawn_when_stderr_is_not_a_terminal():
    assert _shown(terminal=False) == ""


def test_a_run_smaller_than_the_minimum_draws_nothing():
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True)
    with ProgressBar(minimum=5, console=console) as progress:
        run([str(SOURCES)], progress=progress)  # four documents
    assert buffer.getvalue() == ""
