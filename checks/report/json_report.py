"""The machine-readable report, following ../shared/contract/report.schema.json."""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone

from checks import __version__
from checks.claims import Claim
from checks.pipeline import Run
from checks.quantities import Interval, Quantity
from checks.report.summary import summarize


def report_dict(run: Run) -> dict:
    return {
        "tool": {"name": "figcheck", "version": __version__},
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "sources": [
            {
                "id": s.id,
                "path": s.path,
                "chars": s.chars,
                "encoding": s.encoding,
                "extractor": s.extractor,
                **{k: v for k, v in run.metadata.get(s.id, {}).items() if k != "notes"},
            }
            for s in run.sources
        ],
        "claims": [_claim(c) for c in run.claims],
        "series": [_series(line, run) for line in run.series],
        "stale_acknowledgements": run.stale,
        "summary": summarize(run.claims),
    }


def _series(line, run: Run) -> dict:
    texts = {s.id: s.text for s in run.sources}
    return {
        "metric": line.label,
        "points": [
            {
                "year": point.key.year,
                "source": point.source_id,
                "span": [point.quantity.start, point.quantity.end],
                "quote": texts[point.source_id][point.quantity.start : point.quantity.end],
                "value": _number(point.quantity.value),
                "interval": _interval(point.quantity.strict),
            }
            for point in line.points
        ],
    }


def to_json(run: Run) -> str:
    """One top-level key per line and one list item per line: the C encoder (which `indent`
    would switch off) writes each, so a large report takes a second, not a minute, and a diff
    between two runs still shows which claims changed."""
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": ")).encode
    lines = []
    for key, value in report_dict(run).items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {encode(item)}" for item in value)
            lines.append(f"  {encode(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {encode(key)}: {encode(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _claim(claim: Claim) -> dict:
    entry = {
        "id": claim.id,
        "type": claim.type,
        "verdict": claim.verdict,
        "evidence": [
            {"source": e.source, "span": list(e.span), "quote": e.quote} for e in claim.evidence
        ],
        "explanation": claim.explanation,
        "inputs": {role: _quantity(claim, role, q) for role, q in claim.inputs.items()},
        "facts": claim.facts,
        "derived": {k: _number(v) for k, v in claim.row.items()},
        "failed_rules": [
            {k: f[k] for k in ("suite", "rule_id", "expectation", "severity", "description")}
            for f in claim.failed_rules
        ],
    }
    if claim.severity:
        entry["severity"] = claim.severity
    return entry


def _quantity(claim: Claim, role: str, quantity: Quantity) -> dict:
    source = claim.source_of(role)
    return {
        "source": source.id,
        "text": source.text[quantity.start : quantity.end],
        "span": [quantity.start, quantity.end],
        "value": _number(quantity.value),
        "unit": quantity.unit,
        "kind": quantity.kind,
        "qualifier": quantity.qualifier,
        "interval": _interval(quantity.strict),
        "lenient_interval": _interval(quantity.lenient),
    }


def _interval(interval: Interval) -> list[float | None]:
    return [_number(interval.lo), _number(interval.hi)]


def _number(value: float | None) -> float | None:
    """JSON has no infinity: an unbounded side is null."""
    if value is None or not math.isfinite(value):
        return None
    return round(value, 10)
