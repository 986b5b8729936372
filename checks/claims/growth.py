"""growth: a stated relative change (增长20%) or multiple (增长3倍, 增至3倍) between two values.

(B / A − 1) × 100 against the stated rate. "增长3倍" strictly means B = 4A; many writers mean
B = 3A, so that reading is lenient (a warning, never silence and never an error). Rates at
constant prices are skipped: nominal values cannot confirm them.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.claims.base import RELATION_COLUMNS, Claim, fmt, relation_row
from checks.claims.comparison import Comparison, comparisons
from checks.document import Document
from checks.quantities import Interval

NAME = "growth"


class Growth:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        for found in comparisons(doc):
            if not _is_growth(found):
                continue
            claim = Claim(
                NAME,
                doc.source,
                {"before": found.before, "after": found.after, "change": found.change},
            )
            claim.facts = {
                "falling": found.falling,
                "verb": found.verb,
                "to_multiple": found.to_multiple,
                "percent_values": found.before.kind == "percent",
            }
            claim.row = derive(claim)
            yield claim

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _is_growth(found: Comparison) -> bool:
    if found.change.kind == "multiple":
        return not found.falling
    return found.change.kind == "percent"


def relative_change(before: Interval, after: Interval) -> Interval:
    return (after / before).shift(-1).scale(100)


def stated_change(claim: Claim, lenient: bool) -> Interval:
    """The stated change as a percent, under the strict or the lenient reading."""
    change = claim.inputs["change"]
    printed = change.lenient if lenient else change.strict
    if change.kind == "multiple":
        by = printed.shift(1)  # 增长3倍: the increase is three times A, so B = 4A
        ratio = printed if claim.facts["to_multiple"] else by
        if lenient and not claim.facts["to_multiple"]:
            ratio = by.hull(printed)
        return ratio.shift(-1).scale(100)
    return -printed if claim.facts["falling"] else printed


def derive(claim: Claim) -> dict[str, float | None]:
    before, after = claim.inputs["before"], claim.inputs["after"]
    stated = stated_change(claim, lenient=False)
    if before.strict.lo <= 0 or before.lenient.lo <= 0:
        return {"stated_lo": stated.lo, "stated_hi": stated.hi}
    implied = relative_change(before.strict, after.strict)
    lenient = relative_change(before.lenient, after.lenient)
    lenient_stated = stated_change(claim, lenient=True)
    row = relation_row(stated, implied, lenient_stated, lenient)
    if claim.facts["percent_values"]:  # "增长5%" between two shares often means 5 points
        points = after.lenient - before.lenient
        row["lenient_gap"] = min(row["lenient_gap"], points.gap(lenient_stated))
    return row


def explain(claim: Claim) -> str:
    text = claim.source.text
    before, after, change = (claim.inputs[k] for k in ("before", "after", "change"))
    if claim.row.get("implied_lo") is None:
        return "the earlier value must be positive to compute a relative change"
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    stated = Interval(claim.row["stated_lo"], claim.row["stated_hi"])
    point = (after.value / before.value - 1) * 100
    reading = ""
    if change.kind == "multiple":
        reading = (
            f" (B = {fmt(change.value)} × A)"
            if claim.facts["to_multiple"]
            else f" (strictly B = {fmt(change.value + 1)} × A; loosely {fmt(change.value)} × A)"
        )
    return (
        f"{after.shown(text)} / {before.shown(text)} − 1 = {fmt(point)}% "
        f"[from the printed figures {implied.format(2, '%')}]; stated "
        f"{claim.facts['verb']}{change.shown(text)}{reading} means {stated.format(3, '%')}"
    )
