"""Series: dated values of one metric across sources, and the stated rates checked against them.

Every stated compound rate (年复合增长率, 近5年复合增速…) is recomputed from every pair of values
that the series holds for its span, not only the pair in its own sentence. Values of a related or
narrower category (医疗装备 within 医疗器械) take part loosely. Disagreements are warnings: other
sources may define or date the figures differently. Claims are of type cagr, judged by the
series suite.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from checks.claims.base import RELATION_COLUMNS, Claim, fmt
from checks.claims.cagr import StatedRate, derive  # the same arithmetic, other inputs
from checks.claims.corpus import Corpus
from checks.keys import Key, Statement
from checks.quantities import Interval

SUITE = "series"
MAX_PAIRS_PER_RATE = 20  # bounds the work per rate on a large corpus


@dataclass(frozen=True)
class SeriesLine:
    """One metric in one scope: its dated values, for reports."""

    label: str
    points: list[Statement]  # sorted by year, then source


def _line(key: Key) -> tuple:
    return (key.measure, key.category, key.region, key.partner, key.modality, key.klass, key.unit)


def _family(key: Key) -> tuple:
    return (key.measure, key.region, key.partner, key.modality, key.klass, key.unit)


def build_series(statements: list[Statement]) -> list[SeriesLine]:
    """Lines with values in two or more years, from statements with a stated single year."""
    lines: dict[tuple, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.strong and ":" not in statement.key.period:
            lines[_line(statement.key)].append(statement)
    found = []
    for members in lines.values():
        if len({s.key.year for s in members}) > 1:
            members.sort(key=lambda s: (s.key.year, s.source_id, s.quantity.start))
            found.append(SeriesLine(members[0].key.label().rsplit(" ", 1)[0], members))
    return sorted(found, key=lambda line: line.label)


class Series:
    name = SUITE
    columns = RELATION_COLUMNS

    def find_across(self, corpus: Corpus) -> list[Claim]:
        by_family: dict[tuple, dict[int, list[Statement]]] = defaultdict(lambda: defaultdict(list))
        by_quantity: dict[tuple[str, int], Statement] = {}
        for statement in corpus.statements:
            by_quantity[(statement.source_id, statement.quantity.start)] = statement
            if statement.strong and ":" not in statement.key.period:
                by_family[_family(statement.key)][statement.key.year].append(statement)
        found: dict[str, Claim] = {}
        for rate in corpus.rates:
            end = by_quantity.get((rate.source_id, rate.end.start))
            if end is None:
                continue
            years = by_family.get(_family(end.key), {})
            for claim in self._claims(corpus, rate, end, years):
                found.setdefault(claim.id, claim)
        return sorted(found.values(), key=lambda c: c.id)

    def _claims(self, corpus: Corpus, rate: StatedRate, end: Statement, years) -> Iterator[Claim]:
        pairs = 0
        for first in years.get(rate.from_year, []):
            for last in years.get(rate.to_year, []):
                own = _own(rate, first) and _own(rate, last)
                reasons = _reasons(corpus, end, first, last)
                if own or reasons is None:
                    continue
                pairs += 1
                if pairs > MAX_PAIRS_PER_RATE:
                    return
                yield _claim(corpus, rate, (end, first, last), reasons)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _own(rate: StatedRate, statement: Statement) -> bool:
    mine = [q for q in (rate.start, rate.end) if q is not None]
    return statement.source_id == rate.source_id and any(
        q.start == statement.quantity.start for q in mine
    )


def _reasons(corpus: Corpus, end: Statement, *others: Statement) -> list[str] | None:
    """Why a value compares only loosely with the rate's own metric; None if it does not."""
    lexicon, reasons = corpus.lexicon, []
    for other in others:
        a, b = end.key.category, other.key.category
        relation = (
            lexicon.related(lexicon.categories, a, b) if a and b else ("same" if a == b else "")
        )
        if not relation:
            return None
        if relation != "same":
            text = f"definitions differ: {a} vs {b}"
            if text not in reasons:
                reasons.append(text)
    return reasons


def _claim(
    corpus: Corpus, rate: StatedRate, statements: tuple[Statement, ...], reasons: list[str]
) -> Claim:
    end, first, last = statements
    sources = corpus.sources
    claim = Claim(
        "cagr",
        sources[rate.source_id],
        {"rate": rate.rate, "from": first.quantity, "to": last.quantity},
        suite=SUITE,
        input_sources={
            "rate": sources[rate.source_id],
            "from": sources[first.source_id],
            "to": sources[last.source_id],
        },
    )
    claim.facts = {
        "from_year": rate.from_year,
        "to_year": rate.to_year,
        "via": "series",
        "series": end.key.label().rsplit(" ", 1)[0],
        "reasons": reasons,
    }
    digest = hashlib.sha1(
        f"{rate.source_id}:{rate.rate.start}|{first.source_id}:{first.quantity.start}|"
        f"{last.source_id}:{last.quantity.start}".encode()
    ).hexdigest()[:10]
    claim.fixed_id = f"series:{first.key.measure}:{rate.from_year}-{rate.to_year}:{digest}"
    claim.row = derive(claim)
    return claim


def explain(claim: Claim) -> str:
    start, end, rate = claim.inputs["from"], claim.inputs["to"], claim.inputs["rate"]
    facts = claim.facts
    years = facts["to_year"] - facts["from_year"]
    if claim.row.get("implied_lo") is None:
        return "the series values must be positive to compute a compound rate"
    point = ((end.value / start.value) ** (1 / years) - 1) * 100
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    shown = {role: q.shown(claim.source_of(role).text) for role, q in claim.inputs.items()}
    text = (
        f"series {facts['series']}: ({shown['to']} [{claim.source_of('to').id}] / {shown['from']} "
        f"[{claim.source_of('from').id}])^(1/{years}) − 1 = {fmt(point)}% "
        f"[{facts['from_year']}→{facts['to_year']}; {implied.format(2, '%')}]; stated "
        f"{shown['rate']} [{claim.source_of('rate').id}] means {rate.strict.format(3, '%')}"
    )
    if facts["reasons"]:
        text += f" — compared loosely: {'; '.join(facts['reasons'])}"
    return text
