"""Issue 12: a bad document is listed and skipped, never fatal; every input kind reads through
the installed console script; a missing optional package is named in one line."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checks.cli import main

GRIM = "截至2024年底,全市医疗器械企业达1000家,同比增长4.56%。"  # 956 → +4.60%, 957 → +4.49%
GRIM_TRADITIONAL = "截至2024年底,全市醫療器械企業達1000家,同比增長4.56%。"
# exports, imports and a surplus that agree (51.2 − 35.2 = 16.0)
BALANCE = "2023年全市出口额为51.2亿美元,进口额为35.2亿美元,贸易顺差为16.0亿美元。"
BROKEN_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"


def _undecodable() -> bytes:
    """High bytes in no Chinese encoding's order, and no NUL: not binary, not text."""
    rng = random.Random(12)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(3000))


def _write_pdf(path: Path, lines: list[str]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 12)
    for row, line in enumerate(lines):
        page.drawString(50, 800 - 20 * row, line)
    page.save()


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a_grim.txt").write_text(GRIM, encoding="utf-8")
    (folder / "b_balance.txt").write_bytes(BALANCE.encode("gb18030"))
    (folder / "c_undecodable.txt").write_bytes(_undecodable())
    (folder / "d_broken.pdf").write_bytes(BROKEN_PDF)
    (folder / "e_slow.txt").write_text(BALANCE, encoding="utf-8")
    return folder


def _slow_for(monkeypatch, stem: str, seconds: float) -> None:
    """One document takes `seconds` to check (workers are forked, so they see this too)."""
    import checks.pipeline as pipeline

    original = pipeline.extract_document

    def extract(doc):
        if doc.source.id == stem:
            time.sleep(seconds)
        return original(doc)

    monkeypatch.setattr(pipeline, "extract_document", extract)


def test_bad_documents_are_listed_in_every_report_and_the_rest_fully_checked(
    mixed_folder, tmp_path, monkeypatch, capsys
):
    # a budget well above what the good documents need even on a busy machine (workers start
    # while the main process imports GX), and well below the slow one
    _slow_for(monkeypatch, "e_slow", 12)
    out = {kind: tmp_path / f"report.{kind}" for kind in ("json", "html", "xml", "sarif")}
    code = main(
        [
            "check",
            str(mixed_folder),
            "--time-budget",
            "5",  # a broken PDF took over 3 s once, with another test run sharing the cores
            "--acknowledged",
            os.devnull + ".none",
            "--json",
            str(out["json"]),
            "--html",
            str(out["html"]),
            "--junit",
            str(out["xml"]),
            "--sarif",
            str(out["sarif"]),
        ]
    )
    printed, err = capsys.readouterr()
    assert code == 2
    reasons = {
        "c_undecodable": "encoding",
        "d_broken": "cannot read the PDF",
        "e_slow": "time budget",
    }
    # the terminal: one stderr line each, and a block in the report
    for stem, reason in reasons.items():
        line = next(x for x in err.splitlines() if stem in x)
        assert line.startswith("figcheck: skipped ") and reason in line
        assert stem in printed and reason in printed
    assert "Traceback" not in err and "internal error" not in err

    report = json.loads(out["json"].read_text(encoding="utf-8"))
    errors = {s["id"]: s["error"] for s in report["sources"] if "error" in s}
    assert set(errors) == set(reasons)
    assert all(reasons[stem] in errors[stem] for stem in reasons)
    # the good ones are checked as if alone: the GRIM error and the balance that agrees
    by_type = {c["type"]: c for c in report["claims"]}
    assert by_type["granularity"]["verdict"] == "inconsistent"
    assert by_type["granularity"]["evidence"][0]["source"] == "a_grim"
    assert by_type["balance"]["verdict"] == "consistent"
    assert {e["source"] for c in report["claims"] for e in c["evidence"]} == {
        "a_grim",
        "b_balance",
    }
    schema = Path(__file__).parent / "contract" / "report.schema.json"
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(report, json.loads(schema.read_text(encoding="utf-8")))

    html = out["html"].read_text(encoding="utf-8")
    for stem, reason in reasons.items():
        assert stem in html and reason in html

    junit = ET.fromstring(out["xml"].read_text(encoding="utf-8"))
    assert junit.get("errors") == "3"
    unchecked = {
        Path(case.get("name")).stem: case.find("error").get("message")
        for case in junit.iter("testcase")
        if case.find("error") is not None
    }
    assert {stem: reasons[stem] in message for stem, message in unchecked.items()} == {
        stem: True for stem in reasons
    }

    sarif = json.loads(out["sarif"].read_text(encoding="utf-8"))
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = {
        Path(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).stem: n
        for n in invocation["toolExecutionNotifications"]
    }
    assert set(notes) == set(reasons)
    assert all(reasons[s] in notes[s]["message"]["text"] for s in reasons)
    assert all(n["level"] == "error" for n in notes.values())


def test_a_clean_run_reports_a_successful_execution(tmp_path, capsys):
    path = tmp_path / "fine.txt"
    path.write_text(BALANCE, encoding="utf-8")
    sarif = tmp_path / "r.sarif"
    assert main(["check", str(path), "--sarif", str(sarif)]) == 0
    invocation = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["invocations"][0]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}
    assert "skipped" not in capsys.readouterr().err


def test_a_missing_path_still_stops_before_any_work(tmp_path, capsys):
    (tmp_path / "fine.txt").write_text(GRIM, encoding="utf-8")
    report = tmp_path / "r.json"
    code = main(
        ["check", str(tmp_path / "fine.txt"), str(tmp_path / "gone.txt"), "--json", str(report)]
    )
    assert code == 2 and not report.exists()
    assert "no such file" in capsys.readouterr().err


def test_a_missing_html_part_is_named_in_one_line(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article><p>{BALANCE}</p></article></body></html>", "utf-8")
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["lxml_html_clean"] = None  # as on an install without the package
        sys.modules["lxml.html.clean"] = None
        from checks.cli import main
        sys.exit(main(["check", {str(page)!r}]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines == [
        "figcheck: HTML input needs the package lxml_html_clean: pip install lxml_html_clean"
    ]


# ------------------------------------------------------------------ through the console script
def _installed() -> str:
    found = shutil.which("figcheck") or str(Path(sys.executable).with_name("figcheck"))
    if not Path(found).exists():
        pytest.skip("the figcheck console script is not installed")
    return found


def _console(args: list[str], stdin: bytes | None = None) -> tuple[int, dict]:
    report = Path(args[-1])
    done = subprocess.run(
        [
            _installed(),
            "check",
            *args[:-1],
            "--json",
            str(report),
            "--acknowledged",
            os.devnull + ".none",
        ],
        input=stdin,
        capture_output=True,
        timeout=180,
    )
    assert b"Traceback" not in done.stderr and b"internal error" not in done.stderr, done.stderr
    return done.returncode, json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", GRIM.encode("utf-8")),
        ("utf16.txt", GRIM.encode("utf-16")),
        ("gb18030.txt", GRIM.encode("gb18030")),
        ("gbk.txt", GRIM.encode("gbk")),
        ("big5.txt", GRIM_TRADITIONAL.encode("big5")),
        (
            "page.html",
            f"<html><body><nav>首页</nav><article><p>{GRIM}</p></article></body></html>".encode(),
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_every_input_kind_reads_through_the_console_script(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    code, report = _console([str(path), str(tmp_path / "r.json")])
    assert code == 1  # the planted GRIM error
    grim = next(c for c in report["claims"] if c["type"] == "granularity")
    assert grim["verdict"] == "inconsistent"
    start, end = grim["evidence"][0]["span"]
    assert "1000家" in grim["evidence"][0]["quote"] and "4.56%" in grim["evidence"][0]["quote"]
    assert report["sources"][0]["chars"] >= end > start


def test_pdf_and_stdin_through_the_console_script(tmp_path):
    pdf = tmp_path / "report.pdf"
    _write_pdf(pdf, [GRIM[:20], GRIM[20:]])
    code, report = _console([str(pdf), str(tmp_path / "p.json")])
    assert code == 1 and report["sources"][0]["extractor"] == "pdf"
    assert any(c["type"] == "granularity" for c in report["claims"])

    code, report = _console(["-", str(tmp_path / "s.json")], stdin=GRIM.encode("gb18030"))
    assert code == 1 and report["sources"][0]["id"] == "stdin"
    assert any(c["type"] == "granularity" for c in report["claims"])
