"""difference: a stated gap between two values, in 个百分点 or in the values' own unit.

B − A against the stated difference (negative for 下降/减少/低).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.base import RELATION_COLUMNS, Claim, relation_row
from checks.claims.comparison import Comparison, comparisons
from checks.document import Document
from checks.facts import facts
from checks.quantities import Interval

NAME = "difference"


class Difference:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        for found in comparisons(doc):
            if not _is_difference(found):
                continue
            claim = Claim(
                NAME,
                doc.source,
                {"before": found.before, "after": found.after, "change": found.change},
            )
            claim.facts = {"falling": found.falling, "verb": found.verb}
            claim.row = derive(claim)
            yield claim
        yield from _from_facts(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


_EARLIER_PERCENT = re.compile(r"(?:较|比|相比|与)[^,;。]{0,12}?的\s*$")


def _from_facts(doc: Document) -> Iterator[Claim]:
    """From the fact table: a level, the earlier value it is compared with and the stated
    change, with no rate ("逆差500.0亿元,较去年同期(320.0亿元)增加180.0亿元"); and a share or
    ratio, the earlier one after 较…的 and the change in points ("占30.5%,该比例较上年末的
    29.9%提高0.6个百分点")."""
    table = facts(doc)
    for level in table:
        reference, change = table.get(level.reference), table.get(level.change)
        if level.rate is None and reference is not None and change is not None and change.direction:
            yield _claim(doc, reference, level, change)
    for first, second, third in zip(table.facts, table.facts[1:], table.facts[2:], strict=False):
        if (
            first.quantity.kind == "percent"
            and second.quantity.kind == "percent"
            and third.quantity.kind == "pp"
            and third.direction
            and first.role in ("share", "ratio", "level")
            and first.sentence == second.sentence == third.sentence
            and _EARLIER_PERCENT.search(doc.between(first.quantity.end, second.quantity.start))
            and not doc.between(second.quantity.end, third.quantity.start).count(",")
        ):
            yield _claim(doc, second, first, third)
    yield from _two_years_and_the_change(doc)
    yield from _stated_subtraction(doc)


def _two_years_and_the_change(doc: Document) -> Iterator[Claim]:
    """2021年为A,2020年为B,增加了C: a year's level, an earlier year's, and the change between
    them, in one sentence: C = A − B."""
    table = facts(doc)
    for now, then, change in zip(table.facts, table.facts[1:], table.facts[2:], strict=False):
        if now.role != "level" or then.role != "level" or change.role != "change":
            continue
        if not now.sentence == then.sentence == change.sentence or not change.direction:
            continue
        if not (now.same_unit(then) and now.same_unit(change)) or then.label.text:
            continue  # 2020年为B names nothing new: the same measure, a year before
        years = _year(now.period), _year(then.period)
        if None not in years and years[1] < years[0]:
            yield _claim(doc, then, now, change)


def _year(period: str) -> int | None:
    year = period.partition(":")[0]
    return int(year) if year.isdigit() else None


# 以出生人数的A减去死亡人数的B计算,人口自然增长为C
_MINUS = re.compile(r"^[^\d,;。]{0,4}(?:减去|扣除|扣减|减)[^\d,;。]{0,10}$")


def _stated_subtraction(doc: Document) -> Iterator[Claim]:
    """A减去B…为C: a difference the text works out, its result the next figure of the sentence
    in the same unit."""
    table = facts(doc)
    for first, second, result in zip(table.facts, table.facts[1:], table.facts[2:], strict=False):
        if not first.sentence == second.sentence == result.sentence:
            continue
        if not (first.same_unit(second) and first.same_unit(result)) or not first.is_amount:
            continue
        if _MINUS.match(doc.between(first.quantity.end, second.quantity.start)):
            claim = Claim(
                NAME,
                doc.source,
                {"before": second.quantity, "after": first.quantity, "change": result.quantity},
            )
            claim.facts = {"falling": False, "verb": "="}
            claim.row = derive(claim)
            yield claim


def _claim(doc: Document, before, after, change) -> Claim:
    inputs = {"before": before.quantity, "after": after.quantity, "change": change.quantity}
    claim = Claim(NAME, doc.source, inputs)
    verb = doc.between(change.quantity.start - 2, change.quantity.start).strip()
    claim.facts = {"falling": change.direction < 0, "verb": verb}
    claim.row = derive(claim)
    return claim


def _is_difference(found: Comparison) -> bool:
    change, before = found.change, found.before
    if change.kind == "pp":
        return before.kind == "percent"
    return change.kind == before.kind and change.unit == before.unit and change.kind != "percent"


def derive(claim: Claim) -> dict[str, float | None]:
    before, after, change = (claim.inputs[k] for k in ("before", "after", "change"))
    sign = -1.0 if claim.facts["falling"] else 1.0
    # percentage points stay absolute; amounts are relative to the stated difference
    scale = 1.0 if change.kind == "pp" else abs(change.value) or 1.0
    return relation_row(
        change.strict.scale(sign),
        after.strict - before.strict,
        change.lenient.scale(sign),
        after.lenient - before.lenient,
        scale,
    )


def explain(claim: Claim) -> str:
    text = claim.source.text
    before, after, change = (claim.inputs[k] for k in ("before", "after", "change"))
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    stated = Interval(claim.row["stated_lo"], claim.row["stated_hi"])
    unit = "pp" if change.kind == "pp" else ""
    scale = 1.0 if unit else _display_scale(change.value)
    return (
        f"{after.shown(text)} − {before.shown(text)} = "
        f"{implied.scale(1 / scale).format(3, unit)}; stated {claim.facts['verb']}"
        f"{change.shown(text)} means {stated.scale(1 / scale).format(3, unit)}"
        + (f" (in units of {scale:,.0f})" if scale != 1 else "")
    )


def _display_scale(value: float) -> float:
    for divisor in (1e8, 1e4):
        if abs(value) >= divisor:
            return divisor
    return 1.0
