"""The performance targets, each next to its measured value. Run by hand, not in CI:

    python benchmarks/run.py                 # 10,000 generated articles (about 70 MB)
    python benchmarks/run.py --documents 2000

1. one article: `figcheck check` on one seed against the floor set by Great Expectations itself
   (a bare `import great_expectations` plus one validation), measured in the same run;
2. corpus: throughput in MB/s and the ratio to a bare regex scan of the same files;
3. growth: the corpus at 1/16, 1/4 and all of its size, time per MB and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
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
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - started
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, code)
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command, in a fresh wrapper process."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    if out[2] not in ("0", "1"):
        raise SystemExit(f"failed: {' '.join(command)}")
    return float(out[0]), float(out[1])


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


def row(target: str, goal: str, measured: str, ok: bool) -> None:
    print(f"  {'✓' if ok else '✗'} {target:<44} {goal:<18} {measured}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    documents = parser.parse_args().documents
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    seed = sorted((ROOT / "data" / "sources").glob("*.txt"))[0]
    floor = min(timed([sys.executable, "-c", FLOOR])[0] for _ in range(3))
    one = min(timed(figcheck(str(seed)))[0] for _ in range(3))
    print("\n1. one article")
    row(
        "figcheck check on one seed / GX floor",
        "≤ 1.3×",
        f"{one:.2f} s / {floor:.2f} s = {one / floor:.2f}×",
        one / floor <= 1.3,
    )

    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        size = generate(corpus, documents) / 2**20
        scan = regex_scan(corpus)
        report = Path(work) / "report.json"
        elapsed, peak = timed(figcheck(str(corpus), "--json", str(report)))
        claims = json.loads(report.read_text(encoding="utf-8"))["summary"]["claims"]
        print(f"\n2. corpus: {documents} articles, {size:.0f} MB, {claims} claims")
        row(f"check {documents} articles", "< 60 s", f"{elapsed:.1f} s", elapsed < 60)
        row("throughput", "", f"{size / elapsed:.2f} MB/s", True)
        row(
            "ratio to a bare regex scan for numbers",
            "≤ 15×",
            f"{elapsed:.1f} s / {scan:.2f} s = {elapsed / scan:.0f}×",
            elapsed / scan <= 15,
        )

        print("\n3. growth")
        per_mb = []
        for part in (documents // 16, documents // 4, documents):
            folder = subset(corpus, part, Path(work) / f"part{part}")
            seconds, rss = timed(figcheck(str(folder)))
            megabytes = size * part / documents
            per_mb.append(seconds / megabytes)
            print(
                f"    {part:>6} articles {megabytes:7.1f} MB {seconds:7.1f} s "
                f"{seconds / megabytes:6.3f} s/MB  peak RSS {rss:7.0f} MB"
            )
        ratio = per_mb[-1] / per_mb[0]
        row("time per MB at 16× / at 1× (linear)", "≤ 1.5", f"{ratio:.2f}", ratio <= 1.5)


if __name__ == "__main__":
    main()
