"""Read → extract → validate → explain. The CLI and the tests both call `run`."""

from __future__ import annotations

import functools
import gc
import os
import sys
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ParamSpec, Protocol, TypeVar

import yaml

from checks import paths
from checks.claims import CLAIM_TYPES, CORPUS_TYPES, Claim, Document, extract_document
from checks.claims.cagr import Cagr, StatedRate
from checks.claims.corpus import Corpus
from checks.claims.series import SeriesLine, build_series
from checks.errors import DocumentError, InputError
from checks.keys import Statement, load_lexicon, statements
from checks.keys.statements import publication_year
from checks.limits import TIME_BUDGET, budget
from checks.read import Skipped, Source, collect_paths, read_source
from checks.read.excerpts import Excerpts
from checks.read.source import MAX_BYTES, preload_readers, unique_ids
from checks.validate import load_suites, validate_claims


@dataclass
class Run:
    sources: list[Source]
    claims: list[Claim]
    metadata: dict[str, dict] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    series: list[SeriesLine] = field(default_factory=list)
    numbers: dict[str, array] = field(default_factory=dict)  # where figures start: coverage
    rates: list[StatedRate] = field(default_factory=list)  # stated compound rates, for charts
    stale: list[dict] = field(default_factory=list)  # acknowledgements matching no finding
    skipped: list[Skipped] = field(default_factory=list)  # documents that could not be checked


SUITES = (*CLAIM_TYPES, "series")  # series claims are cagr claims judged by their own suite
RATE_FINDER = Cagr()


COUNTED_KINDS = frozenset({"money", "count", "people", "percent", "pp", "multiple"})


PARALLEL_MIN = 16  # below this many documents a process pool costs more than it saves
CHUNK = 8  # documents per task sent to a worker
P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class Extracted:
    """One document's share of the work, done in a worker process on large runs."""

    source: Source
    claims: list[Claim]
    statements: list[Statement]
    rates: list[StatedRate]
    numbers: array


@dataclass
class Failed:
    """A document that could not be read or checked: the run goes on without it."""

    skipped: Skipped


def _without_cyclic_collection(function: Callable[P, T]) -> Callable[P, T]:
    """A run allocates millions of small acyclic objects (claims, quantities, rows), and the
    cyclic collector would walk the growing heap again and again: 10 s of 34 at 10,000
    articles. Reference counting still frees everything; collection resumes afterwards."""

    @functools.wraps(function)
    def without(*args: P.args, **kwargs: P.kwargs) -> T:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return without


@_without_cyclic_collection
def run(
    given: Iterable[str],
    suites_dir: Path = paths.EXPECTATIONS,
    metadata_file: Path | None = paths.DATA / "sources.yaml",
    progress: Progress | None = None,
    max_bytes: int = MAX_BYTES,
    time_budget: float = TIME_BUDGET,
    jobs: int | None = None,
    keep_texts_up_to: int = 0,
    engine: str = "pandas",
) -> Run:
    """Check the given files and folders. Full source texts stay in memory only when the inputs
    total at most `keep_texts_up_to` bytes (the HTML report embeds them); otherwise each source
    keeps just the passages its claims and statements quote."""
    metadata = load_metadata(metadata_file)
    lexicon = load_lexicon()
    files = collect_paths(given)
    keep = _total_bytes(files) <= keep_texts_up_to
    tasks = [
        (path, source_id, metadata.get(source_id, {}).get("date"), max_bytes, time_budget, keep)
        for path, source_id in zip(files, unique_ids(files), strict=True)
    ]
    report = progress or _silent
    sources, claims, numbers, skipped = [], [], {}, []
    corpus = Corpus({}, [], lexicon)
    with _extraction(tasks, jobs) as extracted:
        suites = load_suites(suites_dir, sorted(SUITES))  # imports GX while workers extract
        for done, part in enumerate(extracted, 1):
            report("reading documents", done, len(tasks))
            if isinstance(part, Failed):
                skipped.append(part.skipped)
                continue
            sources.append(part.source)
            claims.extend(part.claims)
            numbers[part.source.id] = part.numbers
            corpus.sources[part.source.id] = part.source
            corpus.statements.extend(part.statements)
            corpus.rates.extend(part.rates)
    for done, corpus_type in enumerate(CORPUS_TYPES, 1):
        claims.extend(corpus_type.find_across(corpus))
        report("comparing across sources", done, len(CORPUS_TYPES), "checks")
    # one GX validation per suite over the whole claims table
    validate_claims(
        claims,
        suites,
        lambda done, total: report("validating", done, total, "suites"),
        engine,
    )
    series = build_series(corpus.statements)
    return Run(
        sources, claims, metadata, corpus.statements, series, numbers, corpus.rates, [], skipped
    )


class Progress(Protocol):
    def __call__(self, stage: str, done: int, total: int, unit: str = ...) -> None: ...


def _silent(stage: str, done: int, total: int, unit: str = "documents") -> None:
    pass


@contextmanager
def _extraction(tasks: list[tuple], jobs: int | None) -> Iterator[Iterator[Extracted | Failed]]:
    """Extracted documents, in order. Worker processes take the work on a large run, and on a
    fresh process even for one document: they read while the main process imports GX, which
    costs more than reading an article."""
    workers = min(jobs if jobs is not None else (os.cpu_count() or 1), len(tasks))
    overlaps_gx_import = "great_expectations" not in sys.modules
    large = workers > 1 and len(tasks) >= PARALLEL_MIN
    stdin = any(str(task[0]) == "-" for task in tasks)
    if stdin or workers < 1 or not (overlaps_gx_import or large):
        yield map(_extract_one, tasks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    preload_readers([task[0] for task in tasks])  # workers inherit pypdf, trafilatura
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_leave_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        yield pool.map(_extract_one, tasks, chunksize=CHUNK)  # every task is submitted now
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


PARENT_POLL = 1.0  # seconds between a worker's looks at whether its parent still runs


def _leave_with_parent(parent: int) -> None:
    """A worker whose run was killed (SIGKILL leaves no time to shut the pool down) would wait
    for work forever: it exits once its parent is gone."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="figcheck-parent-watch", daemon=True).start()


def _extract_one(task: tuple) -> Extracted | Failed:
    path, source_id, stated_date, max_bytes, time_budget, keep_text = task
    try:
        with budget(time_budget, str(path)):
            source = read_source(path, source_id, max_bytes)
            doc = Document(source)
            found = extract_document(doc)
            published = publication_year(source.view, stated_date)
            keyed = statements(doc, load_lexicon(), published)
            rates = RATE_FINDER.stated_rates(doc, found)
    except DocumentError as exc:
        return Failed(Skipped.because(source_id, str(path), exc))
    numbers = array("l", (t.start for t in doc.tokens if getattr(t, "kind", None) in COUNTED_KINDS))
    if not keep_text:
        source = _reduced(source, found, keyed, rates)
    return Extracted(source, found, keyed, rates, numbers)


def _reduced(
    source: Source, claims: list[Claim], keyed: list[Statement], rates: list[StatedRate]
) -> Source:
    """The source with only the passages a report can quote; its claims are rebound to it."""
    spans = [claim.span for claim in claims]
    spans += [(q.start, q.end) for claim in claims for q in claim.inputs.values()]
    spans += [claim.cue for claim in claims if claim.cue is not None]
    spans += [(s.quantity.start, s.quantity.end) for s in keyed]
    spans += [(q.start, q.end) for r in rates for q in (r.rate, r.start, r.end) if q is not None]
    reduced = replace(source, text=Excerpts(source.text, spans), view="")
    for claim in claims:
        claim.source = reduced
        if claim.input_sources is not None:
            claim.input_sources = {role: reduced for role in claim.input_sources}
    return reduced


def _total_bytes(files: list[Path]) -> int:
    """Input size before reading; standard input counts as small."""
    return sum(path.stat().st_size for path in files if str(path) != "-")


def load_metadata(path: Path | None) -> dict[str, dict]:
    if path is None or not path.is_file():
        return {}
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read source metadata ({exc})") from None
    return {str(k): dict(v or {}) for k, v in (document.get("sources") or {}).items()}
