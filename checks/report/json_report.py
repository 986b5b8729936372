"""The machine-readable report, following ../shared/contract/report.schema.json."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import datetime, timezone

from checks import __version__
from checks.claims import Claim
from checks.pipeline import Run
from checks.quantities import Interval, Quantity
from checks.read import Skipped
from checks.report.summary import summarize


def report_dict(run: Run) -> dict:
    return {
        key: value if isinstance(value, (dict, str)) else list(value)
        for key, value in _sections(run)
    }


def _sections(run: Run) -> list[tuple[str, object]]:
    """The report's keys in order; claims and series are generators, encoded one at a time."""
    return [
        ("tool", {"name": "figcheck", "version": __version__}),
        ("generated_at", datetime.now(timezone.utc).isoformat(timespec="seconds")),
        ("sources", [*(_source(s, run) for s in run.sources), *map(_skipped, run.skipped)]),
        ("claims", _claims(run.claims)),
        ("series", (_series(line, run) for line in run.series)),
        ("stale_acknowledgements", run.stale),
        ("summary", summarize(run.claims)),
    ]


def _source(source, run: Run) -> dict:
    return {
        "id": source.id,
        "path": source.path,
        "chars": source.chars,
        "encoding": source.encoding,
        "extractor": source.extractor,
        **{k: v for k, v in run.metadata.get(source.id, {}).items() if k != "notes"},
    }


def _skipped(skipped: Skipped) -> dict:
    """A document the run could not check: no text, so no span points into it."""
    return {"id": skipped.id, "path": skipped.path, "chars": 0, "error": skipped.reason}


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
    return "".join(json_chunks(run))


def json_chunks(run: Run) -> Iterator[str]:
    """One top-level key per line and one list item per line. The C encoder (which `indent`
    would switch off) writes each item as it comes, so a large report is quick, never held
    whole in memory, and a diff between two runs shows which claims changed."""
    encode = json.JSONEncoder(
        ensure_ascii=False, allow_nan=False, check_circular=False, separators=(", ", ": ")
    ).encode  # report dicts are trees: no cycle to look for
    yield "{"
    for index, (key, value) in enumerate(_sections(run)):
        yield f"{',' if index else ''}\n  {encode(key)}: "
        if isinstance(value, (dict, str)):
            yield encode(value)
            continue
        yield "["
        empty = True
        for item in value:
            yield f"{'' if empty else ','}\n    {encode(item)}"
            empty = False
        yield "]" if empty else "\n  ]"
    yield "\n}\n"


def _claims(claims: list[Claim]) -> Iterator[dict]:
    shared: dict[tuple[str, int], dict] = {}  # a statement's figure recurs in many corpus claims
    for claim in claims:
        yield _claim(claim, shared)


def _claim(claim: Claim, shared: dict[tuple[str, int], dict]) -> dict:
    inputs = {role: _input(claim.source_of(role), q, shared) for role, q in claim.inputs.items()}
    entry = {
        "id": claim.id,
        "type": claim.type,
        "verdict": claim.verdict,
        "evidence": _evidence(claim, inputs),
        "explanation": claim.explanation,
        "inputs": inputs,
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


def _evidence(claim: Claim, inputs: dict[str, dict]) -> list[dict]:
    """Claim.evidence, reusing the inputs' quotes for claims quoting each input apart."""
    if claim.input_sources is None:
        return [
            {"source": e.source, "span": list(e.span), "quote": e.quote} for e in claim.evidence
        ]
    found = [
        {"source": i["source"], "span": i["span"], "quote": i["text"]} for i in inputs.values()
    ]
    cue = claim.cue_evidence
    if cue is not None:
        found.append({"source": cue.source, "span": list(cue.span), "quote": cue.quote})
    return found


def _input(source, quantity: Quantity, shared: dict[tuple[str, int], dict]) -> dict:
    key = (source.id, id(quantity))  # every quantity outlives the report
    if key not in shared:
        shared[key] = _quantity(source, quantity)
    return shared[key]


def _quantity(source, quantity: Quantity) -> dict:
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
