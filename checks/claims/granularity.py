"""granularity: a whole count with a stated year-on-year rate (the GRIM idea).

The earlier count n = C / (1 + r) must be a whole number for some r inside the printed rate's
interval. Example: 1000 with "4.56%" gives n in [956.33, 956.42], which holds no whole number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from checks.claims.base import RELATION_COLUMNS, Claim, fmt
from checks.document import Document
from checks.facts import facts
from checks.quantities import Interval, Quantity

NAME = "granularity"
_DOWN = "下降|减少|降低|回落"
_YOY = re.compile(
    rf"^[,\s]*(?:较(?:上年|去年|\d{{4}} ?年)(?:同期)?|比上年)?[,\s]*同比"
    rf"(?P<verb>增长|增加|上升|提高|{_DOWN})了?(?:为|达)?\s*$"
)


class Granularity:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        quantities = [t for t in doc.tokens if isinstance(t, Quantity)]
        for i, token in enumerate(quantities):
            if not token.whole or doc.is_change(token):
                continue  # 增加6个,同比增长10.9%: the rate is the level's, not the change's
            pair = _rate_after(doc, token, quantities[i + 1 : i + 2]) or _rate_before(
                doc, token, quantities[i - 1 : i] if i else []
            )
            if pair is None:
                continue
            yield _claim(doc, token, *pair)
        yield from _rates_of_counts(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _claim(doc: Document, count: Quantity, rate: Quantity, falling: bool) -> Claim:
    claim = Claim(NAME, doc.source, {"count": count, "rate": rate})
    claim.facts = {"falling": falling}
    claim.row = derive(claim)
    return claim


def _rates_of_counts(doc: Document) -> Iterator[Claim]:
    """A whole count and the rate the fact table attached to it, wherever it stands in the
    sentence (新增甲类企业83家,乙类企业21家,甲类企业数量再创新高,同比增长6.4%). With a stated
    change or earlier value the earlier count is printed, and growth checks the rate against it."""
    table = facts(doc)
    for fact in table:
        if fact.role != "level" or not fact.quantity.whole or fact.rate is None:
            continue
        if fact.change is not None or fact.reference is not None:
            continue
        rate = table[fact.rate]
        if rate.quantity.kind == "percent" and rate.quantity.qualifier == "exact":
            yield _claim(doc, fact.quantity, rate.quantity, rate.direction < 0)


def _rate_after(doc: Document, count: Quantity, following: list) -> tuple[Quantity, bool] | None:
    if not following:
        return None
    rate = following[0]
    match = _YOY.match(doc.between(count.end, rate.start))
    if rate.kind != "percent" or match is None or rate.qualifier != "exact":
        return None
    return rate, bool(re.fullmatch(_DOWN, match.group("verb")))


def _rate_before(doc: Document, count: Quantity, preceding: list) -> tuple[Quantity, bool] | None:
    if not preceding:
        return None
    rate = preceding[0]
    gap = doc.between(rate.start - 8, rate.start)  # between() clamps at the text start
    match = re.search(rf"同比(?P<verb>增长|增加|上升|提高|{_DOWN})了?\s*$", gap)
    if rate.kind != "percent" or match is None or rate.qualifier != "exact":
        return None
    if not re.fullmatch(r"[,\s]*(?:为|达到|达|至|到)?\s*", doc.between(rate.end, count.start)):
        return None
    return rate, bool(re.fullmatch(_DOWN, match.group("verb")))


def earlier_count(count: Interval, rate_percent: Interval, falling: bool) -> Interval:
    """C / (1 + r): every earlier count that gives the stated rate."""
    rate = -rate_percent if falling else rate_percent
    return count / rate.scale(0.01).shift(1)


def derive(claim: Claim) -> dict[str, float | None]:
    count, rate = claim.inputs["count"], claim.inputs["rate"]
    falling = claim.facts["falling"]
    if rate.value >= 100 and falling:
        return {}
    exact = Interval.point(count.value)  # GRIM's premise: the printed count is exact
    strict = earlier_count(exact, rate.strict, falling)
    lenient = earlier_count(exact, rate.lenient, falling)
    return {
        "stated_lo": rate.strict.lo,
        "stated_hi": rate.strict.hi,
        "implied_lo": strict.lo,
        "implied_hi": strict.hi,
        "gap": strict.integer_gap(),
        "lenient_gap": lenient.integer_gap(),
    }


def explain(claim: Claim) -> str:
    count, rate = claim.inputs["count"], claim.inputs["rate"]
    if "implied_lo" not in claim.row:
        return "a fall of 100% or more leaves no earlier count"
    text = claim.source.text
    sign = "−" if claim.facts["falling"] else "+"
    earlier = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    head = (
        f"{fmt(count.value, 0)} / (1 {sign} {rate.strict.format(3, '%')}) = "
        f"{earlier.format(2)} for the earlier count"
    )
    if earlier.integer_gap() == 0:
        whole = math.ceil(earlier.lo)
        return f"{head}; {whole} → {fmt(count.value, 0)} is {_change(whole, count.value)}"
    below, above = math.floor(earlier.lo), math.ceil(earlier.hi)
    return (
        f"{head}, which holds no whole number: {below} → {fmt(count.value, 0)} is "
        f"{_change(below, count.value)} and {above} → {fmt(count.value, 0)} is "
        f"{_change(above, count.value)}; neither rounds to {rate.shown(text)}"
    )


def _change(before: float, after: float) -> str:
    if before <= 0:
        return "undefined"
    return f"{(after / before - 1) * 100:+.4f}%"
