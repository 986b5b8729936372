"""growth: a stated relative change (增长20%) or multiple (增长3倍, 增至3倍) between two values.

(B / A − 1) × 100 against the stated rate. "增长3倍" strictly means B = 4A; many writers mean
B = 3A, so that reading is lenient (a warning, never silence and never an error). Rates at
constant prices are skipped: nominal values cannot confirm them.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.claims.base import RELATION_COLUMNS, Claim, amount_text, fmt, relation_row
from checks.claims.comparison import CONSTANT_PRICE, Comparison, comparisons
from checks.document import Document
from checks.facts import Fact, facts
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
        yield from _from_facts(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _from_facts(doc: Document) -> Iterator[Claim]:
    """A level with its rate and its stated change or earlier value, from the fact table:
    "1,286家,较2022年的1,174家增加112家,增长9.5%", "52.3万人,比上年增加2.1万人,增长4.2%"."""
    table = facts(doc)
    for level in table:
        rate = table.get(level.rate)
        if rate is None or rate.quantity.kind != "percent" or _constant_price(doc, rate):
            continue
        reference, change = table.get(level.reference), table.get(level.change)
        if reference is not None:
            yield _claim(doc, level, rate, {"before": reference.quantity})
        elif change is not None and change.direction:
            yield _claim(doc, level, rate, {"change_amount": change.quantity}, change.direction)


def _constant_price(doc: Document, rate: Fact) -> bool:
    start = doc.sentences[rate.sentence][0]
    return bool(CONSTANT_PRICE.search(doc.between(start, rate.quantity.end + 12)))


def _claim(doc: Document, level: Fact, rate: Fact, inputs: dict, change_sign: int = 0) -> Claim:
    claim = Claim(NAME, doc.source, {**inputs, "after": level.quantity, "change": rate.quantity})
    claim.facts = {
        "falling": rate.direction < 0,
        "verb": doc.source.text[rate.quantity.start - 2 : rate.quantity.start].strip(),
        "to_multiple": False,
        "percent_values": False,
        "change_sign": change_sign,
    }
    claim.row = derive(claim)
    return claim


def earlier_value(claim: Claim, lenient: bool) -> Interval:
    """The earlier value: printed, or the level less its stated change (增加D: A = B − D)."""
    if "before" in claim.inputs:
        before = claim.inputs["before"]
        return before.lenient if lenient else before.strict
    after, change = claim.inputs["after"], claim.inputs["change_amount"]
    a, d = (after.lenient, change.lenient) if lenient else (after.strict, change.strict)
    return a - d.scale(claim.facts["change_sign"])


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
    after = claim.inputs["after"]
    before, before_lenient = earlier_value(claim, False), earlier_value(claim, True)
    stated = stated_change(claim, lenient=False)
    if before.lo <= 0 or before_lenient.lo <= 0:
        return {"stated_lo": stated.lo, "stated_hi": stated.hi}
    implied = relative_change(before, after.strict)
    lenient = relative_change(before_lenient, after.lenient)
    lenient_stated = stated_change(claim, lenient=True)
    row = relation_row(stated, implied, lenient_stated, lenient)
    if claim.facts["percent_values"]:  # "增长5%" between two shares often means 5 points
        points = after.lenient - before_lenient
        row["lenient_gap"] = min(row["lenient_gap"], points.gap(lenient_stated))
    return row


def explain(claim: Claim) -> str:
    text = claim.source.text
    after, change = claim.inputs["after"], claim.inputs["change"]
    if claim.row.get("implied_lo") is None:
        return "the earlier value must be positive to compute a relative change"
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    stated = Interval(claim.row["stated_lo"], claim.row["stated_hi"])
    if "before" not in claim.inputs:
        amount = claim.inputs["change_amount"]
        sign = "−" if claim.facts["change_sign"] > 0 else "+"
        before = after.value - amount.value * claim.facts["change_sign"]
        earlier = amount_text(before, after)
        return (
            f"earlier value {after.shown(text)} {sign} {amount.shown(text)} = {earlier}; "
            f"{amount.shown(text)} / {earlier} = "
            f"{fmt(amount.value / before * 100 * claim.facts['change_sign'])}% "
            f"[from the printed figures {implied.format(2, '%')}]; stated "
            f"{claim.facts['verb']}{change.shown(text)} means {stated.format(3, '%')}"
        )
    before = claim.inputs["before"]
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
