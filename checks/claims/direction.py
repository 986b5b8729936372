"""direction: 增至/提升至 versus 降至/减少到 must match the sign of the change they describe.

从A增至B needs some B above A inside the printed intervals; 从A降至B needs some B below A.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.base import (
    RELATION_COLUMNS,
    Claim,
    as_printed,
    fmt,
    interval_text,
    loosely,
    quote_apart,
    relation_row,
    signed,
    signed_hull,
    verb_sign,
)
from checks.claims.comparison import movements
from checks.claims.ranking import CUE_AFTER, CUE_BEFORE, other_years, peak_cue
from checks.document import Document
from checks.facts import Fact, FactTable, facts
from checks.facts.labels import core_name, measure_named, read_label, vocabulary
from checks.facts.partitions import parts_after, structure_member
from checks.facts.periods import whole_year
from checks.facts.table import lists, structures
from checks.quantities import INF, Interval, Quantity
from checks.vocabulary import DOWN, MANNER, UP, falls

NAME = "direction"
_KINDS = frozenset({"money", "count", "people", "percent", "multiple"})  # 1~2周 is no movement


class Direction:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        for movement in movements(doc):
            if not movement.verb or not _moves(movement.before):
                continue
            yield _movement(doc, movement.before, movement.after, movement.verb, movement.falling)
        yield from _thresholds(doc)
        yield from _against_earlier(doc)
        yield from _moved_to(doc)
        yield from _breadth_moved(doc)
        yield from _improved(doc)
        yield from _between_parts(doc)
        yield from _digit_bands(doc)
        yield from _records(doc)
        yield from _revisions(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _moves(quantity: Quantity) -> bool:
    """An amount, a percentage, or a bare index or ratio (104.60 → 103.90); a bare figure with a
    magnitude word (512.3万) leaves its unit unsaid."""
    if quantity.kind in _KINDS:
        return True
    return quantity.kind == "number" and quantity.value == quantity.printed_number


_BOUNDS = {"above": False, "floor": False, "below": True, "near_below": True}


def _thresholds(doc: Document) -> Iterator[Claim]:
    """A round threshold (突破3000亿美元, 超35%, 近40家) and the exact figure of the same measure
    it announces, in its paragraph: the figure must lie on the threshold's side."""
    table = facts(doc)
    for bound in table:
        if bound.quantity.qualifier not in _BOUNDS:
            continue
        exact = _rate_bounded(doc, table, bound)
        if exact is None and bound.role == "share":
            exact = _share_bounded(table, bound)
        if exact is None and bound.role in ("share", "ratio"):
            exact = _member_bounded(table, bound)
        if exact is None and bound.role in _LEVELS:
            exact = _exact_of(table, bound)
        if exact is None:
            continue
        word = doc.between(bound.quantity.start, bound.quantity.number_start).strip()
        verb = word or doc.between(bound.quantity.end - 2, bound.quantity.end)
        falling = _BOUNDS[bound.quantity.qualifier]
        for figure in _each_of(doc, table, bound, exact):
            claim = _movement(doc, bound.quantity, figure.quantity, verb, falling, threshold=True)
            yield quote_apart(doc, claim)


def _movement(
    doc: Document, before: Quantity, after: Quantity, verb: str, falling: bool, **more: bool
) -> Claim:
    """A claim that `after` lies above `before` (or below, `falling`), as `verb` says; `more`
    flags another reading (a threshold, a record of its own time)."""
    claim = Claim(NAME, doc.source, {"before": before, "after": after})
    claim.facts = {"verb": verb, "falling": falling, **more}
    claim.row = derive(claim)
    return claim


_EACH = "分别"


def _each_of(doc: Document, table: FactTable, bound: Fact, exact: Fact) -> list[Fact]:
    """营收和成本首次超过百亿元,分别为A和B: a mark two measures passed, then each one's figure."""
    if exact.listed != exact.index or _EACH not in doc.between(
        bound.quantity.end, exact.quantity.start
    ):
        return [exact]
    members = _lists_by_first(table)[exact.index]
    return [f for f in members if f.sentence == bound.sentence and _comparable(f, bound)]


def _lists_by_first(table: FactTable) -> dict[int, list[Fact]]:
    """Each list's members by its first member's index, found once per document."""
    return table.doc.memo("lists by first", lambda: {m[0].index: m for m in lists(table)})


def _run_from(table: FactTable, fact: Fact) -> list[Fact] | None:
    """The list a figure opens, itself where it is in none; None for a later member of one."""
    if fact.listed is None:
        return [fact]
    return _lists_by_first(table)[fact.index] if fact.listed == fact.index else None


# 上调…至A/B/C(前值a/b/c): a forecast raised (or cut) against the one it replaces
_REVISED = re.compile(r"上调|调高|上修|提高|下调|调低|下修")
_CUT = ("下调", "调低", "下修")
_FORMER_WORDS = ("原预测", "原预期", "原值", "前值", "此前预测", "调整前", "前次预测")
_FORMER = re.compile(rf"^\s*[(（]\s*(?:{'|'.join(_FORMER_WORDS)})(?:值)?(?:分别)?(?:为|是)?\s*$")


def _revisions(doc: Document) -> Iterator[Claim]:
    """上调2027-2029年营收预期为A/B/C亿元(前值为a/b/c亿元): each new forecast lies above
    (下调: below) the one it replaces, year by year."""
    if not any(word in doc.view for word in _FORMER_WORDS):
        return  # most documents revise no forecast
    table = facts(doc)
    for first in table:
        new = _run_from(table, first)  # a list is read from its first member
        after = table.get(new[-1].index + 1) if new else None
        if after is None or not _FORMER.match(
            doc.between(new[-1].quantity.end, after.quantity.start)
        ):
            continue
        old = _run_from(table, after)
        start = doc.sentences[first.sentence][0]
        verb = _REVISED.search(doc.between(start, first.quantity.start))
        if verb is None or old is None or len(old) != len(new):
            continue
        if not all(map(_comparable, new, old)):
            continue
        for now, was in zip(new, old, strict=True):
            cut = verb.group(0) in _CUT
            yield quote_apart(doc, _movement(doc, was.quantity, now.quantity, verb.group(0), cut))


# 创历史新高,达到A; 创下A的新高: the figure rose above every earlier year's of its measure.
# 历史新高 looks back from the time of writing, so a later year above it is odd too; but the
# record may be of its own time (2015年创历史新高 … 2017年达X): a warning, not an error
_RECORD = re.compile(r"(?:历史|纪录)?新高")
_OF_ALL_HISTORY = re.compile(r"历史")


def _records(doc: Document) -> Iterator[Claim]:
    """A record year's figure against the other years' figures of its measure (ranking's
    other_years): above those before it, and, for 历史新高, those after it (a warning)."""
    cues = [m.start() for m in re.finditer("新高", doc.view)]
    if not cues:
        return
    table = facts(doc)
    for fact in table:
        if fact.role != "level" or not fact.is_amount or fact.quantity.is_range:
            continue
        start, end = fact.quantity.start - CUE_BEFORE, fact.quantity.end + CUE_AFTER
        if not any(start <= at < end for at in cues):
            continue  # no record word where peak_cue would look
        cue = peak_cue(doc, fact, _RECORD)
        if cue is None or not (year := whole_year(fact.period)):
            continue
        of_all_history = bool(_OF_ALL_HISTORY.search(doc.between(*cue)))
        for other, other_year in other_years(table, fact):
            if other_year > year and not of_all_history:
                continue
            # after a 历史新高, a later year may hold a record of its own time
            later = {"of_its_time": True} if other_year > year else {}
            claim = _movement(doc, other.quantity, fact.quantity, doc.between(*cue), False, **later)
            claim.cue = cue
            yield quote_apart(doc, claim)


_LEVELS = ("level", "share", "ratio")
_EARLIER = re.compile(r"^(?:虽|但|而|并|且)?(?:较|比|相比|与)[^,;。]{0,10}?的\s*$")
_MOVED = re.compile(
    rf"^\s*(?:有所|略有|明显|大幅|小幅|进一步)?(?P<verb>{UP}|{DOWN})(?![\d一二三四五六七八九十])"
)


def _against_earlier(doc: Document) -> Iterator[Claim]:
    """资产负债率为37.3%,较上年的43.0%有所下降: a figure, the earlier one it is compared with and
    a direction word with no amount after it; the figure must lie on that side."""
    table = facts(doc)
    for now, earlier in zip(table.facts, table.facts[1:], strict=False):
        if now.sentence != earlier.sentence or now.role not in _LEVELS:
            continue
        if not now.same_unit(earlier):
            continue
        between = doc.between(now.quantity.end, earlier.quantity.start)
        moved = _MOVED.match(doc.between(earlier.quantity.end, earlier.quantity.end + 8))
        if not _EARLIER.match(between.lstrip(", ")) or moved is None:
            continue
        after = table.get(earlier.index + 1)
        if (
            after is not None
            and after.sentence == now.sentence
            and _right_after(doc, earlier, after)
        ):
            continue  # 较上年的X下降2个百分点: a stated change, checked as a difference
        yield _movement(doc, earlier.quantity, now.quantity, moved["verb"], falls(moved["verb"]))


_TO_AFTER_VERB = re.compile(  # 略降至, 进一步下滑至
    rf"{MANNER}(?P<verb>{UP}|{DOWN})了?(?:至|到)\s*"
    r"(?:\d{4} ?年(?:的)?)?\s*$"
)
_FROM_WORD = re.compile(r"[从由]")
MOVE_REACH = 2  # sentences back where the figure a movement starts from may stand


def _moved_to(doc: Document) -> Iterator[Claim]:
    """2024年为88.20亿元;预计2025年略降至84.10亿元 / 一季度营收达31亿元,二季度营收下滑至
    26.45亿元: a figure reached by a movement, against the figure of the same measure just
    before it."""
    table = facts(doc)
    for now in table:
        if now.role != "level" or now.bracketed or now.quantity.qualifier != "exact":
            continue
        near = doc.between(max(now.paragraph, now.quantity.start - 12), now.quantity.start)
        if "至" not in near and "到" not in near:
            continue  # no movement reaches this figure
        before_text = doc.between(max(now.paragraph, now.quantity.start - 24), now.quantity.start)
        clause = re.split(r"[,;。:]", before_text)[-1]
        moved = _TO_AFTER_VERB.search(clause)
        if moved is None or _FROM_WORD.search(clause):
            continue  # 从A降至B is a movement of its own
        start = _previous_level(table, now)
        if start is None:
            continue
        claim = _movement(doc, start.quantity, now.quantity, moved["verb"], falls(moved["verb"]))
        yield quote_apart(doc, claim)


# 降幅收窄至b / 该降幅扩大至b / 增幅扩大到b: a rate's size moved from the rate before it
_BREADTH = re.compile(
    r"(?:这一|该|其)?(?P<what>降幅|跌幅|(?:下滑|下降|下跌|增长|上涨)幅度|增幅|涨幅)"
    rf"(?:又|也)?{MANNER}(?P<verb>收窄|缩小|扩大|加大|增至|增加至|上升至|提高)(?:至|到)?\s*$"
)
_FALL_SIZES = ("降幅", "跌幅", "下滑幅度", "下降幅度", "下跌幅度")
_NARROWS = ("收窄", "缩小")


def _breadth_moved(doc: Document) -> Iterator[Claim]:
    """一季度下降a%,二季度降幅收窄至b%,三季度该降幅扩大至c%: the
    size of a fall (or a rise) against the rate of the same kind just before it."""
    table = facts(doc)
    sizes: dict[int, int] = {}  # each size moved to, by index: -1 a fall's, +1 a rise's
    for now in table:
        if now.quantity.kind != "percent" or now.quantity.is_range or now.index == 0:
            continue
        clause = re.split(r"[,;。:]", doc.between(now.paragraph, now.quantity.start))[-1]
        moved = _BREADTH.search(clause)
        if moved is None:
            continue
        sign = -1 if moved["what"] in _FALL_SIZES else 1
        sizes[now.index] = sign
        before = _size_before(table, now, sign, sizes)
        if before is None:
            continue
        narrows = moved["verb"] in _NARROWS
        claim = _movement(doc, before.quantity, now.quantity, moved["verb"], narrows)
        yield quote_apart(doc, claim)


# 净资产收益率为a,比上年的b明显改善: a ratio against the earlier one, then the verdict
_AGAINST_EARLIER = re.compile(
    r"^\s*[,,]?\s*(?:较|比|相比)(?:上年|去年|上年同期|去年同期|(?:19|20)?\d{2}\s*年(?:同期)?)?的?\s*$"
)
_VERDICT = re.compile(r"\s*(?:大幅|明显|显著|有所|进一步|持续|略有|小幅)?(?P<word>改善|好转|恶化)")


def _improved(doc: Document) -> Iterator[Claim]:
    """净资产收益率为a,比上年的b明显改善 / 销售费用率为a,较上年的b有所改善: a ratio better when
    higher (ROE, 毛利率) improves by rising, one better when lower (费用率, 负债率) by falling;
    恶化 the other way (data/labels.yaml, better_higher and better_lower)."""
    table = facts(doc)
    words = vocabulary()
    for now, earlier in zip(table.facts, table.facts[1:], strict=False):
        if now.quantity.kind != "percent" or not earlier.same_unit(now):
            continue
        if now.sentence != earlier.sentence or now.quantity.is_range or earlier.quantity.is_range:
            continue
        verdict = _VERDICT.match(doc.view, earlier.quantity.end)
        if verdict is None:
            continue
        if not _AGAINST_EARLIER.match(doc.between(now.quantity.end, earlier.quantity.start)):
            continue
        name = core_name(now.label.text)
        higher = any(name.endswith(w) for w in words.better_higher)
        lower = any(name.endswith(w) for w in words.better_lower)
        if higher == lower:
            continue  # a ratio of no known better side, or of both
        better = verdict["word"] != "恶化"
        claim = _movement(doc, earlier.quantity, now.quantity, verdict["word"], better != higher)
        yield quote_apart(doc, claim)


def _size_before(table: FactTable, now: Fact, sign: int, sizes: dict[int, int]) -> Fact | None:
    """The nearest earlier rate of the paragraph within reach, moving as `sign` says, or size
    moved to of that kind (一季度下降a,二季度降幅收窄至b,三季度降幅扩大至c: c against b)."""
    for fact in reversed(table.facts[: now.index]):
        if fact.paragraph != now.paragraph or fact.sentence < now.sentence - MOVE_REACH:
            return None
        if fact.index in sizes:
            return fact if sizes[fact.index] == sign else None
        if fact.role != "rate":
            continue
        if fact.direction != sign or fact.quantity.value < 0 or fact.quantity.is_range:
            return None  # the rate before is of the other kind: the size is not its
        return fact
    return None


def _previous_level(table: FactTable, now: Fact) -> Fact | None:
    """The nearest earlier exact level of the paragraph in the same unit whose name agrees."""
    for fact in reversed(table.facts[: now.index]):
        if fact.paragraph != now.paragraph or fact.sentence < now.sentence - MOVE_REACH:
            return None
        if fact.role != "level" or fact.bracketed or not fact.same_unit(now):
            continue
        if fact.quantity.qualifier != "exact" or fact.quantity.is_range:
            return None
        a, b = core_name(fact.label.text), core_name(read_label(_unmoved(now.label.text)).text)
        if a and b and not (a.endswith(b) or b.endswith(a)):
            return None  # another measure stands between
        return fact
    return None


def _unmoved(label: str) -> str:
    """—营收下滑至 → 营收: the name without the movement and the dash of a month span."""
    return _ADVERBS.sub("", _MOVEMENT_AT_END.sub("", label)).strip("—–-~ ")


_MOVEMENT_AT_END = re.compile(rf"{MANNER}(?:{UP}|{DOWN})了?(?:至|到)?$")
# 预计2025年略降至X: words of manner and expectation name nothing
_ADVERBS = re.compile(r"预计|预期|有望|将|略|小幅|大幅|进一步|再|继续|逐步|明显|则|又|也|仍")


def _right_after(doc: Document, earlier: Fact, after: Fact) -> bool:
    return len(doc.between(earlier.quantity.end, after.quantity.start)) <= 8


def _exact_of(table: FactTable, bound: Fact) -> Fact | None:
    """The exact figure a threshold announces: the next figure of its sentence when that one
    names nothing new (突破2万元,达20350元), else the nearest one of its paragraph with the same
    label, unit, period and role (全年出口首破5,000亿美元 … 累计出口5,210.4亿美元)."""
    after = table.get(bound.index + 1)
    if (
        after is not None
        and after.sentence == bound.sentence
        and _comparable(after, bound)
        and not core_name(after.label.text)
    ):
        return after
    name = core_name(measure_named(bound.label.text).text)  # 出口已连续三个月站稳X之上
    before = table.get(bound.index - 1)
    if (
        before is not None
        and before.sentence == bound.sentence
        and _comparable(before, bound)
        and not _MARK_WORDS.sub("", name)
    ):
        return before  # 全年订单X,不但写下历史新高,也是首度突破Y: the mark the figure passed
    if len(name) < 2:
        return None
    near = sorted(
        (f for f in table if f.paragraph == bound.paragraph and f is not bound),
        key=lambda f: abs(f.index - bound.index),
    )
    found = next(
        (f for f in near if _comparable(f, bound) and core_name(f.label.text) == name), None
    )
    return found or _only_one_of_its_period(table, bound, name)


def _only_one_of_its_period(table: FactTable, bound: Fact, name: str) -> Fact | None:
    """12月出口已连续第三个月站稳X之上, paragraphs after 12月出口A: a threshold with a part of a
    year names the one exact figure of its name and that period anywhere in the text."""
    if not bound.period.partition(":")[2]:
        return None
    same = [
        f
        for f in table
        if f is not bound
        and f.period == bound.period
        and _comparable(f, bound)
        and core_name(f.label.text) == name
    ]
    return same[0] if len(same) == 1 else None


# 12%以上增长, 20%以上的增幅, 超过20%的快速增长: a bound on a growth rate
_GROWTH_AFTER = re.compile(r"^\s*的?[^\d,;。、]{0,3}?(?:增长|增幅|增速|涨幅)")


def _rate_bounded(doc: Document, table: FactTable, bound: Fact) -> Fact | None:
    """比上年增长12.3%,连续四年实现12%以上增长: a bound on growth is of the rise stated just
    before it in its sentence. A fall is left alone: its sign against the bound is not read."""
    if bound.quantity.kind != "percent" or bound.role in ("rate", "share"):
        return None
    if not _GROWTH_AFTER.match(doc.between(bound.quantity.end, bound.quantity.end + 8)):
        return None
    rate = next(
        (
            f
            for f in reversed(table.facts[: bound.index])
            if f.sentence == bound.sentence and f.role == "rate"
        ),
        None,
    )
    if rate is None or rate.quantity.qualifier != "exact" or rate.direction <= 0:
        return None
    return rate


_MARK_WORDS = re.compile(r"也|是|首度|首次|再度|再次|不但|而且|已经|已|均|都|还|又")


_SHARE_WORDS = re.compile(r"(?:的)?(?:占比|比重|比例|份额)|占")


def _share_bounded(table: FactTable, bound: Fact) -> Fact | None:
    """大豆进口占8成以上 … 我国进口大豆A万吨,占粮食进口总量的84.2%: a bound on a share
    against the exact share of the same part stated in its paragraph."""
    name = _share_part(table, bound)
    if len(name) < 2:
        return None
    near = sorted(
        (f for f in table if f.paragraph == bound.paragraph and f is not bound),
        key=lambda f: abs(f.index - bound.index),
    )
    for share in near:
        if share.role != "share" or share.quantity.qualifier != "exact":
            continue
        other = _share_part(table, share)
        if len(other) >= 2 and (name.endswith(other) or other.endswith(name)):
            return share
    return None


def _member_bounded(table: FactTable, bound: Fact) -> Fact | None:
    """调整为7.9:40.1:52.0,第二产业比重保持在40%以上: the share of the member named, in the
    structure just before the bound in its sentence."""
    found = [
        members
        for members in structures(table)
        if members[-1].sentence == bound.sentence and members[-1].index < bound.index
    ]
    if not found:
        return None
    members = found[-1]
    return structure_member(table, members, bound.label.text)


def _share_part(table: FactTable, share: Fact) -> str:
    """What a share is of the whole: the level it belongs to, the words before 占/占比, or the
    amount right before it (去年营运开支为A亿元,占总支出16.1%)."""
    level = table.get(share.attached_to)
    if level is not None:
        return core_name(level.label.text)
    cut = _SHARE_WORDS.search(share.clause)
    named = core_name(read_label(share.clause[: cut.start()]).text) if cut else ""
    before = table.get(share.index - 1)
    if not named and before is not None and before.sentence == share.sentence:
        return core_name(before.label.text) if before.is_amount else ""
    return named


def _comparable(fact: Fact, bound: Fact) -> bool:
    return (
        fact.quantity.qualifier == "exact"
        and not fact.quantity.is_range
        and fact.role == bound.role
        and fact.same_unit(bound)
        and (not fact.period or not bound.period or fact.period == bound.period)
    )


_INDEX = "指数"
INDEX_BASE = 100.0  # 居民消费价格指数102.1: prices 2.1% above the base period's


def _between_parts(doc: Document) -> Iterator[Claim]:
    """居民消费价格指数为102.1,其中:城市上涨1.8%,农村上涨2.6% / 预期寿命为82.45岁,其中男性
    80.12岁、女性84.90岁: a rate, average or index of a whole is a weighted mean of its parts'
    (a partition of data/partitions.yaml), so it lies between the lowest and the highest."""
    table = facts(doc)
    words = vocabulary()
    for whole in table:
        if whole.quantity.is_range or whole.role not in ("rate", "level", "ratio", "other"):
            continue
        level = table.get(whole.attached_to)
        named = whole.label.text + (level.label.text if level is not None else "")
        if any(word in named for word in words.per_head):
            continue  # 人均收入: people moving between the parts move the whole's average
        index = _INDEX in whole.label.text and whole.quantity.kind == "number"
        if whole.role != "rate" and not any(word in whole.label.text for word in words.averages):
            continue  # a level's parts add up to it; only an average lies between them
        found = parts_after(table, whole, "rate" if index else whole.role)
        if found is None or not (index or all(p.same_unit(whole) for p in found.parts)):
            continue
        yield _between_claim(doc, whole, list(found.parts), index)


def _between_claim(doc: Document, whole: Fact, parts: list[Fact], index: bool) -> Claim:
    inputs = {"whole": whole.quantity} | {f"part{i + 1}": p.quantity for i, p in enumerate(parts)}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {
        "between": len(parts),
        "index": index,
        "signs": [verb_sign(f) for f in (whole, *parts)],
        "verb": "lies between",
        "falling": False,
    }
    claim.row = derive(claim)
    return quote_apart(doc, claim)


def _between_row(claim: Claim) -> dict[str, float | None]:
    """The parts' hull is the stated side, the whole's figure the implied one."""
    signs, count = claim.facts["signs"], claim.facts["between"]
    parts = [claim.inputs[f"part{i + 1}"] for i in range(count)]
    whole = claim.inputs["whole"]
    shift = Interval.point(INDEX_BASE if claim.facts["index"] else 0.0)
    strict, lenient = (signed(whole, signs[0], read) - shift for read in (as_printed, loosely))
    scale = max(abs(strict.lo), abs(strict.hi), 1e-9)
    hulls = [signed_hull(parts, signs[1:], read) for read in (as_printed, loosely)]
    return relation_row(hulls[0], strict, hulls[1], lenient, scale)


def stated_sign(falling: bool) -> Interval:
    return Interval(-INF, 0.0) if falling else Interval(0.0, INF)


def derive(claim: Claim) -> dict[str, float | None]:
    if claim.facts.get("band"):
        return _band_row(claim)
    if claim.facts.get("between"):
        return _between_row(claim)
    before, after = claim.inputs["before"], claim.inputs["after"]
    sign = stated_sign(claim.facts["falling"])
    scale = max(abs(before.value), abs(after.value), 1e-9)
    if claim.facts.get("of_its_time"):  # the reading of a record of its own time always fits:
        # a later year above it fails only the strict reading, a warning
        return relation_row(sign, after.strict - before.strict, sign, Interval.point(0.0), scale)
    if claim.facts.get("threshold"):  # 突破7000: the round threshold itself, not its interval
        point = Interval.point(before.value)
        return relation_row(sign, after.strict - point, sign, after.lenient - point, scale)
    return relation_row(
        sign, after.strict - before.strict, sign, after.lenient - before.lenient, scale
    )


def explain(claim: Claim) -> str:
    text = claim.source.text
    if claim.facts.get("between"):
        return _explain_between(claim)
    if claim.facts.get("band"):
        band = claim.inputs["band"].strict
        return (
            f"{claim.facts['band']} describes a rate from {fmt(band.lo)}% up to "
            f"{fmt(band.hi)}%; stated {', '.join(q.shown(text) for q in _band_rates(claim))}"
        )
    before, after = claim.inputs["before"], claim.inputs["after"]
    change = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    direction = "a fall" if claim.facts["falling"] else "a rise"
    if claim.facts.get("threshold"):
        side = "below" if claim.facts["falling"] else "above"
        return (
            f"{claim.facts['verb']} {fmt(before.value)} announces a figure {side} it; "
            f"the figure is {after.shown(text)} {interval_text(after.strict, after)}"
        )
    if claim.facts.get("of_its_time"):
        return (
            f"{after.shown(text)} − {before.shown(text)} (a later year) = "
            f"{interval_text(change, after)}; {claim.facts['verb']} is a record to this day, "
            "unless it was one of its own time"
        )
    return (
        f"{after.shown(text)} − {before.shown(text)} = {interval_text(change, after)}; "
        f"{claim.facts['verb']} states {direction}"
    )


# 两位数增长: a rate of as many digits before the point lies in the band
_DIGIT_BANDS = {"个位数": (0.0, 10.0), "两位数": (10.0, 100.0), "双位数": (10.0, 100.0)}
_BAND = re.compile(
    rf"(?P<band>{'|'.join(_DIGIT_BANDS)})(?:的)?(?P<verb>{UP}|{DOWN}|增幅|增速|降幅)?"
)
_RATE_NAMED = re.compile(r"(?:增速|增幅|增长率|降幅)(?:达到|达|保持|为|在|均)?\s*$")
_BAND_VERBS = re.compile(r"(?:继续|连续|仍|均|都|也|已|持续)?(?:保持|实现|维持|录得|呈现|达到)了?$")
_NEAR_BAND = re.compile(r"(?:接近|近|逼近|临近|低于|不到|不足|超过|高于)(?:了)?$")
# 增长a%,连续三年保持两位数增长: only words of keeping between the rate and its band
_BAND_GLUE = re.compile(
    r"[,,\s]*(?:已|已经|均|都|也|继续|持续|连续[一二三四五六七八九十两\d]{1,2}(?:年|个月|个季度))?"
    r"(?:保持|实现|维持|录得|呈现|达到)?了?(?:的)?"
)
_BAND_NAMED_AFTER = re.compile(r"[^,;。]{0,6}?的(?:是|有)")  # 实现两位数增长的是出口
_NAME_PARTS = re.compile(r"[、和及与]")
_TRADE_WORDS = re.compile(r"^对|(?:的)?(?:贸易|进出口|出口|进口)$")
BAND_SENTENCES = 2  # sentences after a band where the rates it names may stand


def _digit_bands(doc: Document) -> Iterator[Claim]:
    """出口增长12.3%,连续三年保持两位数增长 / 对甲、乙贸易保持两位数增长。对甲进出口A,增长a%;
    对乙进出口B,增长b%: the rates a band of digits describes must lie in it."""
    if "位数" not in doc.view:
        return
    table = facts(doc)
    for match in _BAND.finditer(doc.view):
        verb = match.group("verb")
        before = doc.between(max(0, match.start() - 8), match.start())
        if not verb and not _RATE_NAMED.search(before):
            continue  # 两位数 of something that is no rate
        if _NEAR_BAND.search(before):
            continue  # 接近两位数, 不足两位数: beside the band, not in it
        falling = bool(verb) and (verb == "降幅" or falls(verb))
        rates = _banded_rates(doc, table, match.start(), falling)
        if rates:
            yield _band_claim(doc, match, rates, falling)


def _banded_rates(doc: Document, table: FactTable, at: int, falling: bool) -> list[Fact]:
    """The rate just before the band in its sentence; or, where the band's clause names
    subjects (对甲、乙贸易保持…), the first rate of each in the sentences after it."""
    sentence = doc.sentence_at(at)
    wanted = -1 if falling else 1
    rates = [
        f
        for f in table
        if f.role == "rate" and f.quantity.kind == "percent" and not f.quantity.is_range
    ]
    before = [f for f in rates if f.sentence == sentence and f.quantity.end <= at]
    if before:
        glue = doc.between(before[-1].quantity.end, at)
        if not _BAND_GLUE.fullmatch(glue) or _BAND_NAMED_AFTER.match(doc.between(at, at + 10)):
            return []  # 进口增长a%,出口保持两位数增长 / 力争明年实现两位数增长: of another
        return [before[-1]] if before[-1].direction == wanted else []
    start = doc.sentences[sentence][0]
    clause = re.split(r"[,,;;::]", doc.between(start, at))[-1]
    named = _NAME_PARTS.split(_BAND_VERBS.sub("", clause))
    names = [_TRADE_WORDS.sub("", n).strip() for n in named]
    if not names or any(len(n) < 2 for n in names):
        return []
    paragraph = doc.paragraph_start(at)
    after = [
        f
        for f in rates
        if sentence < f.sentence <= sentence + BAND_SENTENCES
        and doc.paragraph_start(f.quantity.start) == paragraph
    ]
    found = []
    for name in names:
        rate = next((f for f in after if name in _level_label(table, f)), None)
        if rate is None or rate.direction != wanted or rate in found:
            return []
        found.append(rate)
    return found


def _level_label(table: FactTable, rate: Fact) -> str:
    level = table.get(rate.attached_to)
    return level.label.text if level is not None else ""


def _band_claim(doc: Document, match: re.Match[str], rates: list[Fact], falling: bool) -> Claim:
    low, high = _DIGIT_BANDS[match.group("band")]
    band = Interval(low, high)
    stated = Quantity(
        match.start("band"),
        match.end("band"),
        low,
        "%",
        "percent",
        band,
        band,
        "range",
        match.group("band"),
        False,
        is_range=True,
        number_start=match.start("band"),
    )
    inputs = {"band": stated} | {f"rate{i + 1}": r.quantity for i, r in enumerate(rates)}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {"band": match.group(0), "rates": len(rates), "falling": falling}
    claim.row = _band_row(claim)
    return quote_apart(doc, claim)


def _band_row(claim: Claim) -> dict[str, float | None]:
    """The rate furthest outside the band is the implied side: every rate must lie in it."""
    band = claim.inputs["band"].strict
    rates = _band_rates(claim)
    worst = max(rates, key=lambda q: q.strict.gap(band))
    scale = max(abs(band.hi), 1.0)
    row = relation_row(band, worst.strict, band, worst.lenient, scale)
    row["lenient_gap"] = max(q.lenient.gap(band) for q in rates) / scale
    return row


def _band_rates(claim: Claim) -> list[Quantity]:
    return [claim.inputs[f"rate{i + 1}"] for i in range(claim.facts["rates"])]


def _explain_between(claim: Claim) -> str:
    text = claim.source.text
    whole = claim.inputs["whole"]
    parts = [claim.inputs[f"part{i + 1}"] for i in range(claim.facts["between"])]
    low, high = claim.row["stated_lo"], claim.row["stated_hi"]
    figure = whole.shown(text)
    if claim.facts["index"]:
        figure = f"{figure} − {fmt(INDEX_BASE)} = {fmt(whole.value - INDEX_BASE)}"
    return (
        f"the whole's {figure} is a weighted mean of its parts' "
        f"{', '.join(p.shown(text) for p in parts)}, so it must lie between "
        f"{fmt(low)} and {fmt(high)}"
    )
