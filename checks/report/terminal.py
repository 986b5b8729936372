"""The editor's view: one block per source, each finding with its passage and arithmetic."""

from __future__ import annotations

import os
import sys
from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checks.claims import Claim
from checks.pipeline import Run
from checks.report.passages import Passage, hidden_passages, passages
from checks.report.summary import (
    VERDICTS,
    SourceTally,
    findings,
    home,
    percent,
    source_tallies,
    summarize,
)

BLOCKS_FOR_EVERY_SOURCE = 20  # above this, sources whose findings are not shown are summed up
PASSAGES = 6  # passages quoted per finding; `figcheck explain` quotes every one
SERIES_ROWS = 60  # above this, the series table is cut short (the JSON and HTML hold it all)
SERIES_POINTS = 12  # a line with more values is summed up per year
STYLES = {"error": "bold red", "warning": "bold yellow", "info": "cyan", "consistent": "green"}
MARKS = {"error": "✗ ERROR", "warning": "! WARNING", "info": "? INFO"}


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Rich exits with 1 when the reader goes away (`figcheck check | head`); raise instead,
        so the command still exits with the gate's verdict."""
        self.quiet = True
        raise BrokenPipeError


def make_console(file=None) -> Console:
    file = file or sys.stdout
    plain = not file.isatty() or "NO_COLOR" in os.environ
    return _Console(
        file=file,
        no_color=plain,
        highlight=False,
        markup=False,  # source text and paths are data: "[1]" or "[scope]" must print as is
        width=None if not plain else 100,
        emoji=False,
        soft_wrap=False,
        color_system=None if plain else "auto",
    )


def print_report(
    run: Run,
    console: Console,
    verbose: bool = False,
    stale: list[dict] | None = None,
    max_findings: int | None = None,
) -> None:
    """Findings in full, the most severe `max_findings` of them; the rest are counted."""
    ranked = findings(run.claims)
    # identities, not ids: a corpus run has a quarter of a million claims to test
    shown = None if max_findings is None else {id(c) for c in ranked[:max_findings]}
    homes: dict[str | None, list[Claim]] = {}
    home_of: dict[int, str | None] = {}
    for claim in run.claims:
        home_of[id(claim)] = where = home(claim)
        homes.setdefault(where, []).append(claim)
    ranked_at: dict[str | None, list[Claim]] = {}  # each home's findings, most severe first
    for claim in ranked:
        ranked_at.setdefault(home_of[id(claim)], []).append(claim)
    with_shown = None if shown is None else {home_of[key] for key in shown}
    printed = _blocks_to_print(run, with_shown, verbose)
    for source in printed:
        meta = run.metadata.get(source.id, {})
        title = f" {meta['title']}" if meta.get("title") else ""
        header = f"{_shown_path(source.path)} · {source.chars} characters"
        claims = homes.get(source.id, [])
        flagged = ranked_at.get(source.id, [])
        _print_block(f"{source.id}{title}", header, claims, flagged, console, verbose, shown)
    if len(printed) < len(run.sources):
        _print_unlisted(run, homes, {s.id for s in printed}, console)
    across = homes.get(None, [])
    if across:
        flagged = ranked_at.get(None, [])
        _print_block("Across sources", "", across, flagged, console, verbose, shown)
    if run.series:
        _print_series(run, console)
    if stale:
        _print_stale(stale, console)
    if run.skipped:
        _print_skipped(run, console)
    _print_summary(run, console, printed)


def _blocks_to_print(run: Run, with_shown: set[str | None] | None, verbose: bool) -> list:
    """Every source on a small run; on a corpus, only those with a finding printed in full."""
    if len(run.sources) <= BLOCKS_FOR_EVERY_SOURCE or verbose or with_shown is None:
        return run.sources
    return [s for s in run.sources if s.id in with_shown]


def _print_unlisted(run: Run, homes: dict, printed: set[str], console: Console) -> None:
    others = [s.id for s in run.sources if s.id not in printed]
    claims = [c for source_id in others for c in homes.get(source_id, [])]
    counts = Counter(c.verdict for c in claims)
    console.rule(Text(f"{len(others)} more sources", style="bold"), align="left")
    console.print(
        f"{len(claims)} claims: " + ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS)
    )
    if counts["inconsistent"]:
        note = "  … their findings are less severe than those above (see --json / --html)"
        console.print(Text(note, style="yellow"))
    console.print()


def _print_coverage(run: Run, console: Console, printed: list, summary: dict) -> None:
    """Coverage: the share of each source's numbers that took part in a checked claim."""
    table = Table(title="Coverage: numbers that took part in at least one claim")
    for column in ("source", "claims", "errors", "warnings", "numbers used", "coverage"):
        table.add_column(column, justify="left" if column == "source" else "right")
    tallies = source_tallies(run)
    for source in printed:
        table.add_row(source.id, *_tally_cells(tallies[source.id]))
    if len(printed) < len(run.sources):
        used = sum(t.used for t in tallies.values())
        total = sum(t.total for t in tallies.values())
        table.add_row(
            f"all {len(run.sources)} sources",
            *(str(summary[k]) for k in ("claims", "errors", "warnings")),
            f"{used}/{total}",
            percent(used, total),
            style="bold",
        )
    console.print(table)


def _tally_cells(tally: SourceTally) -> list[str]:
    used = f"{tally.used}/{tally.total}"
    return [
        str(tally.claims),
        str(tally.errors),
        str(tally.warnings),
        used,
        percent(tally.used, tally.total),
    ]


def _print_stale(stale: list[dict], console: Console) -> None:
    console.rule(Text("Stale acknowledgements", style="bold"), align="left")
    for entry in stale:
        console.print(
            Text(f"  ? {entry['fingerprint']} ({entry.get('claim', '')}): matches no finding now")
        )
    console.print()


def _print_skipped(run: Run, console: Console) -> None:
    count = len(run.skipped)
    title = f"Skipped: {count} document{'s' if count > 1 else ''} not checked"
    console.rule(Text(title, style="bold red"), align="left")
    for skipped in run.skipped:  # never wrapped: a path stays whole for copying and grep
        line = Text(f"  ✗ {_shown_path(skipped.path)}: {skipped.reason}", style="red")
        console.print(line, soft_wrap=True)
    console.print()


def _print_series(run: Run, console: Console) -> None:
    """Each metric's dated values across sources, the data the series check used."""
    table = Table(title="Series: dated values per metric and scope", show_lines=False)
    table.add_column("metric [scope]")
    table.add_column("year", justify="right")
    table.add_column("value")
    table.add_column("source")
    texts = {s.id: s.text for s in run.sources}
    rows = 0
    for line in run.series:
        if rows >= SERIES_ROWS:
            hidden = len(run.series) - run.series.index(line)
            table.caption = f"… {hidden} more series (see --json / --html)"
            break
        cells = _series_cells(line, texts)
        rows += len(cells)
        for i, (year, value, source) in enumerate(cells):
            table.add_row(line.label if i == 0 else "", year, value, source)
    console.print(table)


def _series_cells(line, texts: dict) -> list[tuple[str, str, str]]:
    """A row per value; on a corpus, a row per year with the range of values and sources."""
    if len(line.points) <= SERIES_POINTS:
        return [
            (str(p.key.year), p.quantity.shown(texts[p.source_id]), p.source_id)
            for p in line.points
        ]
    by_year: dict[int, list] = {}
    for point in line.points:
        by_year.setdefault(point.key.year, []).append(point)
    cells = []
    for year, points in sorted(by_year.items()):
        low = min(points, key=lambda p: p.quantity.value)
        high = max(points, key=lambda p: p.quantity.value)
        shown = [p.quantity.shown(texts[p.source_id]) for p in (low, high)]
        value = shown[0] if shown[0] == shown[1] else f"{shown[0]} to {shown[1]}"
        sources = len({p.source_id for p in points})
        cells.append((str(year), value, f"{len(points)} values, {sources} sources"))
    return cells


def _print_block(
    title: str,
    header: str,
    claims: list[Claim],
    flagged: list[Claim],
    console: Console,
    verbose: bool,
    shown: set[int] | None = None,
) -> None:
    """One source (or the cross-source claims): findings first, consistent ones counted."""
    counts = Counter(c.verdict for c in claims)
    console.rule(Text(title, style="bold"), align="left")
    if header:
        console.print(header)
    console.print(
        f"{len(claims)} claims: " + ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS)
    )
    consistent = [c for c in claims if c.verdict == "consistent"]
    detailed = [c for c in flagged if shown is None or id(c) in shown]
    for claim in detailed + (consistent if verbose else []):
        _print_claim(claim, console)
    if len(detailed) < len(flagged):
        hidden = len(flagged) - len(detailed)
        note = f"  … {hidden} more findings here (raise --max-findings, or see --json / --html)"
        console.print(Text(note, style="yellow"))
    if consistent and not verbose:
        console.print(
            Text(f"  ✓ {len(consistent)} consistent (--verbose lists them)", style="green")
        )
    console.print()


def _shown_path(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path


def _print_claim(claim: Claim, console: Console) -> None:
    level = claim.severity if claim.verdict != "consistent" else "consistent"
    head = Text("  ")
    head.append(MARKS.get(level, "✓ CONSISTENT"), style=STYLES.get(level, ""))
    head.append(f"  {claim.type}  ", style="bold")
    head.append(claim.id, style="dim")
    if claim.acknowledgement:
        head.append(f"  (acknowledged: {claim.acknowledgement['reason']})", style="cyan")
    console.print(head)
    print_passages(claim, console)
    console.print(Text(f"    {claim.explanation}"))
    for failure in claim.failed_rules:
        console.print(
            Text(
                f"    decided by {failure['suite']}.json › {failure['rule_id']} "
                f"({failure['expectation']}, {failure['severity']})",
                style="dim",
            )
        )


def print_passages(claim: Claim, console: Console, limit: int | None = PASSAGES) -> None:
    """Each passage quoted, the numbers the claim uses highlighted («» when plain)."""
    several = claim.input_sources is not None
    for source_id, found in passages(claim, limit=limit):
        prefix = Text(f"    {source_id}: " if several else "    ", style="dim")
        console.print(prefix + _quote(found, plain=console.no_color))
    hidden = hidden_passages(claim, limit)
    if hidden:
        note = f"    … {hidden} more passages (figcheck explain {claim.id} quotes them all)"
        console.print(Text(note, style="dim"))


def _quote(found: Passage, plain: bool) -> Text:
    quote = Text("“…" if found.clipped_start else "“")
    for segment, marked in found.segments:
        if marked and plain:
            quote.append(f"«{segment}»")
        else:
            quote.append(segment, style="bold reverse" if marked else "")
    quote.append("…”" if found.clipped_end else "”")
    return quote


def _print_summary(run: Run, console: Console, printed: list) -> None:
    summary = summarize(run.claims)
    _print_coverage(run, console, printed, summary)
    table = Table(title="figcheck summary", show_lines=False)
    table.add_column("claim type")
    for verdict in VERDICTS:
        table.add_column(verdict, justify="right")
    for claim_type, counts in summary["by_type"].items():
        table.add_row(
            claim_type,
            *(str(counts.get(v, 0)) for v in ("consistent", "inconsistent", "unverifiable")),
        )
    table.add_row(
        "all",
        *(str(summary[v]) for v in ("consistent", "inconsistent", "unverifiable")),
        style="bold",
    )
    console.print(table)
    console.print(
        f"{len(run.sources)} sources, {summary['claims']} claims: "
        f"{summary['errors']} errors, {summary['warnings']} warnings, {summary['infos']} infos; "
        f"{summary['acknowledged']} acknowledged"
        + (f"; {len(run.skipped)} documents skipped, not checked" if run.skipped else "")
    )
