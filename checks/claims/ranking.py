"""ranking: a stated order must match the values.

最高的…分别为 A x、B y 和 C z(,D w 位列第四)     x ≥ y ≥ z ≥ w (最低/最少: ascending)
…第一梯队…分别达到 a 和 b。…第二梯队…分别为 c 和 d  every first-tier value ≥ every second-tier one
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.base import Claim, same_unit
from checks.document import AMOUNT_KINDS, Document
from checks.quantities import Quantity

NAME = "ranking"
_LIST = re.compile(r"(?:分别为|分别是|依次为|依次是|分别)")
_DESCENDING = re.compile(
    r"最高|最多|最大|居前|排名前|排在前|位列前|排列前|前[0-9一二三四五六七八九十]+(?:位|名|大)"
)
_ASCENDING = re.compile(r"最低|最少|最小")
_NTH = re.compile(r"^\s*(?:位列|位居|排名|排在|居)第(?P<n>[0-9一二三四五六七八九十]+)")
_TIER = re.compile(r"第(?P<n>[一二三四五])梯队")
_CN_ORDINAL = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}


class Ranking:
    name = NAME
    columns = ("items", "gap", "lenient_gap")

    def find(self, doc: Document) -> Iterator[Claim]:
        yield from self._ordered_lists(doc)
        yield from self._tiers(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)

    def _ordered_lists(self, doc: Document) -> Iterator[Claim]:
        for match in _LIST.finditer(doc.view):
            start, end = doc.sentences[doc.sentence_at(match.start())]
            cue = doc.between(start, match.start())
            order = _DESCENDING.search(cue) or _ASCENDING.search(cue)
            if order is None:
                continue  # a list without a stated order is not a ranking
            descending = bool(_DESCENDING.search(cue))
            items = _listed(doc, doc.quantities_in(match.end(), end))
            if len(items) >= 2:
                claim = _claim(doc, [[q] for q in items], descending, "list")
                clause = max(cue.rfind(c, 0, order.start()) for c in ",;:,")
                claim.cue = (start + clause + 1, start + order.end())  # 东盟…是前四大贸易伙伴
                yield claim

    def _tiers(self, doc: Document) -> Iterator[Claim]:
        tiers: dict[int, list[Quantity]] = {}
        for match in _TIER.finditer(doc.view):
            start, end = doc.sentences[doc.sentence_at(match.start())]
            amounts = [q for q in doc.quantities_in(start, end) if q.kind in AMOUNT_KINDS]
            rank = _CN_ORDINAL[match.group("n")]
            if amounts and rank not in tiers:
                tiers[rank] = amounts
        ranks = sorted(tiers)
        for upper, lower in zip(ranks, ranks[1:], strict=False):
            if lower == upper + 1 and same_unit(tiers[upper][0], tiers[lower][0]):
                yield _claim(doc, [tiers[upper], tiers[lower]], True, "tiers")


def _listed(doc: Document, found: list[Quantity]) -> list[Quantity]:
    """Same-unit amounts in list order; one more joins when it is said to rank next."""
    items: list[Quantity] = []
    for quantity in found:
        if quantity.kind not in AMOUNT_KINDS or quantity.is_range:
            break
        if items and not same_unit(items[0], quantity):
            break
        nth = _NTH.match(doc.between(quantity.end, quantity.end + 8))
        if items and nth and _ordinal(nth.group("n")) != len(items) + 1:
            break
        items.append(quantity)
    return items


def _ordinal(text: str) -> int:
    return int(text) if text.isdigit() else _CN_ORDINAL.get(text, 0)


def _claim(doc: Document, groups: list[list[Quantity]], descending: bool, shape: str) -> Claim:
    inputs = {f"item{i + 1}": q for i, q in enumerate(q for group in groups for q in group)}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {"descending": descending, "shape": shape, "sizes": [len(g) for g in groups]}
    claim.row = derive(claim)
    return claim


def _groups(claim: Claim) -> list[list[Quantity]]:
    values, groups = list(claim.inputs.values()), []
    for size in claim.facts["sizes"]:
        groups.append(values[:size])
        values = values[size:]
    return groups


def _violation(groups: list[list[Quantity]], descending: bool, lenient: bool) -> float:
    """How far the worst adjacent pair breaks the order; 0 when every pair can hold."""
    worst = 0.0
    for higher, lower in zip(groups, groups[1:], strict=False):
        for a in higher:
            for b in lower:
                first, second = (a, b) if descending else (b, a)
                top = first.lenient if lenient else first.strict
                bottom = second.lenient if lenient else second.strict
                worst = max(worst, bottom.lo - top.hi)
    return worst


def derive(claim: Claim) -> dict[str, float | None]:
    groups = _groups(claim)
    scale = max(abs(q.value) for q in claim.inputs.values()) or 1.0
    descending = claim.facts["descending"]
    return {
        "items": float(len(claim.inputs)),
        "gap": _violation(groups, descending, lenient=False) / scale,
        "lenient_gap": _violation(groups, descending, lenient=True) / scale,
    }


def explain(claim: Claim) -> str:
    text = claim.source.text
    sign = " ≥ " if claim.facts["descending"] else " ≤ "
    shown = [" / ".join(q.shown(text) for q in group) for group in _groups(claim)]
    order = "descending" if claim.facts["descending"] else "ascending"
    what = "tiers" if claim.facts["shape"] == "tiers" else "items"
    return f"stated {order} order of {what}: {sign.join(shown)}"
