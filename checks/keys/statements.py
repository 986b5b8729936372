"""Key every level figure in a document: what it measures, of what, where, when, in what unit.

A statement is *strong* when its measure is named before it (or joined to it by 跻身/入选…) and its
year is stated in its sentence or paragraph. Anything weaker can only ever produce a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checks.document import Document
from checks.facts import Fact, facts
from checks.keys.lexicon import Lexicon, Section
from checks.quantities import Period, Quantity
from checks.vocabulary import FROM_BEFORE, TO_AFTER

LEVEL_KINDS = frozenset({"money", "count", "people", "percent"})
_CLAUSE_BREAK = re.compile(r"[,、;:()]")
_JOINED_AFTER = re.compile(r"^[^,,;。]{0,12}?(?:跻身|入选|入围|进入|上榜|位列)")
_SUBJECT_BREAK = re.compile(r"[,、;:]")
_NEW_SUBJECT = re.compile(r"[\u4e00-\u9fff]{2,}")
_RELATIVE_YEAR = re.compile(r"(?:上年|去年|前年|同期)(?:末|底|同期)?的?\s*$")
_PUBLICATION = re.compile(r"(20\d{2}|19\d{2}) ?[-年/.] ?(\d{1,2})")


@dataclass(frozen=True)
class Key:
    measure: str
    category: str
    region: str
    partner: str
    modality: str
    klass: str
    period: str  # "2023", or "2020:1-11月" for part of a year
    unit: str  # kind:unit, e.g. money:CNY

    def loose(self) -> tuple[str, str, str, str, str]:
        """The bucket for loose comparison: everything but category, modality and period."""
        return (self.measure, self.region, self.partner, self.klass, self.unit)

    @property
    def year(self) -> int:
        return int(self.period.split(":", 1)[0])

    def label(self) -> str:
        parts = [self.measure, self.category, self.modality, self.partner, self.klass]
        scope = "/".join(p for p in parts[1:] if p)
        return f"{self.measure}[{scope or self.region}] {self.period}"


@dataclass(frozen=True)
class Statement:
    source_id: str
    quantity: Quantity
    key: Key
    weak_reasons: tuple[str, ...]  # empty when strong
    label: str = ""  # the figure's label and period in the fact table: its scope in its document

    @property
    def strong(self) -> bool:
        return not self.weak_reasons


def publication_year(view: str, stated_date: str | None) -> int | None:
    """The year from the metadata, else the first date near the top of the text."""
    found = _PUBLICATION.search(str(stated_date or "")) or _PUBLICATION.search(view[:600])
    return int(found.group(1)) if found else None


def statements(doc: Document, lexicon: Lexicon, published: int | None) -> list[Statement]:
    found = []
    for quantity in doc.tokens:
        if isinstance(quantity, Quantity) and quantity.kind in LEVEL_KINDS:
            statement = _statement(doc, lexicon, quantity, published)
            if statement is not None:
                found.append(statement)
    return found


def _statement(doc: Document, lexicon: Lexicon, q: Quantity, published: int | None):
    s_start, s_end = doc.sentences[doc.sentence_at(q.start)]
    if _is_earlier_value(doc, q, s_start):
        return None
    fact = facts(doc).of(q)
    if fact is not None and fact.role in ("change", "reference", "prior", "whole"):
        return None  # 比上年增加2.5亿人次 states a change, not the level itself
    weak: list[str] = []
    aliases_before = lexicon.measures.find_all(doc.view, s_start, q.start)
    measure = _measure(doc, lexicon, q, aliases_before, s_end, weak)
    if measure is None:
        return None
    period = _period(doc, q, s_start, published, weak)
    if period is None:
        return None
    clause_start = _clause_start(doc, q, s_start)
    masked = [(a, b) for a, b, _ in aliases_before]
    product = lexicon.measures.entries[measure].product
    respective = _respectively(doc, lexicon, q, s_start)
    region = respective.get("region") or _nearest(lexicon.regions, doc, s_start, q.start, masked)
    if region == "local":
        region = f"local:{doc.source.id}"
    key = Key(
        measure=measure,
        category=_category(doc, lexicon.categories, q, s_start, s_end) if product else "",
        region=region or "CN",
        partner=respective.get("partner") or _nearest(lexicon.partners, doc, s_start, q.start, []),
        modality=_modality(doc, lexicon.modalities, q, clause_start) if product else "",
        klass=_nearest(lexicon.classes, doc, s_start, q.start, []) if product else "",
        period=period,
        unit=f"{q.kind}:{q.unit}",
    )
    if product and not (key.category or key.modality or key.partner or key.klass):
        # The lexicon does not know what this figure is of: its label's subject must then match
        # (中药类产品出口额 and 西药原料出口额 are two figures, not one stated twice).
        key = replace(key, category=f"~{_label_subject(fact)}")
    scope = f"{fact.label.text}|{fact.period}" if fact else ""
    return Statement(doc.source.id, q, key, tuple(weak), scope)


def _label_subject(fact: Fact | None) -> str:
    if fact is None:
        return ""
    label = fact.label
    return label.subject if label.head else label.text


def _respectively(doc: Document, lexicon: Lexicon, q: Quantity, s_start: int) -> dict[str, str]:
    """上海和广东……分别达到A和B: the i-th figure after 分别 takes the i-th place named before."""
    sentence = doc.between(s_start, q.start)
    marker = sentence.rfind("分别")
    if marker < 0:
        return {}
    marker += s_start
    figures = [
        f
        for f in doc.quantities_in(marker, doc.sentences[doc.sentence_at(q.start)][1])
        if f.unit == q.unit
    ]
    if q not in figures:
        return {}
    for field, section in (("region", lexicon.regions), ("partner", lexicon.partners)):
        names = [m[2] for m in section.find_all(doc.view, s_start, marker)]
        if len(names) == len(figures) and len(set(names)) == len(names):
            return {field: names[figures.index(q)]}
    return {}


def _is_earlier_value(doc: Document, q: Quantity, s_start: int) -> bool:
    """从A增至B: A belongs to an earlier, unnamed period unless it carries its own year."""
    before = doc.between(max(s_start, q.start - 3), q.start)
    after = doc.between(q.end, q.end + 6)
    if _RELATIVE_YEAR.search(doc.between(max(s_start, q.start - 6), q.start)):
        return True
    return bool(FROM_BEFORE.search(before) and TO_AFTER.match(after))


def _measure(doc, lexicon: Lexicon, q: Quantity, aliases_before, s_end: int, weak: list[str]):
    """The nearest alias of the figure's unit kind before it, else one joined to it after."""
    entries, kind = lexicon.measures.entries, q.kind
    before = [m for m in aliases_before if entries[m[2]].kind == kind]
    if before:
        return before[-1][2] if _bound(doc, before[-1][1], q) else None
    found_after = lexicon.measures.find_all(doc.view, q.end, s_end)
    after = [m for m in found_after if entries[m[2]].kind == kind]
    if not after:
        return None
    if _JOINED_AFTER.match(doc.between(q.end, after[0][0])):
        return after[0][2]  # 11家企业跻身全球100强
    if kind != "percent":
        return None  # "3000多台设备" and "15台左右的设备" need not be one measure
    weak.append("the measure is named after the figure")
    return after[0][2]  # 约80%的CT机……都是进口产品


def _bound(doc: Document, alias_end: int, q: Quantity) -> bool:
    """An alias names the figures of its own clause run: "总诊疗人次达52亿人次,基层…21亿人次"
    gives 52 the measure, not 21, which follows another figure and another clause."""
    for other in doc.quantities_in(alias_end, q.start):
        if other.kind != q.kind:
            continue
        gap = doc.between(other.end, q.start)
        cuts = [m.end() for m in _SUBJECT_BREAK.finditer(gap)]
        if cuts and _NEW_SUBJECT.search(gap[cuts[-1] :]):
            return False  # "X%的A、Y%的B" shares one alias; ",基层机构21亿人次" does not
    return True


def _period(doc: Document, q: Quantity, s_start: int, published: int | None, weak: list[str]):
    for token in reversed(doc.tokens_in(doc.paragraph_start(q.start), q.start)):
        if isinstance(token, Period) and token.span_years and token.start >= s_start:
            return None  # 近10年共计23件: a total over several years has no single year
        if isinstance(token, Period) and token.first is not None:
            if token.first != token.last:
                return None  # a range is no level's period
            if token.start < s_start:
                weak.append("the year is taken from an earlier sentence")
            part = f":{token.part}" if token.part and token.part not in ("末", "底") else ""
            return f"{token.first}{part}"
    if published is None:
        return None
    weak.append("the year is taken from the publication date")
    return str(published)


def _clause_start(doc: Document, q: Quantity, s_start: int) -> int:
    text = doc.between(s_start, q.start)
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(text)]
    return s_start + (cuts[-1] if cuts else 0)


def _nearest(section: Section, doc: Document, start: int, end: int, masked) -> str:
    found = [
        m
        for m in section.find_all(doc.view, start, end)
        if not any(a <= m[0] < b for a, b in masked)
    ]
    return found[-1][2] if found else ""


def _category(doc: Document, section: Section, q: Quantity, s_start: int, s_end: int) -> str:
    before = _nearest(section, doc, doc.paragraph_start(q.start), q.start, [])
    if before:
        return before
    after = section.find_all(doc.view, q.end, s_end)
    return after[0][2] if after else ""


def _modality(doc: Document, section: Section, q: Quantity, clause_start: int) -> str:
    before = _nearest(section, doc, clause_start, q.start, [])
    if before:
        return before
    after = section.find_all(doc.view, q.end, q.end + 8)
    if after and re.fullmatch(r"\s*的?\s*", doc.between(q.end, after[0][0])):
        return after[0][2]  # 约80%的CT机
    return ""
