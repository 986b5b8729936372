"""The analysts' report: one self-contained HTML file, built from Jinja2 templates (autoescape on).

Everything is inline (CSS, a small filter script, SVG charts) and nothing is fetched, so the file
opens from file:// with networking off. Every text from a source is escaped by the template.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from checks import __version__
from checks.claims import Claim
from checks.pipeline import Run
from checks.report.passages import passages
from checks.report.power import describe, detection_power
from checks.report.summary import (
    VERDICTS,
    findings,
    source_tallies,
    summarize,
)

EMBED_LIMIT = 2_000_000  # characters of source text embedded in full; larger runs get passages
MAX_CHARTS = 12
MAX_TABLES = 60
MAX_FINDINGS_IN_FULL = 500  # the most severe; later ones are rows of the claims table
PASSAGES = 20  # passages and inputs shown per finding; the JSON report holds them all
MAX_CLAIM_ROWS = 5_000  # findings first; the JSON and `figcheck extract --csv` hold every claim
_LEVELS = {"error": 3, "warning": 2, "info": 1, "consistent": 0}


_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: object) -> str:
    """Escaping is the template's job; this also shows bidi controls instead of obeying them,
    so a right-to-left override in a source cannot reorder what an analyst reads."""
    return _BIDI.sub(lambda m: f"⟦U+{ord(m.group(0)):04X}⟧", str(text))


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("checks", "report/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=lambda value: value if isinstance(value, Markup) else visible(value),
    )
    return environment


def render_html(run: Run, stale: list[dict] | None = None) -> str:
    return "".join(html_chunks(run, stale))


def html_chunks(run: Run, stale: list[dict] | None = None) -> Iterator[str]:
    """The report as it renders, so a large one is never held whole in memory."""
    template = _environment().get_template("report.html.j2")
    return template.generate(**build_context(run, stale or []))


def build_context(run: Run, stale: list[dict]) -> dict:
    source_keys = {s.id: f"s{i}" for i, s in enumerate(run.sources)}
    flagged = findings(run.claims)
    in_full = flagged[:MAX_FINDINGS_IN_FULL]
    listed = _listed(run.claims, flagged)
    full_ids = {c.id for c in in_full}
    targets = {c.id: anchor(c.id) for c in listed} | {c.id: anchor(c.id) for c in in_full}
    embed = all(isinstance(s.text, str) for s in run.sources) and (
        sum(s.chars for s in run.sources) <= EMBED_LIMIT
    )
    return {
        "version": __version__,
        "summary": summarize(run.claims),
        "verdicts": VERDICTS,
        "types": sorted({c.type for c in run.claims}),
        "sources": _sources(run, source_keys),
        "findings": [_finding(c, source_keys) for c in in_full],
        "more_findings": len(flagged) - len(in_full),
        "claims": [_claim_row(c, source_keys, c.id in full_ids) for c in listed],
        "more_claims": len(run.claims) - len(listed),
        "texts": [_source_text(run, s, source_keys, targets) for s in run.sources] if embed else [],
        "embedded": embed,
        "tables": _agreement_tables(run)[:MAX_TABLES],
        "charts": _charts(run),
        "stale": stale,
        "skipped": [{"path": s.path, "reason": s.reason} for s in run.skipped],
    }


def _listed(claims: list[Claim], flagged: list[Claim]) -> list[Claim]:
    """The claims table: every claim on a small run; findings first when it must be cut."""
    if len(claims) <= MAX_CLAIM_ROWS:
        return claims
    consistent = [c for c in claims if c.verdict == "consistent"]
    return (flagged + consistent)[:MAX_CLAIM_ROWS]


def anchor(claim_id: str) -> str:
    """A safe, stable HTML id for a claim, whatever characters its source id holds."""
    return "claim-" + hashlib.sha1(claim_id.encode("utf-8")).hexdigest()[:12]


def _level(claim: Claim) -> str:
    return "consistent" if claim.verdict == "consistent" else claim.severity or "info"


def _sources(run: Run, keys: dict[str, str]) -> list[dict]:
    tallies = source_tallies(run)
    rows = []
    for source in run.sources:
        meta = run.metadata.get(source.id, {})
        tally = tallies[source.id]
        rows.append(
            {
                "id": source.id,
                "key": keys[source.id],
                "title": meta.get("title", ""),
                "date": meta.get("date", ""),
                "publisher": meta.get("publisher", ""),
                "script": meta.get("script", ""),
                "chars": source.chars,
                "extractor": source.extractor,
                "claims": tally.claims,
                "errors": tally.errors,
                "warnings": tally.warnings,
                "coverage": tally.coverage,
            }
        )
    return rows


def _finding(claim: Claim, keys: dict[str, str]) -> dict:
    power = detection_power(claim)
    steps = []
    for role, quantity in list(claim.inputs.items())[:PASSAGES]:
        source = claim.source_of(role)
        steps.append(
            {
                "role": role,
                "source": source.id,
                "printed": source.text[quantity.start : quantity.end],
                "hedge": quantity.qualifier,
                "interval": quantity.strict.format(4),
                "lenient": quantity.lenient.format(4),
                "power": describe(power[role], claim),
            }
        )
    row = claim.row
    implied = stated = ""
    if row.get("implied_lo") is not None and row.get("implied_hi") is not None:
        implied = f"[{row['implied_lo']:.6g}, {row['implied_hi']:.6g}]"
    if row.get("stated_lo") is not None and row.get("stated_hi") is not None:
        stated = f"[{row['stated_lo']:.6g}, {row['stated_hi']:.6g}]"
    return _claim_row(claim, keys) | {
        "passages": passages(claim, limit=PASSAGES),
        "hidden_inputs": max(0, len(claim.inputs) - PASSAGES),
        "steps": steps,
        "implied": implied,
        "stated": stated,
        "rules": claim.failed_rules,
    }


def _claim_row(claim: Claim, keys: dict[str, str], in_full: bool = False) -> dict:
    return {
        "anchor": anchor(claim.id),
        "row_id": anchor(claim.id) + ("-row" if in_full else ""),
        "id": claim.id,
        "type": claim.type,
        "suite": claim.suite_name,
        "verdict": claim.verdict,
        "severity": claim.severity or "",
        "level": _level(claim),
        "acknowledgement": claim.acknowledgement,
        "sources": " ".join(sorted({keys[e.source] for e in claim.evidence})),
        "source_ids": sorted({e.source for e in claim.evidence}),
        "quotes": [e.quote for e in claim.evidence[:PASSAGES]],
        "explanation": claim.explanation,
    }


def _source_text(run: Run, source, keys: dict[str, str], targets: dict[str, str]) -> dict:
    """The full text cut into plain runs and highlighted figures, each linked to its claim
    where the report shows it."""
    marks: dict[int, tuple[int, str, str]] = {}
    for claim in run.claims:
        for role, quantity in claim.inputs.items():
            if claim.source_of(role).id != source.id:
                continue
            level = _level(claim)
            current = marks.get(quantity.start)
            if current is None or _LEVELS[level] > _LEVELS[current[1]]:
                marks[quantity.start] = (quantity.end, level, targets.get(claim.id))
    segments, cursor = [], 0
    for start in sorted(marks):
        end, level, target = marks[start]
        if start < cursor:
            continue
        segments.append((source.text[cursor:start], None, None))
        segments.append((source.text[start:end], level, target))
        cursor = end
    segments.append((source.text[cursor:], None, None))
    return {"id": source.id, "key": keys[source.id], "segments": segments}


def _agreement_tables(run: Run) -> list[dict]:
    """Metric × period × source: every metric stated more than once."""
    groups: dict[str, list] = defaultdict(list)
    for statement in run.statements:
        groups[statement.key.label().rsplit(" ", 1)[0] + f" ({statement.key.unit})"].append(
            statement
        )
    texts = {s.id: s.text for s in run.sources}
    tables = []
    for label, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        sources = sorted({m.source_id for m in members})
        cells: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for m in members:
            shown = m.quantity.shown(texts[m.source_id]) + ("" if m.strong else " *")
            cells[m.key.period][m.source_id].append(shown)
        rows = [
            (period, [" · ".join(cells[period].get(s, [])) for s in sources])
            for period in sorted(cells)
        ]
        tables.append({"metric": label, "sources": sources, "rows": rows})
    return tables


def _charts(run: Run) -> list[dict]:
    from checks.report.charts import series_chart, trade_chart

    charts = []
    for title, points, rates, unit in _series_lines(run)[:MAX_CHARTS]:
        charts.append({"title": title, "svg": Markup(series_chart(title, points, rates, unit))})
    trade = _trade_rows(run)
    for unit, rows in sorted(trade.items()):
        if rows:
            charts.append(
                {"title": f"Trade by partner ({unit})", "svg": Markup(trade_chart(rows, unit))}
            )
    return charts


def _series_lines(run: Run) -> list[tuple[str, list, list, str]]:
    """Dated values per metric and scope, with the stated rates that start or end on them."""
    lines: dict[str, list] = defaultdict(list)
    for statement in run.statements:
        if statement.strong and ":" not in statement.key.period:
            lines[statement.key.label().rsplit(" ", 1)[0]].append(statement)
    found = []
    for label, points in sorted(lines.items()):
        spots = {(p.source_id, p.quantity.start) for p in points}
        rates = [
            r
            for r in run.rates
            if (r.source_id, r.end.start) in spots
            or (r.start is not None and (r.source_id, r.start.start) in spots)
        ]
        if len({p.key.year for p in points}) > 1 or rates:
            unit = _unit_name(points[0].key.unit)
            points.sort(key=lambda p: (p.key.year, p.source_id))
            found.append((label, points, rates, unit))
    return found


def _unit_name(unit_key: str) -> str:
    """ASCII axis labels: a chart must not depend on a CJK font being installed."""
    kind, _, unit = unit_key.partition(":")
    return unit if kind == "money" else {"percent": "%"}.get(kind, kind)


def _trade_rows(run: Run) -> dict[str, list[tuple[str, float, float]]]:
    flows: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for statement in run.statements:
        key = statement.key
        if key.measure in ("imports", "exports") and key.partner:
            flows[(key.unit.split(":", 1)[1], key.partner)].setdefault(
                key.measure, statement.quantity.value
            )
    rows: dict[str, list] = defaultdict(list)
    for (unit, partner), flow in sorted(flows.items()):
        if {"imports", "exports"} <= flow.keys():
            rows[unit].append((partner, flow["imports"], flow["exports"]))
    return rows
