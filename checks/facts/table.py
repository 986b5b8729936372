"""Stage 3a: the fact table. Every figure of a document becomes a Fact: its interval (the
Quantity), its label (subject + measure), its period, its role, and what it is attached to: the
rate that qualifies a level, the change and the earlier value it is compared with, the whole a
share is of. Relation finders query this table instead of scanning the text again.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from checks.document import AMOUNT_KINDS, BULLET_MARKS, Document
from checks.facts.grids import Cell, grid_cells
from checks.facts.labels import (
    Label,
    common_ending,
    core_name,
    counted_item,
    han_characters,
    measure_named,
    read_label,
    vocabulary,
)
from checks.facts.periods import whole_year
from checks.quantities import Period, Quantity
from checks.quantities.tokens import DOUBLING, MONTH_DASH
from checks.vocabulary import DOWN, FROM_BEFORE, MANNER, TO_AFTER, UP

ROLES = (
    "level",
    "rate",
    "average_rate",
    "change",
    "share",
    "reference",
    "prior",
    "pp",
    "multiple",
    "ratio",
    "structure",
    "whole",
    "other",
)
_CLAUSE_MARK = re.compile(r"[,;:、()。!?\n]")
# rates on the period just before: month on month, quarter on quarter
_SEQUENTIAL = ("环比", "比上月", "较上月", "按月", "比上季", "较上季", "季增", "季减", "按季")
_RATE_BEFORE = re.compile(
    rf"(?:(?P<kind>同比|环比|比上年同期|较上年同期|比去年同期|较去年同期|比上年|较上年|比去年|较去年|"
    rf"比上月|较上月|比上季|较上季|年增|年减|季增|季减|按年|按月|按季))?\s*(?:分别)?{MANNER}"
    rf"(?P<verb>{UP}|{DOWN})?了?(?:幅|幅度|率|速|速度)?(?:分别)?"
    rf"(?:为|达到|达|约|是)?"
    r"\s*[((]?\s*(?P<sign>[+-])?\s*$"
)
_DOWN = re.compile(rf"^(?:{DOWN})")
# 年均增长, 年均复合增长率为, 复合年增长率, CAGR: a rate averaged over the years of a span
_AVERAGE_BEFORE = re.compile(
    rf"(?:(?:年均|年平均|平均每年)[^,;。\d]{{0,8}}?(?:{UP}|{DOWN}|率|速|幅|为|达)?"
    r"|复合(?:年均|年)?(?:增长率|增长|增速|增幅|成长率|成长)|CAGR)(?:为|达|约|达到)?\s*$"
)  # 复合肥产量增长5%: a product's growth, not a compound rate
_WHOLE_INSIDE = re.compile(r"(?<!应)占(?:到|了|据)?\s*$")
# 占X的Y%, 占比Y%; 相等于商品进口货值的8%; 与整体人口增长的比率为147%: each a part over a whole
# (股东应占溢利, HK's profit attributable to shareholders, is no share)
_SHARE_BEFORE = re.compile(
    r"(?:(?:(?<!应)占|相当于|相等于|与(?=[^,;。]{2,24}?的比率))(?P<whole>(?:[^,;。占]|(?<=\d),(?=\d)){0,24}?)(?:的)?(?:比重|比例|份额|比率|比)?|占比|所占比重|比重|份额)"
    rf"(?:{MANNER}(?:{UP}|{DOWN})了?(?:至|到))?"  # 占比一路上升至s: the share it reached
    r"(?:分别)?(?:为|达到|达|约|超过|超|近|仅)?\s*$"
)
_REFERENCE_BEFORE = re.compile(
    r"(?:比|较|相比|相较|与|同比|对比)(?:于)?\s*"
    r"(?:\d{4} ?年|1[0-2]\d ?年|上年|去年|前年|上月|\d{1,2} ?月份?)?(?:末|底|同期|全年)?的?\s*"
    r"(?:人民币|美元|港币|港元|欧元|新台币)?\s*$"
)
_COMPARISON_START = re.compile(
    rf"相当于|相等于|相比|相较|比|较|同比|环比|与|按年|按月|年增|年减|{UP}|{DOWN}|(?<!应)占|[+\-(]"
)
# 固定资产投资(不含农户)12.5万亿元: a bracketed aside between a label and its figure
_ASIDE = re.compile(r"\([^()]{1,30}\)[\"”’]?\s*$")
# 外需(即货物和服务净出口)贡献: a bracket of words inside a name glosses it; the name reads on
_BRACKETED_WORDS = re.compile(r"\([^()\d]{1,30}\)")
_GLOSS = re.compile(_BRACKETED_WORDS.pattern + r"(?=[^()]*$)")
_SAME_PERIOD_BEFORE = re.compile(r"(?:去年|上年)同期")
_COLON = re.compile(r"[::]")
_BULLET_OPENINGS = frozenset(BULLET_MARKS + "(（①②③④⑤⑥⑦⑧⑨⑩")
_ANNOUNCING = re.compile(r"^分\S{1,4}$")  # - 分车型:A…: a breakdown's announcement, no name
# - 烘焙系列:, (2)甲产品:, ②乙业务: an item named by its bullet, plain or numbered
_BULLET_NAME = re.compile(
    rf"^\s*(?:[{re.escape(BULLET_MARKS)}]|[(（]\s*\d{{1,2}}\s*[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
    r"((?:[^\d,,。;;::()()]|\d+(?=[吋英寸纳米nm]))[^,,。;;::()()]{1,15})[::]\s*$"
)
_FIRST_MONTHS = re.compile(r"前(\d{1,2})个月")
_PRIOR_BEFORE = re.compile(r"(?:去年|上年|前年|上月|[较比])$")
# 去年年中至今年年中的出生人数: a stretch that ends now, not an earlier period
_UP_TO_NOW = re.compile(r"(?:去年|上年)[^,;。]{0,6}?(?:至|到)(?:今年|本年|现在|今)")
_PRIOR_PERIOD = re.compile(r"(?:去年|上年|前年|上月)(?:同期|全年|末|底)?")
# 公布去年12月对外贸易数据 / 发布去年全年经营业绩: a report of last year's figures,
# where 去年 names the period reported, not an earlier one
_REPORT_OF_LAST_YEAR = re.compile(
    r"(?:发布|公布|公佈|发表|出炉)(?:了)?(?:截至)?(?:去年|上年)(?:\d{1,2}月|全年|年度|底|年底)"
)
_LAST_YEAR = re.compile(r"^(?:[^,;。]{0,12}?)去年(?!同期)")


def _reports_last_year(doc: Document) -> bool:
    return doc.memo("reports last year", lambda: bool(_REPORT_OF_LAST_YEAR.search(doc.view)))


# 与去年年中人口比较 / 较上年 / 同比 …: a sentence about the figure before it
_COMPARISON_OPENING = re.compile(
    r"^(?:与|和|较|比|同|相比|相较|对比)[^,。;]{0,16}?(?:相比|比较|对比|同期|上年|去年|同比)?"
    r"[^,。;]{0,4}(?:[,]|$)|^(?:同比|环比|按年|比上年|较上年|比去年|较去年)"
)
_FORECAST = re.compile(r"预计|预测|有望|将达|将超|力争|目标|规划|到\d{4} ?年")
_LIST_GLUE = re.compile(r"\s*(?:、|/|和|及|与|以及)\s*")
_STRUCTURE_WORD = re.compile(r"结构|比例|之比|构成|比重|比为|比是")
_STRUCTURE_GLUE = re.compile(r"\s*[:∶]\s*")
_FROM_EARLIER = re.compile(r"(?:由|从)[^,;。:∶]{0,10}?的?\s*$")
_SINCE = re.compile(r"以来|以后|以前|之前|之后|起")
_COMPARED_YEAR = re.compile(r"(?:比|较|相比|相较|与|对比|由|从)(?:于)?\s*$")


@dataclass
class Fact:
    index: int
    quantity: Quantity
    sentence: int
    paragraph: int  # the start offset of its paragraph
    label: Label
    period: str  # "2023", "2023:1-9月", or "" when no year is in reach
    role: str
    direction: int = 0  # for rates and changes: +1 up, −1 down, 0 unsaid
    rate_kind: str = ""  # 同比, 环比 … for rates
    forecast: bool = False
    whole_label: Label | None = None  # a share's whole, as named after 占
    rate: int | None = None  # the rate attached to a level
    rates: tuple[int, ...] = ()  # every rate attached to it: 环比 and 同比 both
    change: int | None = None  # the change attached to a level
    reference: int | None = None  # the earlier value a level is compared with
    attached_to: int | None = None  # the level a rate, change, reference or share belongs to
    clause: str = ""  # the clause text in front of the figure, as printed in the view
    bracketed: bool = False  # inside a bracket opened in its sentence: (其中A、B)
    structure: int | None = None  # 4.8:38.6:56.6: the index of the structure's first member
    listed: int | None = None  # A、B和C, A/B/C: the index of the list's first member
    subject: str = ""  # the label's subject, or the one it shares: 全市基金收入X,支出Y

    @property
    def is_amount(self) -> bool:
        return self.quantity.kind in AMOUNT_KINDS

    @property
    def combined(self) -> bool:
        """上述三大市场合计占s%: a figure of several parts together, no part of its own."""
        return COMBINED.search(self.clause) is not None

    @property
    def monthly(self) -> bool:
        """A rate on the period before (环比, 比上月, 较上季, 季增), not year on year."""
        return self.rate_kind.startswith(_SEQUENTIAL)

    def same_unit(self, other: Fact) -> bool:
        return self.quantity.same_unit(other.quantity)


class FactTable:
    """Every figure of one document as a Fact, in text order."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.facts: list[Fact] = []
        previous_end = 0
        cells = grid_cells(doc)
        quantities = [
            _in_its_column(q, cells.get(q.start))
            for q in doc.tokens
            if isinstance(q, Quantity) and _a_figure(q)
        ]
        for quantity in _with_list_units(doc, quantities):
            self.facts.append(_fact(doc, quantity, len(self.facts), previous_end))
            previous_end = quantity.end
        _read_cells(self.facts, cells)
        _counted_by_name(self.facts)
        _mark_structures(doc, self.facts)
        _mark_lists(doc, self.facts)
        _years_of_a_span(doc, self.facts)
        _measure_of_other_years(doc, self.facts)
        self.aliases = _expand_aliases(doc, self.facts)  # short name -> the name it stands for
        _split_compounds(self.facts)
        _split_named_lists(doc, self.facts)
        _rates_before_levels(doc, self.facts)
        _moves_from_to(doc, self.facts)
        _levels_after_shares(doc, self.facts)
        _share_subjects(doc, self.facts)
        _earlier_years_after(doc, self.facts)
        _attach(self.facts)
        _attach_next_sentence(doc, self.facts)
        _attach_named_changes(doc, self.facts)
        _rates_named_a_clause_before(doc, self.facts)
        respectively(doc, self.facts)
        _attach_in_rows(self.facts, cells)
        self._by_start = {f.quantity.start: f for f in self.facts}

    def of(self, quantity: Quantity) -> Fact | None:
        """The fact a quantity became."""
        return self.of_start(quantity.start)

    def of_start(self, start: int) -> Fact | None:
        """The fact whose figure starts at `start`."""
        return self._by_start.get(start)

    def __iter__(self):
        return iter(self.facts)

    def __len__(self) -> int:
        return len(self.facts)

    def __getitem__(self, index: int) -> Fact:
        return self.facts[index]

    def shares_of(self, level: Fact, reach: int = 3) -> list[Fact]:
        """The shares stated with a level (A,占T的a% / A,占比a%), among the next `reach` facts."""
        following = self.facts[level.index + 1 : level.index + 1 + reach]
        return [f for f in following if f.role == "share" and f.attached_to == level.index]

    def rate_on_year_before(self, level: Fact) -> Fact | None:
        """The level's rate on the year before (同比, not 环比), a single percentage."""
        for index in level.rates:
            rate = self.facts[index]
            if not rate.monthly and rate.quantity.kind == "percent" and not rate.quantity.is_range:
                return rate
        return None

    def get(self, index: int | None) -> Fact | None:
        """The fact at `index`, or None for no index or one outside the table."""
        if index is None or not 0 <= index < len(self.facts):
            return None
        return self.facts[index]


def _in_its_column(quantity: Quantity, cell: Cell | None) -> Quantity:
    """A grid's bare figure read in its column's unit: 12.30 under 销售额(亿元) is 12.30亿元."""
    if cell is None or quantity.kind != "number":
        return quantity
    size = cell.column.magnitude
    return replace(
        quantity,
        kind=cell.column.kind,
        unit=cell.column.unit,
        value=quantity.value * size,
        strict=quantity.strict.scale(size),
        lenient=quantity.lenient.scale(size),
        whole=False,
    )


def _read_cells(table: list[Fact], cells: dict[int, Cell]) -> None:
    """A grid cell is named by its row's item and its column's measure, in its column's role."""
    if not cells:
        return  # most documents print no grid
    for fact in table:
        cell = cells.get(fact.quantity.start)
        if cell is None:
            continue
        fact.label = read_label(cell.item + cell.column.name)
        fact.role, fact.whole_label, fact.rate_kind = cell.column.role, None, ""
        # a rate's sign is its figure's (−1.5); points take the sign printed before them (+0.8)
        fact.direction = 1 if cell.column.role == "rate" else 0
        if cell.column.role == "pp":
            fact.direction = -1 if fact.quantity.value < 0 else 1


def _attach_in_rows(table: list[Fact], cells: dict[int, Cell]) -> None:
    """A rate in a grid's row is the rate of the row's level, whatever the nearest-first
    attachment guessed across rows."""
    if not cells:
        return
    by_row: dict[int, list[Fact]] = {}
    for fact in table:
        cell = cells.get(fact.quantity.start)
        if cell is not None:
            by_row.setdefault(cell.row, []).append(fact)
    for row in by_row.values():
        levels = [f for f in row if f.role == "level"]
        rates = [f for f in row if f.role == "rate"]
        if levels and rates:
            level, rate = levels[0], rates[0]
            level.rate, level.rates, rate.attached_to = rate.index, (rate.index,), level.index


def _a_figure(quantity: Quantity) -> bool:
    """Ages, durations and sizes name groups, spans and products (60岁及以上, 3年内, 8吋晶圆);
    an age printed with decimals (预期寿命82.45岁) is a measured figure."""
    if quantity.kind in ("duration", "size"):
        return False
    return quantity.kind != "age" or "." in quantity.printed


def facts(doc: Document) -> FactTable:
    """The document's fact table, built once for every finder that asks."""
    return doc.memo("facts", lambda: FactTable(doc))


def _clause_text(doc: Document, quantity: Quantity, previous_end: int) -> str:
    """From the last clause mark, or the figure before, up to this figure."""
    s_start = doc.sentences[doc.sentence_at(quantity.start)][0]
    start = max(s_start, previous_end)
    before = _ASIDE.sub("", _past_an_aside(doc, s_start, start, quantity.start))
    before = _GLOSS.sub("", before)
    if before.endswith("("):
        before = before[:-1]  # 再出口(48.2亿元): the figure in brackets after its label
    cuts = [m.end() for m in _CLAUSE_MARK.finditer(before)]
    # a bullet opens its line; its number (1) is no figure before this one
    line = doc.between(s_start, quantity.start)
    line = line[line.rfind("\n") + 1 :]
    colon = _COLON.search(line) if line.lstrip()[:1] in _BULLET_OPENINGS else None
    named = _BULLET_NAME.match(line[: colon.end()]) if colon else None
    rest = line[colon.end() :] if colon else ""
    if named and not _ANNOUNCING.match(named.group(1)) and not _CLAUSE_MARK.search(rest):
        return named.group(1) + rest  # - 烘焙系列:Q2营收A: the item the bullet names
    return before[cuts[-1] :] if cuts else before


def _past_an_aside(doc: Document, s_start: int, start: int, end: int) -> str:
    """规模以上(年销售收入在2000万元以上的企业)工业增加值A: the text from `start` to the figure,
    and where `start` lies inside a bracketed aside that closes before the figure, the words
    before the aside too. A figure alone in brackets (再出口(A)及本地产品出口(B)) is no aside."""
    text = doc.between(start, end)
    close = text.find(")")
    if close < 0 or start <= s_start or "(" in text[:close]:
        return text
    open_at = doc.between(s_start, start).rfind("(")
    if open_at < 0:
        return text
    aside = doc.between(s_start + open_at + 1, start + close)
    if len(_FIGURES.sub("", aside)) < _ASIDE_WORDS:
        return text  # a bracket holding a figure and little else: a figure's own bracket
    return doc.between(s_start, s_start + open_at) + text[close + 1 :]


_FIGURES = re.compile(r"[\d.,%]+\s*[万亿千百]*")
_ASIDE_WORDS = 6  # characters of words beside its figures that make a bracket an aside


def _fact(doc: Document, quantity: Quantity, index: int, previous_end: int) -> Fact:
    sentence = doc.sentence_at(quantity.start)
    s_start = doc.sentences[sentence][0] if doc.sentences else 0
    clause = _clause_text(doc, quantity, previous_end)
    near = doc.between(max(s_start, quantity.start - 24), quantity.start)
    role, direction, rate_kind, whole = _role(doc, quantity, near, clause)
    label = read_label(clause)
    if not label.text and quantity.kind in AMOUNT_KINDS:
        label = _named_a_clause_before(doc, s_start, max(s_start, previous_end), quantity) or label
    forecast = bool(_FORECAST.search(doc.between(s_start, quantity.start)))
    return Fact(
        index=index,
        quantity=quantity,
        sentence=sentence,
        paragraph=doc.paragraph_start(quantity.start),
        label=label,
        period=_period(doc, quantity, s_start),
        role=role,
        direction=direction,
        rate_kind=rate_kind,
        forecast=forecast,
        whole_label=whole,
        clause=clause,
        bracketed=doc.inside_bracket(quantity.start),
    )


def _named_a_clause_before(
    doc: Document, s_start: int, start: int, quantity: Quantity
) -> Label | None:
    """出口额创下历史新高,达到A; 营业收入稳步增长,达到A: a figure whose own clause is a bare
    verb is named by the measure the clause before it opens with, where no figure stands
    between."""
    text = doc.between(start, quantity.start)
    cuts = [m.start() for m in _CLAUSE_MARK.finditer(text)]
    if not cuts or text[cuts[-1]] != ",":
        return None
    before = text[: cuts[-1]]
    before = before[cuts[-2] + 1 :] if len(cuts) > 1 else before
    label = measure_named(before)
    return label if label.head else None


def _role(
    doc: Document, quantity: Quantity, near: str, clause: str
) -> tuple[str, int, str, Label | None]:
    kind = quantity.kind
    if kind == "pp":
        return "pp", _direction(near), "", None
    if kind == "multiple":
        rises = quantity.qualifier == DOUBLING  # 翻番: the word is its own verb
        return "multiple", 1 if rises else _direction(near), "", None
    if kind == "percent":
        share = _SHARE_BEFORE.search(near)
        if share:
            whole = share.group("whole")
            # 占常住人口的比重(常住人口城镇化率)为: the bracket glosses the share, not its whole
            return "share", 0, "", read_label(_BRACKETED_WORDS.sub("", whole)) if whole else None
        if _AVERAGE_BEFORE.search(near):
            return "average_rate", 0, "", None  # 年均增长5.4%: a year's average, not the change
        rate = _RATE_BEFORE.search(near)
        if rate and (rate.group("verb") or rate.group("kind") or rate.group("sign")):
            falling = bool(rate.group("verb") and _DOWN.match(rate.group("verb")))
            falling = falling or rate.group("kind") in ("年减", "季减")  # 年减12.9%: a fall
            return "rate", -1 if falling else 1, rate.group("kind") or "", None
        return "ratio", 0, "", None
    if (kind in AMOUNT_KINDS or kind == "number") and _WHOLE_INSIDE.search(clause):
        return "whole", 0, "", None  # 占1,200亿总收入的80.5%: the whole a share names
    if kind in AMOUNT_KINDS:
        if doc.is_change(quantity):
            return "change", _direction(near), "", None
        if _REFERENCE_BEFORE.search(doc.between(quantity.start - 14, quantity.start)):
            return "reference", 0, "", None
        if _SAME_PERIOD_BEFORE.search(clause):
            return "reference", 0, "", None  # 去年同期出口额X: the value compared with
        if (
            _PRIOR_PERIOD.search(clause)
            and not _UP_TO_NOW.search(clause)
            and not (_reports_last_year(doc) and _LAST_YEAR.search(clause))
        ):
            return "prior", 0, "", None  # 去年全年产值X: a level of an earlier period
        if FROM_BEFORE.search(doc.between(quantity.start - 3, quantity.start)) and TO_AFTER.match(
            doc.between(quantity.end, quantity.end + 6)
        ):
            return "reference", 0, "", None
        return "level", 0, "", None
    return "other", 0, "", None


def _direction(near: str) -> int:
    found = [(m.start(), m.group(0)) for m in re.finditer(rf"{UP}|{DOWN}", near)]
    if not found:
        return 0
    return -1 if _DOWN.match(found[-1][1]) else 1


def _period(doc: Document, quantity: Quantity, s_start: int) -> str:
    """The year in reach (this sentence, else the paragraph before it) and the part of the year
    named last in the sentence before the figure (1-9月, 上半年, 本月 …). A year named only as a
    point of comparison (较2022年的) is not the figure's own."""
    floor = doc.paragraph_start(quantity.start)
    year, part = "", ""
    periods, starts = _periods(doc)
    for token in reversed(
        periods[bisect_left(starts, floor) : bisect_left(starts, quantity.start)]
    ):
        if _COMPARED_YEAR.search(doc.between(token.start - 4, token.start)):
            continue
        if token.first is None and not token.span_years:
            part = part or token.part  # 1-5月 without its year: the nearest part named
            continue
        if token.first is not None and token.first == token.last:
            if _SINCE.match(doc.between(token.end, token.end + 2)):
                continue  # 2010年以来: a point of reference, not the figure's year
            year, part = str(token.first), part or token.part
            break
    own = _last_period_part(doc, s_start, quantity.start) or _carried_part(doc, s_start, quantity)
    part = own or part  # a sentence naming its own part of the year overrides the paragraph's
    if own == _WHOLE_YEAR:
        part = ""  # 12月进口A;全年进口总额B: the year itself, not the month named before
    if not year and not part:
        return ""
    return f"{year}:{part}" if part else year


def _carried_part(doc: Document, s_start: int, quantity: Quantity) -> str:
    """其中,第四季度实现收入A;归母净利润B: a clause after a semicolon naming no part of the year
    keeps the one its full sentence named before it (the whole year, 全年, ends it)."""
    stops = _full_stops(doc)
    at = bisect_left(stops, s_start)
    start = stops[at - 1] + 1 if at else 0
    if start >= s_start:
        return ""
    start = doc.sentences[doc.sentence_at(start)][0]
    named = [
        (at, text)
        for first in range(doc.sentence_at(start), doc.sentence_at(s_start))
        for at, text in _sentence_parts(doc, doc.sentences[first][0])
        if text != _SAME_PERIOD  # 同期 names the period before it: nothing to carry
    ]
    if not named:
        return ""
    text = named[-1][1]
    return "" if text == _WHOLE_YEAR else _normalised_part(text)


def _full_stops(doc: Document) -> list[int]:
    """Where the document's full stops (。!? and line ends) stand, found once."""
    return doc.memo("full stops", lambda: [m.start() for m in _FULL_STOP.finditer(doc.view)])


def _periods(doc: Document) -> tuple[list[Period], list[int]]:
    """The document's period tokens and their starts, found once."""

    def compute() -> tuple[list[Period], list[int]]:
        found = [t for t in doc.tokens if isinstance(t, Period)]
        return found, [t.start for t in found]

    return doc.memo("periods", compute)


_WHOLE_YEAR = "全年"
_SAME_PERIOD = "同期"


def _last_period_part(doc: Document, s_start: int, end: int) -> str:
    """The part of the year named last before `end` in the sentence; 同期 in 较去年同期 is the
    compared period, not this one."""
    found = [text for at, text in _sentence_parts(doc, s_start) if at + len(text) <= end]
    if not found:
        return ""
    if found[-1] == _WHOLE_YEAR:
        return _WHOLE_YEAR  # the year itself: no part of it
    return _normalised_part(found[-1])


def _normalised_part(text: str) -> str:
    """A part of the year as the table writes it: 1-5月, Q3, 上半年 …"""
    part = MONTH_DASH.sub("-", text.replace(" ", "").replace("份", ""))
    if first_months := _FIRST_MONTHS.fullmatch(part):
        return f"1-{int(first_months.group(1))}月"  # 前7个月 is 1-7月
    return part.replace("月-", "-")  # 1月-5月 is 1-5月


def _sentence_parts(doc: Document, s_start: int) -> list[tuple[int, str]]:
    """The parts of the year a sentence names, found once per sentence: (start, words)."""

    def compute() -> list[tuple[int, str]]:
        sentence_end = doc.sentences[doc.sentence_at(s_start)][1] if doc.sentences else None
        text = doc.view[s_start:sentence_end]
        return [
            (s_start + m.start(), m.group(0))
            for m in _period_part().finditer(text)
            if not _PRIOR_BEFORE.search(text[max(0, m.start() - 3) : m.start()])
        ]

    return doc.memo(f"period parts {s_start}", compute)


@lru_cache(maxsize=1)
def _period_part() -> re.Pattern[str]:
    parts = vocabulary().period_parts
    words = "|".join(re.escape(w) for w in parts)
    first = re.escape("".join(sorted({w[0] for w in parts} | set("前QH第"))))
    return re.compile(  # the lookahead turns most positions away with one class test
        rf"(?=[\d{first}])(?:前 ?\d{{1,2}} ?个月"
        rf"|\d{{1,2}} ?月? ?[-~—–至到] ?\d{{1,2}} ?月|\d{{1,2}} ?月份?"
        rf"|[QH][1-4]|第 ?[1-4] ?季度?|(?<![\d前至到-])[1-4] ?季度|{words})"
    )


def _with_list_units(doc: Document, quantities: list[Quantity]) -> list[Quantity]:
    """29.8/33.5/31.2/34.1亿元, 12.9和13.7个百分点: the bare figures of a list take the unit
    and magnitude of its last figure."""
    out = list(quantities)
    start = 0
    while start < len(out):
        end = start
        while (
            end + 1 < len(out)
            and out[end].kind == "number"
            and doc.between(out[end].end, out[end + 1].start).strip() in ("/", "、", "和", "及")
        ):
            end += 1
        last = out[end]
        if end > start and last.kind != "number" and not last.is_range:
            magnitude = _magnitude(last)
            for k in range(start, end):
                own = _magnitude(out[k])  # 120.5 亿、130.2 亿元: the 亿 is already read
                out[k] = _in_unit_of(out[k], last, magnitude if own == 1.0 else 1.0)
        start = end + 1
    return out


# 总诊疗人次5.86亿, 参保人数1.21亿: a name ending in what it counts gives a bare figure its unit
_COUNTED_BY = {"人次": ("people", "人次"), "人数": ("people", "人")}


def _counted_by_name(table: list[Fact]) -> None:
    """A bare figure with a magnitude (5.86亿) named by a count (诊疗人次) is in that count's
    unit, as its change (增加0.22亿人次) is."""
    for fact in table:
        quantity = fact.quantity
        if quantity.kind != "number" or _magnitude(quantity) == 1.0:
            continue
        word = next((w for w in _COUNTED_BY if fact.label.text.endswith(w)), None)
        if word is not None:
            kind, unit = _COUNTED_BY[word]
            fact.quantity = replace(quantity, kind=kind, unit=unit, whole=False)


def _magnitude(quantity: Quantity) -> float:
    """亿 in 34.1亿元: the value over the printed number, as a power of ten."""
    printed = quantity.printed_number
    if not printed or quantity.value == 0:
        return 1.0
    return 10 ** round(math.log10(abs(quantity.value / printed)))


def _in_unit_of(bare: Quantity, last: Quantity, magnitude: float) -> Quantity:
    return replace(
        bare,
        value=bare.value * magnitude,
        unit=last.unit,
        kind=last.kind,
        strict=bare.strict.scale(magnitude),
        lenient=bare.lenient.scale(magnitude),
        whole=False,
    )


# 社会消费品零售总额(以下简称"社零总额")652.3亿元: the short name stands for the long one
_ALIAS = re.compile(
    r"[(（](?:以下)?简称(?:为)?[“\"「『]?(?P<alias>[^”\"」』()（）,]{2,10})[”\"」』]?[)）]"
)


def _expand_aliases(doc: Document, table: list[Fact]) -> dict[str, str]:
    """A label using a short name the text defined (以下简称X) reads as the full name."""
    by_start = {f.quantity.start: f for f in table}
    aliases: dict[str, str] = {}
    for found in _ALIAS.finditer(doc.view):
        defined = _defined_by(doc, by_start, found)
        if defined is None or not defined.label.text:
            continue
        alias, full = found.group("alias"), defined.label.text
        aliases[alias] = full
        for fact in table:
            if fact.quantity.start > found.end() and alias in fact.label.text:
                text = fact.label.text.replace(alias, full)
                new = read_label(text)
                fact.label = replace(fact.label, text=new.text, head=new.head, subject=new.subject)
    return aliases


def _defined_by(doc: Document, by_start: dict[int, Fact], found: re.Match[str]) -> Fact | None:
    """The figure the defined name belongs to: right after the bracket (…总额(简称X)T)."""
    after = doc.view[found.end() : found.end() + 6]
    gap = len(after) - len(after.lstrip(" 为达是"))
    return by_start.get(found.end() + gap)


def _split_compounds(table: list[Fact]) -> None:
    """汽车产销A和B: a list of two levels after a word naming two measures (产销, 收支) is one
    figure of each, in order: 汽车产量A, 汽车销量B."""
    compounds = vocabulary().compounds
    for members in lists(table):
        first = members[0]
        word = next((w for w in compounds if first.label.text.endswith(w)), None)
        if word is None or first.role != "level" or len(members) != len(compounds[word]):
            continue
        subject, periods = first.label.text[: -len(word)], first.label.period_words
        for member, measure in zip(members, compounds[word], strict=True):
            member.label = Label(subject + measure, measure, subject, periods, False)


_NAME_JOINER = re.compile(r"以及|和|及|与|、")


_NAMES_CLAUSE = re.compile(r"[,;:()。!?\n]")  # 出口、进口分别为: the 、 joins the names


def _split_named_lists(doc: Document, table: list[Fact]) -> None:
    """出口和进口分别为A和B, 收入及支出首次突破千亿元,分别为A及B: a list of k levels after 分别 that
    follows k measures joined by 和/及/与/、 is one figure of each measure, in order. Each name
    must end in a measure of its own; a list of names of which some are no measure is left."""
    for members in lists(table):
        first = members[0]
        if first.role != "level" or any(m.label.head for m in members[1:]):
            continue
        if _split_slashes(doc, members):
            continue
        before = doc.between(doc.sentences[first.sentence][0], first.quantity.start)
        said = before.rfind("分别")
        if said < 0 or re.search(r"[。;]", before[said:]):
            continue
        names = _measure_names(_NAMES_CLAUSE.split(before[:said].rstrip(",、 "))[-1], len(members))
        if names is None:
            continue
        for member, name in zip(members, names, strict=True):
            member.label = replace(name, period_words=first.label.period_words)
        _money_of_next(table, members)


def _money_of_next(table: list[Fact], members: list[Fact]) -> None:
    """分别为612.40亿及598.15亿,年度盈余14.25亿元: a list of bare figures with a magnitude
    takes the currency of the next figure in its sentence when that one has the same magnitude."""
    after = table[members[-1].index + 1] if members[-1].index + 1 < len(table) else None
    if after is None or after.sentence != members[-1].sentence or after.quantity.kind != "money":
        return
    magnitude = _magnitude(after.quantity)
    for member in members:
        bare = member.quantity
        if bare.kind != "number" or bare.unit or _magnitude(bare) != magnitude or magnitude == 1:
            return
    for member in members:
        member.quantity = _in_unit_of(member.quantity, after.quantity, 1.0)


def _split_slashes(doc: Document, members: list[Fact]) -> bool:
    """最高价/最低价42.08/30.05元, 总市值/流通市值A/B: names joined by / before figures joined
    by / pair in order, whatever they name."""
    first = members[0]
    glues = {_glue(doc, a, b).strip() for a, b in zip(members, members[1:], strict=False)}
    names = first.label.text.split("/")
    if glues != {"/"} or len(names) != len(members) or not all(names):
        return False
    for member, name in zip(members, names, strict=True):
        member.label = replace(read_label(name), period_words=first.label.period_words)
    return True


def _measure_names(text: str, count: int) -> list[Label] | None:
    """The `count` names joined in `text`, each cut after its measure (支出首次突破千亿元 → 支出),
    or None unless every one names a measure."""
    parts = _NAME_JOINER.split(text)
    if len(parts) != count:
        return None
    names = [measure_named(part) for part in parts]
    if all(label.head for label in names):
        return names
    # 公立医疗机构和民营医疗机构分别为A和B: kinds of one counted thing, qualified apart
    noun = common_ending([p.strip() for p in parts])
    if len(noun) >= 2 and all(len(p.strip()) > len(noun) for p in parts):
        return [read_label(p.strip()) for p in parts]
    return None


# 出口下跌r%至A, 营业额按年减少r%,至A: the level a rate moved to
_TO_LEVEL = re.compile(
    r"\s*[,,]?\s*(?:增至|升至|降至|增加至|减少至|上升至|下降至|至|到|达到|达)\s*"
)


def _rates_before_levels(doc: Document, table: list[Fact]) -> None:
    """进口总值按年上升1.5倍至98.0亿元, 出口下跌12.1%至9.4亿元: a level reached after its rate
    (or multiple) is named by the words before the rate, and takes the rate."""
    for fact in table[1:]:
        moved = table[fact.index - 1]
        if fact.role != "level" or moved.sentence != fact.sentence:
            continue
        if moved.role not in ("rate", "multiple") or moved.attached_to is not None:
            continue
        if _names_the_rates_measure(fact, moved):
            fact.rate, fact.rates, moved.attached_to = moved.index, (moved.index,), fact.index
            continue  # 全年产值年减12.9%,惟产值规模A亿元: the level the rate was of
        own = fact.label.text
        if own and not _TO_LEVEL.fullmatch(own):
            continue
        if not _TO_LEVEL.fullmatch(_glue(doc, moved, fact)):
            continue
        label = read_label(_before_comparison(moved.clause))
        if not label.text:
            continue
        fact.label = label
        if moved.role == "rate":
            fact.rate, fact.rates, moved.attached_to = moved.index, (moved.index,), fact.index


def _names_the_rates_measure(level: Fact, rate: Fact) -> bool:
    """A year-on-year rate whose words name a measure, and the level right after it named by
    that measure alone."""
    if rate.role != "rate" or rate.monthly or not level.label.head or level.label.subject:
        return False
    named = read_label(_before_comparison(rate.clause, otherwise=""))
    return named.head == level.label.head


_OF_A_YEAR = r"(?:(?:19|20)\d{2} ?年(?:末|底)?的)?"  # 2023年的: the year an end of a move names
_MOVE_BETWEEN = re.compile(
    rf"^\s*{MANNER}(?:{UP}|{DOWN})?了?(?:至|到)\s*{_OF_A_YEAR}\s*$"
)  # 扩大至B, 上升到2023年的B
# 2018-2022年, 2017年-2018年: a span of years, its first and last
YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年")


def _moves_from_to(doc: Document, table: list[Fact]) -> None:
    """市场规模从A快速扩大至B: B is what A is, a later value of it. Where the sentence opens on a
    span of years (2018-2022年), A is of its first year and B of its last."""
    for fact in table[1:]:
        start = table[fact.index - 1]
        if fact.role != "level" or start.role not in ("level", "reference"):
            continue
        if start.sentence != fact.sentence:
            continue
        if not _MOVE_BETWEEN.match(_glue(doc, start, fact)) or not start.same_unit(fact):
            continue
        if not _FROM_START.search(doc.between(start.quantity.start - 9, start.quantity.start)):
            continue
        if not fact.label.text:
            fact.label, fact.subject = start.label, start.subject
        s_start = doc.sentences[fact.sentence][0]
        span = YEAR_SPAN.search(doc.between(s_start, start.quantity.start))
        if span and not start.period and not fact.period:
            start.period, fact.period = span.group(1), span.group(2)
        for end in (start, fact):  # 从2015年的A上升到2023年的B: each end of its own year
            own = _OWN_YEAR.search(doc.between(end.quantity.start - 8, end.quantity.start))
            if own:
                end.period = own.group(1)


_FROM_START = re.compile(rf"(?:从|由)\s*{_OF_A_YEAR}\s*$")  # 从(2015年的)A
_OWN_YEAR = re.compile(r"(?:从|由|到|至)((?:19|20)\d{2}) ?年的\s*$")
# 合计占s%, 上述三者占s%: a share (or figure) of several parts together
COMBINED = re.compile(r"合计|合共|共计|总计|两者|三者|二者|上述|以上")
_AFTER_SHARE = re.compile(
    r"\s*[,，]\s*(?:为|达|达到|约为|计|共计)\s*(?:人民币|港币|澳门币|新台币)?\s*"
)
_SHARE_OF = re.compile(r"在[^,;。]{2,20}中(?:的)?(?:占比|比重|份额)|(?<!应)占")


def _levels_after_shares(doc: Document, table: list[Fact]) -> None:
    """植物提取物出口额在中药产品出口总额中占比达到60%,为X: X is the part the share names
    before 在…中 or 占, and the share is its own."""
    for fact in table[1:]:
        share = table[fact.index - 1]
        if fact.role != "level" or fact.label.text or share.role != "share":
            continue
        # 占总收入的s%,达X: the verb may be read into the figure as its hedge (达X)
        glue = _glue(doc, share, fact) + doc.between(
            fact.quantity.start, fact.quantity.number_start
        )
        if share.sentence != fact.sentence or not _AFTER_SHARE.fullmatch(glue):
            continue
        cut = _SHARE_OF.search(share.clause)
        label = read_label(share.clause[: cut.start()]) if cut else None
        if label is not None and label.head:
            fact.label = label
            share.attached_to = fact.index


def _share_subjects(doc: Document, table: list[Fact]) -> None:
    """A level named by its measure alone takes the subject of the level before it in the
    sentence (to its 。): in "全市基金收入X,支出Y" both are the city fund's; in "对美出口A,进口B"
    both are trade with the US; in "乘用车生产A;销售B" both are of passenger cars."""
    previous: Fact | None = None
    for fact in table:
        fact.subject = fact.label.subject
        if fact.role != "level" or not fact.is_amount:
            continue
        if (
            not fact.subject
            and fact.label.head
            and previous is not None
            and previous.label.head
            and "。" not in doc.between(previous.quantity.end, fact.quantity.start)
        ):
            fact.subject = previous.subject
            if previous.label.head != fact.label.head and previous.subject:
                # 销售 after 乘用车生产 is 乘用车销量: its label names the subject it shares
                text = previous.subject + fact.label.text
                fact.label = replace(fact.label, text=text, subject=previous.subject)
        elif previous is not None and "。" not in doc.between(
            previous.quantity.end, fact.quantity.start
        ):
            _share_counted_item(fact, previous)
        previous = fact


def _share_counted_item(fact: Fact, previous: Fact) -> None:
    """A count named by its measure alone after another count of an item: in
    "医院门诊人次A,住院人次B" B counts the hospitals' admissions (医院住院人次)."""
    item, measure = counted_item(fact.label.text)
    before, other = counted_item(previous.label.text)
    if not item and measure and before and other and other != measure:
        fact.label = read_label(before + fact.label.text)
        fact.subject = fact.label.subject


def _mark_lists(doc: Document, table: list[Fact]) -> None:
    """Figures of one unit joined only by 、, /, 和, 及 or 与 are one list (分别为A、B和C)."""

    def joined(last: Fact, fact: Fact) -> bool:
        return last.same_unit(fact) and bool(_LIST_GLUE.fullmatch(_glue(doc, last, fact)))

    for run in _runs(table, joined):
        for member in run:
            member.listed = run[0].index
            if member.role == "ratio" and run[0].role in ("rate", "share"):
                # 增长率分别为A、B、C: what the first is, the rest of the list is
                member.role, member.direction = run[0].role, run[0].direction
                member.rate_kind, member.whole_label = run[0].rate_kind, run[0].whole_label
            elif member.role == run[0].role == "rate":
                member.direction = member.direction or run[0].direction  # 同比下降a和b: b fell too
                member.rate_kind = member.rate_kind or run[0].rate_kind  # 环比增长a、b: b too


def _years_of_a_span(doc: Document, table: list[Fact]) -> None:
    """预计2025-2027年营收分别为A/B/C亿元,同比增长a/b/c: a span of n years gives its years in
    turn to each list of n figures after it in its sentence, up to the next year named, and the
    first member's name to the bare others."""
    spans = [
        t
        for t in _periods(doc)[0]
        if t.first is not None and t.last is not None and 1 <= t.last - t.first <= 9 and not t.part
    ]
    for span in spans:
        years = list(range(span.first, span.last + 1))
        end = _next_year_named(doc, span)
        after = [f for f in table if span.end <= f.quantity.start < end and f.listed is not None]
        for run in _grouped(after, "listed"):
            if len(run) == len(years):
                for fact, year in zip(run, years, strict=True):
                    fact.period = str(year)
                    if not han_characters(fact.label.text):
                        fact.label = run[0].label  # A/B/C: one measure, year by year


_A_YEAR_NAMED = re.compile(r"(?:19|20)\d{2} ?年")


def _measure_of_other_years(doc: Document, table: list[Fact]) -> None:
    """营业收入2023年为A,2024年为B;预计2025年降至C: a figure whose clause names only its year
    is of the measure of the labelled level before it in its paragraph, in its unit, of another
    year."""
    last: Fact | None = None
    for fact in table:
        if fact.role != "level" or not fact.is_amount:
            continue
        if last is not None and last.paragraph != fact.paragraph:
            last = None
        if fact.label.text:
            last = fact if han_characters(fact.label.text) >= 2 else None
            continue
        if (
            last is not None
            and fact.same_unit(last)
            and _A_YEAR_NAMED.search(fact.clause)
            and fact.period != last.period
            and whole_year(fact.period)
        ):
            fact.label = last.label
            last = fact


_FULL_STOP = re.compile(r"[。!?\n]")


def _next_year_named(doc: Document, span: Period) -> int:
    """Where the next year after the span is named before the full stop (or the full stop):
    预计2025-2027年收入分别为A/B/C;净利润分别为D/E/F。 gives its years to both lists."""
    stop = _FULL_STOP.search(doc.view, span.end)
    end = stop.start() if stop else len(doc.view)
    for token in _periods(doc)[0]:
        if span.end <= token.start < end and token.first is not None:
            return token.start
    return end


def lists(table: FactTable | list[Fact]) -> list[list[Fact]]:
    """Each list's members, in order."""
    return _grouped(table, "listed")


def _runs(table: list[Fact], joined) -> list[list[Fact]]:
    """The runs of two or more consecutive facts, each joined to the one before it."""
    runs: list[list[Fact]] = []
    for fact in table:
        if runs and joined(runs[-1][-1], fact):
            runs[-1].append(fact)
        else:
            runs.append([fact])
    return [run for run in runs if len(run) >= 2]


def _grouped(table, attribute: str) -> list[list[Fact]]:
    """Facts grouped by the first member's index that `attribute` holds, in order."""
    groups: dict[int, list[Fact]] = {}
    for fact in table:
        first = getattr(fact, attribute)
        if first is not None:
            groups.setdefault(first, []).append(fact)
    return list(groups.values())


def _glue(doc: Document, last: Fact, fact: Fact) -> str:
    return doc.between(last.quantity.end, fact.quantity.start)


def _mark_structures(doc: Document, table: list[Fact]) -> None:
    """Bare figures joined by colons (三次产业结构为4.8:38.6:56.6) are one structure: the shares
    of a partition, in its order."""

    def joined(last: Fact, fact: Fact) -> bool:
        bare = last.quantity.kind == fact.quantity.kind == "number"
        return bare and bool(_STRUCTURE_GLUE.fullmatch(_glue(doc, last, fact)))

    for run in _runs(table, joined):
        if _names_structure(doc, run[0]) and (not _names_ratio(doc, run[0]) or _of_a_whole(run)):
            for member in run:
                member.role, member.structure = "structure", run[0].index


def _names_structure(doc: Document, first: Fact) -> bool:
    """A structure is announced (结构, 比例 …) in its sentence: 17:12 is a time of day."""
    s_start = doc.sentences[first.sentence][0]
    return bool(_STRUCTURE_WORD.search(doc.between(s_start, first.quantity.start)))


_RATIO_WORD = re.compile(r"(?:之比|比为|比是)\s*$")  # 医护比为1:1.17, 性别比为105:100


def _names_ratio(doc: Document, first: Fact) -> bool:
    """Announced as a ratio of two measures, which need not be the shares of one whole."""
    s_start = doc.sentences[first.sentence][0]
    return bool(_RATIO_WORD.search(doc.between(s_start, first.quantity.start)))


STRUCTURE_SUM = (90.0, 110.0)  # a ratio whose members add up to about 100 is of shares


def _of_a_whole(run: list[Fact]) -> bool:
    total = sum(member.quantity.value for member in run)
    return STRUCTURE_SUM[0] <= total <= STRUCTURE_SUM[1]


def structures(table: FactTable) -> list[list[Fact]]:
    """Each structure's members, in order."""
    return _grouped(table, "structure")


def earlier_structure(doc: Document, first: Fact) -> bool:
    """由上年的8.0:40.0:52.0, 从2005年的…: the structure a change starts from."""
    return bool(_FROM_EARLIER.search(doc.between(first.quantity.start - 12, first.quantity.start)))


# 2023年为A, 上年为A, 去年同期为A: a clause that names only the earlier period of its figure
_EARLIER_PERIOD_ONLY = re.compile(
    r"^[(（]?\s*(?:\d{4} ?年|上年|去年)(?:同期|全年)?(?:为|是|则为|达)?\s*$"
)


def _earlier_years_after(doc: Document, table: list[Fact]) -> None:
    """520亿元,同比增长8.3%;2023年为480亿元 / 520亿元(上年为480亿元): a figure of the year
    before, named by nothing but its year, right after a level (past the level's own rate and
    change) in its sentence or the next, is that level's earlier value."""
    for fact in table:
        if fact.role != "level" or not fact.is_amount or not fact.label.text:
            continue
        if fact.reference is not None:
            continue
        after = next(
            (
                f
                for f in table[fact.index + 1 : fact.index + 4]
                if f.role not in ("rate", "change", "share", "average_rate", "multiple")
            ),
            None,
        )
        if after is None or after.role not in ("level", "prior", "reference"):
            continue
        if after.attached_to is not None or not after.same_unit(fact):
            continue
        if after.paragraph != fact.paragraph or after.sentence > fact.sentence + 1:
            continue
        if not _EARLIER_PERIOD_ONLY.match(after.clause.strip()):
            continue
        if after.role == "level" and not _year_before(after.period, fact.period):
            continue
        after.role = "reference"
        fact.reference, after.attached_to = after.index, fact.index


def _year_before(earlier: str, later: str) -> bool:
    """One year earlier, of the same part of the year (or both whole years)."""
    a, _, part_a = earlier.partition(":")
    b, _, part_b = later.partition(":")
    return a.isdigit() and b.isdigit() and int(a) == int(b) - 1 and part_a == part_b


def _attach(table: list[Fact]) -> None:
    """A level takes the rate, change and reference that follow it in its sentence, up to the
    next level: "1,286家,较2022年的1,174家增加112家,增长9.5%"."""
    for position, fact in enumerate(table):
        # 去年经常性业务利润A亿元,减少B%: a level of the year reported, though named by 去年
        if fact.role not in ("level", "prior") or not fact.is_amount:
            continue
        compared = False  # past a comparison in points, only the level's share is its own
        for other in table[position + 1 :]:
            if other.sentence == fact.sentence and _threshold_of(fact, other):
                continue  # 5,218.6亿美元,首度突破5,000亿美元,年增率18%: the rate is the figure's
            if _converted(fact, other):
                continue  # 8,600亿元(USD$28.0B),较上季成长r: the rate is of the figure converted
            if other.sentence != fact.sentence or other.role == "level":
                break
            if other.role == "pp":
                compared = True  # 比原预测高出2.50个百分点,相当于多出X: another comparison
                continue
            if other.role == "whole":
                continue  # 占1,200亿总收入的80.5%: the share's whole, inside its phrase
            after_whole = table[other.index - 1].role == "whole"
            earlier_of_it = other.role in ("reference", "prior") and _same_thing(fact, other)
            if not after_whole and not earlier_of_it and _names_new_subject(other.clause):
                break  # 120万台,B产品销量比2022年的100万台: B's comparison, not the level's
            if compared and other.role != "share":
                continue
            if (
                other.role == "rate"
                and other.attached_to is None
                and (fact.rate is None or _another_kind(table, fact, other))
            ):
                if fact.rate is None:
                    fact.rate = other.index
                fact.rates += (other.index,)
                other.attached_to = fact.index
            elif other.role == "change" and fact.change is None and fact.same_unit(other):
                fact.change, other.attached_to = other.index, fact.index
            elif (
                (other.role == "reference" or earlier_of_it)
                and fact.reference is None
                and fact.same_unit(other)
            ):
                fact.reference, other.attached_to = other.index, fact.index
            elif other.role == "share" and other.attached_to is None:
                other.attached_to = fact.index
            elif other.is_amount and not fact.same_unit(other):
                break


def _converted(level: Fact, other: Fact) -> bool:
    """A sum of money in brackets right after a level, in another currency: the level
    converted (新台币8,600亿元(USD$28.0B)), no level of its own."""
    return (
        other.index == level.index + 1
        and other.bracketed
        and not level.bracketed
        and other.quantity.kind == level.quantity.kind == "money"
        and other.quantity.unit != level.quantity.unit
        and other.quantity.start - level.quantity.end <= 2
    )


def _threshold_of(level: Fact, other: Fact) -> bool:
    """A round mark the exact figure before it passed (突破X, 超过X, 站上X): no level of its own."""
    return (
        other.role == "level"
        and other.quantity.qualifier == "above"
        and level.quantity.qualifier == "exact"
        and other.same_unit(level)
        and other.quantity.strict.lo <= level.quantity.value
    )


def _attach_next_sentence(doc: Document, table: list[Fact]) -> None:
    """ "人口为5230400人。与去年比较,增加41600人,增长率为0.8%。": a sentence that opens with a
    comparison and names nothing new qualifies the level that ends the sentence before."""
    for position, fact in enumerate(table):
        if fact.role != "level" or not fact.is_amount:
            continue
        if fact.change is not None or fact.reference is not None:
            continue
        following = table[position + 1 :]
        opening = next((f for f in following if f.sentence != fact.sentence), None)
        if opening is not None and _last_years_of_it(doc, fact, opening):
            fact.reference, opening.attached_to = opening.index, fact.index
            continue
        if not following or following[0].sentence != fact.sentence + 1 or fact.rate is not None:
            continue
        if following[0].paragraph != fact.paragraph or following[0].role not in ("change", "rate"):
            continue
        opening = doc.between(doc.sentences[fact.sentence + 1][0], following[0].quantity.start)
        if not _COMPARISON_OPENING.match(opening.strip(" ,")):
            continue
        for other in following:
            if other.sentence != fact.sentence + 1 or other.role not in ("change", "rate"):
                break
            if other.role == "rate" and fact.rate is None and other.attached_to is None:
                fact.rate, fact.rates, other.attached_to = other.index, (other.index,), fact.index
            elif other.role == "change" and fact.change is None and fact.same_unit(other):
                fact.change, other.attached_to = other.index, fact.index


# 去年同期该业务营收约X: last year's value of what the sentence before named
_SAME_PERIOD_OPENING = re.compile(r"^(?:而|但|)(?:去年|上年)同期(?:该|此|这|其)")
_SAME_PERIOD_NAMED = re.compile(r"^(?:而|但|)(?:去年|上年)同期(?:的)?(?P<name>[^,;。\d]{2,24})$")
_ANAPHOR = re.compile(r"^(?:而|但)?(?:该|此|这一?|其)")


def _last_years_of_it(doc: Document, level: Fact, reference: Fact) -> bool:
    """A level with a rate and no earlier value, and the next sentence opening on last year's
    value of the same thing (去年同期该业务营收约X)."""
    if level.rate is None or reference.role != "reference" or not level.same_unit(reference):
        return False
    if reference.paragraph != level.paragraph or reference.sentence != level.sentence + 1:
        return False
    opening = doc.between(doc.sentences[reference.sentence][0], reference.quantity.start)
    if _SAME_PERIOD_OPENING.match(opening.strip(" ,")):
        return True
    named = _SAME_PERIOD_NAMED.match(opening.strip(" ,"))  # 去年同期整体出口货值为X
    if named is None:
        return False
    name, own = core_name(read_label(named.group("name")).text), core_name(level.label.text)
    return len(name) >= 2 and (name == own or len(name) >= 3 and own.endswith(name))


NAMED_CHANGE_REACH = 3  # paragraphs back a change named by its measure may find its level
_MEASURE_ENDING = re.compile(r"(?:金额|总额|总值|规模|额|值)$")


def _attach_named_changes(doc: Document, table: list[Fact]) -> None:
    """全年外销订单7437.3亿美元,年增率26% … 外销订单金额较上年增加1533亿美元: a change that
    names its measure, far from any level, belongs to the nearest earlier level of that name,
    unit and period that states a rate but no change."""
    for change in table:
        if change.role != "change" or change.attached_to is not None or not change.direction:
            continue
        name = _measure_stem(_before_comparison(change.clause, otherwise=""))
        if len(name) < 3:
            continue
        floor = doc.paragraphs_back(change.paragraph, NAMED_CHANGE_REACH)
        for level in reversed(table[: change.index]):
            if level.quantity.start < floor:
                break
            if level.role != "level" or not level.same_unit(change) or level.rate is None:
                continue
            if level.period == change.period and _measure_stem(level.label.text).endswith(name):
                if level.change is None and level.reference is None:
                    level.change, change.attached_to = change.index, level.index
                break


def _rates_named_a_clause_before(doc: Document, table: list[Fact]) -> None:
    """新增甲类企业83家,乙类企业21家,甲类企业数量再创新高,同比增长6.4%: a rate whose
    clause names nothing, after a clause without figures that names an earlier level of its
    sentence better than the nearest one, is that level's rate."""
    for rate in table:
        if rate.role != "rate" or rate.attached_to is None:
            continue
        nearest = table[rate.attached_to]
        if nearest.sentence != rate.sentence or nearest.rates != (rate.index,):
            continue
        if _names_new_subject(rate.clause):
            continue
        between = doc.between(nearest.quantity.end, rate.quantity.start - len(rate.clause))
        named = _CLAUSE_MARK.split(between.strip(" ,;"))[-1]
        if len(named) < 4 or re.search(r"\d", between):
            continue
        earlier = [
            f
            for f in table[: nearest.index]
            if f.sentence == rate.sentence and f.role == "level" and f.rate is None
        ]
        if not earlier:
            continue
        best = max(earlier, key=lambda f: _overlap(named, f.label.text))  # the first of the best
        shared = _overlap(named, best.label.text)
        if shared <= _overlap(named, nearest.label.text):
            continue
        if best.same_unit(nearest) and shared >= 4:
            nearest.rate, nearest.rates = None, ()
            best.rate, best.rates, rate.attached_to = rate.index, (rate.index,), best.index


def _overlap(a: str, b: str) -> int:
    """The length of the longest run of characters two names share."""
    best = 0
    for start in range(len(a)):
        for end in range(start + best + 1, len(a) + 1):
            if a[start:end] not in b:
                break
            best = end - start
    return best


def _measure_stem(text: str) -> str:
    """A measure's name without its period, scope and 金额/总额/规模: 外销订单金额 → 外销订单."""
    return _MEASURE_ENDING.sub("", core_name(read_label(text).text))  # labels drop 114年


def _another_kind(table: list[Fact], level: Fact, rate: Fact) -> bool:
    """环比下降12.0%,同比下降5.0%: a second rate of another kind belongs to the level too."""
    return rate.monthly not in {table[i].monthly for i in level.rates}


def respectively(doc: Document, table: list[Fact]) -> None:
    """A, B …, 增速分别为a和b: the k levels right before a list of k rates after 分别 take them
    in order (A takes a, B takes b), whatever the nearest-first attachment said."""
    for rates in lists(table):
        if rates[0].role != "rate":
            continue
        before = [
            f
            for f in table[: rates[0].index]
            if f.sentence == rates[0].sentence and f.role == "level" and f.is_amount
        ]
        # A/B/C(原预测为D/E/F),增速分别为a/b/c: the aside in brackets is not the list, unless
        # the list is itself in brackets (甲类出口(A)及乙类出口(B)分别增加a和b)
        levels = [f for f in before if f.bracketed == rates[0].bracketed][-len(rates) :]
        if len(levels) != len(rates):
            levels = before[-len(rates) :]
        if len(levels) != len(rates) or not all(f.same_unit(levels[0]) for f in levels):
            continue
        stated = "分别" in doc.between(rates[0].quantity.start - 8, rates[0].quantity.start)
        if not stated and not _listed_together(table, levels, rates[0]):
            continue
        listed = {r.index for r in rates}
        for level in before:
            if level in levels or level.rate in listed:
                level.rate, level.rates = None, ()  # the nearest-first guess is undone
        for level, rate in zip(levels, rates, strict=True):
            level.rate, level.rates, rate.attached_to = rate.index, (rate.index,), level.index


def _listed_together(table: list[Fact], levels: list[Fact], first_rate: Fact) -> bool:
    """A和B,同比下降a和b: a list of levels with nothing but the rate list's words after it is
    paired with the rates in order, as if 分别 were written."""
    return (
        levels[0].listed is not None
        and all(f.listed == levels[0].listed for f in levels)
        and levels[-1].index + 1 == first_rate.index
    )


def _same_thing(level: Fact, earlier: Fact) -> bool:
    """去年同期出口额 after 人用疫苗出口额: last year's value of the same measure; 去年同期该业务
    营收: of what the sentence already named."""
    if _ANAPHOR.match(_PRIOR_PERIOD.sub("", earlier.clause).strip(" ,")):
        return True
    if earlier.label.total and not level.label.total and core_name(level.label.subject):
        return False  # 呼吸业务收入 … 去年同期公司总营收: the whole, not the segment
    a = core_name(_PRIOR_PERIOD.sub("", earlier.label.text))
    b = core_name(level.label.text)
    return len(a) >= 2 and len(b) >= 2 and (b.endswith(a) or a.endswith(b))


def _before_comparison(clause: str, otherwise: str | None = None) -> str:
    """The words of a clause before its comparison or verb (出口下跌 → 出口); with no comparison,
    the whole clause, or `otherwise` where given."""
    cut = _COMPARISON_START.search(clause)
    if cut is not None:
        return clause[: cut.start()]
    return clause if otherwise is None else otherwise


def _names_new_subject(clause: str) -> bool:
    """Whether words before the comparison or verb name something new (two or more characters
    that are not period, connective or hedge words)."""
    before = _before_comparison(clause)
    before = _PRIOR_PERIOD.sub("", _period_part().sub("", before))
    label = read_label(before)
    return han_characters(label.text) >= 2
