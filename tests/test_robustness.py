"""Issue 7: every bad input gets a clear answer, nothing hangs, nothing leaks, nothing is lost."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checks.cli import main
from checks.quantities import scan
from checks.read import matching_view
from tests.browser import chromium, visit
from tests.conftest import ROOT, SOURCES

GRIM = "截至2024年底,全市医疗器械企业达1000家,同比增长4.56%。"  # 956 → +4.60%, 957 → +4.49%
GRIM_TRADITIONAL = "截至2024年底,全市醫療器械企業達1000家,同比增長4.56%。"
FUZZ = Path(__file__).parent / "fuzz_corpus"


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, "--acknowledged", os.devnull + ".none"])
    out, err = capsys.readouterr()
    return code, out, err


def one_clear_line(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("figcheck: "), err
    assert "Traceback" not in err


# ------------------------------------------------------------------ encodings
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8", GRIM.encode("utf-8")),
        ("utf8_bom", b"\xef\xbb\xbf" + GRIM.encode("utf-8")),
        ("utf16le", b"\xff\xfe" + GRIM.encode("utf-16-le")),
        ("utf16be", b"\xfe\xff" + GRIM.encode("utf-16-be")),
        ("gb18030", GRIM.encode("gb18030")),
        ("gbk", GRIM.encode("gbk")),
        ("big5", GRIM_TRADITIONAL.encode("big5")),
    ],
)
def test_every_encoding_gives_the_same_finding(tmp_path, capsys, name, data):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    code, out, _ = check(capsys, str(path))
    assert code == 1 and "granularity" in out


def test_mixed_or_invalid_bytes_get_an_answer_not_a_traceback(tmp_path, capsys):
    path = tmp_path / "mixed.txt"
    path.write_bytes(GRIM.encode("utf-8") + b"\xff\xfe\x80" + GRIM.encode("gb18030"))
    code, _, err = check(capsys, str(path))
    assert code in (0, 1, 2)
    if code == 2:
        one_clear_line(err)
    assert "Traceback" not in err


# ------------------------------------------------------------------ odd files and paths
@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \xe3\x80\x80"])
def test_empty_and_whitespace_files_have_no_claims(tmp_path, capsys, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    code, out, _ = check(capsys, str(path))
    assert code == 0 and "0 claims" in out


def test_binary_file(tmp_path, capsys):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = check(capsys, str(path))
    assert code == 2 and "binary" in err
    one_clear_line(err)


def test_folder_without_sources(tmp_path, capsys):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    code, _, err = check(capsys, str(tmp_path))
    assert code == 2 and "no .txt" in err
    one_clear_line(err)


def test_missing_path(tmp_path, capsys):
    code, _, err = check(capsys, str(tmp_path / "missing.txt"))
    assert code == 2 and "no such file" in err
    one_clear_line(err)


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(GRIM, encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: make the open itself fail as it would
        import checks.read.source as source_module

        def denied(*_args, **_kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(source_module, "open", denied, raising=False)
    else:
        path.chmod(0)
    code, _, err = check(capsys, str(path))
    assert code == 2 and "Permission denied" in err
    one_clear_line(err)


def test_symlink_loop(tmp_path, capsys):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, _, err = check(capsys, str(tmp_path / "a"))
    assert code == 2 and "symbolic link" in err
    one_clear_line(err)


def test_a_folder_holding_a_symlink_loop_still_finishes(tmp_path, capsys):
    (tmp_path / "doc.txt").write_text(GRIM, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    code, out, _ = check(capsys, str(tmp_path))
    assert code == 1 and out.count("granularity") >= 1


def test_a_100_mb_file_is_refused_with_a_limit_the_user_can_raise(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(100 * 2**20)  # sparse: 100 MB without writing them
    started = time.monotonic()
    code, _, err = check(capsys, str(path))
    assert code == 2 and "exceeds the 50 MB limit" in err and "--max-mb" in err
    assert time.monotonic() - started < 20  # refused from its size, never read
    one_clear_line(err)
    small = tmp_path / "small.txt"
    small.write_text(GRIM * 3000, encoding="utf-8")  # about 0.2 MB
    code, _, err = check(capsys, str(small), "--max-mb", "0.1")
    assert code == 2 and "0.1" not in err.split("exceeds")[0] and "limit" in err
    code, _, _ = check(capsys, str(small), "--max-mb", "1")
    assert code == 1


# ------------------------------------------------------------------ numbers at the edge
def test_ten_thousand_digits_and_overflow_are_harmless():
    view = matching_view("规模达" + "9" * 10_000 + "亿元,1e309元,NaN%,inf家,-0元")
    for token in scan(view):
        assert token.start < token.end


def test_full_width_digits_unicode_minus_and_zero_width_spaces():
    found = {
        text: [t.value for t in scan(matching_view(text)) if hasattr(t, "value")]
        for text in ("１０ ９２５件", "下降−３.５%", "21\u200b676万人", "2023\u200b年增长5%")
    }
    assert found["１０ ９２５件"] == [10_925]
    assert found["下降−３.５%"] == [-3.5]
    assert found["21\u200b676万人"] == [216_760_000]
    assert found["2023\u200b年增长5%"] == [5]


@pytest.mark.parametrize("path", sorted(FUZZ.glob("*.txt")), ids=lambda p: p.stem)
def test_adversarial_texts_finish_within_the_time_budget(path, capsys):
    started = time.monotonic()
    code, _, err = check(capsys, str(path), "--time-budget", "20")
    assert code in (0, 1), err
    assert time.monotonic() - started < 30


def test_the_time_budget_stops_a_slow_document(tmp_path, capsys, monkeypatch):
    import checks.pipeline as pipeline

    def slow(doc):
        time.sleep(5)
        return []

    monkeypatch.setattr(pipeline, "extract_document", slow)
    path = tmp_path / "slow.txt"
    path.write_text(GRIM, encoding="utf-8")
    code, _, err = check(capsys, str(path), "--time-budget", "0.5")
    assert code == 2 and "time budget" in err
    one_clear_line(err)


# ------------------------------------------------------------------ HTML safety
HOSTILE = (
    "<script>alert('s')</script><img src=x onerror=\"alert('i')\">"
    "<a href=\"javascript:alert('a')\">点我</a></textarea><style>body{display:none}</style>"
    "{{ 1234*5 }}{% raw %}\u202e总费用为100亿元,其中<b>个人</b>支出为27亿元,占37%。"
)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def hostile_report(tmp_path: Path, name: str = "hostile.txt", given: str | None = None) -> Path:
    source = tmp_path / name
    source.write_text(HOSTILE, encoding="utf-8")
    html = tmp_path / "report.html"
    args = ["check", given or str(source), "--html", str(html)]
    main([*args, "--acknowledged", os.devnull + ".n"])
    return html


def test_hostile_source_renders_as_inert_text(tmp_path):
    document = hostile_report(tmp_path).read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(document)
    assert [t for t, _ in parser.tags].count("script") == 1  # only the report's own
    assert "img" not in [t for t, _ in parser.tags] and "style" in [t for t, _ in parser.tags]
    assert [t for t, _ in parser.tags].count("style") == 1
    for _tag, attrs in parser.tags:
        assert not any(k.startswith("on") for k in attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    assert "&lt;script&gt;alert(&#39;s&#39;)" in document
    assert "{{ 1234*5 }}" in document and "6170" not in document
    assert "\u202e" not in document and "⟦U+202E⟧" in document


@pytest.mark.skipif(chromium() is None, reason="chromium is not installed (.ci/run installs it)")
def test_hostile_source_runs_nothing_in_a_browser(tmp_path):
    page = visit(
        hostile_report(tmp_path),
        {"body_shown": "getComputedStyle(document.body).display !== 'none'"},
    )
    assert page.dialogs == [] and page.exceptions == [] and page.console_errors == []
    assert all(url.startswith("file://") for url in page.requests)
    assert page.values["body_shown"] is True


def test_a_hostile_file_name_is_harmless(tmp_path):
    name = 'x"><script>alert(1)<img src=y onerror=alert(2)>.txt'
    (tmp_path / "d1" / "d2").mkdir(parents=True)
    given = str(tmp_path / "d1" / "d2" / ".." / ".." / name)  # ../../x"><script>….txt
    document = hostile_report(tmp_path, name, given).read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(document)
    tags = [t for t, _ in parser.tags]
    assert tags.count("script") == 1 and "img" not in tags
    for _tag, attrs in parser.tags:
        assert re.fullmatch(r"[A-Za-z0-9_-]*", attrs.get("id") or "")  # ids are ours, not names
        assert not any(k.startswith("on") for k in attrs)
    assert {p.name for p in tmp_path.iterdir()} == {name, "report.html", "d1"}


# ------------------------------------------------------------------ no data loss
def test_inputs_are_never_written(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text(GRIM, encoding="utf-8")
    path.chmod(0o444)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    check(capsys, str(path), "--json", str(tmp_path / "r.json"))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_an_output_pointing_at_an_input_is_refused(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text(GRIM, encoding="utf-8")
    for option in ("--json", "--html", "--junit", "--sarif"):
        code, _, err = check(capsys, str(path), option, str(path))
        assert code == 2 and "refusing to overwrite" in err
    assert path.read_text(encoding="utf-8") == GRIM


def test_a_killed_run_leaves_the_old_report_intact(tmp_path):
    report = tmp_path / "report.json"
    old = '{"old": true}\n'
    rng = random.Random(11)
    outcomes = set()
    for _ in range(4):
        report.write_text(old, encoding="utf-8")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "checks",
                "check",
                str(SOURCES),
                "--json",
                str(report),
                "--html",
                str(tmp_path / "r.html"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 5.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        text = report.read_text(encoding="utf-8")
        if text == old:
            outcomes.add("old")
        else:
            assert json.loads(text)["tool"]["name"] == "figcheck"  # complete, never partial
            outcomes.add("new")
    assert outcomes  # every kill left either the old file or a whole new one
    # and no worker of a killed run waits for work for ever
    deadline = time.monotonic() + 10
    while _processes_naming(str(report)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_naming(str(report)) == []


def _processes_naming(text: str) -> list[int]:
    """The processes whose command line holds `text` (Linux's /proc; none elsewhere)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if text in command:
            found.append(int(entry.name))
    return found


def test_an_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    from checks.errors import InputError
    from checks.report import files

    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", crash)
    with pytest.raises(InputError, match="No space left"):
        files.write_atomically(target, "new content")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left behind


# ------------------------------------------------------------------ determinism
def test_two_runs_give_byte_identical_json_but_for_the_timestamp(tmp_path):
    outputs = []
    for n in range(2):
        report = tmp_path / f"r{n}.json"
        main(["check", str(SOURCES), "--json", str(report)])
        document = json.loads(report.read_text(encoding="utf-8"))
        assert document.pop("generated_at")
        outputs.append(json.dumps(document, ensure_ascii=False, sort_keys=False))
    assert outputs[0] == outputs[1]
    ids = [c["id"] for c in json.loads(outputs[0])["claims"]]
    assert len(ids) == len(set(ids))


def test_html_is_byte_identical_across_runs(tmp_path):
    pages = []
    for n in range(2):
        html = tmp_path / f"r{n}.html"
        main(["check", str(SOURCES), "--html", str(html)])
        pages.append(html.read_bytes())
    assert pages[0] == pages[1]


def test_suite_problems_are_refused_naming_the_file(tmp_path, capsys):
    import shutil

    suites = tmp_path / "suites"
    shutil.copytree(ROOT / "expectations", suites)
    document = json.loads((suites / "cagr.json").read_text(encoding="utf-8"))
    document["expectations"][0]["type"] = "expect_the_unexpected"
    (suites / "cagr.json").write_text(json.dumps(document), encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text(GRIM, encoding="utf-8")
    code, _, err = check(capsys, str(path), "--suites", str(suites))
    assert code == 2 and "cagr.json" in err and "dropped" in err
    one_clear_line(err)
