"""share: a part, a whole and a stated 占…%, 占比, 比重, a structure member or a margin.

From the fact table: the part is the level the share belongs to (or the one it is named after,
城镇人口比重); the whole is printed inside 占…的, named after 占 and found by that name among
the figures before the part, inherited from the share before it in the paragraph, or, unnamed,
the nearest earlier figure of the same measure that is neither a sibling item nor bracketed.
A structure (4.8:38.6:56.6) is the shares of a stated partition; a margin (毛利率) is its
profit over revenue. The older pattern (占…的, a total marker) runs for shares the table leaves.
With no whole in reach there is no claim: guessing the whole is how false alarms start.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from checks.claims.base import (
    RELATION_COLUMNS,
    Claim,
    fmt,
    has_total_marker,
    loose_row,
    loosely,
    quote_apart,
    relation_row,
    same_unit,
    total_of,
    unit_fits,
)
from checks.document import AMOUNT_KINDS, Document
from checks.facts import Fact, FactTable, facts, vocabulary
from checks.facts.labels import (
    GENERIC_WHOLE,
    OVERALL,
    Label,
    compatible,
    core_name,
    han_characters,
    names_whole,
    read_label,
    siblings,
    without_total,
)
from checks.facts.partitions import (
    TOO_SMALL,
    Partition,
    announced_breakdowns,
    change_contributions,
    contribution_lists,
    item_of_another_breakdown,
    partitions_of,
    sharper_whole,
    where_lists,
)
from checks.facts.periods import months
from checks.facts.table import COMBINED, earlier_structure, structures
from checks.quantities import Interval, Quantity
from checks.vocabulary import DOWN, UP

NAME = "share"
# 占常住人口的比重(常住人口城镇化率)为s: a bracket of words may gloss the share
_SHARE = re.compile(
    r"(?:所)?(?<!应)占(?:到|了|据)?(?P<name>[^,,;。%\d]{0,12}?)(?:的)?(?:比重|比例|份额)?"
    r"(?:比)?(?:\([^()\d]{1,30}\))?(?:为|达到|达|约为)?(?=\s*(?:约|近|超|逾|达)?\s*\d)"
)
_FILLER = re.compile(
    r"^(?:比重|比例|份额|比|的|为|达到|达|约|了)+|(?:比重|比例|份额|比|的|为|达到|达|了)+$"
)


class Share:
    name = NAME
    columns = (*RELATION_COLUMNS, "hedged_gap")

    def find(self, doc: Document) -> Iterator[Claim]:
        seen: set[int] = set()
        found = (
            *_from_facts(doc),
            *_from_structures(doc),
            *_from_margins(doc),
            *_from_yields(doc),
            *contributions(doc),
            *_combined(doc),
            *_shares_of_a_change(doc),
            *_members_combined(doc),
        )
        for claim in found:
            seen.add(claim.inputs["rate"].start)
            yield claim
        for match in _SHARE.finditer(doc.view):
            rate = _rate(doc, match.start(), match.end())
            if rate is None or rate.start in seen:
                continue
            part = _part(doc, match.start())
            if part is None or COMBINED.search(doc.between(part.end, rate.start)):
                continue  # 合计占X%: the share of several parts
            named = _FILLER.sub("", match.group("name") or "")
            whole = _whole(doc, part, named)
            if whole is None:
                continue
            claim = Claim(NAME, doc.source, {"whole": whole, "part": part, "rate": rate})
            claim.facts = {"named_whole": named}
            claim.row = derive(claim)
            yield claim

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _from_facts(doc: Document) -> Iterator[Claim]:
    """A share fact, the level it belongs to, and its whole (see `share_figures`)."""
    table = facts(doc)
    for found in share_figures(doc):
        sharper, whole_parts = sharper_whole(table, found.whole)
        inputs = {"whole": sharper, "part": found.part.quantity, "rate": found.share.quantity}
        claim = Claim(NAME, doc.source, inputs | whole_parts)
        claim.facts = {"named_whole": found.named} | ({"whole_after": True} if found.after else {})
        claim.row = derive(claim)
        yield quote_apart(doc, claim)


@dataclass(frozen=True)
class ShareFigures:
    share: Fact
    part: Fact
    whole: Fact
    named: str  # the whole's name as the share gives it
    after: bool  # the whole found after the share, the share naming none


def share_figures(doc: Document) -> list[ShareFigures]:
    """Each share with the level it belongs to and its whole: the figure inside 占…的, the level
    named after 占 found among the facts before it, the whole of the share before it in the
    paragraph, or the nearest earlier level of the same measure that is no part itself."""
    return doc.memo("share figures", lambda: list(_share_figures(doc)))


def _share_figures(doc: Document) -> Iterator[ShareFigures]:
    table = facts(doc)
    wholes: dict[int, tuple[Fact, Fact]] = {}  # paragraph -> its last share's whole and part
    unfound: set[int] = set()  # paragraphs whose last share named a whole not found
    for share in table:
        if share.role != "share" or share.quantity.is_range:
            continue
        if share.whole_label is None and share.paragraph in unfound:
            continue  # 占整体市场的a%;乙…占比b%: of that whole too, which is not found
        part = table.get(share.attached_to)
        if part is None:
            part = _named_part(table, share)  # 城镇人口比重为58.30%: of 城镇人口, stated before
        if part is None or part.role != "level" or part.quantity.is_range:
            continue
        if COMBINED.search(doc.between(part.quantity.end, share.quantity.start)):
            continue  # 两者合计占X%: the share of several parts, not of this one
        whole, named = _whole_fact(table, share, part, wholes.get(share.paragraph))
        after = whole is None and share.whole_label is None
        if after:
            whole = _bare_whole_after(table, share, part)
        if whole is None:
            if share.whole_label is not None:
                unfound.add(share.paragraph)
            continue
        unfound.discard(share.paragraph)
        wholes[share.paragraph] = (whole, part)
        yield ShareFigures(share, part, whole, named, after)


_HOW_MANY = {"两者": 2, "二者": 2, "三者": 3, "四者": 4}
COMBINED_PARTS = 6  # the most parts a combined share adds up


def _combined(doc: Document) -> Iterator[Claim]:
    """青岛、烟台进出口值分别达A和B,合计占全省进出口总值的s%; 对东盟A…;对美国B…;对欧盟C。
    上述三者合计占…的s%: the parts' sum over the whole the share names."""
    table = facts(doc)
    for share in table:
        if share.role != "share" or share.whole_label is None or share.quantity.is_range:
            continue
        if not COMBINED.search(share.clause):
            continue
        parts = _combined_parts(table, share, _how_many(share.clause))
        if not parts:
            continue
        whole, named = _whole_fact(table, share, parts[0], None)
        if whole is None or whole in parts:
            continue
        sharper, whole_parts = sharper_whole(table, whole)
        quantities = [p.quantity for p in parts]
        yield _combined_claim(doc, sharper, share.quantity, quantities, named, whole_parts)


def _combined_claim(
    doc: Document,
    whole: Quantity,
    rate: Quantity,
    parts: list[Quantity],
    named: str,
    whole_parts: dict[str, Quantity] | None = None,
) -> Claim:
    """The parts' sum over their whole against the combined share stated."""
    inputs = {"whole": whole, "rate": rate} | (whole_parts or {})
    inputs |= {f"part{i + 1}": q for i, q in enumerate(parts)}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {"named_whole": named, "combined": len(parts)}
    claim.row = derive(claim)
    return quote_apart(doc, claim)


# 甲和乙两款机型…占s / 甲、乙、丙三家企业合计占s: members named, and how many they are
_MEMBERS = re.compile(r"(?P<names>[^,;。:]{4,40}?)(?P<count>[两二三四五])(?:款|家|个|大|类|种|项)")
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
_NAME_GLUE = re.compile(r"和|与|及|、")


@dataclass(frozen=True)
class CombinedShare:
    share: Fact
    members: tuple[ShareFigures, ...]


def combined_shares(doc: Document) -> list[CombinedShare]:
    """甲和乙两款机型在出货量中合计占s … 甲出货A,占比a;乙出货B,占比b: a share of members
    named and counted (两款, 三家), each member's own share of one whole stated elsewhere in
    the document under its name."""
    return doc.memo("combined shares", lambda: list(_combined_shares(doc)))


def _combined_shares(doc: Document):
    table = facts(doc)
    stated = share_figures(doc)
    for share in table:
        if share.role != "share" or share.quantity.is_range:
            continue
        named = _MEMBERS.match(share.clause)
        if named is None:
            continue
        names = _NAME_GLUE.split(named.group("names"))
        if len(names) != _COUNTS[named.group("count")]:
            continue
        members = [_member_named(stated, share, name) for name in names]
        if all(members) and len({m.whole.index for m in members}) == 1:
            yield CombinedShare(share, tuple(members))


def _member_named(stated: list[ShareFigures], share: Fact, name: str) -> ShareFigures | None:
    """The one share figure elsewhere whose part's name the member's name ends in (某品牌甲 …
    甲: a later name may drop what the first gave)."""
    found = [s for s in stated if s.share is not share and _same_member(name, s.part.label.subject)]
    return found[0] if len(found) == 1 else None


def _same_member(name: str, subject: str) -> bool:
    if min(len(name), len(subject)) < 2:
        return False
    return name.endswith(subject) or subject.endswith(name)


def _members_combined(doc: Document) -> Iterator[Claim]:
    """A combined share of members named: their parts over their one whole."""
    for found in combined_shares(doc):
        first, parts = found.members[0], [m.part.quantity for m in found.members]
        yield _combined_claim(doc, first.whole.quantity, found.share.quantity, parts, first.named)


_DEGREE = re.compile(r"贡献(?:度|率)")


def _shares_of_a_change(doc: Document) -> Iterator[Claim]:
    """较上年增加D,其中A贡献了a,B贡献了b,二者合计贡献率s: the items' parts of a rise over
    it."""
    table = facts(doc)
    for change, parts in change_contributions(table):
        degree = table.get(parts[-1].index + 1)
        if degree is None or degree.sentence != change.sentence:
            continue
        if degree.quantity.kind != "percent" or not _DEGREE.search(degree.label.text):
            continue
        if len(parts) > 1 and not COMBINED.search(degree.label.text):
            continue  # 贡献度 of the last item alone, or of what: unsaid
        quantities = [p.quantity for p in parts]
        yield _combined_claim(doc, change.quantity, degree.quantity, quantities, change.label.text)


def _how_many(clause: str) -> int | None:
    """上述三者 / 上述三大市场合计 / 前五家企业合计: how many parts a combined share adds up."""
    found = re.search("|".join(_HOW_MANY), clause)
    if found:
        return _HOW_MANY[found.group(0)]
    counted = _COUNTED.search(clause)
    return _COUNTS[counted.group("count")] if counted else None


# 上述三大市场合计, 这两个地区共: a count of the parts, then the word that adds them
_COUNTED = re.compile(
    r"(?P<count>[两二三四五])(?:大|个|家|类|种|项)[^,;。\d]{0,6}?(?:合计|合共|共计|总计)"
)


def _combined_parts(table: FactTable, share: Fact, count: int | None) -> list[Fact]:
    """The list of levels right before a combined share in its sentence; or, with a count
    (上述三者), that many levels of one measure and unit before it in its paragraph."""
    before = next(
        (
            f
            for f in reversed(table.facts[: share.index])
            if f.paragraph == share.paragraph and f.role == "level"
        ),
        None,
    )
    if before is None or not before.is_amount:
        return []
    if before.listed is not None and before.sentence == share.sentence:
        members = [f for f in table if f.listed == before.listed]
        return members if count in (None, len(members)) and members[-1] is before else []
    if count is None or count > COMBINED_PARTS:
        return []
    levels = [
        f
        for f in table[: share.index]
        if f.paragraph == share.paragraph and f.role == "level" and f.same_unit(before)
    ][-count:]
    same = len(levels) == count and len({f.label.head for f in levels}) == 1
    return levels if same and levels[0].label.head else []


def _from_structures(doc: Document) -> Iterator[Claim]:
    """三次产业结构为4.8:38.6:56.6: each member is the share of one part of a partition whose
    parts and total the text states before it, in the partition's order."""
    table = facts(doc)
    for members in structures(table):
        if earlier_structure(doc, members[0]):
            continue  # 由上年的8.0:40.0:52.0: last year's shares, from last year's values
        found = _partition_before(table, members)
        if found is None:
            continue
        for member, part in zip(members, found.parts, strict=True):
            inputs = {"whole": found.total.quantity, "part": part.quantity, "rate": member.quantity}
            claim = Claim(NAME, doc.source, inputs)
            claim.facts = {"named_whole": found.total.label.text, "structure": True}
            claim.row = derive(claim)
            yield quote_apart(doc, claim)


def contributions(doc: Document) -> Iterator[Claim]:
    """第一、二、三产业对增长的贡献率分别为a、b、c: each part's share of the total's growth,
    its last year's share (由上年的s₁:s₂:s₃) times its rate over the total's rate (derived)."""
    table = facts(doc)
    for members, weights, partition in contribution_lists(table):
        rates = [table.get(f.rate) for f in (partition.total, *partition.parts)]
        if any(r is None or r.quantity.kind != "percent" for r in rates):
            continue
        whole_rate = rates[0].quantity
        for member, weight, rate in zip(members, weights, rates[1:], strict=True):
            inputs = {"weight": weight.quantity, "part_rate": rate.quantity}
            inputs |= {"whole_rate": whole_rate, "rate": member.quantity}
            claim = Claim(NAME, doc.source, inputs)
            claim.facts = {"shape": "contribution", "named_whole": partition.total.label.text}
            claim.row = derive(claim)
            yield quote_apart(doc, claim)


# the owners' or a recurring profit is no margin's part: a margin over it differs by definition
_OTHER_PROFIT = re.compile(r"归母|归属|扣非|扣除|少数股东")
_OTHER_PRICE = re.compile(r"目标|合理")  # 目标价: not the price the yield is over
MARGIN_PARAGRAPHS = 3  # how many paragraphs before a margin its profit and revenue may stand


def _from_margins(doc: Document) -> Iterator[Claim]:
    """毛利为300百万元,收入1500百万元,毛利率为20.0%: a margin is its part over its whole, both
    stated in its paragraph for its period."""
    table = facts(doc)
    for ratio in table:
        found = margin_figures(table, ratio)
        if found is None:
            continue
        word, role, part, whole = found
        yield _margin_claim(doc, word, role, part.quantity, whole, ratio.quantity)
        earlier = _earlier_margin(table, ratio)
        before = [table.get(f.reference) for f in (part, whole)]
        if earlier is not None and all(f is not None for f in before):
            yield _margin_claim(doc, word, role, before[0].quantity, before[1], earlier.quantity)


def _margin_claim(
    doc: Document,
    word: str,
    role: str,
    part: Quantity,
    whole: Fact,
    ratio: Quantity,
    named: str | None = None,
) -> Claim:
    """A ratio (a margin, a yield) of its part over its whole, the whole named by its label
    unless `named` says otherwise."""
    inputs = {"whole": whole.quantity, role: part, "rate": ratio}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {"named_whole": named or whole.label.text, "margin": word}
    claim.row = derive(claim)
    return quote_apart(doc, claim)


# 毛利率为R,与上年r基本持平 / 较上年的r下降: last year's margin, right after this year's
_LAST_YEARS = re.compile(r"^\s*[,,]?\s*(?:与|较|比|对比|相比)?(?:上年|去年)(?:同期)?(?:的|为)?\s*$")


def _earlier_margin(table: FactTable, ratio: Fact) -> Fact | None:
    """毛利R(较上年a), 收入W(较上年b), 毛利率r,与上年r0: last year's margin is over the earlier
    values its figures are compared with."""
    after = table.get(ratio.index + 1)
    if after is None or after.sentence != ratio.sentence or after.quantity.kind != "percent":
        return None
    glue = table.doc.between(ratio.quantity.end, after.quantity.start)
    return after if _LAST_YEARS.match(glue) else None


# 股息率 (息率, 股息收益率): the dividend a share pays over its price. A forward yield (预期股息率)
# is over a dividend not yet declared.
_YIELD = re.compile(r"(?:股息收益率|股息率|息率)$")
_FORWARD = re.compile(r"(?:预期|预测|预计)(?:股息|息率)")
_DIVIDEND = re.compile(r"派息|股息|每股派")
_A_PART_OF_THE_YEAR = re.compile(r"末期|中期|特别|季度")  # 派末期息: one payment of the year's
_PRICE = re.compile(r"股价|收市价|收盘价|现价")
_PRICE_REACH = 16  # characters between the price's word and its figure (股价跌1.5%,至A元计)


def _from_yields(doc: Document) -> Iterator[Claim]:
    """全年每股派息d元……按收市价p元计算,股息率y厘: a yield is the year's dividend per
    share over the price it names, both stated in its paragraph before it."""
    table = facts(doc)
    for ratio in table:
        if ratio.quantity.kind != "percent" or not _YIELD.search(core_name(ratio.label.text)):
            continue
        if _FORWARD.search(table.doc.between(ratio.quantity.start - 12, ratio.quantity.start)):
            continue
        price = _price_named(table, ratio)
        dividend = _years_dividend(table, ratio)
        if price is None or dividend is None or not price.same_unit(dividend):
            continue
        yield _margin_claim(doc, "股息率", "part", dividend.quantity, price, ratio.quantity, "股价")


def _before_in_paragraph(table: FactTable, ratio: Fact) -> list[Fact]:
    """The money figures before the ratio in its paragraph, the nearest first."""
    return [
        f
        for f in reversed(table.facts[: ratio.index])
        if f.paragraph == ratio.paragraph and f.quantity.kind == "money" and not f.quantity.is_range
    ]


def _price_named(table: FactTable, ratio: Fact) -> Fact | None:
    """The nearest figure before the ratio that a word for the price names shortly before it."""
    for fact in _before_in_paragraph(table, ratio):
        before = table.doc.between(fact.quantity.start - _PRICE_REACH, fact.quantity.start)
        if _PRICE.search(before) and not _OTHER_PRICE.search(before):
            return fact
    return None


def _years_dividend(table: FactTable, ratio: Fact) -> Fact | None:
    """The year's dividend per share: the one named for the year (全年派息), else the only one
    named as a dividend and as no single payment of the year's."""
    dividends = [f for f in _before_in_paragraph(table, ratio) if _DIVIDEND.search(f.label.text)]
    whole_year = [
        f
        for f in dividends
        if "全年" in f.label.text
        or "全年" in table.doc.between(f.quantity.start - _PRICE_REACH, f.quantity.start)
    ]
    if whole_year:
        return whole_year[0]
    single = [f for f in dividends if not _A_PART_OF_THE_YEAR.search(f.label.text)]
    return single[0] if len(single) == 1 and len(dividends) == 1 else None


def margin_figures(table: FactTable, ratio: Fact) -> tuple[str, str, Fact, Fact] | None:
    """For a margin (毛利率 R): its word, and the figures it is worked from in its paragraph
    for its period: ("part", profit, revenue), or ("less", cost, revenue) where the profit is
    not stated (营业收入A,营业成本B,毛利率为R: the part is A − B)."""
    if ratio.quantity.kind != "percent" or ratio.role not in ("ratio", "share", "level"):
        return None
    margins = vocabulary().margins
    word = next((w for w in margins if core_name(ratio.label.text).endswith(w)), None)
    if word is None or ratio.quantity.is_range:
        return None
    part_word, whole_word, less_word = margins[word]
    whole = _margin_input(table, ratio, lambda f, w=whole_word: f.label.head == w)
    own = _level_before_in_sentence(table, ratio)
    if own is not None and own.label.head == whole_word:
        whole = own  # 甲类收入A,同比增长r,毛利率R: the margin of the item it is stated with
    if whole is None:
        return None
    part = _part_of_the_whole(table, ratio, lambda f, w=part_word: _names_profit(f, w))
    role = "part"
    if part is None and less_word:
        part = _margin_input(table, ratio, lambda f, w=less_word: _names_cost(f, w))
        role = "less"
    if part is None or whole is None or part is whole:
        return None
    if _of_another_item(table, part, whole):
        return None  # 甲类收入A …,毛利率R against the company's 营业成本: no cost of 甲类
    return word, role, part, whole


def _of_another_item(table: FactTable, part: Fact, whole: Fact) -> bool:
    """A revenue named by its item (甲类收入) and a cost in another full sentence that does not
    name it: the cost is the company's, or another item's. In one sentence (甲类营业收入A;营业
    成本B;毛利率R) the sentence is of the item throughout."""
    item = core_name(whole.label.subject)
    if not item or item in part.label.text:
        return False
    first, last = sorted((part.quantity.start, whole.quantity.start))
    return bool(re.search(r"[。\n]", table.doc.between(first, last)))


def _level_before_in_sentence(table: FactTable, ratio: Fact) -> Fact | None:
    """The last amount level before the ratio in its sentence."""
    for fact in reversed(table.facts[: ratio.index]):
        if fact.sentence != ratio.sentence:
            return None
        if fact.role == "level" and fact.is_amount:
            return fact
    return None


def _names_cost(fact: Fact, word: str) -> bool:
    """营业成本, 销售成本: the cost the margin's whole less gives its part."""
    name = core_name(fact.label.text)
    return name.endswith(word) and not _OTHER_COST.search(name)


_OTHER_COST = re.compile(r"单位|平均|费用")  # 单位成本, 平均成本: no total cost


def _names_profit(fact: Fact, word: str) -> bool:
    """净利润 by its name; 利润总额 by its name with its total word (core names drop 总额)."""
    named = core_name(fact.label.text).endswith(word) or fact.label.text.endswith(word)
    return named and not _OTHER_PROFIT.search(fact.label.text)


def _margin_input(table: FactTable, ratio: Fact, named) -> Fact | None:
    """The nearest level of the ratio's paragraph (or the one before) and of its period that
    `named` accepts."""
    return next(iter(_margin_inputs(table, ratio, named)), None)


def _margin_inputs(table: FactTable, ratio: Fact, named) -> list[Fact]:
    """Every such level, the nearest first."""
    reach = [ratio.paragraph]
    for _ in range(MARGIN_PARAGRAPHS):
        reach.append(table.doc.paragraph_before(reach[-1]))
    near = sorted(
        (f for f in table if f.paragraph in reach and f.role == "level" and f.is_amount),
        key=lambda f: abs(f.index - ratio.index),
    )
    return [
        f
        for f in near
        if named(f)
        and not f.quantity.is_range
        and not (f.period and ratio.period and f.period != ratio.period)
    ]


def _part_of_the_whole(table: FactTable, ratio: Fact, named) -> Fact | None:
    """The nearest such part; where it is an item of a 其中 list whose whole is such a part too
    (利润总额T,其中私营企业利润总额a), the whole: a margin is of the total, not of an item."""
    found = _margin_inputs(table, ratio, named)
    if not found:
        return None
    for whole, items in where_lists(table):
        if found[0] in items and whole in found:
            return whole
    return found[0]


def _partition_before(table: FactTable, members: list[Fact]) -> Partition | None:
    """The nearest stated partition of as many parts, with its total, before the structure and
    at most a paragraph before it, of the same year."""
    first = members[0]
    near = (first.paragraph, table.doc.paragraph_before(first.paragraph))
    found = [
        p
        for p in partitions_of(table)
        if p.total is not None
        and len(p.parts) == len(members)
        and max(f.index for f in p.parts) < first.index
        and p.parts[0].paragraph in near
        and _years(p.parts[0].period) in ("", _years(first.period))
    ]
    return max(found, key=lambda p: p.parts[0].index, default=None)


_SHARE_WORD = re.compile(r"(?:所占)?(?:比重|占比|比例)$")


def _named_part(table: FactTable, share: Fact) -> Fact | None:
    """A share named after its part (城镇人口比重): the nearest earlier level of that name in the
    paragraph. Or a part named before 占 with no figure of its own (甲产品外贸仅占全行业外贸
    总额的s%): the nearest earlier level in the paragraph of its measure and subject."""
    name = core_name(_SHARE_WORD.sub("", share.label.text))
    if _OCCUPIES.search(share.label.text):
        return _part_named_before(table, share)
    if len(name) < 2 or name == core_name(share.label.text):
        return None
    return _level_named(table, share, name)


def _level_named(table: FactTable, share: Fact, name: str) -> Fact | None:
    """The nearest earlier amount level of the share's paragraph so named."""
    for fact in reversed(table.facts[: share.index]):
        if fact.paragraph != share.paragraph:
            return None
        if fact.role == "level" and fact.is_amount and core_name(fact.label.text) == name:
            return fact
    return None


_OCCUPIES = re.compile("(?<!应)占(?!比)")  # 甲占乙的s%, not 占比
_ADVERBS = re.compile(r"(?:虽然|虽|仅仅|仅|只|也|则|均|已|就|约)+$")


def _part_named_before(table: FactTable, share: Fact) -> Fact | None:
    """The part a share names before 占, by measure and subject: a part named by its measure
    alone (出口占…) may be any item's, so it names none."""
    before = share.label.text[: _OCCUPIES.search(share.label.text).start()]
    named = read_label(_ADVERBS.sub("", before))
    subject = core_name(named.subject)
    if not named.head and han_characters(core_name(named.text)) >= 4:
        return _level_named(table, share, core_name(named.text))  # 第一产业增加值占…: by name
    if not named.head or len(subject) < 2:
        return None
    for fact in reversed(table.facts[: share.index]):
        if fact.paragraph != share.paragraph:
            return None
        if fact.role != "level" or not fact.is_amount or fact.label.head != named.head:
            continue
        own = core_name(fact.label.subject)
        if own and (own.startswith(subject) or subject.startswith(own)):
            return fact
    return None


def _whole_fact(
    table: FactTable, share: Fact, part: Fact, previous: tuple[Fact, Fact] | None
) -> tuple[Fact | None, str]:
    inside = _whole_inside(table, share, part)
    if inside is not None:
        return inside, inside.label.text
    earlier = [
        f for f in reversed(table.facts[: part.index]) if _may_be_whole(table, f, part, share)
    ]
    if share.whole_label is not None and not GENERIC_WHOLE.fullmatch(share.whole_label.text):
        name = share.whole_label
        if not core_name(name.text):
            return None, ""
        # the figure of the very name the share gives is the whole even printed a little
        # below its part: the share is then wrong, not of some other figure
        exact = [
            f
            for f in reversed(table.facts[: part.index])
            if core_name(f.label.text) == core_name(name.text)
            and _may_be_whole(table, f, part, share, named=True)
        ]
        loose = [
            f
            for f in earlier
            if names_whole(f.label, name) and not _an_item_of_another(table, f, part)
        ]  # 从产品看,甲出口A,占s1 …;从市场看,对乙出口B,占出口总额的s2: A is no 出口总额
        # 占2025年归母净利润的s%: of that year's figure, before a nearer one of no period (a
        # quarter's, whose quarter its clause did not repeat), and of no other
        year = _A_YEAR.match(name.period_words)
        dated = [f for f in [*exact, *loose] if year and f.period == year.group("year")]
        found = (dated or exact or loose or _named_after(table, share, part, name) or [None])[0]
        if found is not None and year and not dated:
            return None, ""
        if found is None:
            found = _change_named(table, part, name)
        if found is not None or not OVERALL.match(name.text):
            return found, share.whole_label.text
        # 占整体市场的s%, its name found nowhere: the overall is sought as an unnamed whole is
    if previous is not None and _same_measure(previous[1], part) and _unit_fits(previous[0], part):
        return previous[0], ""  # 占比Y%: of the whole the share before it in the paragraph was of
    announced = next((w for w, items in announced_breakdowns(table) if part in items), None)
    if announced is not None:
        return announced, ""  # 就主要市场观察,对甲出口A,占s%: of the whole the breakdown splits
    split = next((p.total for p in partitions_of(table) if part in p.parts and p.total), None)
    if split is not None and share.whole_label is None:
        return split, ""  # 生产总值T …第二产业增加值B …第二产业增加值比重为s%: of what B splits
    near = _paragraphs_in_reach(table.doc, part.paragraph)
    for fact in earlier:
        if fact.paragraph not in near:
            break  # an unnamed whole is stated close by
        where = _where_between(table, fact, part)
        same_list = fact.sentence == part.sentence and not where
        if same_list and not _bare_measure_of(fact, part):
            continue  # an item of the same list is no whole
        if not where and siblings(fact.label.text, part.label.text):
            continue  # 化药注册申请 is no whole of 新药注册申请; 访港旅客T,其中内地旅客P is
        if not where and _an_item_of_another(table, fact, part):
            continue  # 分主体看,民营企业A …;对某市场B,占s%: an item of a breakdown is a part
        if not where and table.shares_of(fact):
            continue  # 甲出口A,占出口总额的a% …;对某市场B,占s%: a figure with a share is a part
        if _same_measure(fact, part) or _noun_after(table, fact, part):
            return fact, ""
        if where and fact.sentence >= part.sentence - 1 and _where_follows(table, fact, part):
            return fact, ""  # 卫生总费用T,其中政府卫生支出a,占s%: the 其中's whole, however named
    return None, ""


# (1)…, (2)…, 1. …, 一、…, ①…: a paragraph that is one item of an enumerated list
_ENUMERATED = re.compile(
    r"\s*(?:(?P<bracketed>[(（]\s*[0-9一二三四五六七八九十]{1,2}\s*[)）])"
    r"|(?P<dotted>[0-9]{1,2}[.．、](?!\d))|(?P<chinese>[一二三四五六七八九十]{1,2}、)"
    r"|(?P<circled>[①-⑳]))"
)
_ANNOUNCES = (":", "：")


def _enumeration(doc: Document, paragraph: int) -> str:
    """The kind of mark a paragraph opens with ("" for none): items of one list share it."""
    found = _ENUMERATED.match(doc.view, paragraph)
    return found.lastgroup or "" if found else ""


def _paragraphs_in_reach(doc: Document, paragraph: int) -> set[int]:
    """Where an unnamed whole may stand: the part's paragraph and the one before; for an item
    of an enumerated list ((1)甲产品:…, (2)…) announced by a paragraph ending in a colon (主要
    产品情况如下:), also the announcement and the paragraph before it, which states the whole."""
    near = {paragraph, doc.paragraph_before(paragraph)}
    mark, current = _enumeration(doc, paragraph), paragraph
    while mark:
        before = doc.paragraph_before(current)
        if before == current:
            break
        if doc.between(before, current).rstrip().endswith(_ANNOUNCES):
            return near | {before, doc.paragraph_before(before)}
        if _enumeration(doc, before) != mark:
            break  # the list began with no announcement: a heading (二、主要产品) is none
        current = before
    return {paragraph, doc.paragraph_before(paragraph)}


_MOVEMENT = re.compile(rf"(?:{UP}|{DOWN})$")


def _change_named(table: FactTable, part: Fact, name: Label) -> Fact | None:
    """出生人数A,与整体人口增长的比率为147%: a whole named as a change is the stated change of
    that name (香港的整体人口增加B), the nearest before the part in its paragraph."""
    wanted = _MOVEMENT.sub("", core_name(name.text))
    if len(wanted) < 2:
        return None
    for fact in reversed(table.facts[: part.index]):
        if fact.paragraph != part.paragraph:
            return None
        if fact.role == "change" and fact.same_unit(part) and fact.direction > 0:
            changed = _MOVEMENT.sub("", core_name(fact.label.text))
            if len(changed) >= 2 and (changed.endswith(wanted) or wanted.endswith(changed)):
                return fact
    return None


def _bare_whole_after(table: FactTable, share: Fact, part: Fact) -> Fact | None:
    """80岁及以上人口A,占s% …… (next paragraph) 人口为B: an unnamed whole stated after the share
    is the first later level, in its paragraph or the next, that names the bare measure the
    part's name ends in (人口, 总人口, 全国的人口), and is larger than the part. Its scope is a
    guess, so a disagreement is only a warning."""
    own = core_name(part.label.text)
    reach = {share.paragraph}
    for fact in table.facts[share.index + 1 :]:
        if fact.paragraph not in reach:
            if len(reach) > 1:
                return None
            reach.add(fact.paragraph)
        if fact.role != "level" or fact.quantity.is_range or not fact.same_unit(part):
            continue
        bare = without_total(core_name(fact.label.text)).rsplit("的", 1)[-1]
        if len(bare) < 2 or len(own) <= len(bare) or not own.endswith(bare):
            continue
        if fact.quantity.strict.lo <= part.quantity.strict.hi:
            continue
        if not _may_be_whole(table, fact, part, share):
            continue
        return fact
    return None


def _named_after(table: FactTable, share: Fact, part: Fact, name: Label) -> list[Fact]:
    """占户籍总人口30.5% …… 户籍人口1,480.00万人: a whole named by the share may be stated after
    it, in its paragraph or the next; only a figure of that name (or ending in a specific one),
    larger than the part."""
    reach = {share.paragraph}
    later = []
    for fact in table.facts[share.index + 1 :]:
        if fact.paragraph not in reach:
            if len(reach) > 1:
                break
            reach.add(fact.paragraph)
        if fact.role != "level" or not fact.label.text or fact.quantity.is_range:
            continue
        if fact.quantity.value <= part.quantity.value:
            continue
        if not _may_be_whole(table, fact, part, share):
            continue
        own, named = core_name(fact.label.text), core_name(name.text)
        specific = own == named or len(named) >= 4 and own.endswith(named)
        # 占全省出口总值的s% … 全省出口总值T: the measure itself, of no item, by its canonical name
        specific = specific or _the_measure_alone(fact.label, name)
        if names_whole(fact.label, name) and specific:
            later.append(fact)  # 人口 alone is too wide a name: 60岁及以上人口 ends in it too
    return later[:1]


def _the_measure_alone(label: Label, name: Label) -> bool:
    """Both name one measure of the vocabulary and no item of it (全省外贸进出口总值, 外贸总值:
    外贸 is itself a name of 进出口)."""
    heads = vocabulary().heads

    def no_item(of: Label) -> bool:
        subject = core_name(of.subject)
        return not subject or heads.get(subject) == of.head

    return bool(name.head) and label.head == name.head and no_item(label) and no_item(name)


def _whole_inside(table: FactTable, share: Fact, part: Fact) -> Fact | None:
    """ "占1,200亿总收入的80.5%": the whole printed between 占 and the share."""
    fact = table.get(share.index - 1)
    if fact is None or fact.role != "whole" or fact.index <= part.index:
        return None
    if not _unit_fits(fact, part):
        return None
    glue = table.doc.between(fact.quantity.end, share.quantity.start)
    return fact if re.fullmatch(r"[^,,;。]{0,10}?的(?:比重|比例)?(?:为|达)?\s*", glue) else None


def _unit_fits(whole: Fact, part: Fact) -> bool:
    return unit_fits(whole.quantity, part.quantity)


_A_YEAR = re.compile(r"^(?P<year>(?:19|20)\d{2}) ?年度?$")


def _may_be_whole(
    table: FactTable, fact: Fact, part: Fact, share: Fact, named: bool = False
) -> bool:
    if fact.role != "level" or fact.quantity.is_range or not fact.same_unit(part):
        return False
    if fact.bracketed and not part.bracketed:
        return False  # (中药两件、化药169件): a bracketed item is no whole
    smallest = TOO_SMALL * part.quantity.strict.lo if named else part.quantity.strict.lo
    if share.quantity.strict.hi <= 100 and fact.quantity.strict.hi < smallest:
        return False
    if _years(fact.period) and _years(part.period) and _years(fact.period) != _years(part.period):
        return False
    stretch, own = months(fact.period), months(part.period)
    if stretch is not None and own is not None and stretch != own:
        return False  # 10月电子零组件出口a,占出口比重s%: of October's exports, not 1至10月's
    # a level with a share of the same whole is a sibling part, not the whole
    return not any(_same_whole_named(f, share) for f in table.shares_of(fact, reach=7))


def _same_whole_named(a: Fact, b: Fact) -> bool:
    """Both shares leave their whole unnamed, or name it alike, scope words included: 占全国…
    and 占全省… are shares of two wholes; 占公司营业收入 and 占营业收入 of one."""
    if a.whole_label is None or b.whole_label is None:
        return a.whole_label is None and b.whole_label is None
    x, y = without_total(a.whole_label.text), without_total(b.whole_label.text)
    return x == y or (min(len(x), len(y)) >= 2 and (x.endswith(y) or y.endswith(x)))


def _same_measure(whole: Fact, part: Fact) -> bool:
    if whole.label.head or part.label.head:
        return whole.label.head == part.label.head
    a, b = core_name(whole.label.text), core_name(part.label.text)
    return len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:]


def _noun_after(table: FactTable, whole: Fact, part: Fact) -> bool:
    """共将193件注册申请纳入…: a count whose noun follows it, the noun the part's name ends in."""
    noun = core_name(part.label.text)[-4:]
    if whole.quantity.kind != "count" or len(noun) < 3:
        return False
    after = table.doc.between(whole.quantity.end, whole.quantity.end + len(noun) + 2)
    return after.lstrip().startswith(noun)


def _bare_measure_of(whole: Fact, part: Fact) -> bool:
    """全省出口额A,机电产品出口B,占比s%: a figure named by its measure alone (scope words
    aside) is the whole of one named by that measure with a qualifier; two qualified figures
    (对甲国出口, 对乙国出口) are items of one list."""
    head = whole.label.head
    own = core_name(part.label.text)
    return bool(head) and core_name(whole.label.text) == head and own != head and own.endswith(head)


def _where_between(table: FactTable, whole: Fact, part: Fact) -> bool:
    return "其中" in table.doc.between(whole.quantity.end, part.quantity.start)


def _an_item_of_another(table: FactTable, fact: Fact, part: Fact) -> bool:
    """Whether `fact` is an item of an announced breakdown (分主体看,民营企业A) and `part`, named
    by another subject, of none of its items: two items of the document's whole."""
    return item_of_another_breakdown(table, fact, [part]) and not compatible(
        core_name(fact.label.subject), core_name(part.label.subject)
    )


def _where_follows(table: FactTable, whole: Fact, part: Fact) -> bool:
    """其中 comes next after the whole, no amount between (its rate may be): T(a、b、c)。其中…
    may be of c."""
    doc = table.doc
    start = whole.quantity.end
    where = doc.view.find("其中", start, part.quantity.start)
    return where >= 0 and not any(q.kind in AMOUNT_KINDS for q in doc.quantities_in(start, where))


def _years(period: str) -> str:
    return period.split(":")[0]


def _rate(doc: Document, start: int, end: int) -> Quantity | None:
    """The percentage right after 占…; its hedge word (达, 约) may sit inside the match."""
    found = [q for q in doc.quantities_in(start, end + 8) if q.end > end]
    if found and found[0].kind == "percent" and not found[0].is_range:
        return found[0]
    return None


def _part(doc: Document, pos: int) -> Quantity | None:
    """The amount just before 占, in the same sentence and at most one clause back."""
    sentence_start = doc.sentences[doc.sentence_at(pos)][0]
    before = doc.quantities_in(sentence_start, pos)
    if not before or before[-1].kind not in AMOUNT_KINDS or before[-1].is_range:
        return None
    part = before[-1]
    if len(re.findall(r"[,,;]", doc.between(part.end, pos))) > 1 or doc.is_change(part):
        return None
    return part


def _whole(doc: Document, part: Quantity, named: str) -> Quantity | None:
    """A same-unit amount before the part, in this sentence or the one before."""
    index = doc.sentence_at(part.start)
    floor = doc.sentences[max(index - 1, 0)][0]
    for candidate in reversed(doc.quantities_in(floor, part.start)):
        if not same_unit(candidate, part) or candidate.is_range or doc.is_change(candidate):
            continue
        label = doc.label(candidate)
        if named and _names_match(named, label) and not doc.is_share_of_something(candidate):
            # "海外营业收入88.2亿元,占公司营业收入的41.7%" is a part of 营业收入, not it
            return candidate
        if not named and (has_total_marker(label) or _followed_by_where(doc, candidate)):
            return candidate
    return None


def _followed_by_where(doc: Document, quantity: Quantity) -> bool:
    """ "规模为1.2万亿元,其中…": the amount right before 其中 is the whole of what follows."""
    return bool(re.match(r"[,\s]*其中", doc.between(quantity.end, quantity.end + 4)))


def _names_match(named: str, label: str) -> bool:
    core = named.removeprefix("总").removeprefix("全部")
    return bool(core) and core in label and (named == core or has_total_marker(label))


def implied_share(part: Interval, whole: Interval) -> Interval:
    return (part / whole).scale(100)


def _contribution(claim: Claim, lenient: bool) -> Interval:
    weight, part_rate, whole_rate = (
        claim.inputs[k].lenient if lenient else claim.inputs[k].strict
        for k in ("weight", "part_rate", "whole_rate")
    )
    return weight * part_rate / whole_rate


def derive(claim: Claim) -> dict[str, float | None]:
    if claim.facts.get("shape") == "contribution":
        rate = claim.inputs["rate"]
        if claim.inputs["whole_rate"].strict.lo <= 0:
            return _uncomputable(rate)
        row = relation_row(
            rate.strict, _contribution(claim, False), rate.lenient, _contribution(claim, True)
        )
        return row | {"hedged_gap": 0.0}
    if "less" in claim.inputs:
        return _less_row(claim)
    if claim.facts.get("combined"):
        return _combined_row(claim)
    part, whole, rate = (claim.inputs[k] for k in ("part", "whole", "rate"))
    if whole.strict.lo <= 0 or part.strict.lo < 0:
        return _uncomputable(rate)
    row = loose_row(
        rate.strict,
        rate.lenient,
        [part, whole],
        lambda read: implied_share(read(part), read(whole)),
    )
    hedged = any(q.qualifier != "exact" for q in (part, whole, rate))
    # a hedged figure that fits no reading is a warning: a hedge's reach is a convention; and so
    # is a share of a whole the text never names, found after it
    hedged = hedged or bool(claim.facts.get("whole_after"))
    row["hedged_gap"] = row["lenient_gap"] if hedged else 0.0
    row["lenient_gap"] = 0.0 if hedged else row["lenient_gap"]
    return row


def _uncomputable(rate: Quantity) -> dict[str, float | None]:
    """A row with the stated share only: the whole (or the total's rate) is not positive, so the
    suite leaves the claim unverifiable."""
    return {"stated_lo": rate.strict.lo, "stated_hi": rate.strict.hi, "hedged_gap": 0.0}


def _combined_parts_of(claim: Claim) -> list[Quantity]:
    return [claim.inputs[f"part{i + 1}"] for i in range(claim.facts["combined"])]


def _combined_row(claim: Claim) -> dict[str, float | None]:
    parts, whole, rate = _combined_parts_of(claim), claim.inputs["whole"], claim.inputs["rate"]
    strict, lenient = total_of(parts), total_of(parts, loosely)
    if whole.strict.lo <= 0 or strict.lo < 0:
        return _uncomputable(rate)
    row = relation_row(
        rate.strict,
        implied_share(strict, whole.strict),
        rate.lenient,
        implied_share(lenient, whole.lenient),
    )
    return row | {"hedged_gap": 0.0}


def _less_row(claim: Claim) -> dict[str, float | None]:
    """(whole − cost) / whole = 100% − cost / whole: the whole stands once, so its interval
    is not counted twice."""
    less, whole, rate = (claim.inputs[k] for k in ("less", "whole", "rate"))
    if whole.strict.lo <= 0 or less.strict.lo < 0:
        return _uncomputable(rate)
    hundred = Interval.point(100.0)
    implied = hundred - implied_share(less.strict, whole.strict)
    lenient = hundred - implied_share(less.lenient, whole.lenient)
    return relation_row(rate.strict, implied, rate.lenient, lenient) | {"hedged_gap": 0.0}


def explain(claim: Claim) -> str:
    text = claim.source.text
    whole = claim.inputs.get("whole")
    if claim.facts.get("combined"):
        parts = _combined_parts_of(claim)
        formula = f"({' + '.join(q.shown(text) for q in parts)}) / {whole.shown(text)}"
        return _share_text(claim, formula, lambda: sum(q.value for q in parts) / whole.value)
    if "less" in claim.inputs:
        less = claim.inputs["less"]
        formula = f"({whole.shown(text)} − {less.shown(text)}) / {whole.shown(text)}"
        return _share_text(claim, formula, lambda: (whole.value - less.value) / whole.value)
    if claim.facts.get("shape") == "contribution":
        weight, part_rate, whole_rate, rate = (
            claim.inputs[k] for k in ("weight", "part_rate", "whole_rate", "rate")
        )
        if claim.row.get("implied_lo") is None:
            return "the total's rate must be positive to compute a contribution"
        implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
        point = weight.value * part_rate.value / whole_rate.value
        return (
            f"contribution to growth: last year's share {weight.shown(text)} × its rate "
            f"{part_rate.shown(text)} / the total's rate {whole_rate.shown(text)} = {fmt(point)}% "
            f"[from the printed figures {implied.format(2, '%')}]; stated {rate.shown(text)}"
        )
    part = claim.inputs["part"]
    formula = f"{part.shown(text)} / {whole.shown(text)}"
    return _share_text(claim, formula, lambda: part.value / whole.value)


def _share_text(claim: Claim, formula: str, fraction: Callable[[], float]) -> str:
    """The formula, its value from the printed figures and the stated share; `fraction` is only
    computed where the whole is positive."""
    if claim.row.get("implied_lo") is None:
        return "the whole must be positive to compute a share"
    rate, text = claim.inputs["rate"], claim.source.text
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    return (
        f"{formula} = {fmt(fraction() * 100)}% "
        f"[from the printed figures {implied.format(2, '%')}]; "
        f"stated {rate.shown(text)} means {rate.strict.format(3, '%')}"
    )
