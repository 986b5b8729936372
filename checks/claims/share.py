"""share: a part, a whole and a stated 占…%.

The whole is either named after 占 (占总诊疗人次的41.2%) and found by that name, or a preceding
quantity marked as a total (总, 共计, 合计). With no such whole there is no claim: guessing the
whole is how false alarms start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.base import (
    RELATION_COLUMNS,
    Claim,
    fmt,
    has_total_marker,
    relation_row,
    same_unit,
)
from checks.document import AMOUNT_KINDS, Document
from checks.quantities import Interval, Quantity

NAME = "share"
_SHARE = re.compile(
    r"(?:所)?占(?:到|了|据)?(?P<name>[^,,;。%\d]{0,12}?)(?:的)?(?:比重|比例|份额)?"
    r"(?:比)?(?:为|达到|达|约为)?(?=\s*(?:约|近|超|逾|达)?\s*\d)"
)
_FILLER = re.compile(
    r"^(?:比重|比例|份额|比|的|为|达到|达|约|了)+|(?:比重|比例|份额|比|的|为|达到|达|了)+$"
)


class Share:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        for match in _SHARE.finditer(doc.view):
            rate = _rate(doc, match.start(), match.end())
            if rate is None:
                continue
            part = _part(doc, match.start())
            if part is None:
                continue
            named = _FILLER.sub("", match.group("name") or "")
            whole = _whole(doc, part, named)
            if whole is None:
                continue
            claim = Claim(NAME, doc.source, {"whole": whole, "part": part, "rate": rate})
            claim.facts = {"named_whole": named}
            claim.row = derive(claim)
            yield claim

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _rate(doc: Document, start: int, end: int) -> Quantity | None:
    """The percentage right after 占…; its hedge word (达, 约) may sit inside the match."""
    found = [q for q in doc.quantities_in(start, end + 8) if q.end > end]
    if found and found[0].kind == "percent" and not found[0].is_range:
        return found[0]
    return None


def _part(doc: Document, pos: int) -> Quantity | None:
    """The amount just before 占, in the same sentence and at most one clause back."""
    sentence_start = doc.sentences[doc.sentence_at(pos)][0]
    before = doc.quantities_in(sentence_start, pos)
    if not before or before[-1].kind not in AMOUNT_KINDS or before[-1].is_range:
        return None
    part = before[-1]
    if len(re.findall(r"[,,;]", doc.between(part.end, pos))) > 1 or doc.is_change(part):
        return None
    return part


def _whole(doc: Document, part: Quantity, named: str) -> Quantity | None:
    """A same-unit amount before the part, in this sentence or the one before."""
    index = doc.sentence_at(part.start)
    floor = doc.sentences[max(index - 1, 0)][0]
    for candidate in reversed(doc.quantities_in(floor, part.start)):
        if not same_unit(candidate, part) or candidate.is_range or doc.is_change(candidate):
            continue
        label = doc.label(candidate)
        if named and _names_match(named, label) and not doc.is_share_of_something(candidate):
            # "海外营业收入88.2亿元,占公司营业收入的41.7%" is a part of 营业收入, not it
            return candidate
        if not named and (has_total_marker(label) or _followed_by_where(doc, candidate)):
            return candidate
    return None


def _followed_by_where(doc: Document, quantity: Quantity) -> bool:
    """ "规模为1.2万亿元,其中…": the amount right before 其中 is the whole of what follows."""
    return bool(re.match(r"[,\s]*其中", doc.between(quantity.end, quantity.end + 4)))


def _names_match(named: str, label: str) -> bool:
    core = named.removeprefix("总").removeprefix("全部")
    return bool(core) and core in label and (named == core or has_total_marker(label))


def implied_share(part: Interval, whole: Interval) -> Interval:
    return (part / whole).scale(100)


def derive(claim: Claim) -> dict[str, float | None]:
    part, whole, rate = (claim.inputs[k] for k in ("part", "whole", "rate"))
    if whole.strict.lo <= 0 or part.strict.lo < 0:
        return {"stated_lo": rate.strict.lo, "stated_hi": rate.strict.hi}
    implied = implied_share(part.strict, whole.strict)
    lenient = implied_share(part.lenient, whole.lenient)
    return relation_row(rate.strict, implied, rate.lenient, lenient)


def explain(claim: Claim) -> str:
    text = claim.source.text
    part, whole, rate = (claim.inputs[k] for k in ("part", "whole", "rate"))
    if claim.row.get("implied_lo") is None:
        return "the whole must be positive to compute a share"
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    return (
        f"{part.shown(text)} / {whole.shown(text)} = {fmt(part.value / whole.value * 100)}% "
        f"[from the printed figures {implied.format(2, '%')}]; "
        f"stated {rate.shown(text)} means {rate.strict.format(3, '%')}"
    )
