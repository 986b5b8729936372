"""cagr: from a value in year A to a value in year B at a stated compound annual rate.

(B / A)^(1/n) - 1 with n = B - A years. Three lenient readings, one at a time and never
together: the printed figures read loosely, the years counted inclusively (n + 1, a convention
some reports use), or the rate read as truncated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checks.claims.base import (
    RELATION_COLUMNS,
    Claim,
    fmt,
    percent_after,
    quote_apart,
    relation_row,
    same_unit,
)
from checks.document import AMOUNT_KINDS, Document
from checks.facts import facts
from checks.facts.labels import core_name, restates
from checks.facts.periods import year_of
from checks.quantities import Interval, Period, Quantity
from checks.vocabulary import FROM_BEFORE, TO_AFTER

NAME = "cagr"
_KEYWORD = re.compile(
    r"(?:年均复合增长率|年复合增长率|复合年均增长率|复合年增长率|年均复合增速|年复合增速"
    r"|复合增长率|复合增速|CAGR|年均增长率|年均增速|年均增幅|年均增长"
    # Taiwan's 成长 for 增长: 年复合成长率, 年均成长率
    r"|年均复合成长率|年复合成长率|复合年成长率|复合成长率|年均成长率|年均成长)"
)
# Only connective words may separate the end value from its rate: "…5300亿元,年复合增长率9%".
_ADJACENT = re.compile(
    r"[,\s]*(?:预测期内|预测期间|此期间|这期间|期间|其间|期内|整体|同期|总体|年均"
    r"|(?:近|这|过去)?[0-9一二三四五六七八九十两]{1,2}年(?:来|间|里|中)?"
    r"|(?P<y1>(?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*(?P<y2>(?:19|20)\d{2})\s*年?(?:间|期间)?(?:的)?)?"
    r"[,\s]*(?:以|的|达|为)?\s*"
)


class Cagr:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        for match in _KEYWORD.finditer(doc.view):
            rate = _stated_rate(doc, match)
            if rate is None:
                continue
            sentence = doc.sentences[doc.sentence_at(match.start())]
            end = min(match.start(), rate.start)
            endpoints = _endpoints(doc, sentence[0], end) or _start_elsewhere(doc, sentence[0], end)
            if endpoints is None:
                found = _end_after_the_rate(doc, rate, sentence) or _level_and_reference_after(
                    doc, rate
                )
                if found is not None:
                    yield found
                continue
            (first, first_year), (last, last_year), years_at = endpoints
            nearest = max((first, last), key=lambda q: q.end)
            adjacent = _ADJACENT.fullmatch(doc.between(nearest.end, end))
            if not adjacent:
                continue  # another metric may sit between the values and the rate
            span = (
                (int(adjacent.group("y1")), int(adjacent.group("y2")))
                if adjacent.group("y1")
                else None
            )
            if span is not None and span != (first_year, last_year):
                # 从2018年的A增长至2023年的B,…,预计到2028年将达到C,2023—2028年复合年增长率为r:
                # the span the rate names, where the sentence dates a value at each of its ends
                named = _values_of_span(doc, sentence[0], end, span, last)
                if named is None:
                    continue  # ,2020-2030年复合增长率: the rate of another span than the values
                (first, first_year), (last, last_year) = named
            claim = Claim(NAME, doc.source, {"from": first, "to": last, "rate": rate})
            claim.facts = {"from_year": first_year, "to_year": last_year}
            claim.cue = years_at  # 2018-2022年,…从A增至B: the years the span is read from
            claim.row = derive(claim)
            yield quote_apart(doc, claim)

    def explain(self, claim: Claim) -> str:
        return explain(claim)

    def stated_rates(self, doc: Document, claims: list[Claim]) -> list[StatedRate]:
        """Every stated compound rate with its dated end value, for the series check: the
        rates of this document's claims, and rates with one value and 近N年 (近5年复合增速)."""
        rates = [
            StatedRate(
                doc.source.id,
                c.inputs["rate"],
                c.inputs["from"],
                c.inputs["to"],
                c.facts["from_year"],
                c.facts["to_year"],
            )
            for c in claims
            if c.type == NAME
        ]
        return rates + list(_single_endpoint_rates(doc))


@dataclass(frozen=True)
class StatedRate:
    source_id: str
    rate: Quantity
    start: Quantity | None  # None when only the end value is stated
    end: Quantity
    from_year: int
    to_year: int


def _single_endpoint_rates(doc: Document) -> Iterator[StatedRate]:
    """2021年市场规模达6100亿元,近5年复合增速约12%: the span ends at the value's year."""
    for match in _KEYWORD.finditer(doc.view):
        rate = _stated_rate(doc, match)
        if rate is None:
            continue
        start = doc.sentences[doc.sentence_at(match.start())][0]
        tokens = doc.tokens_in(start, match.end())  # 近5年 may share its 年 with 年复合增速
        spans = [t for t in tokens if isinstance(t, Period) and t.span_years]
        amounts = [t for t in tokens if isinstance(t, Quantity) and t.kind in AMOUNT_KINDS]
        if len(spans) != 1 or len(amounts) != 1:
            continue
        period = doc.year_before(amounts[0], start)
        if period is None or period.first != period.last or spans[0].start < amounts[0].end:
            continue
        years = spans[0].span_years
        yield StatedRate(doc.source.id, rate, None, amounts[0], period.first - years, period.first)


def _stated_rate(doc: Document, match: re.Match[str]) -> Quantity | None:
    after = percent_after(doc, match.end(), limit=6)
    if after is not None:
        return after
    before = [q for q in doc.quantities_in(max(0, match.start() - 12), match.start())]
    if (
        before
        and before[-1].kind == "percent"
        and doc.between(before[-1].end, match.start()).strip() in ("的", "")
    ):
        return before[-1]
    return None


Endpoint = tuple[Quantity, int]  # a value and its year


def _dated(doc: Document, start: int, end: int) -> list[Endpoint]:
    """Each amount before the rate dated by a single year."""
    dated: list[Endpoint] = []
    for quantity in doc.quantities_in(start, end):
        if quantity.kind not in AMOUNT_KINDS or quantity.is_range:
            continue
        period = doc.year_before(quantity, start)
        if period is not None and period.first == period.last:
            dated.append((quantity, period.first))
    return dated


def _values_of_span(
    doc: Document, start: int, end: int, span: tuple[int, int], last: Quantity
) -> tuple[Endpoint, Endpoint] | None:
    """The one value of `last`'s unit dated at each end of the span, if the sentence has them."""
    dated = [d for d in _dated(doc, start, end) if same_unit(d[0], last)]
    ends = [[d for d in dated if d[1] == year] for year in span]
    if any(len(found) != 1 for found in ends):
        return None
    return ends[0][0], ends[1][0]


def _endpoints(
    doc: Document, start: int, end: int
) -> tuple[Endpoint, Endpoint, tuple[int, int] | None] | None:
    """The earliest and the latest dated amount of one unit before the rate, and the span of
    the year range they were dated by when a range dated them."""
    dated = _dated(doc, start, end)
    if len(dated) < 2:
        return _endpoints_of_range(doc, start, end) or _forecast_endpoints(doc, start, end)
    # 2024年B,较2019年的A年均增长r: the latest year ends the span, wherever it is printed
    last = max(reversed(dated), key=lambda d: d[1])
    earlier = [d for d in dated if same_unit(d[0], last[0]) and d[1] < last[1]]
    if not earlier:
        return None
    # 2023年为A,预计将从2024年的B增长到2032年的C: the span starts where 从 says it does
    started = [d for d in earlier if _FROM_START.search(doc.between(d[0].start - 12, d[0].start))]
    return (started or earlier)[0], last, None


_FROM_START = re.compile(r"(?:从|由)[^,,。;从由\d]{0,3}(?:\d{4} ?年)?[^,,。;从由\d]{0,4}$")


def _endpoints_of_range(
    doc: Document, start: int, end: int
) -> tuple[Endpoint, Endpoint, tuple[int, int]] | None:
    """ "2019—2023年,规模从A增长至B": A and B take the ends of the year range."""
    tokens = doc.tokens_in(start, end)
    ranges = [t for t in tokens if isinstance(t, Period) and t.first and t.first < t.last]
    amounts = [t for t in tokens if isinstance(t, Quantity) and t.kind in AMOUNT_KINDS]
    if len(ranges) != 1 or len(amounts) != 2 or not same_unit(*amounts):
        return None
    first, last = amounts
    if first.start < ranges[0].end or not FROM_BEFORE.search(
        doc.between(first.start - 3, first.start)
    ):
        return None
    if not re.fullmatch(TO_AFTER.pattern + r"\s*", doc.between(first.end, last.start)):
        return None
    span = ranges[0]
    return (first, span.first), (last, span.last), (span.start, span.end)


def _start_elsewhere(
    doc: Document, start: int, end: int
) -> tuple[Endpoint, Endpoint, tuple[int, int]] | None:
    """2023年规模B,同比增长g,2019-2023年复合增长率为r。2019年规模为A: the span's end in the
    rate's sentence, its start stated elsewhere in the paragraph by the same name."""
    tokens = doc.tokens_in(start, end + 1)  # 2019-2023年 shares its 年 with 年复合增长率
    spans = [t for t in tokens if isinstance(t, Period) and t.first and t.first < t.last]
    if not spans or doc.quantities_in(spans[-1].end, end):
        return None
    span = spans[-1]
    table = facts(doc)
    sentence = doc.sentence_at(start)
    ends = [
        f
        for f in table
        if f.sentence == sentence
        and f.quantity.end <= span.start
        and f.role == "level"
        and f.is_amount
        and year_of(f.period) == str(span.last)
    ]
    if len(ends) != 1:
        return None
    last = ends[0]
    name = core_name(last.label.text)
    starts = [
        f
        for f in table
        if f.paragraph == last.paragraph
        and f.sentence != last.sentence
        and f.role in ("level", "prior")
        and f.same_unit(last)
        and not f.quantity.is_range
        and year_of(f.period) == str(span.first)
        and restates(core_name(f.label.text), name)
    ]
    if len(starts) != 1:
        return None
    return (starts[0].quantity, span.first), (last.quantity, span.last), (span.start, span.end)


# 以r的年复合增速扩张至B: the value the rate leads to, after it
_TO_END = re.compile(
    rf"^\s*(?:的)?\s*(?:{_KEYWORD.pattern})?\s*(?:的)?(?:增长|扩张|扩大)?[,,]?\s*"
    r"(?:达到|达|增至|增长至|扩大至|至|到)?\s*$"  # the verb may open the figure's token
)
_ANAPHORIC = re.compile(r"^(?:该|这一|此|其|上述)")


def _names_a_measure(label: str) -> bool:
    """A label naming something of its own: not empty, no anaphora (该市场), not the rate's words
    (年复合增速扩张至)."""
    return bool(core_name(label)) and not _ANAPHORIC.match(label) and not _TO_END.match(label)


# ,2025年达到B: the level right after the rate; 较2020年的A: the year of its reference
_THEN_THE_LEVEL = re.compile(
    r"^\s*[,,]\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:达到|达|为|增至|增长至|增长到)?\s*$"
)
_REFERENCE_YEAR = re.compile(r"(?:较|比)\s*(?P<year>(?:19|20)\d{2})\s*年(?:末|底)?的?\s*$")


def _level_and_reference_after(doc: Document, rate: Quantity) -> Claim | None:
    """ "十四五"期间,营业收入年均增长r,2025年达到B,较2020年的A增长g: the rate, then the end
    and its dated reference value, in its sentence."""
    table = facts(doc)
    at = doc.sentence_at(rate.start)
    later = [f for f in table if f.sentence == at and f.quantity.start >= rate.end]
    if not later or later[0].role != "level" or not later[0].is_amount:
        return None
    level, reference = later[0], table.get(later[0].reference)
    if reference is None or not _THEN_THE_LEVEL.match(doc.between(rate.end, level.quantity.start)):
        return None
    dated = _REFERENCE_YEAR.search(doc.between(level.quantity.end, reference.quantity.start))
    year = year_of(level.period)
    if dated is None or not year.isdigit() or int(dated.group("year")) >= int(year):
        return None
    inputs = {"from": reference.quantity, "to": level.quantity, "rate": rate}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {"from_year": int(dated.group("year")), "to_year": int(year)}
    claim.row = derive(claim)
    return quote_apart(doc, claim)


def _end_after_the_rate(doc: Document, rate: Quantity, sentence: tuple[int, int]) -> Claim | None:
    """预计2024年规模约A。到2030年,该市场将以r的年复合增速扩张至约B: the end after
    the rate, of the year its sentence names; the start the latest earlier year's figure of its
    unit in its paragraph or the one before, before the sentence. The rate and the end name
    nothing, or only what was named before (该市场)."""
    table = facts(doc)
    at = doc.sentence_at(rate.start)
    later = [f for f in table if f.sentence == at and f.quantity.start >= rate.end]
    if not later or not later[0].is_amount or later[0].role != "level":
        return None
    last = later[0]
    if not _TO_END.match(doc.between(rate.end, last.quantity.start)):
        return None
    year = year_of(last.period)
    stated = table.of(rate)
    names = [f.label.text for f in (last, stated) if f is not None]
    if not year.isdigit() or any(_names_a_measure(n) for n in names):
        return None  # 出货额将以r…: the rate names its own measure
    floor = doc.paragraph_before(last.paragraph)
    earlier = [
        f
        for f in table
        if floor <= f.quantity.start < sentence[0]
        and f.role in ("level", "prior")
        and f.same_unit(last)
        and not f.quantity.is_range
        and year_of(f.period).isdigit()
        and int(year_of(f.period)) < int(year)
    ]
    if not earlier:
        return None
    first_year = max(int(year_of(f.period)) for f in earlier)
    starts = [f for f in earlier if int(year_of(f.period)) == first_year]
    if len(starts) != 1:
        return None
    claim = Claim(NAME, doc.source, {"from": starts[0].quantity, "to": last.quantity, "rate": rate})
    claim.facts = {"from_year": first_year, "to_year": int(year)}
    claim.row = derive(claim)
    return quote_apart(doc, claim)


_TARGET_YEAR = re.compile(r"(?:到|至)\s*$")


def _forecast_endpoints(
    doc: Document, start: int, end: int
) -> tuple[Endpoint, Endpoint, None] | None:
    """预计到2030年,规模将从2024年的A增长至B: B is of the year the sentence forecasts to."""
    amounts = [
        q for q in doc.quantities_in(start, end) if q.kind in AMOUNT_KINDS and not q.is_range
    ]
    if len(amounts) != 2 or not same_unit(*amounts):
        return None
    first, last = amounts
    period = doc.year_before(first, start)
    if period is None or period.first != period.last or doc.year_before(last, start):
        return None
    if not _FROM_START.search(doc.between(first.start - 12, first.start)):
        return None
    if not re.fullmatch(TO_AFTER.pattern + r"\s*", doc.between(first.end, last.start)):
        return None
    targets = [
        t
        for t in doc.tokens_in(start, first.start)
        if isinstance(t, Period)
        and t.first is not None
        and t.first == t.last
        and t.first > period.first
        and _TARGET_YEAR.search(doc.between(t.start - 3, t.start))
    ]
    if len(targets) != 1:
        return None
    return (first, period.first), (last, targets[0].first), None


def implied_rate(start: Interval, end: Interval, years: int) -> Interval:
    """Compound annual rate in percent, as an interval."""
    return (end / start).root(years).shift(-1).scale(100)


def derive(claim: Claim) -> dict[str, float | None]:
    start, end, rate = claim.inputs["from"], claim.inputs["to"], claim.inputs["rate"]
    years = claim.facts["to_year"] - claim.facts["from_year"]
    if years <= 0 or start.strict.lo <= 0 or end.strict.lo <= 0:
        return {"stated_lo": rate.strict.lo, "stated_hi": rate.strict.hi}
    implied = implied_rate(start.strict, end.strict, years)
    loose_figures = implied_rate(start.lenient, end.lenient, years)
    inclusive_years = implied_rate(start.strict, end.strict, years + 1)
    row = relation_row(rate.strict, implied, rate.lenient, loose_figures)
    # each lenient reading is one alternative on its own, never stacked: loose figures, or the
    # years counted inclusively, or a truncated rate; a claim needing two of them is an error
    row["lenient_gap"] = min(
        loose_figures.gap(rate.strict),
        inclusive_years.gap(rate.strict),
        implied.gap(rate.lenient),
    )
    return row


def explain(claim: Claim) -> str:
    text = claim.source.text
    start, end, rate = (claim.inputs[k] for k in ("from", "to", "rate"))
    years = claim.facts["to_year"] - claim.facts["from_year"]
    row = claim.row
    if row.get("implied_lo") is None:
        return "the start and end values must be positive to compute a compound rate"
    point = ((end.value / start.value) ** (1 / years) - 1) * 100
    return (
        f"({end.shown(text)} / {start.shown(text)})^(1/{years}) − 1 = {fmt(point)}% "
        f"[{claim.facts['from_year']}→{claim.facts['to_year']}; from the printed figures "
        f"{Interval(row['implied_lo'], row['implied_hi']).format(2, '%')}]; "
        f"stated {text[rate.start : rate.end]} means {rate.strict.format(3, '%')}"
    )
