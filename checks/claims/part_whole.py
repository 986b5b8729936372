"""part_whole: a part introduced by 其中 (or 包括) never exceeds its whole.

The whole is the last amount before 其中 (in the same sentence, or the sentence before when 其中
opens one); the parts are the same-unit amounts after it, up to the end of the full sentence (。),
so a list continued after semicolons is covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checks.claims.base import (
    Claim,
    amount_text,
    fmt,
    interval_text,
    one_loose_reading,
    quote_apart,
    total_of,
    unit_fits,
    with_magnitude,
)
from checks.document import AMOUNT_KINDS, BULLET_MARKS, MAX_SENTENCE, Document
from checks.facts import facts
from checks.facts.labels import (
    GENERIC_WHOLE,
    compatible,
    core_name,
    counted_item,
    measure_named,
    names_a_loss,
    names_whole,
    read_label,
    siblings,
    vocabulary,
)
from checks.facts.partitions import (
    announced_breakdowns,
    breakdowns,
    change_contributions,
    dimension,
    fills,
    item,
    names,
    nested,
    overlaps,
    partition_groups,
    partitions_of,
    rest_after,
    rest_before,
    where_lists,
    where_parts_before,
)
from checks.facts.periods import inside, months, same_year, year_of
from checks.facts.table import Fact, FactTable, lists
from checks.quantities import INF, Interval, Quantity
from checks.vocabulary import FROM_BEFORE

NAME = "part_whole"
_OPEN_RANGE = re.compile(r"以上|以下|及以上|及以下|以内|不满|超过")
_WHERE = re.compile(r"其中|(?<![不未])包括(?!在内)")
_FULL_STOP = re.compile(r"[。\n]")
_SEMICOLON = re.compile(r"[;;]")
_CLOSE = re.compile(r"\)")
_OPENING = " ," + BULLET_MARKS  # what may stand before 其中 opening a sentence or a bullet


class PartWhole:
    name = NAME
    columns = (
        "whole_lo",
        "whole_hi",
        "part_lo",
        "part_hi",
        "gap",
        "lenient_gap",
        "signed_gap",
        "overlap_gap",
    )

    def find(self, doc: Document) -> Iterator[Claim]:
        listed: set[tuple[int, ...]] = set()  # the figures of each 其中 list checked together
        for match in _WHERE.finditer(doc.view):
            whole = _whole(doc, match.start())
            if whole is None:
                continue
            as_kinds: set[int] = set()  # parts joined only as kinds named alone
            parts = _of_its_year(doc, whole, _parts(doc, match.end(), whole, as_kinds))
            if _loss_listed(doc, whole, match.end()):
                continue  # 净利润T,其中A利润a,投资亏损b: the loss counts against, sum checks it
            for part in parts:
                claim = Claim(NAME, doc.source, {"whole": whole, "part": part})
                claim.facts = {"signed": _any_signed(doc, [part])}
                claim.row = derive(claim)
                yield claim
            # kinds named alone (医院, 门诊部, 诊所) may overlap: each is checked against the
            # whole, not their sum
            if as_kinds or len(parts) < 2 or not disjoint(doc, parts):
                continue
            if _one_dimension(doc, whole, parts):
                listed.add(tuple(q.start for q in (whole, *parts)))
                if not _filled(doc, whole, parts):  # a list that fills its whole is sum's
                    yield together(doc, whole, parts)
        yield from _items_apart(doc, listed)
        yield from _parts_of_a_change(doc)
        yield from _breakdowns(doc)
        yield from _within_periods(doc)
        yield from _within_cumulative(doc)
        yield from _listed_shares(doc)
        yield from _shares_of_one_whole(doc)
        yield from _subsets_of_a_measure(doc)
        yield from _named_within_totals(doc)
        yield from _members_within_their_total(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _whole(doc: Document, pos: int) -> Quantity | None:
    index = doc.sentence_at(pos)
    start = doc.sentences[index][0]
    if not doc.between(start, pos).strip(_OPENING):  # 其中 opens its sentence, or its bullet
        start = doc.sentences[max(index - 1, 0)][0]
    amounts = [
        q
        for q in doc.quantities_in(start, pos)
        if (q.kind in AMOUNT_KINDS - {"number"} or with_magnitude(q))
        and not doc.is_change(q)
        and not doc.is_reference(q)
        and not any(word in doc.label(q) for word in vocabulary().per_head)  # 每股收益X。其中…
    ]
    first = next(iter(doc.quantities_in(pos, pos + MAX_SENTENCE)), None)
    if first is not None and amounts and not unit_fits(amounts[-1], first):
        # 口罩出口500亿只,价值300亿元,…每人近20个口罩,这其中包括医用口罩150亿只: the last figure
        # of the first part's unit in the sentence is the whole
        amounts = [q for q in amounts if q.same_unit(first)] or amounts
    if not amounts or amounts[-1].is_range:
        return None
    if doc.inside_bracket(amounts[-1].start) and not _bracketed_alone(doc, amounts[-1]):
        return None  # (中药两件、化药169件、生物制品22件)。其中…: a bracketed item is no whole
    return amounts[-1]


def _bracketed_alone(doc: Document, quantity: Quantity) -> bool:
    """输往内地货值(5.2亿元): a figure that is all its bracket holds, the value of the name
    before it, as Hong Kong's releases print them."""
    opened = doc.between(quantity.start - 1, quantity.start)
    return opened in ("(", "（") and doc.between(quantity.end, quantity.end + 1) in (")", "）")


def _parts(
    doc: Document, pos: int, whole: Quantity, as_kinds: set[int] | None = None
) -> list[Quantity]:
    """Up to the full stop, the next 其中 (whose parts are its own), the bracket a 其中 opened
    in, or MAX_SENTENCE characters; and only while the figures still name parts of the whole."""
    limit = min(len(doc.view), pos + MAX_SENTENCE)
    stops = [
        m.start()
        for m in (_FULL_STOP.search(doc.view, pos, limit), _WHERE.search(doc.view, pos, limit))
        if m
    ]
    bracketed = doc.inside_bracket(pos)
    if bracketed:  # 三级医院900个(其中:三甲医院500个),二级医院4000个
        close = _CLOSE.search(doc.view, pos, limit)
        stops += [close.start()] if close else []
    end = min(stops, default=limit)
    family = doc.measure_family(whole)
    candidates = [
        q
        for q in doc.quantities_in(pos, end)
        if (unit_fits(whole, q) and not with_magnitude(whole) or _names_its_unit(whole, q))
        and not q.is_range
        and not doc.is_change(q)
        and (
            not family or doc.measure_family(q) in ("", family)
        )  # 净利润 is no whole of 营业收入 segments
    ]
    return candidates if bracketed else _still_parts(doc, whole, candidates, as_kinds)


def _of_its_year(doc: Document, whole: Quantity, parts: list[Quantity]) -> list[Quantity]:
    """预计到2028年将达到T。其中,甲2023年市场规模为a: a part stated for another year than its
    forecast whole's is of another whole (this year's, not the forecast's)."""
    table = facts(doc)
    found = table.of(whole)
    if found is None or not found.forecast:
        return parts  # 总数T,其中…由2012年的a增至b: a part's earlier value may be named too
    return [q for q in parts if (f := table.of(q)) is None or same_year(f.period, found.period)]


def _names_its_unit(whole: Quantity, part: Quantity) -> bool:
    """在社区卫生机构工作的人员8.40万,其中…5.20万人: a bare whole takes the unit its parts print;
    a bare part (1.9亿) may be of another measure, its unit as unsaid as the whole's."""
    return with_magnitude(whole) and part.kind in AMOUNT_KINDS - {"number"}


def _still_parts(
    doc: Document, whole: Quantity, candidates: list[Quantity], as_kinds: set[int] | None = None
) -> list[Quantity]:
    """The first figure after 其中 is a part. A later one is a part when it names nothing new,
    is listed with 、, or names what the whole names (its last character: 进出口 → 出口, 进口);
    a sibling of the whole (第二产业投资 → 第三产业投资) or an unrelated item (呼吸机 → 监护仪)
    ends the list."""
    table = facts(doc)
    whole_fact = table.of(whole)
    whole_label = whole_fact.label.text if whole_fact else ""
    parts: list[Quantity] = []
    for quantity in candidates:
        fact = table.of(quantity)
        label = fact.label.text if fact else ""
        if fact is not None and fact.role in ("reference", "prior"):
            continue  # 去年同期出口额X: last year's value, no part of this year's whole
        if fact is not None and whole_fact is not None and _other_measure(fact, whole_fact):
            continue  # 乘用车产量 is no part of 汽车销量; 出口 is of 进出口
        if siblings(label, whole_label):
            break
        listed = doc.between(quantity.start - len(label) - 1, quantity.start).startswith("、")
        # 市级24个、县(市、区)级137个: a bracket inside the item's name hides its 、
        listed = listed or bool(parts) and doc.between(parts[-1].end, quantity.start)[:1] == "、"
        same_ending = bool(label and whole_label and label[-1] == whole_label[-1])
        # an empty label, or the last part's, names nothing new (由A增至B goes on about the same
        # part); a figure whose share names the whole is one more part (其中A,占T的a%;B,占T的b%)
        shared = whole_fact is not None and fact is not None and _share_of(table, fact, whole_fact)
        last = table.of(parts[-1]) if parts else None
        again = last is not None and label == last.label.text
        # 其中医院A个,基层医疗卫生机构B个: after a first part named by its item alone, another
        # item named alone is one more kind of the whole (an item with a measure, 监护仪出口,
        # may be another product's figure)
        first = table.of(parts[0]) if parts else None
        kinds = (
            _item_alone(fact)
            and _item_alone(first)
            and not _names_the_whole(first, whole_fact)
            and not (whole_fact is not None and _share_of_another(table, fact, whole_fact))
        )
        if parts and label and not (listed or same_ending or shared or again or kinds):
            break
        if parts and label and not (listed or same_ending or shared or again):
            (as_kinds if as_kinds is not None else set()).add(quantity.start)
        parts.append(quantity)
    return parts


def _names_the_whole(part: Fact | None, whole: Fact | None) -> bool:
    """监护仪A台,其中便携式监护仪B台: a part named as the whole with a qualifier is one kind of it;
    an item named otherwise after it (输液泵) is another product, not a kind."""
    if part is None or whole is None:
        return False
    name = _without_measure(core_name(whole.label.text))
    return len(name) >= 2 and _without_measure(core_name(part.label.text)).endswith(name)


def _without_measure(name: str) -> str:
    """监护仪出口 → 监护仪: a name less the measure word it ends in."""
    variant = next((v for v in vocabulary().heads if name.endswith(v)), "")
    return name[: len(name) - len(variant)]


def _filled(doc: Document, whole: Quantity, parts: list[Quantity]) -> bool:
    table = facts(doc)
    found = [table.of(q) for q in (whole, *parts)]
    return None not in found and fills(found[0], found[1:])  # type: ignore[arg-type]


def _item_alone(fact: Fact | None) -> bool:
    """A count named by its item alone, with no measure word: 医院, 注册护士 (not 门诊人次)."""
    if fact is None or fact.quantity.kind not in ("count", "people"):
        return False
    label = fact.label
    return bool(label.text) and not label.head and not counted_item(label.text)[1]


def _share_of(table: FactTable, part: Fact, whole: Fact) -> bool:
    """注册护士为B,占卫生技术人员总数的s%: a figure whose share names the whole is its part."""
    return any(
        f.whole_label is not None and names_whole(whole.label, f.whole_label)
        for f in table.shares_of(part)
    )


def _other_measure(part, whole) -> bool:
    return _heads_apart(part.label.head, whole.label.head)


def _heads_apart(a: str, b: str) -> bool:
    """Two measures both named, neither holding the other (出口, 进口; not 出口, 进出口)."""
    return bool(a and b) and a not in b and b not in a


def together(doc: Document, whole: Quantity, parts: list[Quantity], loosely: bool = False) -> Claim:
    """Parts of one breakdown together never exceed their whole. Parts `loosely` gathered may
    overlap: above the whole they are a warning."""
    inputs = {"whole": whole} | {f"part{i + 1}": q for i, q in enumerate(parts)}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {"parts": len(parts), "signed": _any_signed(doc, parts), "overlap": loosely}
    claim.row = derive(claim)
    start, end = claim.span  # before quote_apart, the span of every input
    claim = quote_apart(doc, claim)
    claim.fixed_id = f"{doc.source.id}:{NAME}:{start}-{end}:{len(parts)}"  # apart from each part's
    return claim


def _fit(whole: Quantity, parts: list[Quantity]) -> bool:
    """Parts that, as printed, do not exceed their whole."""
    return total_of(parts).lo <= whole.strict.hi


def disjoint(doc: Document, parts: list[Quantity]) -> bool:
    """Whether listed parts may be added: not open-ended ranges of one scale (60岁及以上,
    70岁及以上 nest), and no two of them named in data/overlaps.yaml (机电产品, 高新技术产品)."""
    table = facts(doc)
    labels = [table.of(q).label.text if table.of(q) else "" for q in parts]
    if any(_OPEN_RANGE.search(label) for label in labels):
        return False
    return not any(
        sum(any(word in label for label in labels) for word in group) >= 2 for group in overlaps()
    )


def _one_dimension(doc: Document, whole: Quantity, parts: list[Quantity]) -> bool:
    """其中A、B: items named alike (对X…, X企业…), or each a share of the whole (其中A,占T的a%;
    B,占T的b%), and of one period can be added; 城镇人口 and 全年出生人口 in one 其中 sentence are
    a stock and a flow."""
    table = facts(doc)
    found = [table.of(q) for q in parts]
    whole_fact = table.of(whole)
    if any(f is None for f in found) or len({f.period for f in found}) != 1:
        return False
    if nested([item(f) for f in found]):
        return False  # 榴莲 and 泰国榴莲: one holds the other
    if len({dimension(item(f)) for f in found}) == 1:
        return True
    if _named_alike(found):
        return True
    if _one_measure_of_the_whole(found, whole_fact):
        return True
    return whole_fact is not None and all(_share_of(table, f, whole_fact) for f in found)


_SHORT_NAME = 3  # characters: 省级, 市地级, 一类 name a grade alone, with no measure after it


def _named_alike(parts: list[Fact]) -> bool:
    """省级A、市级B、县级C: names too short to split into an item and a measure, of one ending
    (级, 类) and each its own, are the grades of one scale."""
    names = [core_name(f.label.text) for f in parts]
    return (
        all(2 <= len(name) <= _SHORT_NAME for name in names)
        and len({name[-1] for name in names}) == 1
        and len(set(names)) == len(names)
    )


def _one_measure_of_the_whole(parts: list[Fact], whole: Fact | None) -> bool:
    """其中,榴莲进口A,樱桃进口B: items of the whole's own measure are kinds of what the whole
    counts."""
    if whole is None or not whole.label.head:
        return False
    return all(f.label.head == whole.label.head and len(item(f)) >= 2 for f in parts)


def _parts_of_a_change(doc: Document) -> Iterator[Claim]:
    """较上年增加D,其中A贡献了a,B贡献了b: the items' parts of a rise together are no more than
    it, read loosely: items left unnamed may have fallen, and then the named ones add up to
    more (a warning, never an error)."""
    for change, parts in change_contributions(facts(doc)):
        if len(parts) >= 2 and disjoint(doc, [p.quantity for p in parts]):
            yield together(doc, change.quantity, [p.quantity for p in parts], loosely=True)


def _items_apart(doc: Document, listed: set[tuple[int, ...]]) -> Iterator[Claim]:
    """享受待遇T。其中:A a;B b;C c: a 其中 list whose items stand apart, one to a clause closed
    by a semicolon, is a list of the whole's parts however differently they are named; short of
    the whole it is an open list (sum checks it when it fills), so together its items may only
    not exceed it."""
    table = facts(doc)
    for whole, items in where_lists(table):
        quantities = [f.quantity for f in items]
        key = tuple(q.start for q in (whole.quantity, *quantities))
        if key in listed or fills(whole, items) or not _one_to_a_clause(doc, items):
            continue
        if _an_item_itself(doc, whole) or any(_another_head(f, whole) for f in items):
            continue  # 乙T,其中A a;丙U: the list may run on into the list around its whole
        if any(_share_of_another(table, f, whole) for f in items):
            continue  # 其中A a;B b,占U的s%: B is of another whole
        if any(siblings(f.label.text, whole.label.text) for f in items):
            continue  # 第二产业投资T,其中A a;第三产业投资U: the list around the whole goes on
        if len({f.period for f in items}) == 1 and disjoint(doc, quantities):
            yield together(doc, whole.quantity, quantities)


def _share_of_another(table: FactTable, part: Fact, whole: Fact) -> bool:
    """A figure whose share names a whole other than this one."""
    return any(
        f.whole_label is not None and not names_whole(whole.label, f.whole_label)
        for f in table.shares_of(part)
    )


def _another_head(part: Fact, whole: Fact) -> bool:
    """数控车床进口 is no part of 出口机床: the measure a label names first, where it ends
    in none."""
    return _heads_apart(measure_named(part.label.text).head, measure_named(whole.label.text).head)


def _an_item_itself(doc: Document, whole: Fact) -> bool:
    """甲x;乙T,其中…: a whole whose own clause a semicolon opened is an item of a list."""
    before = doc.view[max(0, whole.quantity.start - MAX_SENTENCE) : whole.quantity.start]
    return bool(_SEMICOLON.search(_FULL_STOP.split(before)[-1]))


def _one_to_a_clause(doc: Document, items: list[Fact]) -> bool:
    """Each item after the first opens a clause that a semicolon opened."""
    return all(
        _SEMICOLON.search(doc.between(a.quantity.end, b.quantity.start))
        for a, b in zip(items, items[1:], strict=False)
    )


def _breakdowns(doc: Document) -> Iterator[Claim]:
    """A whole, then a run of its items stated one by one: "货物贸易进出口T。……以一般贸易方式
    进出口A;以加工贸易方式进出口B;以保税物流方式进出口C"; or items after a sentence announcing
    them (出口额T。分品类看,A a;B b), unless they fill the whole (then sum checks them)."""
    table = facts(doc)
    seen: set[int] = set()  # the announced items: a run among them is no other breakdown
    for whole, parts in announced_breakdowns(table):
        seen.update(p.index for p in parts)
        quantities = [p.quantity for p in parts]
        if fills(whole, parts) or not disjoint(doc, quantities):
            continue
        before = [p.quantity for p in where_parts_before(table, whole, parts)]
        if before and _fit(whole.quantity, quantities) and disjoint(doc, before + quantities):
            yield together(doc, whole.quantity, before + quantities, loosely=True)
        else:
            yield together(doc, whole.quantity, quantities)
    for whole, parts in breakdowns(table):
        quantities = [p.quantity for p in parts]
        if seen.isdisjoint(p.index for p in parts) and disjoint(doc, quantities):
            yield together(doc, whole.quantity, quantities)


_PERIOD_NOISE = re.compile(r"[\dQH年月季度单]+")
PERIOD_REACH = 1  # paragraphs before and after a part where the whole period's figure may stand


def _within_periods(doc: Document) -> Iterator[Claim]:
    """A flow over part of a period never exceeds the same flow over all of it: 第三季度营业收入
    against 前三季度营业收入, 1-11月产值 against 全年产值. The nearest such figure is the whole."""
    table = facts(doc)
    flows = [f for f in table if is_flow(f)]
    loose = _loose_years(flows)
    wholes = [f for f in flows if f.period not in loose]
    starts = sorted({f.paragraph for f in table})  # the document's paragraphs, in order
    for part in flows:
        if part.forecast or (span := months(part.period)) is None or span == (1, 12):
            continue  # only part of a period can lie inside another
        whole = _whole_period(wholes, part, _paragraphs_around(starts, part))
        if whole is not None:
            claim = Claim(NAME, doc.source, {"whole": whole.quantity, "part": part.quantity})
            claim.facts = {"periods": [whole.period, part.period], "signed": signed_flow(part)}
            claim.row = derive(claim)
            yield quote_apart(doc, claim)


def _named_within_totals(doc: Document) -> Iterator[Claim]:
    """财政总收入A … 地方财政收入B / 工业总产值A … 规模以上工业产值B: a total (总, 总额)
    holds each figure of its paragraph and period named by its name with a qualifier in front.
    Measures a part of which may exceed the total (a profit beside losses) and averages (人均,
    单位) are left alone."""
    table = facts(doc)
    for whole in table:
        if not whole.label.total or not _bounded_level(whole):
            continue
        name = core_name(whole.label.text)
        if len(name) < 2:
            continue
        for part in table:
            if part.paragraph != whole.paragraph or part is whole or part.label.total:
                continue
            if not _bounded_level(part) or not part.same_unit(whole):
                continue
            if part.period != whole.period:
                continue
            if not part.period and abs(part.sentence - whole.sentence) > 1:
                continue  # undated figures are of one period only in sentences side by side
            own = core_name(part.label.text)
            if own != name and own.endswith(name):
                claim = Claim(NAME, doc.source, {"whole": whole.quantity, "part": part.quantity})
                claim.facts = {"signed": False}
                claim.row = derive(claim)
                yield quote_apart(doc, claim)


def _members_within_their_total(doc: Document) -> Iterator[Claim]:
    """全省工业增加值A … 第二产业增加值B: a part of a partition whose total the data names as an
    item (工业 of 第二产业, data/partitions.yaml) is at most the total's figure of the same
    measure, period and unit, wherever the document states it; a complete partition's parts
    are sum's."""
    groups = [(words, total) for words, total in _item_groups() if _any_in(total, doc.view)]
    if not groups:
        return  # most documents name no such total
    table = facts(doc)
    words_named = [w for words, total in groups for w in (*words, total) for w in w.split("|")]
    levels = [f for f in table if any(w in f.label.text for w in words_named) and _bounded_level(f)]
    summed: set[tuple[int, int]] | None = None
    for words, total in groups:
        totals = [f for f in levels if names(f.label.text, total)]
        if totals and summed is None:
            summed = {
                (p.index, found.total.index)
                for found in partitions_of(table)
                if found.total
                for p in found.parts
            }
        for part in levels if totals else ():
            word = next((w for w in words if names(part.label.text, w, total)), None)
            if word is None:
                continue
            matching = [w for w in totals if _of_one_measure(part, word, w, total)]
            if not matching:
                continue
            # totals of one measure and period at several values are of several scopes (对美国
            # 纺织服装出口 among them): only the largest is surely of the part's scope or wider
            whole = max(matching, key=lambda w: w.quantity.value)
            if (part.index, whole.index) in summed:
                continue
            claim = Claim(NAME, doc.source, {"whole": whole.quantity, "part": part.quantity})
            claim.facts = {"signed": False}
            claim.row = derive(claim)
            yield quote_apart(doc, claim)


@lru_cache(maxsize=1)
def _item_groups() -> list[tuple[list[str], str]]:
    """The partition groups whose total names an item (第二产业), not a measure of the
    vocabulary (进出口)."""
    heads = set(vocabulary().heads.values())
    return [
        (words, total)
        for words, total in partition_groups()
        if total and not any(w in heads for w in total.split("|"))
    ]


def _any_in(spellings: str, text: str) -> bool:
    return any(w in text for w in spellings.split("|"))


def _of_one_measure(part: Fact, word: str, whole: Fact, total: str) -> bool:
    """工业增加值 and 第二产业(完成)增加值: one measure after the two words, one period (or none
    named in either), one unit, subjects that may be one."""
    measure = _measure_after(part.label.text, word)
    return (
        len(measure) >= 2
        and measure == _measure_after(whole.label.text, total)
        and _owner(part.label.text, word) == _owner(whole.label.text, total)
        and part.period == whole.period
        and part.same_unit(whole)
        and not names(whole.label.text, word, total)
    )


def _measure_after(label: str, word: str) -> str:
    return core_name(read_label(rest_after(label, word)).text)


def _owner(label: str, word: str) -> str:
    """Whose it is: the words before the partition word, but for the reporter's own scope
    (全省工业 and 第二产业 are one province's; 对欧盟纺织服装 is not all 纺织品)."""
    return core_name(rest_before(label, word))


def _subsets_of_a_measure(doc: Document) -> Iterator[Claim]:
    """规模以上工业增加值A … 全省工业增加值B: a figure named by a subset qualifier (data/labels.yaml
    subsets) and a measure is part of the figure of that measure, of its paragraph and period."""
    table = facts(doc)
    qualifiers = vocabulary().subsets
    for part in table:
        own = core_name(part.label.text)
        qualifier = next((q for q in qualifiers if own.startswith(q)), None)
        if qualifier is None or not _bounded_level(part):
            continue
        rest = own[len(qualifier) :].removeprefix("单位")
        if len(rest) < 2:
            continue
        for whole in table:
            if whole is part or whole.paragraph != part.paragraph or not _bounded_level(whole):
                continue
            if not whole.same_unit(part) or whole.period != part.period:
                continue
            if core_name(whole.label.text) == rest:
                claim = Claim(NAME, doc.source, {"whole": whole.quantity, "part": part.quantity})
                claim.facts = {"signed": False}
                claim.row = derive(claim)
                yield quote_apart(doc, claim)
                break


def _bounded_level(fact: Fact) -> bool:
    """An amount at one level, of a measure no negative part can push a part above."""
    words = vocabulary()
    return (
        fact.role == "level"
        and fact.is_amount
        and not fact.quantity.is_range
        and not fact.forecast
        and not signed_flow(fact)
        and not any(word in fact.label.text for word in (*words.per_head, *words.averages))
    )


_CUMULATIVE = "累计"
CUMULATIVE_REACH = 1  # paragraphs apart a cumulative figure and one of its stretch may stand


def _within_cumulative(doc: Document) -> Iterator[Claim]:
    """累计获批上市的创新产品达到180个 … 当年共批准上市创新产品45个: a cumulative
    count never falls below a count of the same thing within it, of its year or undated."""
    table = facts(doc)
    counts = [
        f
        for f in table
        if f.role == "level" and f.quantity.kind == "count" and not f.quantity.is_range
    ]
    starts = sorted({f.paragraph for f in table})
    for whole in (f for f in counts if _CUMULATIVE in f.clause and not signed_flow(f)):
        noun = _counted(whole)
        near = _paragraphs_around(starts, whole, CUMULATIVE_REACH)
        for part in sorted(
            (f for f in counts if f.paragraph in near and f is not whole),
            key=lambda f: abs(f.index - whole.index),
        ):
            if _CUMULATIVE in part.clause or not part.same_unit(whole) or len(noun) < 4:
                continue
            if not same_year(part.period, whole.period) or not _counted(part).endswith(noun):
                continue
            claim = Claim(NAME, doc.source, {"whole": whole.quantity, "part": part.quantity})
            claim.facts = {"signed": False}
            claim.row = derive(claim)
            yield quote_apart(doc, claim)
            break


_OWN_WHOLES = re.compile(r"各自|分别的")  # 分别占各自收入的a%和b%: each of its own whole


def _listed_shares(doc: Document) -> Iterator[Claim]:
    """心脏病、癌症和脑血管疾病分别占居民死因的a%、b%和c%: shares of one whole listed
    together add up to 100% at most; above it the categories may overlap (a warning)."""
    table = facts(doc)
    per_head = vocabulary().per_head
    for members in lists(table):
        if len(members) < 2 or any(
            f.role != "share" or f.quantity.kind != "percent" or f.quantity.is_range
            for f in members
        ):
            continue
        sentence = doc.between(doc.sentences[members[0].sentence][0], members[0].quantity.start)
        if _OWN_WHOLES.search(sentence) or any(word in sentence for word in per_head):
            continue  # 人均消费支出分别占收入的: shares of as many wholes
        claim = Claim(NAME, doc.source, {f"part{i + 1}": f.quantity for i, f in enumerate(members)})
        claim.facts = {"parts": len(members), "signed": False, "overlap": True}
        claim.row = derive(claim)
        yield quote_apart(doc, claim)


def _shares_of_one_whole(doc: Document) -> Iterator[Claim]:
    """甲占整体a%,其次是乙占b%,丙占整体c% / 甲A亿元,占T总收入的a%。……乙B亿元,占比b%: shares of
    one whole stated clause by clause in a paragraph add up to 100% at most, and their parts to
    the whole printed inside the first 占…的. Shares with 其中 between them may be nested, and
    two parts one of which names the other may overlap: no claim for them."""
    table = facts(doc)
    per_head = vocabulary().per_head
    groups: dict[tuple[int, str, str, int], list[Fact]] = {}
    last: Fact | None = None  # the last share that named its whole
    for share in table:
        if not _a_lone_share(doc, share) or any(w in share.clause for w in per_head):
            continue
        if share.combined:
            continue  # 上述三大市场合计占s%: the others together, no other part
        if _whole_named(share):
            last = share
        elif last is None or not _of_the_whole_before(table, last, share):
            continue
        groups.setdefault(_whole_key(last), []).append(share)
    for members in groups.values():
        if len(members) >= 2:
            yield from _one_whole_claim(doc, table, members)


def _whole_key(named: Fact) -> tuple[int, str, str, int]:
    """The paragraph, year and name of the whole a share names; 占整体 names whatever its
    sentence is about, so a generic name is of its sentence alone."""
    name = _whole_named(named)
    sentence = named.sentence if GENERIC_WHOLE.fullmatch(name) else -1
    return named.paragraph, year_of(named.period), name, sentence


def _of_the_whole_before(table: FactTable, named: Fact, share: Fact) -> bool:
    """其次是乙占b%: a share naming no whole is of the whole named before it in its sentence;
    in a later sentence of the paragraph, only where both are shares of levels of one measure
    named apart (政府补助收入 … 医疗费用收入)."""
    if share.paragraph != named.paragraph or not same_year(share.period, named.period):
        return False
    if share.sentence == named.sentence:
        return True
    a, b = table.get(named.attached_to), table.get(share.attached_to)
    if a is None or b is None or a.role != "level" or b.role != "level":
        return False
    return bool(a.label.head) and a.label.head == b.label.head and a.label.text != b.label.text


def _a_lone_share(doc: Document, share: Fact) -> bool:
    """A share of its own clause (占): no list member, range or forecast."""
    if share.role != "share" or share.quantity.kind != "percent" or share.quantity.is_range:
        return False
    if share.listed is not None or share.forecast or share.bracketed:
        return False
    start = doc.sentences[share.sentence][0]
    before = doc.between(start, share.quantity.start)
    if (
        FROM_BEFORE.search(before)
        or _MOVING.search(before)
        or _MOVED_TO.match(doc.between(share.quantity.end, share.quantity.end + 4))
    ):
        return False  # 占比从a%增至b%: one share at two times
    # 与整体人口增长的比率为147%: a ratio to the whole, no share of it
    return share.quantity.strict.lo < 100 and "占" in before


_MOVING = re.compile(r"(?:增|升|降|提高|下降|回落)(?:至|到)\s*$")
_MOVED_TO = re.compile(r"\s*(?:增|升|降|提高|下降|回落|扩大|缩小)(?:至|到)")


def _whole_named(share: Fact) -> str:
    """The whole named after 占, or "" (占比 names none: its 比 is no whole)."""
    if share.whole_label is None or share.whole_label.text.startswith("比"):
        return ""
    name = core_name(share.whole_label.text).removeprefix("总")
    return name if len(name) >= 2 else ""


def _one_whole_claim(doc: Document, table: FactTable, members: list[Fact]) -> Iterator[Claim]:
    if "其中" in doc.between(members[0].quantity.end, members[-1].quantity.start):
        return  # 甲占a%,其中乙占b%: 乙 is inside 甲
    parts = [table.get(m.attached_to) for m in members]
    names = [core_name(p.label.text) if p is not None else "" for p in parts]
    if any(a and b and a != b and (a in b or b in a) for a in names for b in names):
        return  # 机电产品 and 电子机电产品: one may hold the other
    whole = table.get(members[0].index - 1)
    levels = all(p is not None and p.role == "level" and p.same_unit(parts[0]) for p in parts)
    inside = whole is not None and whole.role == "whole" and len(set(names)) == len(names)
    if levels and inside and unit_fits(whole.quantity, parts[0].quantity):
        inputs = {"whole": whole.quantity} | {
            f"part{i + 1}": p.quantity for i, p in enumerate(parts)
        }
        claim = Claim(NAME, doc.source, inputs)
        claim.facts = {"signed": False, "overlap": True}
        claim.row = derive(claim)
        yield quote_apart(doc, claim)
        return
    claim = Claim(NAME, doc.source, {f"part{i + 1}": m.quantity for i, m in enumerate(members)})
    claim.facts = {"parts": len(members), "signed": False, "overlap": True}
    claim.row = derive(claim)
    yield quote_apart(doc, claim)


def _counted(fact: Fact) -> str:
    """What a count counts: its label's last words, after the verb (获批上市的创新医疗器械产品 →
    创新医疗器械产品)."""
    label = core_name(fact.label.text)
    return re.split(r"的|上市|批准|获批|注册|新增|共有|拥有|现有", label)[-1]


def _loose_years(flows: list[Fact]) -> set[str]:
    """Years that also name a stretch from January (2012年1-4月 …): there a bare 2012年 may be
    short for that stretch, not the whole year."""
    return {
        year_of(f.period)
        for f in flows
        if year_of(f.period) and (found := months(f.period)) and found[0] == 1 and found[1] < 12
    }


def is_flow(fact: Fact) -> bool:
    """A level that adds up over time: an amount of money or of a named measure (产量, 出口 …),
    not a stock, price or per-unit value."""
    if fact.role != "level" or fact.quantity.is_range or fact.bracketed:
        return False  # a forecast year may be the whole of a quarter already reported
    if fact.quantity.kind != "money" and not fact.label.head:
        return False
    return not any(word in fact.clause for word in vocabulary().not_flows)


def _whole_period(flows: list[Fact], part: Fact, paragraphs: set[int]) -> Fact | None:
    near = sorted(
        (f for f in flows if f.paragraph in paragraphs and f is not part),
        key=lambda f: abs(f.index - part.index),
    )
    for whole in near:
        if whole.same_unit(part) and inside(part.period, whole.period) and one_flow(part, whole):
            return whole
    return None


def _paragraphs_around(starts: list[int], fact: Fact, reach: int = PERIOD_REACH) -> set[int]:
    at = starts.index(fact.paragraph)
    return set(starts[max(0, at - reach) : at + reach + 1])


def one_flow(a: Fact, b: Fact) -> bool:
    """The same measure of the same subject, whatever period words the labels hold."""
    if a.label.head or b.label.head:
        return a.label.head == b.label.head and compatible(_bare(a.subject), _bare(b.subject))
    x, y = _bare(a.label.text), _bare(b.label.text)
    return min(len(x), len(y)) >= 3 and (x.endswith(y) or y.endswith(x))


def _bare(name: str) -> str:
    return _PERIOD_NOISE.sub("", core_name(name)).strip("-—")


def _loss_listed(doc: Document, whole: Quantity, where: int) -> bool:
    """Whether a profit's 其中 list names a loss (净利润T,其中A利润a,投资亏损b): it counts
    against the other items, which may then exceed the whole (sum checks the list)."""
    table = facts(doc)
    fact = table.of(whole)
    if fact is None or not signed_flow(fact) or names_a_loss(fact.label.text):
        return False
    end = doc.sentences[doc.sentence_at(where)][1]
    return any(
        (p := table.of(q)) is not None and q.same_unit(whole) and names_a_loss(p.label.text)
        for q in doc.quantities_in(where, end)
    )


def signed_flow(fact: Fact) -> bool:
    """A flow that may be negative in part of its period (利润, 顺差): data/labels.yaml signed."""
    return any(word in fact.label.text for word in vocabulary().signed)


def _any_signed(doc: Document, parts: list[Quantity]) -> bool:
    table = facts(doc)
    return any((fact := table.of(q)) is not None and signed_flow(fact) for q in parts)


def _parts_of(claim: Claim) -> list[Quantity]:
    return [q for role, q in claim.inputs.items() if role.startswith("part")]


HUNDRED = Interval.point(100.0)  # the whole listed shares are of


def derive(claim: Claim) -> dict[str, float | None]:
    whole, parts = claim.inputs.get("whole"), _parts_of(claim)
    strict = total_of(parts)
    whole_strict = whole.strict if whole is not None else HUNDRED
    whole_lenient = whole.lenient if whole is not None else HUNDRED
    scale = abs(whole.value) or 1.0 if whole is not None else 100.0
    row = {
        "whole_lo": whole_strict.lo,
        "whole_hi": whole_strict.hi,
        "part_lo": strict.lo,
        "part_hi": strict.hi,
        "gap": max(0.0, strict.lo - whole_strict.hi) / scale,
        "lenient_gap": one_loose_reading(
            Interval(-INF, whole_strict.hi),  # parts may fall short of their whole, not exceed it
            Interval(-INF, whole_lenient.hi),
            parts,
            lambda read: total_of(parts, read),
            scale,
        ),
        "signed_gap": 0.0,
        "overlap_gap": 0.0,
    }
    if claim.facts.get("signed"):  # a quarter's loss lets another quarter exceed the total
        row["signed_gap"], row["lenient_gap"] = row["lenient_gap"], 0.0
    if claim.facts.get("overlap"):  # categories listed may overlap: only a warning above 100
        row["overlap_gap"], row["lenient_gap"] = row["lenient_gap"], 0.0
    return row


def explain(claim: Claim) -> str:
    if "whole" not in claim.inputs:
        shares = [claim.inputs[f"part{i + 1}"] for i in range(claim.facts["parts"])]
        total = sum(q.value for q in shares)
        shown = " + ".join(q.shown(claim.source.text) for q in shares)
        return f"shares {shown} of one whole add up to {fmt(total)}%, at most 100%"
    text = claim.source_of("whole").text
    whole, parts = claim.inputs["whole"], _parts_of(claim)
    total = sum(q.value for q in parts)
    share = f" ({total / whole.value * 100:.1f}% of it)" if whole.value > 0 else ""
    shown = " + ".join(
        q.shown(claim.source_of(r).text) for r, q in claim.inputs.items() if r != "whole"
    )
    what = "part" if len(parts) == 1 else "parts"
    return (
        f"{what} {shown} against whole {whole.shown(text)} {interval_text(whole.strict, whole)}: "
        f"the {what} {'is' if len(parts) == 1 else 'add up to'} {amount_text(total, whole)}{share}"
    )
