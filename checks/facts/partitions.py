"""Partitions in the fact table: levels whose labels cover a group of data/partitions.yaml (出口 +
进口, the three industries …), and the total they split, found by label. Sums and the shares of
a structure (4.8:38.6:56.6) both ask this question."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from checks import paths
from checks.document import BULLET_MARKS, Document
from checks.facts.grids import grids
from checks.facts.labels import (
    OVERALL,
    Label,
    common_ending,
    compatible,
    core_name,
    han_characters,
    names_whole,
    unknown_measure_length,
    vocabulary,
)
from checks.facts.periods import months, same_year, whole_year, year_of
from checks.facts.table import Fact, FactTable, earlier_structure, lists, structures
from checks.quantities import Interval, Quantity

PART_WINDOW = 6  # sentences a partition's parts may spread over (其中,A;B;C;D, each ; a sentence)


@dataclass(frozen=True)
class Partition:
    words: tuple[str, ...]  # the partition words, in the data's order
    parts: tuple[Fact, ...]  # one level per word, in the same order
    total: Fact | None  # the whole they split, when the text states it


@lru_cache(maxsize=4)
def partition_groups(path: Path | None = None) -> list[tuple[list[str], str]]:
    """Each group's parts and, where the data names it, its total's measure."""
    with open(path or paths.DATA / "partitions.yaml", encoding="utf-8") as handle:
        groups = yaml.safe_load(handle) or []
    return [
        (list(g["parts"]), str(g.get("total", ""))) if isinstance(g, dict) else (list(g), "")
        for g in groups
    ]


def amount_levels(table: FactTable) -> list[Fact]:
    """The levels that may be parts or wholes: amounts, no ranges, in text order (found once)."""
    return table.doc.memo(
        "amount levels",
        lambda: [f for f in table if f.role == "level" and f.is_amount and not f.quantity.is_range],
    )


def _position(levels: list[Fact], fact: Fact) -> int:
    """Where a fact stands in a list of facts in text order (a bisection, not a scan)."""
    return bisect_left(levels, fact.index, key=lambda f: f.index)


def partitions_of(table: FactTable) -> list[Partition]:
    """Every partition the document states, built once per document. Averages over a
    population (城镇居民人均收入, 农村居民人均收入) split no total: the whole's average lies
    between its parts', it is not their sum."""
    return table.doc.memo(
        "partitions",
        lambda: [p for p in _partitions(table) if not any(map(_averaged, (*p.parts, p.total)))],
    )


# 人均, 平均, 每千人: a figure averaged over a population (每股 is over one count of shares, and
# a year's per-share dividends add up)
_AVERAGED = re.compile(r"人均|平均|每[十百千万]人")


def _averaged(fact: Fact | None) -> bool:
    return fact is not None and _AVERAGED.search(fact.label.text) is not None


def _partitions(table: FactTable):
    levels = amount_levels(table)
    present = _spellings_in(table.doc.view)
    for words, total_word in partition_groups():
        spellings = [spelling for word in words for spelling in word.split("|")]
        if sum(spelling in present for spelling in spellings) < 2:
            continue  # the text names fewer than two of the parts: no partition here
        named = [f for f in levels if any(spelling in f.label.text for spelling in spellings)]
        for first in (f for f in named if _names_any(f.label.text, words, total_word)):
            parts = _cover(table.doc, levels, first, words, total_word)
            if parts is not None:
                total = _labelled_total(table, levels, parts, words, total_word)
                yield Partition(tuple(words), tuple(parts), total)
    yield from _complements(levels)
    yield from _quarter_lists(table)
    yield from _size_bands(table, levels)
    yield from _grid_partitions(table)


def _grid_partitions(table: FactTable):
    """A grid whose rows, in one column, are named by the words of one partition group
    (批发业 | 零售业 | 住宿业 | 餐饮业) splits the whole of that column's measure stated before the
    grid, whether or not the rows fill it: then their sum is an error, not an open list."""
    groups = [words for words, _ in partition_groups()]
    for grid in grids(table.doc):
        for column, parts in _grid_columns(table, grid).items():
            ordered = _in_group_order(parts, groups)
            if ordered is None:
                continue
            words, facts_in_order = ordered
            whole = _whole_of_column(table, facts_in_order, column, grid.start)
            if whole is not None:
                yield Partition(words, facts_in_order, whole)


def _grid_columns(table: FactTable, grid) -> dict[str, list[tuple[str, Fact]]]:
    """The amount levels of a grid, by column: (the row's name, the fact)."""
    columns: dict[str, list[tuple[str, Fact]]] = {}
    for cell in grid.cells:
        fact = table.of_start(cell.start)
        if fact is not None and fact.role == "level" and fact.is_amount:
            columns.setdefault(cell.column.name, []).append((cell.item.strip(), fact))
    return columns


def _in_group_order(
    rows: list[tuple[str, Fact]], groups: list[list[str]]
) -> tuple[tuple[str, ...], tuple[Fact, ...]] | None:
    """The rows ordered as the group whose words name them, one row each; None for no group."""
    for words in groups:
        by_word = {}
        for name, fact in rows:
            word = next((w for w in words if name in w.split("|")), None)
            if word is None or word in by_word:
                break
            by_word[word] = fact
        else:
            if len(by_word) == len(words):
                return tuple(words), tuple(by_word[w] for w in words)
    return None


def _whole_of_column(
    table: FactTable, parts: tuple[Fact, ...], column: str, start: int
) -> Fact | None:
    """The nearest level before the grid, within GRID_REACH paragraphs, of the rows' unit, not
    too small for them, named by the column's measure (零售额 in 限额以上零售额) and, where the
    column names a subset (限上, 规模以上), by one too."""
    subset = _subset_in(column)
    stem = _measure_core(column.replace(subset, "", 1) if subset else column)
    if len(stem) < 2:
        return None
    first = min(parts, key=lambda f: f.index)
    floor = table.doc.paragraphs_back(table.doc.paragraph_start(start), GRID_REACH)
    for fact in reversed(table.facts[: first.index]):
        if fact.quantity.start < floor:
            return None
        if fact.role != "level" or not fact.same_unit(first) or fact.quantity.is_range:
            continue
        named = _measure_core(fact.label.text).endswith(stem)
        if named and bool(_subset_in(fact.label.text)) == bool(subset):
            return None if too_small_for(fact, list(parts)) else fact
    return None


def _subset_in(text: str) -> str:
    return next((q for q in vocabulary().subsets if q in text), "")


# 100张以下 / 不足20人: the band below a bound; 100-199张 / 0-14岁: a band between two;
# 800张及以上 / 60岁及以上: the band from a bound up
_BELOW = re.compile(r"(?:不足|未满|少于)(?P<n>\d+)|(?P<m>\d+)[^\d,;]{0,4}?(?:以下|以内|之下)")
_BETWEEN = re.compile(r"(?P<a>\d+)\s*[-—–~至到]\s*(?P<b>\d+)")
_FROM = re.compile(r"(?P<n>\d+)[^\d,;]{0,4}?(?:及以上|或以上|以上)")
_BAND_CLAUSE = re.compile(r"[,;:、。]")
BANDS_REACH = 2  # paragraphs before the bands where their whole may stand


def _size_bands(table: FactTable, levels: list[Fact]):
    """100张床位以下医院A个,100-199张医院B个,…,800张及以上医院E个: figures of one unit in one
    sentence, each after a band of a scale (beds, age, staff), the bands running from below a
    bound to above one without a gap or overlap, split every one of their measure: they add up
    to the nearest level of it before them."""
    doc = table.doc
    if "以上" not in doc.view:
        return  # the last band always reaches up (及以上, 或以上): most documents have none
    by_sentence: dict[int, list[Fact]] = {}
    for fact in levels:
        by_sentence.setdefault(fact.sentence, []).append(fact)
    for facts_of_sentence in by_sentence.values():
        for unit in {f.quantity.unit for f in facts_of_sentence}:
            run = [f for f in facts_of_sentence if f.quantity.unit == unit]
            bands = _bands(doc, run)
            if bands is None:
                continue
            total = _whole_of_bands(doc, levels, run)
            if total is not None:
                yield Partition(tuple(bands), tuple(run), total)


def _bands(doc, run: list[Fact]) -> list[str] | None:
    """The band each figure is of, in order, when they tile the scale; else None."""
    if len(run) < 3:
        return None
    clauses, previous = [], doc.sentences[run[0].sentence][0]
    for fact in run:
        clauses.append(_BAND_CLAUSE.split(doc.between(previous, fact.quantity.start))[-1])
        previous = fact.quantity.end
    first, last = _BELOW.search(clauses[0]), _FROM.search(clauses[-1])
    from_zero = _BETWEEN.search(clauses[0])  # 0-14岁: the first band may start at nought
    if first is None and from_zero is not None and int(from_zero["a"]) == 0:
        edge = int(from_zero["b"])
    elif first is not None:
        edge = int(first["n"] or first["m"])
    else:
        return None
    if last is None:
        return None
    for clause in clauses[1:-1]:
        between = _BETWEEN.search(clause)
        if between is None or int(between["a"]) not in (edge, edge + 1):
            return None
        edge = int(between["b"])
    if int(last["n"]) not in (edge, edge + 1):
        return None
    return clauses


def _whole_of_bands(doc, levels: list[Fact], run: list[Fact]) -> Fact | None:
    """The nearest level before the bands, within BANDS_REACH paragraphs, of their unit and
    larger than each, whose name ends in the measure the bands' names end in (医院, 人口)."""
    measure = common_ending([core_name(f.label.text) for f in run])[-2:]
    if len(measure) < 2:
        return None
    floor = doc.paragraphs_back(run[0].paragraph, BANDS_REACH)
    largest = max(f.quantity.strict.lo for f in run)
    for fact in reversed(levels[: _position(levels, run[0])]):
        if fact.quantity.start < floor:
            return None
        named = fact.same_unit(run[0]) and core_name(fact.label.text).endswith(measure)
        if named and fact.quantity.strict.hi >= largest:
            return fact  # smaller ones are items of another breakdown (三级医院A个)
    return None


def _spellings_in(view: str) -> set[str]:
    """The partition words a text holds, each looked up once."""
    return {spelling for spelling in _all_spellings() if spelling in view}


@lru_cache(maxsize=1)
def _all_spellings() -> frozenset[str]:
    return frozenset(
        spelling
        for words, _ in partition_groups()
        for word in words
        for spelling in word.split("|")
    )


_ALL_QUARTERS = re.compile(
    r"Q1\s*[-—~至到]\s*Q4|[一1]\s*[-—~至到]\s*[四4]\s*季度|第一至第四季度|四个季度"
    r"|Q1\s*[/、]\s*Q2\s*[/、]\s*Q3\s*[/、]\s*Q4"  # Q1/Q2/Q3/Q4分别实现收入A/B/C/D
)
QUARTERS = ("Q1", "Q2", "Q3", "Q4")


def _quarter_lists(table: FactTable):
    """Q1-Q4 销售额分别为A、B、C、D …, 销售总额为T: the four quarters make the year; the total
    is the one named as such (总额, 合计, 全年) in their paragraph."""
    doc = table.doc
    for members in lists(table):
        if len(members) != 4 or not members[0].is_amount:
            continue
        start = doc.sentences[members[0].sentence][0]
        if _ALL_QUARTERS.search(doc.between(start, members[0].quantity.start)):
            yield Partition(QUARTERS, tuple(members), _year_total(table, members))


def _year_total(table: FactTable, members: list[Fact]) -> Fact | None:
    first, last = members[0], members[-1]
    for fact in table:
        if fact.paragraph != first.paragraph or fact in members or fact.role != "level":
            continue
        if not fact.same_unit(last):
            continue
        if too_small_for(fact, members) or fact.quantity.is_range:
            continue
        if fact.label.total or "全年" in fact.clause:
            return fact
        # 2024年营业收入T,Q1-Q4分别为A、B、C、D: the year the sentence names, of one measure
        named = first.label.text.strip("-—~/ ")  # Q1-Q4净利润 leaves 净利润-
        same_measure = not named or bool(fact.label.head) and fact.label.head in named
        if fact.sentence == first.sentence and fact.index < first.index and _a_year(fact, first):
            return fact if same_measure else None
    return _year_before(table, members)


def _a_year(fact: Fact, quarter: Fact) -> bool:
    """A whole year's figure, or an undated one beside undated quarters."""
    return bool(whole_year(fact.period)) or not fact.period and not year_of(quarter.period)


def _year_before(table: FactTable, members: list[Fact]) -> Fact | None:
    """公司2025年营业收入T。分季度看,Q1/Q2/Q3/Q4分别实现营业收入A/B/C/D: the nearest whole
    year's figure of the quarters' measure before them in their paragraph."""
    first = members[0]
    head = first.label.head
    for fact in reversed(table.facts[: first.index]):
        if fact.paragraph != first.paragraph:
            return None
        if fact.role != "level" or not fact.same_unit(first) or fact.quantity.is_range:
            continue
        if head and fact.label.head == head and _a_year(fact, first):
            return None if too_small_for(fact, members) else fact
    return None


_NOT = "非"  # 非X names everything of a whole that is not X


def _complements(levels: list[Fact]):
    """纺织品及成衣出口A, 非纺织品B: X and 非X split what they share, whatever X is. The whole is
    the nearest level before them that names their measure and nothing else (总出口T)."""
    for position, other in enumerate(levels):
        if not other.label.text.startswith(_NOT) or len(other.label.subject) < 3:
            continue
        named = other.label.subject.removeprefix(_NOT)
        part = next(
            (
                f
                for f in reversed(levels[:position])
                if f.paragraph == other.paragraph
                and f.sentence >= other.sentence - PART_WINDOW
                and _complement_of(f.label.subject, named)
                and f.label.head
                and other.label.head in ("", f.label.head)
                and f.quantity.unit == other.quantity.unit
                and _same_period(f.period, other.period)
            ),
            None,
        )
        if part is not None:
            total = _whole_of_measure(levels, part, other)
            yield Partition((named, _NOT + named), (part, other), total)


def _wider(subject: str, part_subject: str) -> bool:
    return not subject or (subject != part_subject and part_subject.endswith(subject))


def _complement_of(subject: str, named: str) -> bool:
    """服装 against 非服装产品, 纺织品及成衣 against 非纺织品: one name begins the other."""
    return len(subject) >= 2 and (subject.startswith(named) or named.startswith(subject))


def _whole_of_measure(levels: list[Fact], first: Fact, last: Fact) -> Fact | None:
    """The nearest level before `first`, in its paragraph or the one before, of its measure
    and unit, whose subject is none beyond scope and total words or one that ends the part's
    (植物提取物出口 of 精油类植物提取物出口 and 非精油类植物提取物出口)."""
    for candidate in _before_in_reach(levels, first):
        if (
            candidate.label.head == first.label.head
            and _wider(core_name(candidate.subject), first.subject)
            and candidate.quantity.unit == first.quantity.unit
            and _same_period(candidate.period, first.period)
            and _same_period(candidate.period, last.period)
        ):
            return candidate
    return None


def partition_before(found: list[Partition], fact: Fact, count: int) -> Partition | None:
    """The nearest partition with `count` parts and a stated total, all before `fact`."""
    before = [
        p
        for p in found
        if p.total is not None
        and len(p.parts) == count
        and max(f.index for f in p.parts) < fact.index
    ]
    return max(before, key=lambda p: max(f.index for f in p.parts), default=None)


def structure_words(table: FactTable, members: list[Fact]) -> tuple[str, ...] | None:
    """What each member of a structure is the share of: the words of the partition stated before
    it with as many parts (第一产业…,第二产业…,第三产业… before 8.0:40.0:52.0), or of the group
    the structure's name holds the common ending of (三次产业结构 holds 产业)."""
    partition = partition_before(partitions_of(table), members[0], len(members))
    if partition is not None:
        return partition.words
    doc = table.doc
    named = doc.between(doc.sentences[members[0].sentence][0], members[0].quantity.start)
    for words, _ in partition_groups():
        ending = common_ending([w.split("|")[0] for w in words])
        if len(words) == len(members) and len(ending) >= 2 and ending in named:
            return tuple(w.split("|")[0] for w in words)
    return None


def structure_member(table: FactTable, members: list[Fact], text: str) -> Fact | None:
    """The member of a structure the text names last (第二产业比重 → the second)."""
    words = structure_words(table, members)
    if words is None:
        return None
    named = [(text.rfind(w), i) for i, w in enumerate(words) if w in text]
    return members[max(named)[1]] if named else None


def contribution_lists(table: FactTable) -> list[tuple[list[Fact], list[Fact], Partition]]:
    """Lists of contribution rates (贡献率分别为a、b、c) with an earlier structure of as many
    shares in their paragraph (由上年的s₁:s₂:s₃), and the partition those shares are of. Both
    the share of each contribution and their sum ask this question: it is answered once."""
    return table.doc.memo("contributions", lambda: list(_contribution_lists(table)))


def _contribution_lists(table: FactTable):
    found = partitions_of(table)
    for members in lists(table):
        if CONTRIBUTION not in members[0].label.text:
            continue
        if any(f.quantity.kind != "percent" for f in members):
            continue
        weights = next(
            (
                s
                for s in reversed(structures(table))
                if len(s) == len(members)
                and s[0].index < members[0].index
                and s[0].paragraph == members[0].paragraph
                and earlier_structure(table.doc, s[0])
            ),
            None,
        )
        partition = weights and partition_before(found, weights[0], len(members))
        if partition:
            yield members, weights, partition


CONTRIBUTION = "贡献率"  # a part's share of the whole's growth
# 资讯产品贡献了A: an item's part of a change stated before it
_CONTRIBUTED = re.compile(r"贡献了?$")


def change_contributions(table: FactTable) -> list[tuple[Fact, list[Fact]]]:
    """总额较上年增加D,其中A产品贡献了a,B产品贡献了b: a rise and the items' parts of it, of
    its unit, after 其中 in its sentence."""
    return table.doc.memo("change contributions", lambda: list(_change_contributions(table)))


def _change_contributions(table: FactTable):
    doc = table.doc
    for change in table:
        if change.role != "change" or change.direction <= 0 or not change.is_amount:
            continue
        after = table.get(change.index + 1)
        if after is None or after.sentence != change.sentence:
            continue
        if _WHERE not in doc.between(change.quantity.end, after.quantity.start):
            continue
        parts = []
        for fact in table.facts[change.index + 1 :]:
            if fact.sentence != change.sentence or not _CONTRIBUTED.search(fact.label.text):
                break
            if not fact.same_unit(change) or fact.quantity.is_range:
                break
            parts.append(fact)
        if parts:
            yield change, parts


def _cover(
    doc, levels: list[Fact], first: Fact, words: list[str], total_word: str
) -> list[Fact] | None:
    """One level per partition word, starting at `first`, each named once in the window, which
    ends where the word `first` names comes again or a total is stated (another enumeration
    begins). Returned in the order of the words, whichever order the text gives (进口A,出口B)."""
    opening = next(w for w in words if names(first.label.text, w, total_word))
    first_rest = rest_after(first.label.text, opening)
    in_list = _bracketed_list(doc, first)
    window = [first]
    for f in levels[_position(levels, first) + 1 :]:
        if f.paragraph != first.paragraph:
            break  # paragraph starts only grow along the text: no later figure is in it
        if f.sentence >= first.sentence + PART_WINDOW:
            break
        if in_list and re.search(r"[)）]", doc.between(first.quantity.end, f.quantity.start)):
            break  # (中药A件、化药B件、生物制品C件): a bracketed list ends with its bracket
        if not _same_rest(f.label.text, first_rest, words, total_word):
            continue  # 乘用车产量 and 商用车产量 split 汽车产量; their 销量 are another split
        if names(f.label.text, opening, total_word):
            break
        if (
            not f.bracketed  # 三级医院A个(其中:三甲医院B个): an aside within a part ends nothing
            and not _names_any(f.label.text, words, total_word)
            and (f.label.total or _names_total(f.label, total_word))
        ):
            break
        if f.quantity.unit == first.quantity.unit and _same_period(f.period, first.period):
            window.append(f)
    chosen = []
    for word in words:
        named = [f for f in window if names(f.label.text, word, total_word)]
        if len(named) != 1 or _own_total(named[0].label, word):
            return None
        chosen.append(named[0])
    if shared_rest(chosen, words) is None:
        return None  # 境内注册 and 进口备案 are not one partition; IC设计业产值, IC制造业 are
    if min(chosen, key=lambda f: f.index) is not first:
        return None
    if _another_item(doc, levels, window, chosen, words, total_word):
        return None  # 三次产业用电量, then 城乡居民生活用电量: the list has a part more
    return chosen


def _another_item(
    doc: Document,
    levels: list[Fact],
    window: list[Fact],
    chosen: list[Fact],
    words: list[str],
    total_word: str,
) -> bool:
    """An item of the same measure and unit among the parts or right after the last of them,
    named by no word of the group and no 其中 item of a part (第二产业投资B,其中制造业投资M):
    the list splits its whole into more than the group."""
    rest = shared_rest(chosen, words) or ""
    if len(rest) < 2:
        return False  # parts named by their words alone (出口, 进口): nothing to tell items by
    last = max(chosen, key=lambda f: f.index)
    after = levels[_position(levels, last) + 1 : _position(levels, last) + 2]
    between = [f for f in window if f.index < last.index]
    return any(
        f in window
        and f not in chosen
        and f.label.text.endswith(rest)
        and not f.label.total
        and not f.bracketed
        and not _names_any(f.label.text, words, total_word)
        and not _under_a_part(doc, f, chosen)
        for f in (*between, *after)
    )


def _under_a_part(doc: Document, item: Fact, parts: list[Fact]) -> bool:
    """Whether 其中 stands between the part before `item` and it: an item of that part."""
    before = [p for p in parts if p.index < item.index]
    if not before:
        return False
    return _WHERE in doc.between(
        max(before, key=lambda p: p.index).quantity.end, item.quantity.start
    )


def shared_rest(parts: list[Fact], words: list[str]) -> str | None:
    """The measure the parts share after their partition words: the longest, where the others
    start it (IC设计业产值, IC制造业: a measure written once), or the ending they have in common
    (限额以上单位零售额, 限下企业零售额 → 零售额); None where they name two measures."""
    return _agreed_measure([rest_after(f.label.text, w) for f, w in zip(parts, words, strict=True)])


def _agreed_measure(rests: list[str]) -> str | None:
    longest = max(rests, key=len)
    if all(longest.startswith(r) for r in rests):
        return longest
    common = _without_links(common_ending(rests))
    return common if len(common) >= 2 else None


def _without_links(text: str) -> str:
    """完成零售总额 → 零售总额: a verb between the parts' names and their measure."""
    for word in vocabulary().link:
        if text.startswith(word) and len(text) > len(word) + 1:
            return text[len(word) :]
    return text


def _same_rest(label: str, rest: str, words: list[str], total_word: str) -> bool:
    """A label whose measure after its partition word agrees with `rest` (one is the other's
    start: a measure may be written once, or they end alike), or that names no partition word."""
    word = next((w for w in words if names(label, w, total_word)), None)
    return word is None or _agreed_measure([rest, rest_after(label, word)]) is not None


@lru_cache(maxsize=131072)
def names(label: str, word: str, total_word: str = "") -> bool:
    """A label names a partition word (or one of its spellings, A|B) on its own, not inside a
    longer measure of the vocabulary or the group's total: 出口 in 医疗器械出口, not in 进出口;
    服装 not in 纺织服装出口. Labels repeat across a corpus: the answer is cached."""
    longer = _longer_words(total_word)
    return any(_names_one(label, spelling, longer) for spelling in word.split("|"))


@lru_cache(maxsize=256)
def _longer_words(total_word: str) -> frozenset[str]:
    return _measures() | {w for w in total_word.split("|") if w}


@lru_cache(maxsize=1)
def _measures() -> frozenset[str]:
    """The vocabulary's measures, inside which a shorter word is not named on its own."""
    return frozenset(vocabulary().heads.values())


def _names_one(
    label: str, word: str, longer_words: frozenset[str] | set[str] = frozenset()
) -> bool:
    at = label.find(word)
    if at < 0:
        return False
    for longer in longer_words or _measures():
        inner = longer.find(word)
        if longer != word and inner >= 0 and label.startswith(longer, at - inner):
            return False
    return True


def _own_total(label: Label, word: str) -> bool:
    """A part announced as a total of its own (总…); 限额以上零售总额 is a part whose measure is
    零售总额."""
    rest = rest_after(label.text, word)
    return label.total and not any(m in rest for m in vocabulary().total_markers)


def _split(label: str, word: str) -> tuple[str, str]:
    """What stands before and after the partition word in a label (第三类装置 | 进口 | 注册);
    two empty strings when the label does not name it."""
    for spelling in word.split("|"):
        if _names_one(label, spelling):
            at = label.find(spelling)
            return label[:at], label[at + len(spelling) :]
    return "", ""


def rest_before(label: str, word: str) -> str:
    """What qualifies a partition word in a label: 第三类装置 in 第三类装置进口注册."""
    return _split(label, word)[0]


def rest_after(label: str, word: str) -> str:
    """What follows the partition word in a label: 第一产业投资 → 投资."""
    return _split(label, word)[1]


# A labelled total below half its largest part is some other figure (人均生产总值8万元 against
# 第二产业增加值3.2万亿元 in 万元); one a little below a part is the total, and wrong, and the
# check must see it.
TOO_SMALL = 0.5


def too_small_for(total: Fact, parts: list[Fact]) -> bool:
    largest = max(p.quantity.strict.lo for p in parts)
    return total.quantity.strict.hi < TOO_SMALL * largest


def _before_in_reach(levels: list[Fact], first: Fact):
    """The levels before `first`, nearest first, in its paragraph and the one before."""
    paragraphs = {first.paragraph}
    for candidate in reversed(levels[: _position(levels, first)]):
        if candidate.paragraph not in paragraphs:
            if len(paragraphs) > 1:
                return
            paragraphs.add(candidate.paragraph)
        yield candidate


def _labelled_total(
    table: FactTable, levels: list[Fact], parts: list[Fact], words: list[str], total_word: str
) -> Fact | None:
    """The nearest total before the parts, in their paragraph or the one before."""
    first = min(parts, key=lambda f: f.index)
    if _bracketed_list(table.doc, first):
        return _before_bracket(table, levels, first, parts)
    rest = shared_rest(parts, words) or ""
    qualifiers = [rest_before(p.label.text, w) for p, w in zip(parts, words, strict=True)]
    for candidate in _before_in_reach(levels, first):
        if candidate.quantity.unit != first.quantity.unit:
            continue
        if _a_balance(candidate):
            continue  # 顺差T,其中出口A,进口B
        if too_small_for(candidate, parts):
            continue  # 人均生产总值8万元 is smaller than a part: no total of them
        if not _same_period(candidate.period, first.period):
            continue
        if item_of_another_breakdown(table, candidate, parts):
            continue  # 分产品看,乙类收入X。分地区看,境内收入A,境外收入B: X is an item too
        if _names_total(candidate.label, total_word):
            by_head = candidate.label.head in total_word.split("|")
            if not by_head and not candidate.label.text.endswith(rest):
                continue  # 乘用车产量 + 商用车产量 split 汽车产量, not 汽车销量
            # 对美出口 + 对美进口 split 对美进出口, not the country's whole trade
            subjects = {_residue(p, w) for p, w in zip(parts, words, strict=True) if p.label.head}
            foreign = [s for s in subjects if s and not compatible(s, candidate.subject)]
            return None if foreign else candidate
        if not all(core_name(q) in core_name(candidate.label.text) for q in qualifiers if q):
            continue  # 第三类装置进口注册 + 境内注册 are no split of all registrations
        if (
            rest
            and _measure_core(rest) in _measure_core(candidate.label.text)
            and candidate.label.total
        ):
            return candidate  # 城镇消费品零售额 … 社会消费品零售总额
        if (
            len(rest) >= 2
            and candidate.label.text.endswith(rest)
            and not _names_any(candidate.label.text, words)
            and (not _listed_part(table, candidate) or _opened_by_name(table, first, candidate))
        ):
            return candidate  # 第一产业投资 … against 固定资产投资: the measure the parts share
    return _total_right_after(levels, parts, total_word)


def item_of_another_breakdown(table: FactTable, candidate: Fact, parts: list[Fact]) -> bool:
    """Whether `candidate` is an item of an announced breakdown that holds none of `parts`."""
    return any(
        candidate in items and not any(p in items for p in parts)
        for items in announced_items(table)
    )


def _total_right_after(levels: list[Fact], parts: list[Fact], total_word: str) -> Fact | None:
    """出口A,进口B,进出口总值T: the level right after the last part in its sentence, when it
    names the group's total."""
    last = max(parts, key=lambda f: f.index)
    position = _position(levels, last) + 1
    if not total_word or position >= len(levels):
        return None
    candidate = levels[position]
    if candidate.sentence != last.sentence or not candidate.same_unit(last):
        return None
    if not _same_period(candidate.period, last.period):
        return None
    if too_small_for(candidate, parts):
        return None
    if _a_balance(candidate):
        return None
    return candidate if _names_total(candidate.label, total_word) else None


# "产值(含A、B、C、D)达T": the text names what its total is made of.
_COMPOSED_OF = re.compile(r"[(（]\s*(?:含|包括|包含)([^()（）\d]{3,80})[)）]")
_NAME_SEPARATOR = re.compile(r"[、,，;；]|以及|和|及|与")
COMPOSITION_PARAGRAPHS = 4  # how far the named parts may be reported after their total


def compositions(table: FactTable) -> list[Partition]:
    """Totals that name their parts in a bracket (含A、B、C), with the first level named by each
    part after the total, within a few paragraphs; none may be missing."""
    return table.doc.memo("compositions", lambda: list(_compositions(table)))


def _compositions(table: FactTable):
    levels = amount_levels(table)
    for at, total in enumerate(levels):
        words = _composition_words(table.doc, total)
        if len(words) < 2:
            continue
        later = _reported_after(levels[at + 1 :], total)
        parts = [next((f for f in later if names(f.label.text, w)), None) for w in words]
        if all(parts) and len({p.index for p in parts}) == len(parts):
            yield Partition(tuple(words), tuple(parts), total)


def _composition_words(doc, total: Fact) -> list[str]:
    """The names inside the last (含…) between the clause start and the figure, if no other
    figure stands between them."""
    start = max(total.paragraph, total.quantity.start - 60)
    before = doc.between(start, total.quantity.start)
    found = list(_COMPOSED_OF.finditer(before))
    if not found or doc.quantities_in(start + found[-1].end(), total.quantity.start):
        return []
    words = [w.strip() for w in _NAME_SEPARATOR.split(found[-1].group(1))]
    return [w for w in words if w] if all(words) else []


def _reported_after(levels: list[Fact], total: Fact) -> list[Fact]:
    """Levels in the total's unit and period (or undated) in the paragraphs after it, up to the
    next figure stated as the same measure (a new total)."""
    paragraphs = {total.paragraph}
    reach = []
    for fact in levels:
        if fact.paragraph not in paragraphs:
            if len(paragraphs) >= COMPOSITION_PARAGRAPHS:
                break
            paragraphs.add(fact.paragraph)
        if total.label.text and fact.label.text == total.label.text:
            break
        if fact.same_unit(total) and fact.period in ("", total.period):
            reach.append(fact)
    return reach


def _bracketed_list(doc, fact: Fact) -> bool:
    """The figure is named inside a bracket, (中药A件、…), not bracketed alone: 再出口(X)."""
    if not fact.bracketed:
        return False
    before = doc.between(max(fact.paragraph, fact.quantity.start - 30), fact.quantity.start)
    opened = max(before.rfind("("), before.rfind("（"))
    return opened >= 0 and han_characters(before[opened + 1 :]) > 0


# words (and a short aside such as (上市)) between a figure and the bracket that opens its parts
_BRACKET_AFTER = re.compile(
    r"(?:[^\d,。;()（）]|[(（][^\d()（）]{0,6}[)）]){0,24}"  # 注册申请, (上市)
    r"[(（][^\d()（）]{0,12}"  # the bracket, up to the first part's figure
)


def _before_bracket(
    table: FactTable, levels: list[Fact], first: Fact, parts: list[Fact]
) -> Fact | None:
    """193件注册申请(中药A件、化药B件、生物制品C件): the figure the bracket follows, with no
    other figure between, is what the bracketed parts split."""
    before = [f for f in levels[: _position(levels, first)] if not f.bracketed]
    if not before or not before[-1].same_unit(first):
        return None
    candidate = before[-1]
    if _a_balance(candidate):
        return None  # 逆差A(进口B、出口C)
    glue = table.doc.between(candidate.quantity.end, first.quantity.start)
    # no test of size: right before its parts' bracket, a total smaller than a part is an error
    return candidate if _BRACKET_AFTER.fullmatch(glue) else None


def _a_balance(fact: Fact) -> bool:
    """顺差, 逆差, 结余 …: the difference of its parts, never their total."""
    return fact.label.head in vocabulary().balance


def _names_total(label: Label, total_word: str) -> bool:
    """The label names the group's total (one of its spellings A|B): its head is the total's
    measure, or it holds it (纺织服装出口 holds 纺织品 and 服装, yet is their total)."""
    spellings = [w for w in total_word.split("|") if w]
    return any(label.head == w or w in label.text for w in spellings)


def _measure_core(text: str) -> str:
    """A measure's name without total words and its 额/值: 消费品零售额 in 消费品零售总额."""
    return core_name(text).removesuffix("额").removesuffix("值")


def _same_period(a: str, b: str) -> bool:
    """One year (or one undated), and the same part of it where both name one: 上半年 is 1-6月."""
    if not same_year(a, b):
        return False
    part_a, part_b = _point(a.partition(":")[2]), _point(b.partition(":")[2])
    if not part_a or not part_b or part_a == part_b:
        return True
    return months(a) is not None and months(a) == months(b)


def _point(part: str) -> str:
    return "年末" if part in ("末", "底", "年底") else part  # 2007年末 and 2007年底 are one point


def _residue(part: Fact, word: str) -> str:
    """A part's subject without its partition word: 再出口 names no subject of its own."""
    subject = part.subject
    for spelling in word.split("|"):
        subject = subject.replace(spelling.removesuffix(part.label.head), "")
    return subject


# 医院中,公立医院A个,民营医院B个: a sentence opened by the name of what it splits
_NAMED_OPENING = re.compile(r"\s*(?:在)?(?P<name>[^\d,,。;;::、()]{2,10})中[,,::]")


def _opened_by_name(table: FactTable, first: Fact, whole: Fact) -> bool:
    """Whether the parts' sentence opens by naming the whole (医院中,…): then the whole may be
    an item of a list before (其中:医院T个,基层机构U个。医院中,公立A个,民营B个)."""
    doc = table.doc
    opened = _NAMED_OPENING.match(doc.view, doc.sentences[first.sentence][0])
    return opened is not None and core_name(opened.group("name")) == core_name(whole.label.text)


def _listed_part(table: FactTable, fact: Fact) -> bool:
    """A figure after 其中 in its full sentence (to the last 。) is itself a part of something."""
    before = table.doc.between(fact.paragraph, fact.quantity.start)
    return "其中" in before[before.rfind("。") + 1 :]


def _names_any(label: str, words: list[str], total_word: str = "") -> bool:
    return any(names(label, word, total_word) for word in words)


@lru_cache(maxsize=4)
def overlaps(path: Path | None = None) -> list[list[str]]:
    """Groups of category words that overlap (data/overlaps.yaml); an umbrella or capability
    word overlaps everything, so it is a group with every other word."""
    with open(path or paths.DATA / "overlaps.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    groups = [list(g) for g in data.get("groups") or []]
    spanning = (data.get("umbrellas") or []) + (data.get("capabilities") or [])
    return groups + [[word, ""] for word in spanning]


def breakdowns(table: FactTable) -> list[tuple[Fact, list[Fact]]]:
    """Runs of items of one measure and one dimension (以一般贸易方式进出口, 以加工贸易方式进出口;
    民营企业…, 国有企业…; 对东盟…, 对美国…) with the whole stated before them: the nearest
    earlier level of that measure, larger than each item and no item of the run itself."""
    return table.doc.memo("breakdowns", lambda: list(_breakdowns(table)))


def _breakdowns(table: FactTable):
    levels = amount_levels(table)
    for run in item_runs(table):
        whole = _whole_before(table, levels, run)
        if whole is not None:
            yield whole, run


def item_runs(table: FactTable) -> list[list[Fact]]:
    """Runs of two or more items of one measure and one dimension, whether or not a whole is
    stated before them (对甲国出口A,居首位;对乙国出口B;对丙国出口C)."""
    return table.doc.memo("item runs", lambda: _item_runs(table))


def _item_runs(table: FactTable) -> list[list[Fact]]:
    runs: list[list[Fact]] = []
    for fact in amount_levels(table):
        run = runs[-1] if runs else None
        if run and _continues(run, fact):
            run.append(fact)
        else:
            runs.append([fact])
    return [run for run in runs if len(run) >= 2]


def announced_breakdowns(table: FactTable) -> list[tuple[Fact, list[Fact]]]:
    """Items that follow a sentence announcing a breakdown (总量T。分品类看,A a;B b;C c), each
    group of one measure and unit, with the whole before the announcement. Such a list need not
    be complete: it splits its whole only when its items fill it (see `fills`)."""
    return table.doc.memo(
        "announced breakdowns",
        lambda: [(whole, group) for whole, group in _announcements(table) if whole is not None],
    )


def announced_items(table: FactTable) -> list[list[Fact]]:
    """The groups of items that follow an announcement, whether or not their whole is found:
    each item is a part of something, no whole of a figure outside its group."""
    return table.doc.memo("announced items", lambda: [g for _, g in _announcements(table)])


def _announcements(table: FactTable) -> list[tuple[Fact | None, list[Fact]]]:
    """Each announced group with its whole or None, found once for both views above."""
    return table.doc.memo("announcements", lambda: list(_announced(table)))


# 分品类看, / 分企业性质看: / 分地区来看, / 分车型: / 按业务划分, / 从贸易方式看, a breakdown
# announced at the start of a sentence or a bullet
_ANNOUNCEMENT = re.compile(
    r"分[^\d,,。;;::\s]{1,8}?(?:(?:来看|看)[,,::]|[::])"
    r"|从[^\d,,。;;::\s]{2,8}?(?:来看|看)[,,::]"  # 从经营主体看, / 从贸易方式来看,
    r"|就[^\d,,。;;::\s]{2,8}?(?:观察|来看|看)[,,::]"  # 就主要货品观察, (Taiwan's releases)
    r"|按[^\d,,。;;::\s]{1,8}?(?:划分|分类|区分|分)[,,::]"  # 按业务划分, / 按地区分类: / 按行业分,
)
_SENTENCE_ENDS = "。;;!\n"
_WHERE = "其中"


# 分产品 / 分区域: a heading line announcing the bullets under it
_HEADING = re.compile(r"(?m)^[ \t]*分[^\d\s,,。;;::]{1,6}[::]?[ \t]*$")
_BULLET = re.compile(rf"[ \t]*[{re.escape(BULLET_MARKS)}]")


def _announced(table: FactTable):
    view = table.doc.view
    found = [m for m in _ANNOUNCEMENT.finditer(view) if _opens_sentence(view, m.start())]
    headings = list(_HEADING.finditer(view)) if "\n分" in view else []
    if not found and not headings:
        return
    levels = amount_levels(table)
    starts = [f.quantity.start for f in levels]
    ends = [m.start() for m in found[1:]] + [len(view)] if found else []  # to the next one
    regions = [
        (m, end, table.doc.paragraph_start(m.start())) for m, end in zip(found, ends, strict=True)
    ]
    regions += [(m, _bullets_end(view, m.end()), None) for m in headings]
    for match, end, paragraph in regions:
        after = levels[bisect_left(starts, match.end()) : bisect_left(starts, end)]
        items = [
            f for f in after if paragraph in (None, f.paragraph) and _an_item(table, f)
        ]  # a sentence's announcement holds for its paragraph, a heading's for its bullets
        for group in _by_measure(items):
            yield _whole_announced(table, levels, group, match.start()), group


def where_parts_before(table: FactTable, whole: Fact, group: list[Fact]) -> list[Fact]:
    """总量T。其中,A a。分类看,B b;C c: the 其中 parts of the whole stated before an announced
    list, of its items' measure and named apart from them, may be items of it too. Nothing says
    they are of the same breakdown (其中甲品牌a。分车型:乙S7 b …), so they are only read loosely."""
    levels = amount_levels(table)
    found: list[Fact] = []
    for fact in levels[_position(levels, whole) + 1 :]:
        if fact.index >= group[0].index:
            break
        if not _a_part(table, fact) or not _may_hold(fact, group[0], 0.0):
            continue
        if item(fact) and not nested([item(f) for f in [*found, fact, *group]]):
            found.append(fact)
    return found


def _bullets_end(view: str, start: int) -> int:
    """The end of the run of bullet lines that follows a heading."""
    at = start + 1
    while at < len(view) and _BULLET.match(view, at):
        line_end = view.find("\n", at)
        if line_end < 0:
            return len(view)
        at = line_end + 1
    return at


def _opens_sentence(view: str, at: int) -> bool:
    at -= 1
    while at >= 0 and view[at] in " \t" + BULLET_MARKS:  # spaces and a bullet's mark
        at -= 1
    return at < 0 or view[at] in _SENTENCE_ENDS


def _an_item(table: FactTable, fact: Fact) -> bool:
    """A figure named by what it is of, not inside brackets, and no sub-item (…,其中X)."""
    return bool(item(fact)) and not fact.bracketed and not _a_part(table, fact)


def _by_measure(items: list[Fact]) -> list[list[Fact]]:
    groups: dict[tuple[str, str], list[Fact]] = {}
    for fact in items:
        groups.setdefault((_measure(fact), fact.quantity.unit), []).append(fact)
    return [
        group
        for (measure, _), group in groups.items()
        if measure and len(group) >= 2 and not nested([item(f) for f in group])
    ]


def nested(names: list[str]) -> bool:
    """Two items of which one names the other (服装 and 纺织服装) may overlap; an item named by
    its measure alone (an empty name) names none."""
    named = [name for name in names if name]
    return any(a in b for i, a in enumerate(named) for b in named[i + 1 :] + named[:i])


def _whole_announced(
    table: FactTable, levels: list[Fact], group: list[Fact], at: int
) -> Fact | None:
    """In the announcement's paragraph, the nearest level before it of the items' measure, unit
    and period, larger than each item and no 其中 part; else a whole named no item, further back."""
    first = group[0]
    largest = max(f.quantity.strict.lo for f in group)
    for fact in reversed(levels[: _position(levels, first)]):
        if fact.paragraph != first.paragraph:
            break
        before = fact.quantity.start < at
        if before and _may_hold(fact, first, largest) and not _a_part(table, fact):
            return fact
    return _whole_before(table, levels, group, announced=True)


def _may_hold(whole: Fact, first: Fact, largest: float) -> bool:
    return (
        whole.same_unit(first)
        and _same_period(whole.period, first.period)
        and _measure(whole) == _measure(first)
        and whole.quantity.strict.hi >= largest
    )


def _a_part(table: FactTable, fact: Fact) -> bool:
    """其中,医院入院人次A: a figure after 其中 in its sentence is a part, no whole."""
    start = table.doc.sentences[table.doc.sentence_at(fact.quantity.start)][0]
    return _WHERE in table.doc.between(start, fact.quantity.start)


def fills(whole: Fact, parts: list[Fact]) -> bool:
    """Whether items add up to their whole within the figures' rounding: then the list is
    complete, a sum; short of it, items of an open list, which only may not exceed it."""
    total = _strict_sum([p.quantity for p in parts])
    return total.lo <= whole.quantity.strict.hi and whole.quantity.strict.lo <= total.hi


def _strict_sum(quantities: list[Quantity]) -> Interval:
    """The figures' sum, each as printed."""
    return sum((q.strict for q in quantities[1:]), quantities[0].strict)


def parts_after(table: FactTable, whole: Fact, role: str) -> Partition | None:
    """其中:城市上涨a,农村上涨b / 其中男性a、女性b: figures of one role and unit, one for each
    word of a partition group, that follow `whole` and a 其中 in its paragraph, one after the
    other."""
    doc = table.doc
    if _WHERE not in doc.between(whole.quantity.end, whole.quantity.end + 40):
        return None  # most figures: no 其中 right after them
    following = [
        f
        for f in table.facts[whole.index + 1 : whole.index + 8]
        if f.paragraph == whole.paragraph and f.role == role and not f.quantity.is_range
    ]
    if not following or _WHERE not in doc.between(whole.quantity.end, following[0].quantity.start):
        return None
    for words, total_word in partition_groups():
        parts = following[: len(words)]
        if len(parts) < len(words) or len({p.quantity.unit for p in parts}) != 1:
            continue
        named = named_once(parts, words, total_word)
        if named is not None:
            return Partition(named, tuple(parts), whole)  # in text order
    return None


def named_once(facts: list[Fact], words: list[str], total_word: str) -> tuple[str, ...] | None:
    """The word of a partition group each figure names, when each names exactly one and no two
    the same one (in the figures' order); else None."""
    named = [[w for w in words if names(f.label.text, w, total_word)] for f in facts]
    if all(len(n) == 1 for n in named) and len({n[0] for n in named}) == len(words):
        return tuple(n[0] for n in named)
    return None


def complete_breakdowns(table: FactTable) -> list[Partition]:
    """Announced breakdowns and 其中 lists whose items fill their whole: partitions the text
    states."""
    return table.doc.memo("complete breakdowns", lambda: _complete(table))


def _complete(table: FactTable) -> list[Partition]:
    return [
        Partition(tuple(item(p) for p in parts), tuple(parts), whole)
        for whole, parts in _stated_lists(table)
        if fills(whole, parts)
    ]


def _stated_lists(table: FactTable) -> list[tuple[Fact, list[Fact]]]:
    """Announced breakdowns, 其中 lists and grid columns, with the wholes they may split."""
    return table.doc.memo(
        "stated lists",
        lambda: [
            *announced_breakdowns(table),
            *where_lists(table),
            *_grid_breakdowns(table),
            *_lists_opened_by_name(table),
        ],
    )


def _lists_opened_by_name(table: FactTable):
    """西药类产品出口T。西药类产品中,原料药出口A;西成药出口B: a sentence opened by the name of a
    figure stated before it in its paragraph or the one before, and the figures of its unit in
    that sentence up to the full stop."""
    doc, view = table.doc, table.doc.view
    if "中" not in view:
        return
    levels = [f for f in amount_levels(table) if not f.bracketed]
    for start, _ in doc.sentences:
        opened = _NAMED_OPENING.match(view, start)
        whole = opened and _named_before(doc, levels, start, core_name(opened.group("name")))
        if not whole:
            continue
        stop = _LIST_END.search(view, opened.end())
        end = stop.start() if stop else len(view)
        items = [f for f in levels if opened.end() <= f.quantity.start < end and f.same_unit(whole)]
        names = [item(f) for f in items]
        if len(items) >= 2 and all(names) and not nested(names):
            yield whole, items


def _named_before(doc: Document, levels: list[Fact], start: int, name: str) -> Fact | None:
    """The nearest level before `start`, in its paragraph or the one before, whose name opens
    with `name`."""
    paragraph = doc.paragraph_start(start)
    reach = (paragraph, doc.paragraph_before(paragraph))
    for fact in reversed(levels):
        if fact.quantity.start < start and fact.paragraph in reach:
            if core_name(fact.label.text).startswith(name):
                return fact
        elif fact.quantity.start < start:
            return None
    return None


# A list this close to filling its whole leaves a remainder too small to hold an overlap of its
# items worth speaking of: they split the whole but for a rest of unknown rate
NEARLY_ALL = 0.97


def sharper_whole(table: FactTable, whole: Fact) -> tuple[Quantity, dict[str, Quantity]]:
    """进出口2.34万亿元。其中,出口12864亿元;进口10538亿元: a total printed coarser than the
    parts of its stated partition is known, at the strict reading, as closely as both allow
    (where its interval and the parts' sum meet). The whole so known, with the parts as inputs
    whole_part1 … for the evidence; the whole as printed where its parts add nothing."""
    for found in (*partitions_of(table), *complete_breakdowns(table)):
        if found.total is not whole:
            continue
        parts = [p.quantity for p in found.parts]
        strict = whole.quantity.strict.meet(_strict_sum(parts))
        if strict is None or strict.width >= whole.quantity.strict.width:
            continue
        # the lenient reading keeps the total as printed: a disagreement the parts alone reveal
        # is a warning (the total may be of a wider scope than the parts the text lists)
        sharper = replace(whole.quantity, strict=strict)
        return sharper, {f"whole_part{i + 1}": q for i, q in enumerate(parts)}
    return whole.quantity, {}


def nearly_complete_breakdowns(table: FactTable) -> list[Partition]:
    """Announced breakdowns and 其中 lists short of their whole by less than 3% of it (三元 A,
    磷酸铁锂 B of a total T a little above A + B): the rest is some other item."""
    return [
        Partition(tuple(item(p) for p in parts), tuple(parts), whole)
        for whole, parts in _stated_lists(table)
        if not fills(whole, parts) and _nearly_fills(whole, parts)
    ]


def _nearly_fills(whole: Fact, parts: list[Fact]) -> bool:
    total = _strict_sum([p.quantity for p in parts])
    return total.hi < whole.quantity.strict.lo and total.hi >= NEARLY_ALL * whole.quantity.value


GRID_REACH = 3  # paragraphs before a grid where the whole its rows split may stand


def _grid_breakdowns(table: FactTable):
    """全市销售额T … | 甲类 | A | … | 乙类 | B |: a grid's rows of one column may split
    a whole stated before the grid; they do when they fill it (see `fills`), the nearest first."""
    for grid in grids(table.doc):
        for rows in _grid_columns(table, grid).values():
            parts = [fact for _, fact in rows]
            whole = _filled_before(table, parts, grid.start)
            if whole is not None:
                yield whole, parts


def _filled_before(table: FactTable, parts: list[Fact], start: int) -> Fact | None:
    floor = table.doc.paragraphs_back(table.doc.paragraph_start(start), GRID_REACH)
    for fact in reversed(table.facts[: parts[0].index]):
        if fact.quantity.start < floor:
            return None
        if fact.role == "level" and fact.same_unit(parts[0]) and fills(fact, parts):
            return fact
    return None


_LIST_END = re.compile(r"[。\n]|其中")


def where_lists(table: FactTable) -> list[tuple[Fact, list[Fact]]]:
    """Each 其中 list of two or more named items, with its whole (see `_where_lists`)."""
    return table.doc.memo("where lists", lambda: list(_where_lists(table)))


def _where_lists(table: FactTable):
    """T,其中A a;B b;C c。: the whole before 其中 (in its sentence, or the one before when 其中
    opens a sentence) and the figures of its unit after it, up to the full stop."""
    doc = table.doc
    levels = [f for f in amount_levels(table) if not f.bracketed]
    for _, whole, following in _after_where(doc, levels):
        items = _inner_list(doc, whole, [f for f in following if f.same_unit(whole)])
        names = [item(f) or core_name(f.label.text) for f in items]  # 住院A: a bare name
        if len(items) >= 2 and all(names) and not nested(names):
            yield whole, items


def _after_where(doc: Document, figures: list[Fact]):
    """For each 其中: the match, the last of `figures` before it in its sentence (or in the one
    before, when 其中 opens a sentence), and those of `figures` after it up to the full stop."""
    view = doc.view
    if _WHERE not in view:
        return
    starts = [f.quantity.start for f in figures]
    for match in re.finditer(_WHERE, view):
        stop = _LIST_END.search(view, match.end())
        end = stop.start() if stop else len(view)
        at = bisect_left(starts, match.start())
        sentence = doc.sentence_at(match.start())
        if _opens_sentence(view, match.start()):
            sentence -= 1  # 享受待遇T,增长r。其中:A a;B b: of the sentence before
        whole = figures[at - 1] if at else None
        if whole is not None and whole.sentence == sentence:
            yield match, whole, figures[at : bisect_left(starts, end)]


def where_change_lists(table: FactTable) -> list[tuple[Fact, list[Fact]]]:
    """净减少T,其中A净减少a,B净减少b,C净增加c: a change, then 其中 and the changes of its unit
    up to the full stop, each saying which way it went (see `_where_lists` for levels)."""
    return table.doc.memo("where change lists", lambda: list(_where_change_lists(table)))


def _where_change_lists(table: FactTable):
    doc = table.doc
    changes = [f for f in table if f.role == "change" and f.is_amount and not f.quantity.is_range]
    for match, whole, following in _after_where(doc, changes):
        if not whole.direction:
            continue
        if doc.quantities_in(whole.quantity.end, match.start()):
            continue  # 净增T家,门店共U家,其中…: the list is of the level after the change
        items = [f for f in following if f.same_unit(whole)]
        if len(items) >= 2 and all(f.direction for f in items):
            yield whole, items


def _inner_list(doc: Document, whole: Fact, items: list[Fact]) -> list[Fact]:
    """甲T1;乙T2,其中A a,B b;丙T3: a 其中 list inside an item of a list ends where its items'
    mark (,) gives way to the stronger one (;) of the list around it, when so it fills its whole."""
    if len(items) < 3 or ";" in doc.between(items[0].quantity.end, items[1].quantity.start):
        return items
    stop = doc.view.find(";", items[1].quantity.end, items[-1].quantity.start)
    inner = [f for f in items if stop < 0 or f.quantity.start < stop]
    return inner if len(inner) >= 2 and fills(whole, inner) else items


def _measure(fact: Fact) -> str:
    """The measure a label ends in; for one the vocabulary does not know, its last two
    characters once a measure before its object goes last (出口大麦 → 大麦出口)."""
    if fact.label.head:
        return fact.label.head
    name = core_name(fact.label.text)
    return name[-unknown_measure_length(name) :] if len(name) >= 2 else ""


def dimension(subject: str) -> str:
    """What a breakdown's items have in common in their names: 对X / 自X / 以X方式 / X企业."""
    subject = core_name(subject)
    if not subject:
        return ""
    return subject[0] if subject[0] in "对自以向从" else f"…{subject[-1]}"


def item(fact: Fact) -> str:
    """What a figure is an item of its measure: 城镇 in 城镇人口, 民营企业 in 民营企业进出口."""
    if fact.label.head:
        return core_name(fact.label.subject)
    name = core_name(fact.label.text)
    return name[: -unknown_measure_length(name)]


def _continues(run: list[Fact], fact: Fact) -> bool:
    last, name = run[-1], item(fact)
    named = [item(f) for f in run]
    return (
        fact.paragraph == last.paragraph
        and fact.same_unit(last)
        and _same_period(fact.period, last.period)
        and bool(_measure(fact))
        and _measure(fact) == _measure(last)
        and bool(name)
        and not any(name in other or other in name for other in named)  # 服装 ⊂ 纺织服装
        and dimension(name) == dimension(named[0])
    )


def _whole_before(
    table: FactTable, levels: list[Fact], run: list[Fact], announced: bool = False
) -> Fact | None:
    """The nearest earlier level of the run's measure that names no item, in the run's paragraph
    or the one before; further back when the paragraph announces the breakdown (分贸易方式看,) or
    an item's share names the whole (占我省进出口总值的s%)."""
    first = run[0]
    reach = (first.paragraph, table.doc.paragraph_before(first.paragraph))
    announced = announced or bool(_ANNOUNCEMENT.match(table.doc.view, first.paragraph))
    named = _wholes_named(table, run)
    largest = max(f.quantity.strict.lo for f in run)
    for fact in reversed(levels[: _position(levels, first)]):
        near = fact.paragraph in reach
        if not near and not announced and not named:
            return None
        if not _may_hold(fact, first, largest):
            continue
        if not near and not announced and not any(names_whole(fact.label, n) for n in named):
            continue
        if _share_of_the_overall(table, fact):
            return None  # 甲市场规模A,占整体市场的s%: an item of the overall, as the run's are
        if _general(table, fact, run):
            return fact
        if dimension(item(fact)) == dimension(item(first)):
            return None  # an item of the same kind before the run: the run's whole is unsaid
    return None


def _share_of_the_overall(table: FactTable, fact: Fact) -> bool:
    """A level whose own share names the overall (占整体市场的s%, 占总体的s%) is one item of it."""
    return any(
        f.role == "share"
        and f.attached_to == fact.index
        and f.whole_label is not None
        and OVERALL.match(f.whole_label.text) is not None
        for f in table.facts[fact.index + 1 : fact.index + 3]
    )


def _wholes_named(table: FactTable, run: list[Fact]) -> list[Label]:
    """The wholes the run's items' shares name (占同期全省出口总值的s%)."""
    indices = {f.index for f in run}
    return [
        f.whole_label
        for f in table.facts[run[0].index : run[-1].index + 8]
        if f.role == "share" and f.attached_to in indices and f.whole_label is not None
    ]


def _general(table: FactTable, fact: Fact, run: list[Fact]) -> bool:
    """A whole names no item: its subject is the reporter's own scope (全省, 我国 …), or it is
    announced as a total, or a 其中 list follows it, or the first item's name holds its name
    (出口大麦 before 以一般贸易方式出口大麦), or every item's name begins as its name does
    (星河品牌 before 星河S7, 星河S9)."""
    after = table.doc.between(fact.quantity.end, fact.quantity.end + 40)
    own, first = item(fact), item(run[0])
    return (
        not core_name(fact.label.subject)
        or fact.label.total
        or bool(re.match(r"[^。]*?[,;]\s*其中", after))
        or (len(own) >= 2 and own in first and own != first)
        or _begins_every(own, [item(f) for f in run])
    )


def _begins_every(own: str, names: list[str]) -> bool:
    """The whole's name and every item's begin alike, in half the whole's name or more."""
    lead = own[: max(2, (len(own) + 1) // 2)]
    return len(own) >= 3 and all(n.startswith(lead) and n != own for n in names)
