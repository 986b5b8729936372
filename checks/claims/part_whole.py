"""part_whole: a part introduced by 其中 never exceeds its whole.

The whole is the last amount before 其中 (in the same sentence, or the sentence before when 其中
opens one); the parts are the same-unit amounts after it, up to the end of the full sentence (。),
so a list continued after semicolons is covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.base import Claim, amount_text, interval_text, same_unit
from checks.document import AMOUNT_KINDS, MAX_SENTENCE, Document
from checks.quantities import Quantity

NAME = "part_whole"
_WHERE = re.compile(r"其中")
_FULL_STOP = re.compile(r"[。\n]")


class PartWhole:
    name = NAME
    columns = ("whole_lo", "whole_hi", "part_lo", "part_hi", "gap", "lenient_gap")

    def find(self, doc: Document) -> Iterator[Claim]:
        for match in _WHERE.finditer(doc.view):
            whole = _whole(doc, match.start())
            if whole is None:
                continue
            for part in _parts(doc, match.end(), whole):
                claim = Claim(NAME, doc.source, {"whole": whole, "part": part})
                claim.row = derive(claim)
                yield claim

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _whole(doc: Document, pos: int) -> Quantity | None:
    index = doc.sentence_at(pos)
    start = doc.sentences[index][0]
    if not doc.between(start, pos).strip(" ,"):
        start = doc.sentences[max(index - 1, 0)][0]
    amounts = [
        q
        for q in doc.quantities_in(start, pos)
        if q.kind in AMOUNT_KINDS - {"number"} and not doc.is_change(q) and not doc.is_reference(q)
    ]
    return amounts[-1] if amounts and not amounts[-1].is_range else None


def _parts(doc: Document, pos: int, whole: Quantity) -> list[Quantity]:
    """Up to the full stop, the next 其中 (whose parts are its own) or MAX_SENTENCE characters."""
    limit = min(len(doc.view), pos + MAX_SENTENCE)
    stops = [
        m.start()
        for m in (_FULL_STOP.search(doc.view, pos, limit), _WHERE.search(doc.view, pos, limit))
        if m
    ]
    end = min(stops, default=limit)
    family = doc.measure_family(whole)
    return [
        q
        for q in doc.quantities_in(pos, end)
        if same_unit(q, whole)
        and not q.is_range
        and not doc.is_change(q)
        and (
            not family or doc.measure_family(q) in ("", family)
        )  # 净利润 is no whole of 营业收入 segments
    ]


def derive(claim: Claim) -> dict[str, float | None]:
    whole, part = claim.inputs["whole"], claim.inputs["part"]
    scale = abs(whole.value) or 1.0
    return {
        "whole_lo": whole.strict.lo,
        "whole_hi": whole.strict.hi,
        "part_lo": part.strict.lo,
        "part_hi": part.strict.hi,
        "gap": max(0.0, part.strict.lo - whole.strict.hi) / scale,
        "lenient_gap": max(0.0, part.lenient.lo - whole.lenient.hi) / scale,
    }


def explain(claim: Claim) -> str:
    text = claim.source.text
    whole, part = claim.inputs["whole"], claim.inputs["part"]
    share = f" ({part.value / whole.value * 100:.1f}% of it)" if whole.value > 0 else ""
    return (
        f"part {part.shown(text)} {interval_text(part.strict, whole)} against whole "
        f"{whole.shown(text)} {interval_text(whole.strict, whole)}: the part is "
        f"{amount_text(part.value, whole)}{share}"
    )
