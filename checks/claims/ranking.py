"""ranking: a stated order must match the values.

最高的…分别为 A x、B y 和 C z(,D w 位列第四)     x ≥ y ≥ z ≥ w (最低/最少: ascending)
销量逐年上升,2020年a,2021年b,预计2022-2023年分别为c、d   a ≤ b ≤ c ≤ d (持续下降: descending)
前三位分别是A、B、C,占比分别为a、b、c               a ≥ b ≥ c (shares; rates are not what is ranked)
…第一梯队…分别达到 a 和 b。…第二梯队…分别为 c 和 d  every first-tier value ≥ every second-tier one
全年同比增长g;Q1-Q4同比分别增长a、b、c、d           min(a…d) ≤ g ≤ max(a…d)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.base import (
    Claim,
    Reading,
    as_printed,
    loosely,
    quote_apart,
    same_unit,
    signed,
    signed_hull,
    verb_sign,
)
from checks.document import AMOUNT_KINDS, Document
from checks.facts import facts
from checks.facts.labels import core_name, han_characters
from checks.facts.partitions import (
    QUARTERS,
    announced_breakdowns,
    breakdowns,
    item_runs,
    partitions_of,
)
from checks.facts.periods import whole_year
from checks.facts.table import YEAR_SPAN, Fact, FactTable
from checks.quantities import Quantity
from checks.vocabulary import falls

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
        yield from _chains(doc)
        yield from _superlatives(doc)
        yield from _price_ranges(doc)
        yield from _trends(doc)
        yield from _peaks(doc)
        yield from _quarters_rates(doc)
        yield from _names_ranked(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)

    def _ordered_lists(self, doc: Document) -> Iterator[Claim]:
        ranked: set[int] = set()
        for match in _LIST.finditer(doc.view):
            start, end = doc.sentences[doc.sentence_at(match.start())]
            cue = doc.between(start, match.start())
            order = _DESCENDING.search(cue) or _ASCENDING.search(cue)
            if order is None:
                continue  # a list without a stated order is not a ranking
            descending = bool(_DESCENDING.search(cue))
            items = _listed(doc, doc.quantities_in(match.end(), end))
            if items and items[0].kind == "percent" and not _SHARES_LISTED.search(cue[-6:]):
                continue  # 前四大市场…分别增长a、b: the order is of the amounts, not the rates
            if items and items[0].start in ranked:
                continue  # 前三位分别是A、B、C,占比分别为a、b、c: one list, two 分别
            ranked.update(q.start for q in items)
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


# 圆通(+12.8%)>申通(7.39%)>韵达(-5.11%): figures in a chain of > (or <)
_CHAIN_GLUE = re.compile(
    r"^[)）]?\s*(?P<sign>[>＞<＜])\s*[\u4e00-\u9fffA-Za-z]{0,12}\s*[(（]?\s*[+]?$"
)


def _chains(doc: Document) -> Iterator[Claim]:
    quantities = [t for t in doc.tokens if isinstance(t, Quantity)]
    chain: list[Quantity] = []
    sign = ""
    for quantity in [*quantities, None]:  # None ends the last chain
        glue = chain and quantity and _CHAIN_GLUE.match(doc.between(chain[-1].end, quantity.start))
        if glue and same_unit(chain[0], quantity) and (not sign or glue["sign"] in _SAME[sign]):
            chain.append(quantity)
            sign = glue["sign"]
            continue
        if len(chain) >= 2:
            yield _claim(doc, [[q] for q in chain], sign in ">＞", "chain")
        chain, sign = [quantity], ""


_SAME = {">": ">＞", "＞": ">＞", "<": "<＜", "＜": "<＜"}
# 占比最多的X / 销往甲国最多,占整体Y / X…居首位: this item ranks first of its siblings
_FIRST = re.compile(r"最多|最大|最高|居首|首位|主力军|第一大")
_NOT_OF_ITEMS = re.compile(r"历史|新高|纪录|以来|增长|增加|提高|上升|下降|减少|增速|增幅|同比")


def _superlatives(doc: Document) -> Iterator[Claim]:
    """An item said to rank first against the other items of its breakdown (levels of one
    measure named alike, or shares of one named whole) in its paragraph."""
    if not _FIRST.search(doc.view):
        return  # most documents rank nothing first
    table = facts(doc)
    for fact in table:
        if fact.role not in ("level", "share") or fact.quantity.is_range:
            continue
        cue = _said_first(doc, table, fact)
        if cue is None:
            continue
        others = _siblings(table, fact, doc.between(*cue))
        if len(others) >= 1:
            claim = _claim(doc, [[fact.quantity], [f.quantity for f in others]], True, "first")
            claim.cue = cue  # 仍居首位: the words that rank it first
            yield quote_apart(doc, claim)


def _said_first(doc: Document, table, fact) -> tuple[int, int] | None:
    """Where the superlative stands in the fact's clause, before it or after it (past its own
    rate) up to the next figure; None where there is none."""
    previous = table.get(fact.index - 1)
    start = max(doc.sentences[fact.sentence][0], previous.quantity.end if previous else 0)
    after = fact.quantity.end
    following = table.get(fact.index + 1)
    while following is not None and following.attached_to == fact.index:
        after = following.quantity.end  # A亿元,同比增长a%,仍居首位: past its own rate
        following = table.get(following.index + 1)
    end = min(doc.sentences[fact.sentence][1], following.quantity.start if following else 10**9)
    for at, text in (
        (start, doc.between(start, fact.quantity.start)),
        (after, doc.between(after, end)),
    ):
        found = _FIRST.search(text)
        if found and not _NOT_OF_ITEMS.search(text[max(0, found.start() - 4) : found.end()]):
            if _OF_ALL_TRADE.match(text[found.end() :]):
                return None  # 是最大的贸易伙伴: first by trade both ways, not by this flow
            return at + found.start(), at + found.end()
    return None


_OF_ALL_TRADE = re.compile(r"的?(?:贸易|经贸)伙伴")
_RANKED_FIRST = re.compile(r"居首|首位|第一")  # a place in a ranking, not 最大 of anything


def _siblings(table, fact, cue: str) -> list:
    """The fact's breakdown siblings: levels of the same run (其中A…;B…), or shares of the same
    named whole in its paragraph. A run with no whole stated ranks only by a place (居首位):
    最大 may be of another measure (最大的贸易伙伴, by its whole trade)."""
    if fact.role == "level":
        runs = [run for _, run in (*breakdowns(table), *announced_breakdowns(table))]
        if _RANKED_FIRST.search(cue):
            runs += item_runs(table)
        for run in runs:
            if fact in run:
                return [f for f in run if f is not fact]
        return []
    if fact.whole_label is None:
        return []
    name = _whole_name(fact)
    return [
        f
        for f in table
        if f is not fact
        and f.role == "share"
        and f.paragraph == fact.paragraph
        and not f.quantity.is_range
        and not f.combined  # 上述三大市场合计占s%: no item ranked
        and (_whole_name(f) == name or f.sentence == fact.sentence and not _whole_name(f))
    ]  # 其次是乙国占b%: a share of the same sentence that names no whole is of the same


def _whole_name(fact) -> str:
    return core_name(fact.whole_label.text) if fact.whole_label is not None else ""


def _listed(doc: Document, found: list[Quantity]) -> list[Quantity]:
    """Same-unit amounts, or shares, in list order; one more joins when it is said to rank
    next. A list of percentages ends where another begins (占比分别为a、b,同比分别增长c、d)."""
    items: list[Quantity] = []
    for quantity in found:
        if quantity.kind not in _RANKED_KINDS or quantity.is_range:
            break
        if items and not same_unit(items[0], quantity):
            break
        if (
            items
            and quantity.kind == "percent"
            and _NEW_LIST.search(doc.between(items[-1].end, quantity.start))
        ):
            break
        nth = _NTH.match(doc.between(quantity.end, quantity.end + 8))
        if items and nth and _ordinal(nth.group("n")) != len(items) + 1:
            break
        items.append(quantity)
    return items


_RANKED_KINDS = AMOUNT_KINDS | {"percent"}
_SHARES_LISTED = re.compile(r"(?:占比|比重|份额|占)$")
_NEW_LIST = re.compile(r"分别|依次|增长|下降|增速|增幅|同比|[;；]")


def _ordinal(text: str) -> int:
    return int(text) if text.isdigit() else _CN_ORDINAL.get(text, 0)


_PRICE = re.compile(r"(?:收盘价|现价|当前价|最新价|股价)$")


def _price_ranges(doc: Document) -> Iterator[Claim]:
    """收盘价37.66元 … 52周最高价/最低价42.08/30.05元: a price lies within the highest and the
    lowest of a stretch that ends with it."""
    table = facts(doc)
    highs = [f for f in table if f.label.text.endswith("最高价")]
    lows = [f for f in table if f.label.text.endswith("最低价")]
    for high in highs:
        low = next((f for f in lows if f.same_unit(high) and abs(f.index - high.index) <= 2), None)
        if low is None:
            continue
        near = sorted(
            (
                f
                for f in table
                if _PRICE.search(f.label.text) and f.same_unit(high) and f.role == "level"
            ),
            key=lambda f: abs(f.index - high.index),
        )
        if near and abs(near[0].paragraph - high.paragraph) <= _PRICE_REACH:
            groups = [[high.quantity], [near[0].quantity], [low.quantity]]
            yield quote_apart(doc, _claim(doc, groups, True, "price range"))


_PRICE_REACH = 400  # characters between the paragraphs of a price and its range


# 持续增长, 逐年下降: a trend word says each year's value is above (below) the year's before
_TREND = re.compile(
    r"(?:逐年|持续|连续|稳步|不断|逐步|连年)(?P<verb>增长|上升|提高|增加|扩大|攀升|提升"
    r"|下降|减少|回落|下滑|降低|萎缩)|节节攀升"
)
_A_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_RESPECTIVELY = re.compile(r"分别")


def _trends(doc: Document) -> Iterator[Claim]:
    """销量逐年上升,2020年a,2021年b: a sentence that opens on a trend word, then gives the
    measure's value year by year (one year each, later years later), ranks them in time."""
    if not _TREND.search(doc.view):
        return
    table = facts(doc)
    for match in _TREND.finditer(doc.view):
        sentence = doc.sentence_at(match.start())
        own = [f for f in table if f.sentence == sentence]
        if not own or own[0].quantity.start < match.start():
            continue  # figures before the trend word: of another clause
        series = _year_by_year(doc, table, own)
        if len(series) >= 2:
            falling = falls(match["verb"] or "") or match["verb"] == "萎缩"
            claim = _claim(doc, [[f.quantity] for f in series], falling, "trend")
            claim.cue = match.span()
            yield claim


# 达到峰值A, 历史最高: the figure is the highest of its measure, of every year (a record, 新高,
# is of the years before it: direction)
_PEAK = re.compile(r"峰值|最高值|历史最高")


def _peaks(doc: Document) -> Iterator[Claim]:
    """2010年产量为a,2015年达到峰值p,2020年降至b: a figure said to be the peak is above the
    figures of the other years its sentence gives, when every figure of the sentence is of one
    measure and unit and of a whole year, and above the other years' figures its paragraph
    names by the very same measure."""
    if not _PEAK.search(doc.view):
        return
    table = facts(doc)
    for fact in table:
        if fact.role != "level" or not fact.is_amount or fact.quantity.is_range:
            continue
        cue = peak_cue(doc, fact, _PEAK)
        if cue is None or not whole_year(fact.period):
            continue
        others = [f for f, _ in other_years(table, fact)]
        if others:
            claim = _claim(doc, [[fact.quantity], [f.quantity for f in others]], True, "peak")
            claim.cue = cue
            yield quote_apart(doc, claim)


def other_years(table: FactTable, peak: Fact) -> list[tuple[Fact, int]]:
    """Levels of other whole years beside a peak, with their years: those of its sentence when
    every amount there is of one measure and unit, and those of its paragraph named by its
    measure, in its unit."""
    own = [f for f in table if f.sentence == peak.sentence and f.is_amount]
    in_own = {f.index for f in own} if _one_measure(own, peak) else set()
    named = peak.label.text if peak.label.head else None
    found = []
    for fact in table:
        if fact is peak or fact.role not in ("level", "prior") or fact.quantity.is_range:
            continue
        if fact.index not in in_own and not (
            named
            and fact.paragraph == peak.paragraph
            and fact.label.text == named
            and fact.is_amount
            and fact.same_unit(peak)
            and not fact.forecast
        ):
            continue
        other = whole_year(fact.period)
        if other and other != whole_year(peak.period):
            found.append((fact, other))
    return found


CUE_BEFORE, CUE_AFTER = 10, 4  # characters before and after a figure where its cue may stand


def peak_cue(doc: Document, fact: Fact, cues: re.Pattern[str]) -> tuple[int, int] | None:
    """One of the cues in the few characters before the figure (达到峰值A, 创历史新高,达到A) or
    right after it (创下A的新高)."""
    start = max(doc.sentences[fact.sentence][0], fact.quantity.start - CUE_BEFORE)
    for at, text in (
        (start, doc.between(start, fact.quantity.start)),
        (fact.quantity.end, doc.between(fact.quantity.end, fact.quantity.end + CUE_AFTER)),
    ):
        found = cues.search(text)
        if found and (at == start or text.startswith("的")):
            return at + found.start(), at + found.end()
    return None


def _one_measure(own: list[Fact], peak: Fact) -> bool:
    """Every amount of the sentence in the peak's unit, and none named by another measure."""
    heads = {f.label.head for f in own if f.label.head}
    return len(heads) <= 1 and all(f.same_unit(peak) for f in own)


def _year_by_year(doc: Document, table: FactTable, own: list[Fact]) -> list[Fact]:
    """The sentence's amounts, each after its own year (2020年a) or in a list after a span of as
    many years (2022-2024年分别为c、d、e), the years rising; none when any amount has no year,
    another unit, or a year out of turn."""
    amounts = [f for f in own if f.is_amount and f.role in ("level", "prior")]
    if len(amounts) < 2 or any(not f.same_unit(amounts[0]) for f in amounts):
        return []
    years: list[int] = []
    pending: list[int] = []  # the years of a span, given out in turn to the list after it
    previous_end = doc.sentences[own[0].sentence][0]
    for fact in amounts:
        before = doc.between(previous_end, fact.quantity.start)
        span = YEAR_SPAN.search(before)
        if span and _RESPECTIVELY.search(before[span.end() :]):
            pending = list(range(int(span.group(1)), int(span.group(2)) + 1))
        elif _A_YEAR.search(before):
            pending = [int(_A_YEAR.findall(before)[-1])]
        if not pending:
            return []
        years.append(pending.pop(0))
        previous_end = fact.quantity.end
    if pending or any(b <= a for a, b in zip(years, years[1:], strict=False)):
        return []
    return amounts


# 甲、乙、丙位居前三名 / 前三大伙伴依次为甲、乙、丙: names in order, their figures stated after
_NUMBER = "[2-9一二三四五六七八九十]"
_RANK_MARK = re.compile(rf"前{_NUMBER}(?:位|名|大)")
_NAMES_BEFORE = re.compile(r"(?P<names>.+?)(?:排列|位列|位居|排名|排在|居|是[^,,。;;]{0,10}?)$")
_NAMES_AFTER = re.compile(r"[^,,。;;]{0,10}?(?:依次为|依次是|分别为|分别是)(?P<names>[^,,。;;]+)")
_CLAUSE = re.compile(r"[,,。;;::\n]")


def _names_ranked(doc: Document) -> Iterator[Claim]:
    """甲、乙、丙位居前三名。对甲出口A…;对乙出口B…;对丙出口C: the names a ranking lists in order,
    each one's figure the first after it in the sentences that follow, all of one measure and
    unit, are in that order. A ranking whose own sentence holds figures is a list (see
    `_ordered_lists`)."""
    table = None
    for mark in _RANK_MARK.finditer(doc.view):
        sentence = doc.sentence_at(mark.start())
        start, end = doc.sentences[sentence]
        if doc.quantities_in(start, end):
            continue
        named = _names_around(doc, mark, start, end)
        if named is None:
            continue
        span, listed = named
        names = [n.strip() for n in re.split("[、和及与]", listed.strip()) if n]
        if len(names) < 2 or any(not 2 <= han_characters(n) <= 8 for n in names):
            continue
        table = table or facts(doc)
        found = _figures_named(doc, table, names, sentence)
        if found is not None:
            claim = _claim(doc, [[f.quantity] for f in found], True, "names")
            claim.cue = span
            yield quote_apart(doc, claim)


def _names_around(
    doc: Document, mark: re.Match[str], start: int, end: int
) -> tuple[tuple[int, int], str] | None:
    """The names before the mark in its clause (甲、乙、丙位居前三名), or after it
    (前三大市场依次为甲、乙、丙), with their span."""
    before = doc.between(start, mark.start())
    opening = max((m.end() for m in _CLAUSE.finditer(before)), default=0)
    found = _NAMES_BEFORE.fullmatch(before[opening:])
    if found:
        at = start + opening + found.start("names")
        return (at, at + len(found.group("names"))), found.group("names")
    found = _NAMES_AFTER.match(doc.between(mark.end(), end))
    if found:
        at = mark.end() + found.start("names")
        return (at, at + len(found.group("names"))), found.group("names")
    return None


def _figures_named(
    doc: Document, table: FactTable, names: list[str], sentence: int
) -> list[Fact] | None:
    """For each name in turn, the first level after it in the sentences after the ranking, in
    its paragraph."""
    paragraph = doc.paragraph_start(doc.sentences[sentence][0])
    found: list[Fact] = []
    for name in names:
        fact = next(
            (
                f
                for f in table
                if f.sentence > sentence
                and f.paragraph == paragraph
                and f.role == "level"
                and f.is_amount
                and (not found or f.index > found[-1].index)
                and name in doc.between(doc.sentences[f.sentence][0], f.quantity.start)
            ),
            None,
        )
        if fact is None:
            return None
        found.append(fact)
    one_measure = len({f.label.head for f in found}) == 1 and found[0].label.head
    one_unit = all(f.same_unit(found[0]) and f.period == found[0].period for f in found)
    return found if one_measure and one_unit else None


def _quarters_rates(doc: Document) -> Iterator[Claim]:
    """全年营收T,同比增长g;Q1-Q4营收分别为A、B、C、D,同比分别增长a、b、c、d: the year's
    rate is a mean of its quarters' weighted by last year's quarters, so it ranks between the
    lowest and the highest of them."""
    table = facts(doc)
    for found in partitions_of(table):
        if found.words != QUARTERS or found.total is None:
            continue
        year = table.get(found.total.rate)
        rates = [table.get(part.rate) for part in found.parts]
        if year is None or None in rates or any(r.quantity.is_range for r in (year, *rates)):
            continue
        if any(r.monthly for r in rates) != year.monthly:
            continue  # 环比分别增长a、b… (the list's first names it) against 同比: no common base
        signs = [verb_sign(r) for r in (*rates, year)]
        groups = [[r.quantity for r in rates], [year.quantity]]
        yield quote_apart(doc, _claim(doc, groups, True, "between", signs))


def _between_gap(claim: Claim, read: Reading) -> float:
    """How far the last figure lies outside the hull of the others (signed by their verbs)."""
    *parts, whole = claim.inputs.values()
    *signs, sign = claim.facts["signs"]
    return signed(whole, sign, read).gap(signed_hull(parts, signs, read))


def _claim(
    doc: Document,
    groups: list[list[Quantity]],
    descending: bool,
    shape: str,
    signs: list[int] | None = None,
) -> Claim:
    inputs = {f"item{i + 1}": q for i, q in enumerate(q for group in groups for q in group)}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {"descending": descending, "shape": shape, "sizes": [len(g) for g in groups]}
    if signs is not None:
        claim.facts["signs"] = signs  # a rate's verb says whether it falls (下降5%)
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
    if claim.facts["shape"] == "between":
        gaps = [_between_gap(claim, read) for read in (as_printed, loosely)]
    else:
        descending = claim.facts["descending"]
        gaps = [_violation(groups, descending, lenient) for lenient in (False, True)]
    return {
        "items": float(len(claim.inputs)),
        "gap": gaps[0] / scale,
        "lenient_gap": gaps[1] / scale,
    }


def explain(claim: Claim) -> str:
    text = claim.source.text
    if claim.facts["shape"] == "between":
        *parts, whole = claim.inputs.values()
        signs = claim.facts["signs"][:-1]
        signed = [q.value * sign for q, sign in zip(parts, signs, strict=True)]
        low, high = (parts[signed.index(f(signed))].shown(text) for f in (min, max))
        return (
            f"the year's rate {whole.shown(text)} is a mean of its quarters' rates weighted by "
            f"last year's quarters, so it lies between the lowest {low} and the highest {high}"
        )
    sign = " ≥ " if claim.facts["descending"] else " ≤ "
    shown = [" / ".join(q.shown(text) for q in group) for group in _groups(claim)]
    order = "descending" if claim.facts["descending"] else "ascending"
    what = "tiers" if claim.facts["shape"] == "tiers" else "items"
    return f"stated {order} order of {what}: {sign.join(shown)}"
