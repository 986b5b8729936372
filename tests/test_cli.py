"""End to end through the command line: exit codes, JSON contract, stderr on bad input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from checks.cli import main
from tests.conftest import ROOT, SOURCES

SHARED_SCHEMA = ROOT.parent / "shared" / "contract" / "report.schema.json"
VENDORED_SCHEMA = Path(__file__).parent / "contract" / "report.schema.json"
CONSISTENT = "由2012年的2966亿元增至2023年的12700亿元,年复合增长率14%。"
WARNING = "2023年销量为309万台,比2018年的103万台增长3倍。"


def schema() -> dict:
    path = SHARED_SCHEMA if SHARED_SCHEMA.is_file() else VENDORED_SCHEMA
    return json.loads(path.read_text(encoding="utf-8"))


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_vendored_contract_matches_the_shared_one():
    if not SHARED_SCHEMA.is_file():
        pytest.skip("../shared is not beside this checkout")
    assert json.loads(VENDORED_SCHEMA.read_text()) == json.loads(SHARED_SCHEMA.read_text())


def test_seeds_pass_the_gate_only_with_their_acknowledgements(tmp_path):
    assert main(["check", str(SOURCES)]) == 0  # data/acknowledged.yaml accepts both errors
    assert main(["check", str(SOURCES), "--acknowledged", str(tmp_path / "none.yaml")]) == 1


def test_seeds_json_follows_the_contract(tmp_path, capsys):
    report = tmp_path / "report.json"
    html = tmp_path / "report.html"
    args = ["check", str(SOURCES), "--json", str(report), "--html", str(html)]
    assert main([*args, "--acknowledged", str(tmp_path / "none.yaml")]) == 1
    document = json.loads(report.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema())
    assert document["summary"]["claims"] == len(document["claims"])
    assert document["summary"]["errors"] == 2  # the GRIM count and the top-100 contradiction
    texts = {s["id"]: Path(s["path"]).read_text(encoding="utf-8") for s in document["sources"]}
    for source in document["sources"]:
        assert source["chars"] == len(texts[source["id"]])
    for claim in document["claims"]:
        for evidence in claim["evidence"]:
            start, end = evidence["span"]
            assert texts[evidence["source"]][start:end] == evidence["quote"]
    lines = report.read_text(encoding="utf-8").splitlines()
    one_per_line = [
        json.loads(line.strip().rstrip(",")) for line in lines if line.startswith("    {")
    ]
    assert one_per_line == document["sources"] + document["claims"] + document["series"]
    out = capsys.readouterr().out
    assert "granularity" in out and "«1930家»" in out and "1819" in out
    assert "<script src" not in html.read_text(encoding="utf-8")


def test_consistent_text_exits_0(tmp_path, capsys):
    assert main(["check", write(tmp_path, "ok.txt", CONSISTENT)]) == 0
    out = capsys.readouterr().out
    assert "0 inconsistent" in out and "0 errors, 0 warnings" in out


def test_fail_on_sets_the_gate(tmp_path):
    path = write(tmp_path, "warn.txt", WARNING)
    assert main(["check", path]) == 0
    assert main(["check", path, "--fail-on", "warning"]) == 1
    none = str(path) + ".none.yaml"
    assert main(["check", str(SOURCES), "--fail-on", "never", "--acknowledged", none]) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "/no/such/file.txt"], "no such file or folder"),
        (["check", "--fail-on", "sometimes"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_usage_exits_2_with_one_line(args, message, capsys):
    with pytest.raises(SystemExit) as raised:
        code = main(args)
        raise SystemExit(code)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_empty_folder_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "holds no" in capsys.readouterr().err


def test_refuses_to_write_a_report_over_an_input(tmp_path, capsys):
    path = write(tmp_path, "ok.txt", CONSISTENT)
    assert main(["check", path, "--json", path]) == 2
    assert Path(path).read_text(encoding="utf-8") == CONSISTENT


def test_a_broken_suite_exits_2_naming_the_file(tmp_path, capsys):
    suites = tmp_path / "suites"
    shutil.copytree(ROOT / "expectations", suites)
    (suites / "share.json").write_text("{not json", encoding="utf-8")
    path = write(tmp_path, "ok.txt", CONSISTENT)
    assert main(["check", path, "--suites", str(suites)]) == 2
    err = capsys.readouterr().err
    assert "share.json" in err and "invalid JSON" in err and "Traceback" not in err


def test_python_dash_m_and_plain_output_for_ci_logs(tmp_path):
    path = write(tmp_path, "warn.txt", WARNING)
    done = subprocess.run(
        [sys.executable, "-m", "checks", "check", path, "--fail-on", "warning"],
        capture_output=True,
        text=True,
        env={"PATH": "", "NO_COLOR": "1"},
        timeout=120,
    )
    assert done.returncode == 1
    assert "\x1b[" not in done.stdout  # no ANSI escapes when not a terminal
    assert "! WARNING" in done.stdout and "«309万台»" in done.stdout
    assert done.stderr == ""


def test_max_findings_prints_the_most_severe_in_full_and_counts_the_rest(capsys):
    none = str(SOURCES / "none.yaml")
    main(["check", str(SOURCES), "--max-findings", "1", "--acknowledged", none])
    out = capsys.readouterr().out
    assert out.count("✗ ERROR") + out.count("! WARNING") == 1
    assert "✗ ERROR" in out  # errors come first
    assert "more findings here" in out and "--max-findings" in out


def test_a_corpus_prints_only_the_sources_whose_findings_are_shown(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(23):
        write(folder, f"ok{i:02d}.txt", CONSISTENT)
    write(folder, "wrong.txt", CONSISTENT.replace("14%", "19%"))
    none = str(tmp_path / "none.yaml")
    assert main(["check", str(folder), "--max-findings", "1", "--acknowledged", none]) == 1
    out = capsys.readouterr().out
    assert "wrong.txt" in out and "ok00.txt" not in out
    assert "23 more sources" in out
    assert "all 24 sources" in out  # the coverage table's total row
    main(["check", str(folder), "--max-findings", "1", "--acknowledged", none, "--verbose"])
    assert "ok00.txt" in capsys.readouterr().out  # --verbose lists every source


def test_a_finding_with_many_passages_quotes_six_and_explain_quotes_all(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, n in enumerate([172, 175, 169, 181, 177, 166, 174, 178]):
        write(folder, f"doc{i}.txt", f"截至2023年底,我国医疗器械上市公司有{n}家。")
    none = str(tmp_path / "none.yaml")
    main(["check", str(folder), "--acknowledged", none])
    out = capsys.readouterr().out
    assert out.count("«") == 6 and "… 2 more passages (figcheck explain" in out
    claim_id = re.search(r"(agreement:\S+)", out).group(1)
    main(["explain", claim_id, str(folder), "--acknowledged", none])
    assert capsys.readouterr().out.count("«") == 8


def test_a_long_series_is_summed_up_per_year(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(7):
        text = f"2022年我国医疗器械市场规模为{9000 + i}亿元,2023年我国医疗器械市场规模达10358亿元。"
        write(folder, f"doc{i}.txt", text)
    main(["check", str(folder), "--acknowledged", str(tmp_path / "none.yaml")])
    out = capsys.readouterr().out
    assert "9000亿元 to 9006亿元" in out and out.count("7 values, 7 sources") == 2


def test_the_console_entry_keeps_exit_codes_and_flushes_output(tmp_path):
    def figcheck(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "checks", *args], capture_output=True, text=True, timeout=120
        )

    assert figcheck("--help").returncode == 0
    usage = figcheck("check", "--no-such-option")
    assert usage.returncode == 2 and "unrecognized arguments" in usage.stderr
    report = tmp_path / "report.json"
    done = figcheck("check", write(tmp_path, "ok.txt", CONSISTENT), "--json", str(report))
    assert done.returncode == 0 and done.stdout.rstrip().endswith("0 acknowledged")
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["claims"] >= 1


@pytest.mark.parametrize("fail_on, expected", [("never", 0), ("error", 1)])
def test_a_closed_pipe_keeps_the_gates_verdict(tmp_path, fail_on, expected):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, path in enumerate(sorted(SOURCES.glob("*.txt")) * 6):
        shutil.copy(path, folder / f"{i:02d}_{path.name}")
    command = [sys.executable, "-m", "checks", "check", str(folder), "--verbose"]
    command += ["--fail-on", fail_on, "--acknowledged", str(tmp_path / "none.yaml")]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout.readline()  # like `| head -1`: read a line, then hang up
        process.stdout.close()
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=120) == expected, stderr
    assert "Traceback" not in stderr
