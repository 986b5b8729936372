"""Counts shared by every report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checks.claims import Claim

VERDICTS = ("consistent", "inconsistent", "unverifiable")
_LEVELS = {"error": 2, "warning": 1, "info": 0}


def summarize(claims: list[Claim]) -> dict:
    verdicts = Counter(c.verdict for c in claims)
    severities = Counter(c.severity for c in claims if c.severity)
    return {
        "claims": len(claims),
        **{verdict: verdicts.get(verdict, 0) for verdict in VERDICTS},
        "errors": severities.get("error", 0),
        "warnings": severities.get("warning", 0),
        "infos": severities.get("info", 0),
        "acknowledged": sum(1 for c in claims if c.acknowledgement and c.verdict != "consistent"),
        "by_type": _by_type(claims),
    }


def _by_type(claims: list[Claim]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for (claim_type, verdict), n in Counter((c.type, c.verdict) for c in claims).items():
        counts.setdefault(claim_type, {})[verdict] = n
    return dict(sorted(counts.items()))


def findings(claims: list[Claim]) -> list[Claim]:
    """Claims that are not consistent, errors first, then in text order."""
    flagged = [c for c in claims if c.verdict != "consistent"]
    return sorted(
        flagged, key=lambda c: (-_LEVELS.get(c.severity or "info", 0), c.source.id, c.span)
    )


def reaches(claim: Claim, fail_on: str) -> bool:
    """Whether a finding is at or above the gate's level (acknowledged or not)."""
    if fail_on == "never" or claim.verdict == "consistent" or not claim.severity:
        return False
    return _LEVELS[claim.severity] >= _LEVELS[fail_on]


def gate_fails(claims: list[Claim], fail_on: str) -> bool:
    """Only findings an editor has not acknowledged fail the gate."""
    return any(reaches(c, fail_on) and not c.acknowledgement for c in claims)


def coverage(run) -> dict[str, tuple[int, int]]:
    """Per source: how many of its numbers took part in at least one claim, of how many."""
    used: dict[str, set[int]] = {source_id: set() for source_id in run.numbers}
    for claim in run.claims:
        if claim.input_sources is None:  # one source: its set, updated once
            used.setdefault(claim.source.id, set()).update(q.start for q in claim.inputs.values())
            continue
        for role, quantity in claim.inputs.items():
            used.setdefault(claim.input_sources[role].id, set()).add(quantity.start)
    return {
        source_id: (len(used[source_id].intersection(starts)), len(starts))
        for source_id, starts in run.numbers.items()
    }


def percent(part: int, whole: int) -> str:
    return f"{part / whole * 100:.0f}%" if whole else "—"


def _homes(claim: Claim) -> set[str]:
    if claim.input_sources is None:
        return {claim.source.id}
    return {s.id for s in claim.input_sources.values()}


def home(claim: Claim) -> str | None:
    """The one source a claim lives in, or None when its passages span several sources."""
    homes = _homes(claim)
    return homes.pop() if len(homes) == 1 else None


@dataclass(frozen=True)
class SourceTally:
    claims: int  # claims quoting the source, cross-source ones included
    errors: int
    warnings: int
    used: int  # numbers that took part in at least one claim
    total: int

    @property
    def coverage(self) -> str:
        return f"{self.used}/{self.total} ({percent(self.used, self.total)})"


def source_tallies(run) -> dict[str, SourceTally]:
    """Per source: its claims, errors, warnings and coverage, for every report."""
    counts = coverage(run)
    quoting: Counter[tuple[str, str | None]] = Counter()  # (source, severity) in one pass
    for claim in run.claims:
        for source_id in _homes(claim):
            quoting[(source_id, claim.severity)] += 1
    tallies = {}
    for source in run.sources:
        used, total = counts.get(source.id, (0, 0))
        severities = {level: quoting[(source.id, level)] for level in (None, *_LEVELS)}
        tallies[source.id] = SourceTally(
            sum(severities.values()), severities["error"], severities["warning"], used, total
        )
    return tallies
