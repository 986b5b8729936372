"""The HTML report in headless Chromium with networking disabled (issue 5)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks.cli import main
from tests.browser import chromium, visit
from tests.conftest import SOURCES

if chromium() is None:
    if os.environ.get("CI"):
        raise RuntimeError(".ci/run installs chromium; the browser tests must run in CI")
    pytest.skip("chromium is not installed here (.ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    html = folder / "report.html"
    assert main(["check", str(SOURCES), "--html", str(html)]) == 0
    return html


EXPRESSIONS = {
    "title": "document.title",
    "findings": "document.querySelectorAll('article.finding').length",
    "filters_shown": "!document.getElementById('filters').hidden",
    "charts": "document.querySelectorAll('figure svg').length",
    "highlights": "document.querySelectorAll('.source-text a.hl').length",
}


def test_report_renders_offline_without_errors(report, tmp_path):
    shot = tmp_path / "report.png"  # a temporary path: screenshots stay out of git
    page = visit(report, EXPRESSIONS, screenshot=shot)
    assert page.values["title"] == "figcheck report"
    assert page.values["findings"] == 6
    assert page.values["filters_shown"] is True  # the inline script ran
    assert page.values["charts"] >= 2
    assert page.values["highlights"] > 40
    assert page.console_errors == [] and page.exceptions == [] and page.dialogs == []
    assert page.requests == [report.resolve().as_uri()]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_filters_hide_what_does_not_match(report):
    choose = (
        "(function(){var f=document.getElementById('filters');f.elements.verdict.value='error';"
        "f.dispatchEvent(new Event('change'));"
        "return Array.from(document.querySelectorAll('article.finding')).filter("
        "function(e){return !e.hidden;}).length;})()"
    )
    page = visit(report, {"visible_errors": choose})
    assert page.values["visible_errors"] == 2


def test_the_harness_sees_errors_and_requests(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!doctype html><title>x</title><script>console.error('bad');missing();</script>"
        "<img src='http://example.invalid/a.png'>",
        encoding="utf-8",
    )
    page = visit(broken, {})
    assert page.exceptions and any("bad" in e for e in page.console_errors)
    assert "http://example.invalid/a.png" in page.requests
