"""direction: 增至/提升至 versus 降至/减少到 must match the sign of the change they describe.

从A增至B needs some B above A inside the printed intervals; 从A降至B needs some B below A.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.claims.base import RELATION_COLUMNS, Claim, interval_text, relation_row
from checks.claims.comparison import movements
from checks.document import Document
from checks.quantities import INF, Interval

NAME = "direction"
_KINDS = frozenset({"money", "count", "people", "percent"})  # 1~2周 to 10~20分钟 is no movement


class Direction:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        for movement in movements(doc):
            if not movement.verb or movement.before.kind not in _KINDS:
                continue
            claim = Claim(NAME, doc.source, {"before": movement.before, "after": movement.after})
            claim.facts = {"verb": movement.verb, "falling": movement.falling}
            claim.row = derive(claim)
            yield claim

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def stated_sign(falling: bool) -> Interval:
    return Interval(-INF, 0.0) if falling else Interval(0.0, INF)


def derive(claim: Claim) -> dict[str, float | None]:
    before, after = claim.inputs["before"], claim.inputs["after"]
    sign = stated_sign(claim.facts["falling"])
    scale = max(abs(before.value), abs(after.value), 1e-9)
    return relation_row(
        sign, after.strict - before.strict, sign, after.lenient - before.lenient, scale
    )


def explain(claim: Claim) -> str:
    text = claim.source.text
    before, after = claim.inputs["before"], claim.inputs["after"]
    change = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    direction = "a fall" if claim.facts["falling"] else "a rise"
    return (
        f"{after.shown(text)} − {before.shown(text)} = {interval_text(change, after)}; "
        f"{claim.facts['verb']} states {direction}"
    )
