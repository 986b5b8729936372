"""difference: a stated gap between two values, in 个百分点 or in the values' own unit.

B − A against the stated difference (negative for 下降/减少/低).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.base import (
    RELATION_COLUMNS,
    Claim,
    as_printed,
    at_printed_value,
    before_the_rate,
    loose_row,
    quote_apart,
)
from checks.claims.comparison import Comparison, comparisons
from checks.claims.share import margin_figures, share_figures
from checks.document import Document
from checks.facts import Fact, facts
from checks.facts.labels import core_name, read_label, vocabulary
from checks.facts.partitions import sharper_whole, structure_member
from checks.facts.periods import months, same_year, year_of
from checks.facts.table import earlier_structure, structures
from checks.quantities import Interval
from checks.vocabulary import DOWN, MANNER, UP

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
        yield from _from_facts(doc)
        yield from _structure_member_change(doc)
        yield from _ratio_changes(doc)
        yield from _points_worth(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


# 较上年末的X / 高于8月预测的X: the earlier or the other figure a share or rate is compared with
_EARLIER_PERCENT = re.compile(r"(?:较|比|相比|与|高于|低于)[^,;。]{0,12}?的\s*$")


def _from_facts(doc: Document) -> Iterator[Claim]:
    """From the fact table: a level, the earlier value it is compared with and the stated
    change, with no rate ("逆差500.0亿元,较去年同期(320.0亿元)增加180.0亿元"); and a share or
    ratio, the earlier one after 较…的 and the change in points ("占30.5%,该比例较上年末的
    29.9%提高0.6个百分点")."""
    table = facts(doc)
    for level in table:
        reference, change = table.get(level.reference), table.get(level.change)
        if level.rate is None and reference is not None and change is not None and change.direction:
            yield _claim(doc, reference, level, change)
    for first, second, third in zip(table.facts, table.facts[1:], table.facts[2:], strict=False):
        if (
            first.quantity.kind == "percent"
            and second.quantity.kind == "percent"
            and third.quantity.kind == "pp"
            and third.direction
            and first.role in ("share", "ratio", "level", "rate")
            and first.sentence == second.sentence == third.sentence
            and _compared(doc, first, second)
            and _gap_follows(doc.between(second.quantity.end, third.quantity.start))
        ):
            yield _claim(doc, second, first, third)
    yield from _two_years_and_the_change(doc)
    yield from _stated_subtraction(doc)
    yield from _faster_than_the_whole(doc)
    yield from _points_then_earlier(doc)
    yield from _points_then_a_named_period(doc)
    yield from _against_a_wider_scope(doc)


# 高于全国平均水平, 比全国高, 快于全国: a gap in points to the same measure over a wider territory
_WIDER = re.compile(
    r"^[,\s]*(?:增速|增幅)?(?:(?P<verb>高于|快于|低于|慢于)|比)(?P<scope>全国|全省|全市|全区)"
    r"(?:平均水平|平均|整体水平|整体|总体)?(?:的?增速|的?增幅)?(?(verb)|(?P<short>高|快|低|慢))了?\s*$"
)
_WIDER_FALLS = ("低于", "慢于", "低", "慢")


def _against_a_wider_scope(doc: Document) -> Iterator[Claim]:
    """全省出口增长a%,高于全国平均水平d个百分点。全国出口增长b%: the territory's rate less the
    wider territory's rate of the same measure, stated in its paragraph, is the gap."""
    table = facts(doc)
    for points in table:
        if points.role != "pp" or points.listed is not None:
            continue
        now = table.get(points.index - 1)
        if now is None or now.role != "rate" or now.sentence != points.sentence:
            continue
        found = _WIDER.match(doc.between(now.quantity.end, points.quantity.start))
        if found is None:
            continue
        wider = _wider_rate(table, now, points, found.group("scope"))
        if wider is None:
            continue
        claim = Claim(
            NAME,
            doc.source,
            {"before": wider.quantity, "after": now.quantity, "change": points.quantity},
        )
        verb = found.group("verb") or found.group("short")
        claim.facts = {"falling": verb in _WIDER_FALLS, "verb": verb}
        claim.row = derive(claim)
        yield quote_apart(doc, claim)


def _wider_rate(table, now: Fact, points: Fact, scope: str) -> Fact | None:
    """The one other rate of the paragraph named by the scope word and the measure of `now`, of
    its period; right after the gap, the scope alone may name it (;全国增长b%); else the one
    such rate of the document."""
    level = table.get(now.attached_to)
    measure = _measure_of(now) or (_measure_of(level) if level is not None else "")
    if len(measure) < 2:
        return None
    rates = [
        f
        for f in table
        if f.role == "rate"
        and f is not now
        and f.monthly == now.monthly
        and f.label.text.startswith(scope)
        and _may_be_one_period(f.period, now.period)
    ]
    found = [
        f
        for f in rates
        if f.paragraph == now.paragraph
        and (
            _measure_of(f) == measure
            or not _measure_of(f)
            and points.sentence <= f.sentence <= points.sentence + 1
        )
    ]
    if not found:  # 同期,全国外贸进出口增长b%: in a paragraph of its own, by its measure
        found = [f for f in rates if _measure_of(f) == measure]
    return found[0] if len(found) == 1 else None


def _may_be_one_period(a: str, b: str) -> bool:
    """Two periods of one year whose months are the same or unread (同期)."""
    spans = months(a), months(b)
    return same_year(a, b) and (None in spans or spans[0] == spans[1])


def _measure_of(rate: Fact) -> str:
    """出口 in 全省出口增长, 全国出口增长: a name without its territory (core_name drops the
    scope words), verb and 额; a measure's variants read as one (地区生产总值 and 国内生产总值
    are 生产总值, 外贸进出口 is 进出口)."""
    label = read_label(_RATE_WORDS.sub("", rate.label.text))
    if label.head:
        subject = core_name(label.subject)
        if vocabulary().heads.get(subject) == label.head:
            subject = ""  # 外贸进出口: 外贸 is itself a name of 进出口
        return subject + label.head
    return _RATE_WORDS.sub("", core_name(rate.label.text))


# 增速比上年提高, 同比下降, 较上年末提高: a change in points from the period before
_FROM_LAST_PERIOD = re.compile(
    r"^[,\s]*(?:增速|增幅|比重|占比|比例|该比例|其)?"
    r"(?:同比|比上年|较上年|比去年|较去年)(?:同期|末|底)?"
    rf"(?:[^,;。\d]{{0,4}}?)(?:{UP}|{DOWN})了?\s*$"
)
# 上年为, 上年同期为, (上年同期33.7%), 上年增长, 2023年末…为: the figure of the period before
_LAST_PERIODS = re.compile(r"(?:上年|去年)(?:同期|末|底)?|(?P<year>\d{4}) ?年(?:同期|末|底)?")
LAST_PERIOD_NAME = 12  # characters of a name the earlier figure's clause may hold


def _points_then_earlier(doc: Document) -> Iterator[Claim]:
    """毛利率为a%,同比下降d个百分点(上年同期为b%) / 增长a%,增速比上年提高d个百分点,上年增长
    b% / 城镇化率为a%,比上年末提高d个百分点。上年末城镇化率为b%: the figure, its change in
    points from the period before, and that period's figure stated after; a − b = ±d."""
    table = facts(doc)
    for points in table:
        if points.role != "pp" or not points.direction or points.listed is not None:
            continue
        now = table.get(points.index - 1)
        if now is None or now.sentence != points.sentence or now.quantity.kind != "percent":
            continue
        if not _FROM_LAST_PERIOD.match(doc.between(now.quantity.end, points.quantity.start)):
            continue
        earlier = _earlier_after(doc, table, now, points)
        if earlier is not None:
            yield quote_apart(doc, _claim(doc, earlier, now, points))


# 增速较一季度回落d个百分点 / 比1-5月份加快d个百分点: a change from a named earlier stretch
_FROM_NAMED_PERIOD = re.compile(
    r"^[,\s]*(?:增速|增幅)?(?:较|比)(?P<period>[一二三四]季度|上半年|前三季度"
    r"|\d{1,2}[-—–~至]\d{1,2}月|上月|上季度)份?"
    rf"[^,;。\d]{{0,4}}?(?:{UP}|{DOWN}|加快|放缓)了?\s*$"
)


def _points_then_a_named_period(doc: Document) -> Iterator[Claim]:
    """1—6月增长a%,增速较一季度回落d个百分点,一季度增长b%: the figure of the stretch named,
    stated right after the change in the sentence or the next, opening its clause with that
    stretch's name; a − b = ±d."""
    table = facts(doc)
    for points in table:
        if points.role != "pp" or not points.direction or points.listed is not None:
            continue
        now = table.get(points.index - 1)
        if now is None or now.sentence != points.sentence or now.quantity.kind != "percent":
            continue
        found = _FROM_NAMED_PERIOD.match(doc.between(now.quantity.end, points.quantity.start))
        after = table.get(points.index + 1)
        if found is None or after is None or after.quantity.kind != "percent":
            continue
        if after.paragraph != now.paragraph or after.sentence > points.sentence + 1:
            continue
        if after.quantity.is_range or _kind_of(after) != _kind_of(now):
            continue
        clause = after.clause.strip(" ,(（")
        if clause.startswith(found.group("period")) and len(clause) <= LAST_PERIOD_NAME:
            yield quote_apart(doc, _claim(doc, after, now, points))


def _earlier_after(doc: Document, table, now: Fact, points: Fact) -> Fact | None:
    """The first percentage after the change, in its sentence or the next of the paragraph,
    whose clause names the period before (and no other name than the figure's)."""
    after = table.get(points.index + 1)
    if after is None or after.quantity.kind != "percent" or after.paragraph != now.paragraph:
        return None
    if after.sentence > points.sentence + 1 or after.quantity.is_range:
        return None
    if _kind_of(after) != _kind_of(now):
        return None
    clause = after.clause.strip(" ,(（")
    found = _LAST_PERIODS.search(clause)
    if found is None or found.start() > 1:
        return None
    if found.group("year") and year_of(now.period) != str(int(found.group("year")) + 1):
        return None  # 2023年末…: of the year before the figure's, no other
    name = _RATE_WORDS.sub("", core_name(read_label(clause[found.end() :]).text))
    own = core_name(now.label.text)
    if len(name) > LAST_PERIOD_NAME or (len(name) >= 2 and name not in own):
        return None  # 上年进口增长b%: another measure's figure
    return after


_RATE_WORDS = re.compile(rf"(?:同比|环比|按年|{UP}|{DOWN}|增速|增幅|占比|比重|比例|为|是|达)+")


def _kind_of(fact: Fact) -> str:
    """A rate is compared with a rate; a share, ratio or level in percent with one of those."""
    return "rate" if fact.role == "rate" else "ratio"


# 与一季度2.50%的增速相比: the earlier figure inside 与…相比
_WITH = re.compile(r"(?:与|同|和)[^,;。%]{0,12}?\s*$")
_COMPARED_AFTER = re.compile(r"^\s*的?(?:增速|增幅|涨幅|比重|水平|速度)?(?:相比|相较|比较)")


def _compared(doc: Document, now: Fact, earlier: Fact) -> bool:
    """较上年末的28.0% / 与一季度2.50%的增速相比: the second figure is what the first is
    compared with."""
    between = doc.between(now.quantity.end, earlier.quantity.start)
    if _EARLIER_PERCENT.search(between):
        return True
    after = doc.between(earlier.quantity.end, earlier.quantity.end + 8)
    return bool(_WITH.search(between) and _COMPARED_AFTER.match(after))


# 分别快于全部投资12.9和13.7个百分点, 高于全部投资2.0个百分点
_AGAINST = re.compile(
    r"(?P<verb>快于|高于|慢于|低于)(?P<name>[^\d,;。:]{2,12}?)(?:的)?(?:增速|增幅|水平)?\s*$"
)
_WHOLE_WORDS = re.compile(r"^(?:全部|全国|全省|全市|整体|总体)")


def _faster_than_the_whole(doc: Document) -> Iterator[Claim]:
    """高技术制造业和高技术服务业投资分别增长21.5%和22.3%,分别快于全部投资12.9和13.7个百分点:
    each part's rate less the whole's rate (stated with the whole, earlier) is its gap."""
    table = facts(doc)
    for first in table:
        if first.role != "pp" or (first.listed is not None and first.listed != first.index):
            continue
        found = _AGAINST.search(first.clause)
        if found is None or not _WHOLE_WORDS.match(found.group("name")):
            continue
        listed = first.listed is not None
        gaps = [f for f in table if f.listed == first.index] if listed else [first]
        rates = _rates_before(table, first, len(gaps))
        whole = _whole_rate(table, found.group("name"), rates)
        if not rates or whole is None:
            continue
        falling = found.group("verb") in ("慢于", "低于")
        for rate, gap in zip(rates, gaps, strict=True):
            claim = Claim(
                NAME,
                doc.source,
                {"before": whole.quantity, "after": rate.quantity, "change": gap.quantity},
            )
            claim.facts = {"falling": falling, "verb": found.group("verb")}
            claim.row = derive(claim)
            yield quote_apart(doc, claim)


def _rates_before(table, first, count: int) -> list:
    """The `count` rates right before the gaps in their sentence, in order."""
    rates = [f for f in table[: first.index] if f.sentence == first.sentence and f.role == "rate"]
    return rates[-count:] if len(rates) >= count else []


def _whole_rate(table, name: str, rates: list):
    """The rate of the whole a gap is measured against: the first level of the document named
    by what the name names without its whole-words (全部投资 → …投资), with a rate."""
    stem = core_name(_WHOLE_WORDS.sub("", name))
    if len(stem) < 2 or not rates:
        return None
    for level in table[: rates[0].index]:
        rate = table.get(level.rate)
        if level.role != "level" or rate is None:
            continue
        if core_name(level.label.text).endswith(stem):
            return rate if rate.monthly == rates[0].monthly else None
    return None


_VERB_CLAUSE = re.compile(rf"\s*,\s*(?:{UP}|{DOWN})了?\s*")


def _gap_follows(glue: str) -> bool:
    """The points follow the compared figure in its clause, or in a clause of its verb alone
    (高于预测的2.91%,上修4.73个百分点)."""
    return "," not in glue or bool(_VERB_CLAUSE.fullmatch(glue))


def _two_years_and_the_change(doc: Document) -> Iterator[Claim]:
    """2021年为A,2020年为B,增加了C: a year's level, an earlier year's, and the change between
    them, in one sentence: C = A − B."""
    table = facts(doc)
    for now, then, change in zip(table.facts, table.facts[1:], table.facts[2:], strict=False):
        if now.role != "level" or then.role != "level" or change.role != "change":
            continue
        if not now.sentence == then.sentence == change.sentence or not change.direction:
            continue
        if not (now.same_unit(then) and now.same_unit(change)) or then.label.text:
            continue  # 2020年为B names nothing new: the same measure, a year before
        years = _year(now.period), _year(then.period)
        if None not in years and years[1] < years[0]:
            yield _claim(doc, then, now, change)


def _year(period: str) -> int | None:
    year = year_of(period)
    return int(year) if year.isdigit() else None


# 以出生人数的A减去死亡人数的B计算,人口自然增长为C
_MINUS = re.compile(r"^[^\d,;。]{0,4}(?:减去|扣除|扣减|减)[^\d,;。]{0,10}$")


def _stated_subtraction(doc: Document) -> Iterator[Claim]:
    """A减去B…为C: a difference the text works out, its result the next figure of the sentence
    in the same unit."""
    table = facts(doc)
    for first, second, result in zip(table.facts, table.facts[1:], table.facts[2:], strict=False):
        if not first.sentence == second.sentence == result.sentence:
            continue
        if not (first.same_unit(second) and first.same_unit(result)) or not first.is_amount:
            continue
        if _MINUS.match(doc.between(first.quantity.end, second.quantity.start)):
            claim = Claim(
                NAME,
                doc.source,
                {"before": second.quantity, "after": first.quantity, "change": result.quantity},
            )
            claim.facts = {"falling": False, "verb": "="}
            claim.row = derive(claim)
            yield claim


def _structure_member_change(doc: Document) -> Iterator[Claim]:
    """三次产业结构由上年的a:b:c调整为d:e:f,第二产业比重…,比上年提高x个百分点: the change of
    the member named, from the earlier structure to the later."""
    table = facts(doc)
    found = structures(table)
    for earlier, later in zip(found, found[1:], strict=False):
        if len(earlier) != len(later) or earlier[0].sentence != later[0].sentence:
            continue
        if not earlier_structure(doc, earlier[0]):
            continue
        for change in table.facts[later[-1].index + 1 : later[-1].index + 6]:
            if change.sentence != later[0].sentence:
                break
            if change.role != "pp" or not change.direction:
                continue
            text = doc.between(later[-1].quantity.end, change.quantity.start)
            after = structure_member(table, later, text)
            if after is not None:
                before = earlier[later.index(after)]
                yield quote_apart(doc, _claim(doc, before, after, change))
            break


def _claim(doc: Document, before, after, change) -> Claim:
    inputs = {"before": before.quantity, "after": after.quantity, "change": change.quantity}
    claim = Claim(NAME, doc.source, inputs)
    verb = doc.between(change.quantity.start - 2, change.quantity.start).strip()
    claim.facts = {"falling": change.direction < 0, "verb": verb}
    claim.row = derive(claim)
    return claim


def _is_difference(found: Comparison) -> bool:
    change, before = found.change, found.before
    if change.kind == "pp":
        return before.kind == "percent"
    return change.kind == before.kind and change.unit == before.unit and change.kind != "percent"


# 较预期高出d个百分点 / 比年初预测低d个百分点: a rate against the one forecast for the same
# figure, over the same base
_AGAINST_FORECAST = re.compile(
    r"^\s*[,,]?\s*(?:增速|增幅)?(?:比|较|高于|低于)(?:原|此前|年初|上次|之前)?(?:的)?"
    r"(?:预测|预期|预估|预计|目标)(?:值|增速)?(?:高出|高|多|提高|低|少|下降)?了?\s*$"
)
# 相当于多出X / 相当于少X: what the points are worth in the level's unit
_WORTH = re.compile(r"^\s*[,,]?\s*(?:相当于|折合|即)(?P<more>多|少)(?:出|增|了)?\s*$")


def _points_worth(doc: Document) -> Iterator[Claim]:
    """销售额L,增长r%,较预期高出d个百分点,相当于多增X: against a forecast rate of the same
    base, the points are worth that base, L/(1+r), times d% (the derived tier). A gap to last
    year's rate has another base: no claim."""
    table = facts(doc)
    for points in table:
        if points.role != "pp" or not points.direction:
            continue
        rate, worth = table.get(points.index - 1), table.get(points.index + 1)
        if rate is None or worth is None or rate.role != "rate" or not rate.direction:
            continue
        level = table.get(rate.attached_to)
        if level is None or not level.is_amount or not worth.quantity.same_unit(level.quantity):
            continue
        if not rate.sentence == points.sentence == worth.sentence:
            continue
        if not _AGAINST_FORECAST.match(doc.between(rate.quantity.end, points.quantity.start)):
            continue
        glue = _WORTH.match(doc.between(points.quantity.end, worth.quantity.start))
        if glue is None or (glue.group("more") == "多") != (points.direction > 0):
            continue
        inputs = {"level": level.quantity, "rate": rate.quantity, "points": points.quantity}
        claim = Claim(NAME, doc.source, inputs | {"worth": worth.quantity})
        claim.facts = {"shape": "points_worth", "sign": rate.direction, "falling": False}
        claim.row = derive(claim)
        yield quote_apart(doc, claim)


def _points_worth_row(claim: Claim) -> dict[str, float | None]:
    level, rate, points, worth = (claim.inputs[k] for k in ("level", "rate", "points", "worth"))
    sign = claim.facts["sign"]

    def implied(read) -> Interval:
        return before_the_rate(level, rate, sign, read) * read(points).scale(0.01)

    return loose_row(
        worth.strict, worth.lenient, [level, rate, points], implied, abs(worth.value) or 1.0
    )


def _explain_points_worth(claim: Claim) -> str:
    text = claim.source.text
    level, rate, points, worth = (claim.inputs[k] for k in ("level", "rate", "points", "worth"))
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    scale = _display_scale(worth.value)
    return (
        f"the base {level.shown(text)} / (1 + {rate.shown(text)}) × {points.shown(text)} = "
        f"{implied.scale(1 / scale).format(3)}; stated {worth.shown(text)} means "
        f"{worth.strict.scale(1 / scale).format(3)}"
        + (f" (in units of {scale:,.0f})" if scale != 1 else "")
    )


def derive(claim: Claim) -> dict[str, float | None]:
    if claim.facts.get("shape") == "points_worth":
        return _points_worth_row(claim)
    if claim.facts.get("shape") == "margin_change":
        return _margin_change_row(claim)
    before, after, change = (claim.inputs[k] for k in ("before", "after", "change"))
    sign = -1.0 if claim.facts["falling"] else 1.0
    # points and rates stay absolute; amounts are relative to the stated difference
    scale = 1.0 if change.kind in _POINTS else abs(change.value) or 1.0
    return loose_row(
        change.strict.scale(sign),
        change.lenient.scale(sign),
        [before, after],
        lambda read: read(after) - read(before),
        scale,
    )


def explain(claim: Claim) -> str:
    text = claim.source.text
    if claim.facts.get("shape") == "points_worth":
        return _explain_points_worth(claim)
    if claim.facts.get("shape") == "margin_change":
        return _explain_margin_change(claim)
    before, after, change = (claim.inputs[k] for k in ("before", "after", "change"))
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    stated = Interval(claim.row["stated_lo"], claim.row["stated_hi"])
    unit = _POINTS.get(change.kind, "")
    scale = 1.0 if unit else _display_scale(change.value)
    return (
        f"{after.shown(text)} − {before.shown(text)} = "
        f"{implied.scale(1 / scale).format(3, unit)}; stated {claim.facts['verb']}"
        f"{change.shown(text)} means {stated.scale(1 / scale).format(3, unit)}"
        + (f" (in units of {scale:,.0f})" if scale != 1 else "")
    )


_POINTS = {"pp": "pp", "ppt": "‰", "permille": "‰"}  # kinds of change shown in their own unit


def _display_scale(value: float) -> float:
    for divisor in (1e8, 1e4):
        if abs(value) >= divisor:
            return divisor
    return 1.0


# 毛利率R,同比下降d(个百分点) / 占W的s%,所占比重比上年提高d个百分点: the change of a
# margin or a share from last year's
_RATIO_CHANGE = re.compile(
    r"^\s*[,,]?\s*(?:其?(?:所占)?(?:比重|占比|比例|份额))?"
    rf"(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)(?:{MANNER})?(?:{UP}|{DOWN})了?\s*$"
)


_RATIO_WORD = re.compile(r"比重|占比|比例|份额")


def _ratio_changes(doc: Document) -> Iterator[Claim]:
    """营业收入A,同比增长a%;营业成本B,同比增长b%;毛利率R,同比下降d个百分点 / 甲类企业
    出口P,增长p%,占W的s%,比重比上年提高d个百分点: last year's margin or share is rebuilt
    from the figures it is worked from and their rates (1 − B/(1+b) ÷ A/(1+a); P/(1+p) ÷
    W/(1+w)), and the stated one less it is the stated change (the derived tier)."""
    table = facts(doc)
    shares = {found.share.index: found for found in share_figures(doc)}
    for ratio in table:
        change = table.get(ratio.index + 1)  # the cheap tests first: most figures have none
        if change is None or change.sentence != ratio.sentence or not change.direction:
            continue
        if change.quantity.kind not in ("pp", "percent") or change.quantity.is_range:
            continue
        between = doc.between(ratio.quantity.end, change.quantity.start)
        if not _RATIO_CHANGE.match(between):
            continue
        found = margin_figures(table, ratio)
        if found is None and ratio.index in shares:
            figures = shares[ratio.index]
            found = "比重", "part", figures.part, figures.whole
        if found is None:
            continue
        word, role, part, whole = found
        if word == "比重" and change.quantity.kind != "pp" and not _RATIO_WORD.search(between):
            continue  # 占s%,同比增长r%: the part's own rate, not its share's change
        rates = [table.rate_on_year_before(f) for f in (whole, part)]
        if any(r is None for r in rates):
            continue
        sharper, whole_parts = sharper_whole(table, whole)
        inputs = {"whole": sharper, "whole_rate": rates[0].quantity}
        inputs |= {role: part.quantity, "part_rate": rates[1].quantity}
        inputs |= {"margin": ratio.quantity, "change": change.quantity} | whole_parts
        claim = Claim(NAME, doc.source, inputs)
        claim.facts = {
            "shape": "margin_change",
            "margin": word,
            "role": role,
            "signs": [r.direction or 1 for r in rates],
            "falling": change.direction < 0,
            "verb": doc.between(ratio.quantity.end, change.quantity.start).strip(" ,"),
        }
        claim.row = derive(claim)
        yield quote_apart(doc, claim)


def _margin_then(claim: Claim, read) -> Interval:
    """Last year's margin in %: each figure over (1 + its rate), a falling rate taken as such."""
    signs, role = claim.facts["signs"], claim.facts["role"]
    part = before_the_rate(claim.inputs[role], claim.inputs["part_rate"], signs[1], read)
    whole = before_the_rate(claim.inputs["whole"], claim.inputs["whole_rate"], signs[0], read)
    percent = (part / whole).scale(100)
    return percent if role == "part" else Interval.point(100.0) - percent


def _margin_change_row(claim: Claim) -> dict[str, float | None]:
    change, margin = claim.inputs["change"], claim.inputs["margin"]
    sign = -1.0 if claim.facts["falling"] else 1.0
    figures = [
        q for k, q in claim.inputs.items() if k != "change" and not k.startswith("whole_part")
    ]
    row = loose_row(
        change.strict.scale(sign),
        change.lenient.scale(sign),
        figures,
        lambda read: read(margin) - _margin_then(claim, read),
    )
    if change.kind == "percent":  # 下降7.81% of a margin means points; a relative fall may be meant
        then = _margin_then(claim, as_printed)
        if then.lo > 0:
            relative = (margin.strict / then).shift(-1).scale(100)
            row["lenient_gap"] = min(row["lenient_gap"], relative.gap(change.strict.scale(sign)))
    return row


def _explain_margin_change(claim: Claim) -> str:
    text = claim.source.text
    margin, change = claim.inputs["margin"], claim.inputs["change"]
    then = _margin_then(claim, at_printed_value)
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    stated = Interval(claim.row["stated_lo"], claim.row["stated_hi"])
    return (
        f"last year's {claim.facts['margin']} rebuilt from this year's figures and their rates: "
        f"{then.lo:.2f}%; {margin.shown(text)} − it = {implied.format(3, 'pp')} [from the "
        f"printed figures]; stated {claim.facts['verb']}{change.shown(text)} means "
        f"{stated.format(3, 'pp')}"
    )
