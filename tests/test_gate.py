"""Issue 6: acknowledgements, JUnit, SARIF, more input formats, explain and extract."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from checks.cli import main
from tests.conftest import ROOT, SOURCES

SARIF_SCHEMA = Path(__file__).parent / "contract" / "sarif-2.1.0-rtm.5.json"
GRIM = "截至2024年底,全市医疗器械企业达1000家,同比增长4.56%。"
FINE = "由2012年的2966亿元增至2023年的12700亿元,年复合增长率14%。"


def claim_id(path: Path, tmp_path: Path) -> str:
    report = tmp_path / "ids.json"
    main(["check", str(path), "--json", str(report), "--acknowledged", str(tmp_path / "x.yaml")])
    document = json.loads(report.read_text(encoding="utf-8"))
    return next(c["id"] for c in document["claims"] if c["verdict"] != "consistent")


class TestAcknowledgements:
    def test_round_trip(self, tmp_path, capsys):
        source = tmp_path / "draft.txt"
        source.write_text(FINE + "\n" + GRIM, encoding="utf-8")
        acks = tmp_path / "acknowledged.yaml"
        acks.write_text("# reviewed findings\n# keep this comment\n", encoding="utf-8")
        gate = ["check", str(source), "--acknowledged", str(acks)]
        assert main(gate) == 1

        finding = claim_id(source, tmp_path)
        args = ["acknowledge", finding, "--reason", "source table says so", "--by", "ed"]
        assert main([*args, str(source), "--acknowledged", str(acks)]) == 0
        text = acks.read_text(encoding="utf-8")
        assert text.startswith("# reviewed findings\n# keep this comment\n")
        (entry,) = yaml.safe_load(text)
        assert (entry["reason"], entry["accepted_by"]) == ("source table says so", "ed")
        assert main(gate) == 0
        assert "acknowledged: source table says so" in capsys.readouterr().out

        # an edit elsewhere in the file moves every offset but keeps the fingerprint
        source.write_text("前言:本文讨论医疗器械产业。\n\n" + FINE + "\n" + GRIM, encoding="utf-8")
        assert main([*gate, "--strict-acknowledged"]) == 0

        # editing the claim itself leaves the entry stale
        source.write_text(FINE + "\n" + GRIM.replace("4.56%", "4.57%"), encoding="utf-8")
        capsys.readouterr()
        assert main(gate) == 1
        assert "Stale acknowledgements" in capsys.readouterr().out
        source.write_text(FINE, encoding="utf-8")
        assert main(gate) == 0
        assert main([*gate, "--strict-acknowledged"]) == 1

    def test_acknowledging_twice_keeps_one_entry(self, tmp_path):
        source = tmp_path / "draft.txt"
        source.write_text(GRIM, encoding="utf-8")
        acks = tmp_path / "a.yaml"
        finding = claim_id(source, tmp_path)
        for _ in range(2):
            main(
                ["acknowledge", finding, "--reason", "ok", str(source), "--acknowledged", str(acks)]
            )
        assert len(yaml.safe_load(acks.read_text(encoding="utf-8"))) == 1

    def test_appending_keeps_other_entries_untouched(self, tmp_path):
        acks = tmp_path / "a.yaml"
        original = (
            "# header\n- fingerprint: x:sum:1\n  reason: old  # inline note\n"
            "  accepted_by: a\n  date: '2024-01-01'\n"
        )
        acks.write_text(original, encoding="utf-8")
        source = tmp_path / "draft.txt"
        source.write_text(GRIM, encoding="utf-8")
        finding = claim_id(source, tmp_path)
        main(["acknowledge", finding, "--reason", "new", str(source), "--acknowledged", str(acks)])
        assert acks.read_text(encoding="utf-8").startswith(original)
        assert [e["reason"] for e in yaml.safe_load(acks.read_text(encoding="utf-8"))] == [
            "old",
            "new",
        ]

    def test_an_edited_source_with_a_new_inconsistency_fails_the_project_gate(self, tmp_path):
        data = tmp_path / "sources"
        shutil.copytree(SOURCES, data)
        acks = ROOT / "data" / "acknowledged.yaml"
        assert main(["check", str(data), "--acknowledged", str(acks)]) == 0
        target = data / "002_27e91c1412589424.txt"
        text = target.read_text(encoding="utf-8")
        target.write_text(
            text.replace("年均复合增长率11.8%", "年均复合增长率13.8%"), encoding="utf-8"
        )
        assert main(["check", str(data), "--acknowledged", str(acks)]) == 1

    def test_a_malformed_file_is_refused(self, tmp_path, capsys):
        acks = tmp_path / "a.yaml"
        acks.write_text("- fingerprint: x\n", encoding="utf-8")
        source = tmp_path / "d.txt"
        source.write_text(FINE, encoding="utf-8")
        assert main(["check", str(source), "--acknowledged", str(acks)]) == 2
        assert "lacks reason" in capsys.readouterr().err


def test_junit_parses_back_with_one_case_per_claim(tmp_path):
    junit = tmp_path / "junit.xml"
    main(["check", str(SOURCES), "--junit", str(junit), "--acknowledged", str(tmp_path / "n")])
    root = ET.parse(junit).getroot()
    cases = root.findall(".//testcase")
    report = tmp_path / "r.json"
    main(["check", str(SOURCES), "--json", str(report)])
    assert len(cases) == len(json.loads(report.read_text(encoding="utf-8"))["claims"])
    failures = root.findall(".//failure")
    assert len(failures) == 2 == int(root.get("failures"))
    assert any("1819" in f.get("message") for f in failures)


def test_junit_marks_acknowledged_findings_skipped(tmp_path):
    junit = tmp_path / "junit.xml"
    main(["check", str(SOURCES), "--junit", str(junit)])
    root = ET.parse(junit).getroot()
    assert not root.findall(".//failure")
    assert len(root.findall(".//skipped")) == 6


def test_sarif_validates_and_points_at_lines(tmp_path):
    sarif = tmp_path / "r.sarif"
    main(["check", str(SOURCES), "--sarif", str(sarif)])
    document = json.loads(sarif.read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    results = document["runs"][0]["results"]
    assert len(results) == 6
    grim = next(r for r in results if r["ruleId"] == "granularity")
    region = grim["locations"][0]["physicalLocation"]["region"]
    uri = grim["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    lines = (
        (ROOT / uri).read_text(encoding="utf-8").split("\n")
        if not Path(uri).is_absolute()
        else Path(uri).read_text(encoding="utf-8").split("\n")
    )
    line = lines[region["startLine"] - 1]
    start = region["startColumn"] - 1
    assert line[start : start + len("1930家")] == "1930家"
    assert grim["suppressions"][0]["kind"] == "external"


class TestInputFormats:
    def test_html_main_text_without_comments(self, tmp_path):
        page = tmp_path / "page.html"
        page.write_text(
            "<html><head><title>行业</title></head><body><nav>首页 &gt; 新闻</nav>"
            "<article><h1>医疗装备</h1><p>市场规模从 2015年的4800亿元增长到2020年的8400亿元,"
            "年均复合增长率11.8%。</p><p>我国医疗装备产业实现快速发展,创新能力不断增强,"
            "国产设备的质量不断提升,正朝着高端化、国际化方向发展。</p></article>"
            "<div class='comments'><p>网友评论:企业1000家,同比增长4.56%。</p></div></body></html>",
            encoding="utf-8",
        )
        report = tmp_path / "r.json"
        assert main(["check", str(page), "--json", str(report)]) == 0
        document = json.loads(report.read_text(encoding="utf-8"))
        assert document["sources"][0]["extractor"] == "html"
        assert [c["type"] for c in document["claims"] if c["type"] == "cagr"] == ["cagr"]
        assert not [c for c in document["claims"] if c["type"] == "granularity"]

    def test_pdf_with_a_number_broken_across_lines(self, tmp_path):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        path = tmp_path / "report.pdf"
        page = canvas.Canvas(str(path))
        page.setFont("STSong-Light", 12)
        page.drawString(50, 800, "全国医疗卫生机构总诊疗人次达49.4亿人次,基层医疗卫生机构")
        page.drawString(50, 780, "17.1亿人次,只占总诊疗人次的34.6%。截至2024年底,企业达21")
        page.drawString(50, 760, "676家,较2023年同比增长7.18%。")
        page.save()
        report = tmp_path / "r.json"
        assert main(["check", str(path), "--json", str(report)]) == 0
        document = json.loads(report.read_text(encoding="utf-8"))
        assert document["sources"][0]["extractor"] == "pdf"
        types = {c["type"]: c for c in document["claims"]}
        assert types["share"]["verdict"] == "consistent"
        assert "21676家" in types["granularity"]["evidence"][0]["quote"]

    def test_stdin(self):
        done = subprocess.run(
            [sys.executable, "-m", "checks", "check", "-", "--fail-on", "error"],
            input=GRIM.encode("gb18030"),
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == 1
        assert "stdin" in done.stdout.decode("utf-8") and b"Traceback" not in done.stderr


def test_explain_prints_one_claim_in_full(tmp_path, capsys):
    source = tmp_path / "d.txt"
    source.write_text(FINE, encoding="utf-8")
    start, end = FINE.index("2966"), FINE.index("14%") + len("14%")
    finding = f"d:cagr:{start}-{end}"
    assert main(["explain", finding, str(source)]) == 0
    out = capsys.readouterr().out
    for expected in ("12700亿元", "[13.5, 14.5]", "cagr.lenient", "detection power", "^(1/11)"):
        assert expected in out
    assert main(["explain", "nope", str(source)]) == 2


def test_extract_writes_the_claims_table(tmp_path):
    table = tmp_path / "claims.csv"
    assert main(["extract", str(SOURCES), "--csv", str(table)]) == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    grim = [r for r in rows if r["claim_id"] == "003_7cf2d2c0cf85e8fb:granularity:5534-5550"]
    assert [r["role"] for r in grim] == ["count", "rate"]
    assert grim[0]["text"] == "1930家" and float(grim[1]["lo"]) == pytest.approx(6.065)
    assert any(r["key"].startswith("market_size[") for r in rows)
