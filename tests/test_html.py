"""The plain HTML report: self-contained, escaped, every finding with passage and arithmetic."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from checks.pipeline import run
from checks.report import html as report_html
from checks.report.html import render_html
from tests.conftest import SOURCES


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(document: str) -> _Collector:
    collector = _Collector()
    collector.feed(document)
    return collector


def test_every_finding_appears_with_passage_and_arithmetic():
    result = run([str(SOURCES)])
    document = render_html(result)
    text = " ".join(parse(document).text)
    flagged = [c for c in result.claims if c.verdict != "consistent"]
    assert flagged
    for claim in flagged:
        assert claim.id in text
        assert claim.explanation in text
        for role, quantity in claim.inputs.items():
            assert claim.source_of(role).text[quantity.start : quantity.end] in text


def test_no_external_resource_is_loaded():
    document = render_html(run([str(SOURCES)]))
    for _tag, attrs in parse(document).tags:
        for name in ("src", "href"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(name) or "", re.I)
    assert "@import" not in document
    scripts = [attrs for tag, attrs in parse(document).tags if tag == "script"]
    assert len(scripts) == 1 and "src" not in scripts[0]  # the inline filter script only


def test_source_text_is_escaped(tmp_path):
    hostile = (
        "<script>alert(1)</script>总费用为100亿元,其中<b>个人</b>{{ 1234*5 }}支出为27亿元,占27%。"
    )
    path = tmp_path / "hostile.txt"
    path.write_text(hostile, encoding="utf-8")
    result = run([str(path)], keep_texts_up_to=10**6)  # the full text is embedded
    result.claims[0].verdict, result.claims[0].severity = "inconsistent", "warning"
    document = render_html(result)
    assert "<script>alert" not in document and "<b>个人" not in document
    assert html.escape("<script>alert(1)</script>") in document
    assert "{{ 1234*5 }}" in document and "6170" not in document
    assert 'class="source-text"' in document


def test_a_large_run_shows_the_most_severe_findings_in_full_and_cuts_the_table(monkeypatch):
    result = run([str(SOURCES)], keep_texts_up_to=10**9)  # texts embedded: their links count
    flagged = sorted(c.id for c in result.claims if c.verdict != "consistent")
    monkeypatch.setattr(report_html, "MAX_FINDINGS_IN_FULL", 2)
    monkeypatch.setattr(report_html, "MAX_CLAIM_ROWS", 10)
    document = render_html(result)
    tags = parse(document).tags
    articles = [a for t, a in tags if t == "article" and "finding" in a.get("class", "")]
    rows = [a for t, a in tags if t == "tr" and "data-verdict" in a]
    assert len(articles) == 2 and len(rows) == 10
    assert {a["data-verdict"] for a in articles} == {"error"}  # the most severe come first
    assert all(r["data-verdict"] != "consistent" for r in rows[: len(flagged)])
    assert f"{len(flagged) - 2} less severe findings are not shown in full" in document
    assert f"{len(result.claims) - 10} more claims are in the JSON report" in document
    ids = {a.get("id") for _, a in tags}
    links = [a["href"][1:] for t, a in tags if t == "a" and a.get("href", "").startswith("#claim")]
    assert links and set(links) <= ids  # no link points at a claim the report left out
