"""Find stated comparisons between two values, shared by the growth and difference claims.

Three shapes, in both scripts (the view is Simplified):
  B,比/较 A 增长/提高/下降 R          2023年为120亿元,比2022年的100亿元增长20%
  从/由 A 增至/降至 B,增长/下降 R     从100亿元增长到120亿元,增长了20%
  由 A 增长/下降 R 至 B               由100亿元增长20%至120亿元
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checks.claims.base import same_unit
from checks.document import AMOUNT_KINDS, Document
from checks.quantities import Quantity
from checks.vocabulary import DOWN, UP, falls

_VERB = rf"(?P<verb>{UP}|{DOWN})"
# 2015年的, 上年末的, 5月的, 2024年一季度的: the period of the value compared with
_PART_OF_YEAR = r"(?:\d{1,2} ?月份?|第?[一二三四1-4] ?季度|[上下]半年|前三季度)"
_YEAR_OF = (
    rf"(?:\d{{4}} ?年(?:末|底|度)?{_PART_OF_YEAR}?(?:同期)?的?"
    rf"|(?:上|去)年(?:末|底|同期)?{_PART_OF_YEAR}?的?|{_PART_OF_YEAR}的)?"
)
_YEAR_EVENT = r"\d{4} ?年[^,,。;:\d]{2,12}的"  # 由2010年第六次人口普查的X
_COMPARE = re.compile(r"(?:相比于|相较于|相比|相较|较之|比|较)\s*")
_FROM = re.compile(r"(?:从|由)\s*")
_CHANGE_AFTER = re.compile(
    rf"^[,\s]*(?:同比|环比|累计|共|总计)?{_VERB}(?:了|幅|幅为|幅度为|幅达|率为)?(?P<to>到|至)?(?:为|达|约)?\s*$"
)
_ADJACENT = re.compile(r"[,\s]*(?:同比|分别|均)?\s*")
_PER = r"(?:/[\u4e00-\u9fff](?![至到为]))?"  # 1.27元/票: a per-unit figure
_TO = re.compile(
    rf"^{_PER}\s*(?:(?P<verb>{UP}|{DOWN})?了?(?:到|至)|(?P<verb_as>{UP}|{DOWN})为)\s*{_YEAR_OF}\s*$"
)
_BY_THEN_TO = re.compile(rf"^\s*{_VERB}了?(?P<to>)\s*$")
# Rates at constant prices or on a comparable basis do not follow from the nominal values.
CONSTANT_PRICE = re.compile(r"可比价|不变价|扣除价格因素|剔除价格因素|实际增长|按可比口径|同口径")


@dataclass(frozen=True)
class Comparison:
    before: Quantity  # the reference value, A
    after: Quantity  # the compared value, B
    change: Quantity  # the stated change: %, 个百分点, 倍 or an amount
    verb: str
    falling: bool
    to_multiple: bool  # 增至3倍 / 增长到3倍: B = 3A, not 4A


def comparisons(doc: Document) -> list[Comparison]:
    """Every distinct comparison, found once per document (growth and difference share it)."""
    return doc.memo("comparisons", lambda: list(_distinct(doc)))


def _distinct(doc: Document) -> Iterator[Comparison]:
    seen: set[tuple[int, int, int]] = set()
    for found in _all(doc):
        key = (found.before.start, found.after.start, found.change.start)
        if key not in seen:
            seen.add(key)
            yield found


def _all(doc: Document) -> Iterator[Comparison]:
    for match in _COMPARE.finditer(doc.view):
        found = _compared(doc, match)
        if found is not None:
            yield found
    for match in _FROM.finditer(doc.view):
        found = _from_to(doc, match) or _from_by_to(doc, match)
        if found is not None:
            yield found


def _next_quantity(doc: Document, pos: int, end: int) -> Quantity | None:
    found = doc.quantities_in(pos, end)
    return found[0] if found else None


def _amount_after_marker(doc: Document, pos: int) -> Quantity | None:
    quantity = _next_quantity(doc, pos, pos + 24)
    if quantity is None or quantity.is_range:
        return None
    if not re.fullmatch(rf"\s*(?:{_YEAR_OF}|{_YEAR_EVENT})\s*", doc.between(pos, quantity.start)):
        return None
    return quantity


def _sentence_end(doc: Document, pos: int) -> int:
    return doc.sentences[doc.sentence_at(pos)][1]


def _compared(doc: Document, match: re.Match[str]) -> Comparison | None:
    before = _amount_after_marker(doc, match.end())
    if before is None or before.kind not in AMOUNT_KINDS | {"percent"}:
        return None
    change = _next_quantity(doc, before.end, before.end + 16)
    verb = change and _CHANGE_AFTER.match(doc.between(before.end, change.start))
    if not verb:
        return None
    sentence_start = doc.sentences[doc.sentence_at(match.start())][0]
    preceding = doc.quantities_in(sentence_start, match.start())
    subject = preceding[-1] if preceding else None
    # B must sit right before 比/较: "B产品销量比…" compares a value that is not stated here
    if subject is None or not same_unit(subject, before) or subject.is_range:
        return None
    if not _ADJACENT.fullmatch(doc.between(subject.end, match.start())):
        return None
    return _comparison(doc, before, subject, change, verb)


@dataclass(frozen=True)
class Movement:
    """从/由 A 增至/降至 B: a stated direction between two values, with or without a rate."""

    before: Quantity
    after: Quantity
    verb: str  # the direction word, "" when only 从A到B is said
    falling: bool


def movements(doc: Document) -> Iterator[Movement]:
    for match in _FROM.finditer(doc.view):
        found = _movement(doc, match)
        if found is not None:
            yield found


def _movement(doc: Document, match: re.Match[str]) -> Movement | None:
    before = _amount_after_marker(doc, match.end())
    if before is None:
        return None
    after = _next_quantity(doc, before.end, _sentence_end(doc, before.end))
    if after is None or not same_unit(after, before) or after.is_range:
        return None
    to = _TO.match(doc.between(before.end, after.start))
    if to is None:
        return None
    verb = to.group("verb") or to.group("verb_as") or ""
    return Movement(before, after, verb, falls(verb))


def _from_to(doc: Document, match: re.Match[str]) -> Comparison | None:
    movement = _movement(doc, match)
    if movement is None:
        return None
    before, after = movement.before, movement.after
    end = _sentence_end(doc, after.end)
    change = _next_quantity(doc, after.end, min(end, after.end + 16))
    verb = change and _CHANGE_AFTER.match(doc.between(after.end, change.start))
    if not verb:
        return None
    return _comparison(doc, before, after, change, verb)


def _from_by_to(doc: Document, match: re.Match[str]) -> Comparison | None:
    before = _amount_after_marker(doc, match.end())
    if before is None:
        return None
    end = _sentence_end(doc, before.end)
    change = _next_quantity(doc, before.end, min(end, before.end + 10))
    verb = change and _BY_THEN_TO.match(doc.between(before.end, change.start))
    if not verb:
        return None
    after = _next_quantity(doc, change.end, end)
    if after is None or not same_unit(after, before):
        return None
    if not re.fullmatch(rf"\s*(?:到|至)\s*{_YEAR_OF}\s*", doc.between(change.end, after.start)):
        return None
    return _comparison(doc, before, after, change, verb)


def _comparison(
    doc: Document, before: Quantity, after: Quantity, change: Quantity, verb: re.Match[str]
) -> Comparison | None:
    sentence = doc.sentences[doc.sentence_at(before.start)]
    if CONSTANT_PRICE.search(doc.between(*sentence)):
        return None
    return Comparison(
        before=before,
        after=after,
        change=change,
        verb=verb.group("verb"),
        falling=falls(verb.group("verb")),
        to_multiple=bool(verb.group("to")),
    )
