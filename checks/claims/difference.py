"""difference: a stated gap between two values, in 个百分点 or in the values' own unit.

B − A against the stated difference (negative for 下降/减少/低).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.claims.base import RELATION_COLUMNS, Claim, relation_row
from checks.claims.comparison import Comparison, comparisons
from checks.document import Document
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

    def explain(self, claim: Claim) -> str:
        return explain(claim)


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
