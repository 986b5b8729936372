"""restatement: one rate of change stated twice in a document, an agreement claim.

The body states a level with its rate (营业总收入40.80亿元,同比增长23.42%); a summary, a headline
or a forecast table states the rate again by the measure's name alone (收入增速为23%,
经常性业务利润跌约22%). Both printed figures must admit one value. Only the same name (or the
body's name with its subject before it: 港铁经常性业务利润), period, direction and kind of rate
count as one statement made twice: 进出口 is not 出口, and 7月当月 is not 前7个月.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from checks.claims.agreement import Agreement, derive, explain
from checks.claims.base import (
    Claim,
    as_printed,
    interval_text,
    one_loose_reading,
    quote_apart,
)
from checks.claims.growth import earlier_total, last_years_level, rate_of_kind
from checks.document import Document
from checks.facts import Fact, FactTable, facts
from checks.facts.labels import (
    core_name,
    measure_named,
    read_label,
    restates,
    territory,
    without_total,
)
from checks.facts.partitions import complete_breakdowns, partitions_of
from checks.facts.table import YEAR_SPAN, lists
from checks.vocabulary import DOWN, MANNER, UP

NAME = "agreement"
# 收入增速分别为, 净利润同比增长, 经常性业务利润跌约: the words of a rate after the measure's name
_RATE_WORDS = re.compile(
    rf"(?:的)?(?:同比|按年|年)?(?:{UP}|{DOWN})?了?(?:幅度|幅|速度|速|率)?(?:分别)?"
    r"(?:为|达到|达|约为|约|是)?\s*$"
)
_NOISE = re.compile(r"^(?:对于|关于|至于)|[-—的]")


@dataclass(frozen=True)
class Stated:
    rate: Fact
    name: str  # the measure the rate is of
    period: str  # its period ("2017", "2025:1-7月"), or '' when none is in reach
    attached: bool  # stated with its level, not by name alone
    words: str = ""  # the words naming it as printed, scope words kept (全省出口)


class Restatement:
    name = NAME
    columns = Agreement.columns

    def find(self, doc: Document) -> Iterator[Claim]:
        stated = list(_stated_rates(facts(doc)))
        primary = [s for s in stated if s.attached]
        for again in (s for s in stated if not s.attached):
            first = next((p for p in primary if _same_rate(p, again)), None)
            if first is not None:
                yield _claim(doc, first, again)
                continue
            undated = [p for p in primary if _same_rate_undated(p, again)]
            if len(undated) == 1:  # 全省出口增长a% (a headline) … 2024年,全省出口…增长b%
                yield _claim(doc, undated[0], again, dated=True)
                continue
            first = next((p for p in primary if _owners_rate(p, again)), None)
            if first is not None:  # a profit with or without minority interests: a warning
                yield _claim(doc, first, again, dated=True, strict=False)
        yield from _shares_stated_twice(doc)
        yield from _points_stated_twice(doc)
        yield from _gaps_stated_twice(doc)
        yield from _pulls_stated_twice(doc)
        yield from _last_years_total_rebuilt(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _stated_rates(table: FactTable) -> Iterator[Stated]:
    years = _list_years(table)
    for rate in table:
        if rate.role != "rate" or rate.quantity.kind != "percent" or rate.quantity.is_range:
            continue
        level = table.get(rate.attached_to)
        if level is not None and level.role in ("level", "prior"):
            name = _key(level.label.text)
            yield Stated(rate, name, level.period or rate.period, True, level.label.text)
            continue
        named = table[rate.listed] if rate.listed is not None else rate
        if not _whole_clause(table.doc, named):
            continue  # “4+4”产业增加值: a figure cut the name, and what it named is lost
        name = _key(read_label(_RATE_WORDS.sub("", named.clause)).text)
        if len(name) >= 2:
            yield Stated(rate, name, years.get(rate.index, rate.period), False, named.clause)


def _whole_clause(doc: Document, fact: Fact) -> bool:
    """The clause in front of the figure starts at its sentence, a clause mark or a space, not
    right after another figure or its quotes."""
    before = doc.between(doc.sentences[fact.sentence][0], fact.quantity.start)
    if not before.endswith(fact.clause):
        return False
    cut = before[: len(before) - len(fact.clause)]
    if not cut.strip() or fact.clause[:1].isspace():
        return True
    return cut[-1].isspace() or cut[-1] in _CLAUSE_MARKS


_CLAUSE_MARKS = frozenset(",;:、()。!?")


def _key(label: str) -> str:
    return _NOISE.sub("", core_name(label))


def _list_years(table: FactTable) -> dict[int, str]:
    """预计公司2017年-2018年的收入增速分别为23%、24%: the k-th rate of a list is of the k-th year
    of the span its sentence names before it, when the span has as many years."""
    years: dict[int, str] = {}
    for members in lists(table):
        first = members[0]
        start = table.doc.sentences[first.sentence][0]
        found = YEAR_SPAN.search(table.doc.between(start, first.quantity.start))
        if found is None:
            continue
        low, high = int(found.group(1)), int(found.group(2))
        if high - low + 1 == len(members):
            years |= {m.index: str(low + k) for k, m in enumerate(members)}
    return years


def _same_rate(first: Stated, again: Stated) -> bool:
    """The same measure, period, direction and kind (同比 or 环比), in another sentence, of
    one territory: 全省出口 and 全国出口 are two."""
    a, b = first.rate, again.rate
    if a.sentence == b.sentence or a.monthly != b.monthly or a.direction != b.direction:
        return False
    territories = {territory(first.words), territory(again.words)} - {""}
    if len(territories) > 1:
        return False
    if first.period != again.period:
        return False
    return first.name == again.name or restates(again.name, first.name)


def _same_rate_undated(first: Stated, again: Stated) -> bool:
    """The same rate, with one of the two statements undated: perhaps of another period, so a
    disagreement is only a warning; and only where it is the one such rate of its name."""
    if bool(first.period) == bool(again.period):
        return False
    return _same_rate(replace(first, period=""), replace(again, period=""))


# 归属于上市公司股东的, 归母: the owners' share of a profit, which a summary calls 净利润 alone
_OWNERS = re.compile(r"^(?:归母|归属于?[^,;。]{0,10}?(?:股东|母公司))$")


def _owners_rate(first: Stated, again: Stated) -> bool:
    """归属于上市公司股东的净利润…增长a% … 净利润增速为b%: the owners' profit's rate stated again by
    the profit's name alone."""
    if len(again.name) < 2 or not first.name.endswith(again.name):
        return False
    if not _OWNERS.match(first.name[: -len(again.name)]):
        return False
    return _same_rate(first, replace(again, name=first.name))


def _shares_stated_twice(doc: Document) -> Iterator[Claim]:
    """我省货物贸易进出口T,……占全国外贸总值的s% … 我省进出口总值占全国进出口总值的s%: one part's
    share of one named whole, stated in two sentences. Of one dated period both, the two figures
    must agree; where either is undated, a disagreement is only a warning; of two stated
    periods, they are two figures."""
    seen: dict[tuple[str, str], Stated] = {}
    for share, part, whole in _named_shares(facts(doc)):
        first = seen.setdefault((part, whole), Stated(share, part, share.period, True))
        if first.period and share.period and first.period != share.period:
            continue  # 9月 and 首九个月 (1-9月): two periods' shares, two figures
        if first.rate.sentence != share.sentence:
            yield _claim(doc, first, Stated(share, part, share.period, False), dated=True)


# 销售费用率同比提升, 同比上升: the words of a change in points after the measure's name
_POINT_WORDS = re.compile(
    rf"(?:同比|环比|较上年|比上年|较去年|比去年|较上年同期|比上年同期)?{MANNER}(?:{UP}|{DOWN})了?\s*$"
)


def _points_stated_twice(doc: Document) -> Iterator[Claim]:
    """销售费用率为12.0%,同比上升1.2个百分点 … 拖累来自销售费用率同比提升1.2个百分点: one ratio's
    change in points, stated with the ratio and again by the ratio's name (a summary bullet, a
    headline). The same name and direction; where either is undated, only a warning."""
    stated = list(_stated_points(facts(doc)))
    primary = [s for s in stated if s.attached]
    for again in (s for s in stated if not s.attached):
        for first in primary:
            if first.rate.direction != again.rate.direction or not first.rate.direction:
                continue
            if first.period and again.period and first.period != again.period:
                continue
            if not _same_name(first.name, again.name):
                continue
            yield _claim(doc, first, again, dated=True)
            break


# 较全国增速高出d个百分点, 比全国整体增速高d个百分点: a gap to a wider territory's rate
_GAP_TO_WIDER = re.compile(
    r"(?:较|比|高于|快于|低于|慢于)(?P<scope>全国|全省|全市)(?:整体|平均|总体)?(?:水平)?的?"
    r"(?:增速|增幅|增长)?(?:高出|高|快|低|慢)?了?\s*$"
)


def _gaps_stated_twice(doc: Document) -> Iterator[Claim]:
    """我省进出口…增长a%,较全国增速高出d个百分点 … 进出口增速…比全国整体增速高d个百分点: one
    gap to the wider territory's rate, stated for one measure twice (a summary); only where the
    document states no other such gap of that measure. Undated, a disagreement is a warning."""
    table = facts(doc)
    groups: dict[tuple[str, str, int], list[Fact]] = {}
    for points in table:
        found = _GAP_TO_WIDER.search(points.clause) if points.role == "pp" else None
        if found is None or not points.direction or points.quantity.is_range:
            continue
        measure = _gap_measure(table, points)
        if measure:
            key = (found.group("scope"), measure, points.direction)
            groups.setdefault(key, []).append(points)
    for (_, measure, _), members in groups.items():
        if len(members) == 2 and members[0].sentence != members[1].sentence:
            first, again = (Stated(m, measure, m.period, i == 0) for i, m in enumerate(members))
            yield _claim(doc, first, again, dated=True)


def _gap_measure(table: FactTable, points: Fact) -> str:
    """The measure whose rate the gap is of: the level of the rate right before it, or the
    first measure its sentence names before it (进出口增速…,比全国整体增速高)."""
    before = table.get(points.index - 1)
    if before is not None and before.sentence == points.sentence and before.role == "rate":
        level = table.get(before.attached_to)
        return level.label.head if level is not None else ""
    doc = table.doc
    start = doc.sentences[points.sentence][0]
    if any(q.kind != "number" for q in doc.quantities_in(start, points.quantity.start)):
        return ""  # a figure before it in its sentence that is no rate: whose gap is unclear
    return measure_named(doc.between(start, points.quantity.start)).head


# 外需贡献经济增长a个百分点 … 外需贡献a个百分点: what pulls, the pull word, and what
# it pulls (经济增长), or nothing
_PULL = re.compile(
    r"^(?P<name>.+?)(?:贡献|拉动)了?(?P<target>[\u4e00-\u9fff]{0,12}?)(?:增长|成长)?了?$"
)
# 拉动比上年提高a个百分点 is a change of the pull, not the pull
_PULL_CHANGED = re.compile(rf"比|较|{UP}|{DOWN}")


def _pulls_stated_twice(doc: Document) -> Iterator[Claim]:
    """外需贡献经济增长a个百分点 (a summary) … 外需贡献a个百分点 (the body): one component's pull
    in points, stated twice by its name, to the same growth or with it left unsaid. Only where
    the name pulls twice in the document and no two stated periods differ; undated, a
    disagreement is a warning."""
    groups: dict[str, list[tuple[Fact, str]]] = {}
    for points in facts(doc):
        found = _PULL.match(points.label.text) if points.role == "pp" else None
        if found is None or points.quantity.is_range:
            continue
        target = found.group("target")
        if _PULL_CHANGED.search(target):
            continue
        name = _key(read_label(found.group("name")).text)
        if len(name) >= 2:
            groups.setdefault(name, []).append((points, target))
    for name, members in groups.items():
        if len(members) != 2:
            continue
        (first, aim), (again, aim_again) = members
        if first.sentence == again.sentence or (aim and aim_again and aim != aim_again):
            continue
        if first.period and again.period and first.period != again.period:
            continue
        yield _claim(
            doc,
            Stated(first, name, first.period, True),
            Stated(again, name, again.period, False),
            dated=True,
        )


def _stated_points(table: FactTable) -> Iterator[Stated]:
    for points in table:
        if points.role != "pp" or points.quantity.is_range:
            continue
        ratio = table.get(points.index - 1)
        rest = _POINT_WORDS.sub("", points.clause).strip()
        if (
            ratio is not None
            and ratio.sentence == points.sentence
            and ratio.role in ("ratio", "rate", "share")
            and not rest
        ):
            yield Stated(points, _key(ratio.label.text), ratio.period or points.period, True)
        elif rest:
            name = _key(read_label(rest).text)
            if len(name) >= 3:
                yield Stated(points, name, points.period, False)


def _same_name(first: str, again: str) -> bool:
    """One name, or a longer clause ending in the other (拖累来自销售费用率 / 销售费用率)."""
    shorter, longer = sorted((first, again), key=len)
    return first == again or restates(shorter, longer)


def _named_shares(table: FactTable) -> Iterator[tuple[Fact, str, str]]:
    """Each share that names its whole, with its part's name: the level it is stated with, or
    the words before 占 in its own clause (我省进出口总值占全国…)."""
    for share in table:
        if share.role != "share" or share.whole_label is None or share.quantity.is_range:
            continue
        whole = without_total(share.whole_label.text)
        level = table.get(share.attached_to)
        if level is not None and level.role == "level":
            part = _key(level.label.text)
        else:
            before, _, _ = share.label.text.partition("占")
            part = _key(read_label(before).text) if before else ""
        if len(part) >= 2 and len(whole) >= 2:
            yield share, part, whole


def _claim(
    doc: Document, first: Stated, again: Stated, dated: bool = False, strict: bool = True
) -> Claim:
    """Two statements of one figure. With `dated`, both must be of one stated period for a
    strict comparison; where either is undated, a disagreement is only a warning (perhaps
    another period's). Without `strict`, any disagreement is a warning."""
    inputs = {"s1": first.rate.quantity, "s2": again.rate.quantity}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {
        "relation": "restatement",
        "key": first.name,
        "periods": [first.period, again.period],
        "reasons": [],
        "strict": strict and (not dated or bool(first.period and first.period == again.period)),
    }
    claim.row = derive(claim)  # points apart: the spread of the two printed rates
    return quote_apart(doc, claim)


LAST_YEARS_TOTAL = "last year's total"


def _last_years_total_rebuilt(doc: Document) -> Iterator[Claim]:
    """某类产品出口额T……上年为T0。其中,甲类出口a,同比下降r;非甲类出口b,同比下降q:
    last year's total is stated, and it is also each part over (1 + its rate), summed (the
    derived tier), where the total's own rate is not stated (growth checks that one)."""
    table = facts(doc)
    for found in partitions_of(table) + complete_breakdowns(table):
        total = found.total
        if total is None or rate_of_kind(table, total, "year") is not None:
            continue
        rates = [rate_of_kind(table, p, "year") for p in found.parts]
        if any(r is None or r.quantity.kind != "percent" or r.quantity.is_range for r in rates):
            continue
        earlier = last_years_level(table, total, rates[0])
        if earlier is None or earlier.quantity.qualifier != "exact":
            continue
        inputs = {f"part{i + 1}": p.quantity for i, p in enumerate(found.parts)}
        inputs |= {f"rate{i + 1}": r.quantity for i, r in enumerate(rates)}
        claim = Claim(NAME, doc.source, inputs | {"earlier": earlier.quantity})
        claim.facts = {
            "relation": LAST_YEARS_TOTAL,
            "part_signs": [r.direction or 1 for r in rates],
            "parts": len(found.parts),
            "periods": [earlier.period],
            "reasons": [],
            "strict": True,
        }
        claim.row = derive(claim)
        yield quote_apart(doc, claim)


def derive_last_years_total(claim: Claim) -> dict[str, float | None]:
    """The relative gap between last year's total stated and rebuilt: at the printed figures,
    and with one of them read loosely."""
    earlier = claim.inputs["earlier"]
    scale = abs(earlier.value) or 1.0
    figures = [q for k, q in claim.inputs.items() if k != "earlier"]
    strict = earlier_total(claim, as_printed).gap(earlier.strict) / scale
    lenient = one_loose_reading(
        earlier.strict, earlier.lenient, figures, lambda read: earlier_total(claim, read)
    )
    return {"statements": 2.0, "strict_gap": strict, "strict_lenient_gap": lenient / scale}


def explain_last_years_total(claim: Claim) -> str:
    text, earlier = claim.source.text, claim.inputs["earlier"]
    parts = [
        f"{claim.inputs[f'part{i + 1}'].shown(text)} / (1 {'−' if s < 0 else '+'} "
        f"{claim.inputs[f'rate{i + 1}'].shown(text)})"
        for i, s in enumerate(claim.facts["part_signs"])
    ]
    rebuilt = earlier_total(claim, as_printed)
    return (
        f"last year's total rebuilt from its parts and their rates: {' + '.join(parts)} "
        f"= {interval_text(rebuilt, earlier)}; stated {earlier.shown(text)} means "
        f"{interval_text(earlier.strict, earlier)}"
    )
