"""The performance targets, each next to its measured value. Run by hand, not in CI:

    python benchmarks/run.py                 # 10,000 generated articles (about 170 MB)
    python benchmarks/run.py --documents 2000

1. one article: `figcheck check` on one seed against the floor set by Great Expectations itself
   (a bare `import great_expectations` plus one validation), measured in the same run;
2. corpus: throughput in MB/s and the ratio to a bare regex scan of the same files, and the
   same run writing the JSON report;
3. growth: the corpus at 1×, 4× and 16× (1/16, 1/4 and all of it): time per MB, claims and peak
   RSS; then the 1× corpus with number-free text added, to show memory follows claims, not text.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402

FLOOR = """
import pandas as pd, great_expectations as gx
from great_expectations.data_context.types.base import ProgressBarsConfig
ctx = gx.get_context(mode="ephemeral")
ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
suite = gx.ExpectationSuite(name="s", expectations=[gx.expectations.ExpectColumnValuesToBeBetween(
    column="gap", max_value=0)])
batch = ctx.data_sources.add_pandas("p").add_dataframe_asset("a")\\
    .add_batch_definition_whole_dataframe("b").get_batch(
    batch_parameters={"dataframe": pd.DataFrame({"gap": [0.0, 1.0]})})
batch.validate(suite)
"""
PEAK = """
import re, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, text=True)
elapsed = time.perf_counter() - started
claims = re.findall(r"(\\d+) claims: \\d+ errors", done.stdout)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(elapsed, peak, done.returncode, claims[-1] if claims else 0)
"""


@dataclass
class Timed:
    seconds: float
    peak_mb: float  # peak RSS of the largest process (the main one: workers hold less)
    claims: int


def timed(command: list[str]) -> Timed:
    """Wall seconds, peak RSS and claims of a command, in a fresh wrapper process."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    if out[2] not in ("0", "1"):
        raise SystemExit(f"failed: {' '.join(command)}")
    return Timed(float(out[0]), float(out[1]), int(out[3]))


def figcheck(*args: str) -> list[str]:
    none = os.path.join(tempfile.gettempdir(), "no-acknowledgements.yaml")
    return [
        sys.executable,
        "-m",
        "checks",
        "check",
        *args,
        "--fail-on",
        "never",
        "--acknowledged",
        none,
        "--time-budget",
        "120",
    ]


def regex_scan(folder: Path) -> float:
    started = time.perf_counter()
    for path in sorted(folder.glob("*.txt")):
        re.findall(r"\d+(?:\.\d+)?", path.read_text(encoding="utf-8"))
    return time.perf_counter() - started


def subset(corpus: Path, count: int, where: Path) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    for path in sorted(corpus.glob("*.txt"))[:count]:
        (where / path.name).symlink_to(path)
    return where


def row(target: str, goal: str, measured: str, ok: bool | None) -> None:
    mark = " " if ok is None else "✓" if ok else "✗"
    print(f"  {mark} {target:<46} {goal:<12} {measured}")


def one_article() -> None:
    seed = sorted((ROOT / "data" / "sources").glob("*.txt"))[0]
    floor = min(timed([sys.executable, "-c", FLOOR]).seconds for _ in range(3))
    one = min(timed(figcheck(str(seed))).seconds for _ in range(3))
    print("\n1. one article")
    row(
        "figcheck check on one seed / GX floor",
        "≤ 1.3×",
        f"{one:.2f} s / {floor:.2f} s = {one / floor:.2f}×",
        one / floor <= 1.3,
    )


def corpus_run(corpus: Path, documents: int, size: float, work: Path) -> None:
    scan = regex_scan(corpus)
    check = timed(figcheck(str(corpus)))
    with_json = timed(figcheck(str(corpus), "--json", str(work / "report.json")))
    report_mb = (work / "report.json").stat().st_size / 2**20
    print(f"\n2. corpus: {documents} articles, {size:.0f} MB, {check.claims} claims")
    row(f"check {documents} articles", "< 60 s", f"{check.seconds:.1f} s", check.seconds < 60)
    row("throughput", "", f"{size / check.seconds:.2f} MB/s", None)
    row(
        "ratio to a bare regex scan for numbers",
        "≤ 15×",
        f"{check.seconds:.1f} s / {scan:.2f} s = {check.seconds / scan:.0f}×",
        check.seconds / scan <= 15,
    )
    row(
        "the same, writing the JSON report too",
        "",
        f"{with_json.seconds:.1f} s ({report_mb:.0f} MB of JSON)",
        None,
    )


def growth(corpus: Path, documents: int, size: float, work: Path) -> None:
    print("\n3. growth")
    runs = []
    for part in (documents // 16, documents // 4, documents):
        result = timed(figcheck(str(subset(corpus, part, work / f"part{part}"))))
        megabytes = size * part / documents
        runs.append((megabytes, result))
        print(
            f"    {part:>6} articles {megabytes:7.1f} MB {result.seconds:7.1f} s "
            f"{result.seconds / megabytes:6.3f} s/MB  {result.claims:>7} claims  "
            f"peak RSS {result.peak_mb:6.0f} MB"
        )
    (mb1, run1), (mb4, run4), (mb16, run16) = runs
    early = (run4.seconds - run1.seconds) / (mb4 - mb1)  # marginal: start-up cancels out
    late = (run16.seconds - run4.seconds) / (mb16 - mb4)
    row(
        "marginal s/MB from 4× to 16× / from 1× to 4×",
        "≤ 1.5",
        f"{late:.3f} / {early:.3f} = {late / early:.2f} (linear)",
        late / early <= 1.5,
    )
    small, large = run1, run16
    per_claim = (large.peak_mb - small.peak_mb) / max(large.claims - small.claims, 1) * 1024
    row("RSS added per claim from 1× to 16×", "", f"{per_claim:.1f} KB", None)

    part = documents // 16
    padded = work / "padded"
    padded_mb = generate(padded, part, filler=4) / 2**20
    plain = runs[0][1]
    result = timed(figcheck(str(padded)))
    print(
        f"    {part:>6} articles {padded_mb:7.1f} MB {result.seconds:7.1f} s "
        f"{'':>13} {result.claims:>7} claims  peak RSS {result.peak_mb:6.0f} MB  "
        "(the 1× run with number-free text added)"
    )
    grown = result.peak_mb / plain.peak_mb
    row(
        f"peak RSS with {padded_mb / runs[0][0]:.0f}× the text, same claims",
        "≈ 1×",
        f"{result.peak_mb:.0f} / {plain.peak_mb:.0f} MB = {grown:.2f}×",
        grown <= 1.2,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    documents = parser.parse_args().documents
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    one_article()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        corpus = work / "corpus"
        size = generate(corpus, documents) / 2**20
        corpus_run(corpus, documents, size, work)
        growth(corpus, documents, size, work)


if __name__ == "__main__":
    main()
