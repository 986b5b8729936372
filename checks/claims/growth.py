"""growth: a stated relative change (增长20%) or multiple (增长3倍, 增至3倍) between two values.

(B / A − 1) × 100 against the stated rate. "增长3倍" strictly means B = 4A; many writers mean
B = 3A, so that reading is lenient (a warning, never silence and never an error). Rates at
constant prices are skipped: nominal values cannot confirm them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from checks.claims.balance import BASE_REVISION, trade_fact
from checks.claims.base import (
    RELATION_COLUMNS,
    Claim,
    amount_text,
    as_printed,
    at_printed_value,
    before_the_rate,
    fmt,
    loose_row,
    loosely,
    quote_apart,
    relation_row,
    signed_rate,
)
from checks.claims.comparison import CONSTANT_PRICE, Comparison, comparisons
from checks.document import Document
from checks.facts import Fact, FactTable, facts, vocabulary
from checks.facts.labels import core_name, read_label, restates
from checks.facts.partitions import (
    QUARTERS,
    complete_breakdowns,
    compositions,
    nearly_complete_breakdowns,
    partition_before,
    partitions_of,
    sharper_whole,
)
from checks.facts.periods import same_year, year_of
from checks.facts.table import earlier_structure, lists, structures
from checks.quantities import INF, Interval, Quantity
from checks.quantities.tokens import DOUBLING

NAME = "growth"
_ROW_LABEL = re.compile(r"[\u4e00-\u9fffA-Za-z()()/、\s]{2,30}")
_YEAR_SPAN = re.compile(r"(?<!\d)(?:20)?(\d{2}) ?(?:-|~|—|–|至|到) ?(?:20)?(\d{2}) ?年")


class Growth:
    name = NAME
    columns = (*RELATION_COLUMNS, "scope_gap")

    def find(self, doc: Document) -> Iterator[Claim]:
        for found in comparisons(doc):
            if not _is_growth(found):
                continue
            claim = Claim(
                NAME,
                doc.source,
                {"before": found.before, "after": found.after, "change": found.change},
            )
            claim.facts = {
                "falling": found.falling,
                "verb": found.verb,
                "to_multiple": found.to_multiple,
                "percent_values": found.before.kind == "percent",
                "revised_base": _year_on_year_from_a_month(doc, found),
            }
            claim.row = derive(claim)
            yield claim
        yield from _from_facts(doc)
        yield from _doubled_since(doc)
        yield from _series(doc)
        yield from _table_rows(doc)
        yield from _from_parts(doc)
        yield from _balance_from_parts(doc)
        yield from _weighted_by_last_years_shares(doc)
        yield from _pulls(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


_MONTH_BEFORE = re.compile(r"(?:\d{1,2} ?月份?|季度|半年)的?\s*$")
_YEAR_ON_YEAR = re.compile(r"同比|比上年|较上年|比去年|较去年|按年")


def _year_on_year_from_a_month(doc: Document, found: Comparison) -> bool:
    """从5月的A增至B,同比增长r%: the rate is on the year before, the values a month apart; a
    disagreement may be the two bases' (a warning)."""
    before = doc.between(max(0, found.before.start - 6), found.before.start)
    between = doc.between(found.after.end, found.change.start)
    return bool(_MONTH_BEFORE.search(before) and _YEAR_ON_YEAR.search(between))


def _from_facts(doc: Document) -> Iterator[Claim]:
    """A level with its rate and its stated change or earlier value, from the fact table:
    "1,286家,较2022年的1,174家增加112家,增长9.5%", "52.3万人,比上年增加2.1万人,增长4.2%"."""
    table = facts(doc)
    for level in table:
        rate = table.get(level.rate)
        if rate is None and level.reference is not None:
            multiple = _multiple_of(table, level)
            if multiple is not None:  # 500亿元,比上年增长1.5倍,上年为200亿元
                before = {"before": table[level.reference].quantity}
                to_multiple = bool(_TO_MULTIPLE.search(multiple.clause))
                yield _claim(doc, level, multiple, before, to_multiple=to_multiple)
            continue
        if rate is None or rate.quantity.kind != "percent" or _constant_price(doc, rate):
            continue
        reference, change = table.get(level.reference), table.get(level.change)
        if reference is not None:
            yield _claim(doc, level, rate, {"before": reference.quantity})
        elif change is not None and change.direction:
            yield _claim(doc, level, rate, {"change_amount": change.quantity}, change.direction)
        elif (earlier := last_years_level(table, level, rate)) is not None:
            yield quote_apart(doc, _claim(doc, level, rate, {"before": earlier.quantity}))


_TO_MULTIPLE = re.compile(r"(?:到|至|为|是)\s*$")  # 增至3倍: B is 3A, not 4A


def _doubled_since(doc: Document) -> Iterator[Claim]:
    """2019年产值A,2023年达到B,实现翻番: a doubling after two levels of its sentence, of one
    unit and two years, the later the nearer, is the later over the earlier."""
    table = facts(doc)
    for doubling in table:
        if doubling.quantity.qualifier != DOUBLING:
            continue
        level, earlier = table.get(doubling.index - 1), table.get(doubling.index - 2)
        if level is None or earlier is None or level.reference is not None:
            continue  # 由A增至B,翻了一番: the level and its reference (see _from_facts)
        if not doubling.sentence == level.sentence == earlier.sentence:
            continue
        if not all(f.role == "level" and f.is_amount for f in (level, earlier)):
            continue
        years = [year_of(f.period) for f in (earlier, level)]
        if not all(y.isdigit() for y in years) or years[0] >= years[1]:
            continue
        if not level.same_unit(earlier):
            continue
        yield _claim(doc, level, doubling, {"before": earlier.quantity}, to_multiple=True)


def _multiple_of(table, level: Fact) -> Fact | None:
    """The rise in multiples right after a level in its sentence (增长1.5倍), if any."""
    following = table.get(level.index + 1)
    if following is None or following.sentence != level.sentence:
        return None
    if following.role != "multiple" or following.direction <= 0 or following.quantity.is_range:
        return None
    return following


def _series(doc: Document) -> Iterator[Claim]:
    """A list of values and a list of their rates, one for one: "营业收入分别为A、B、C,增长率
    分别为a、b、c" (b = B/A − 1, c = C/B − 1); the first rate's base is not in the list. The
    rates belong to the nearest list of values before them, outside brackets."""
    table = facts(doc)
    found = lists(table)
    for rates in found:
        if not all(f.role == "rate" for f in rates) or _constant_price(doc, rates[0]):
            continue
        values = next(
            (
                v
                for v in reversed(found)
                if v[-1].index < rates[0].index
                and v[0].sentence == rates[0].sentence
                and v[0].is_amount
                and len(v) == len(rates)
                and not v[0].bracketed
            ),
            None,
        )
        if values is None or not _years_of(doc, values):
            continue
        for before, after, rate in zip(values, values[1:], rates[1:], strict=False):
            yield quote_apart(doc, _claim(doc, after, rate, {"before": before.quantity}))


def _table_rows(doc: Document) -> Iterator[Claim]:
    """A table row: a label, this period's value, the earlier one and the change between them
    ("应付账款 52,310,000.00 48,900,000.00 6.97%"). Reports print the current period first;
    a header naming its years in rising order (2022年 2023年) puts it second."""
    table = facts(doc)
    rows: dict[int, list[Fact]] = {}
    for fact in table:
        rows.setdefault(fact.paragraph, []).append(fact)
    for start, row in rows.items():
        if len(row) != 3 or row[2].quantity.kind != "percent" or row[2].quantity.is_range:
            continue
        first, second, change = row
        if not first.same_unit(second) or any(f.quantity.is_range for f in (first, second)):
            continue
        gaps = (
            doc.between(first.quantity.end, second.quantity.start),
            doc.between(second.quantity.end, change.quantity.start),
        )
        label = doc.between(start, first.quantity.start)
        if any(gap.strip() for gap in gaps) or not _ROW_LABEL.fullmatch(label.strip()):
            continue
        current, earlier = (second, first) if _rising_header(doc, start) else (first, second)
        claim = _claim(doc, current, change, {"before": earlier.quantity})
        claim.facts["percent_values"] = current.quantity.kind == "percent"
        claim.row = derive(claim)
        yield claim


def _rising_header(doc: Document, start: int) -> bool:
    """Whether the nearest header line above names two years in rising order."""
    header = doc.view.rfind("\n", 0, max(start - 1, 0))
    for _ in range(12):  # the rows of one table
        line_start = doc.view.rfind("\n", 0, max(header, 0)) + 1
        years = [int(y) for y in re.findall(r"((?:19|20)\d{2}) ?年", doc.view[line_start:header])]
        if len(years) >= 2:
            return years[0] < years[1]
        if line_start <= 0:
            return False
        header = line_start - 1
    return False


def _years_of(doc: Document, values: list[Fact]) -> bool:
    """Whether the sentence names as many consecutive years as the list has values (2025-2027年,
    24-26年): then the values are one measure year after year, not one value per item."""
    start = doc.sentences[values[0].sentence][0]
    text = doc.between(start, values[0].quantity.start)
    spans = [int(b) - int(a) + 1 for a, b in _YEAR_SPAN.findall(text)]
    return bool(spans) and spans[-1] == len(values)


def last_years_level(table: FactTable, level: Fact, rate: Fact) -> Fact | None:
    """The same measure stated for the year before, in this paragraph or the one before, or
    after it in its paragraph: "2020年销售20.0万辆 … 2021年销售25.0万辆,同比增长25.0%"."""
    year, _, part = level.period.partition(":")
    if not year.isdigit() or rate.monthly:
        return None
    wanted = f"{int(year) - 1}:{part}" if part else str(int(year) - 1)
    name = core_name(level.label.text)
    floor = table.doc.paragraph_before(level.paragraph)

    def of_last_year(fact: Fact) -> bool:
        return (
            fact.role in ("level", "prior")
            and fact.period == wanted
            and fact.same_unit(level)
            and not fact.quantity.is_range
            and restates(name, core_name(fact.label.text))
        )

    for fact in reversed(table.facts[: level.index]):
        if fact.quantity.start < floor:
            break
        if of_last_year(fact):
            return fact
    # 2024年营收A(+r%)。2023年营收B: the year before, stated after in the paragraph; for a
    # forecast, in the few paragraphs after (预计2025年A,同比r% … 2024年为B)
    reach = LAST_YEAR_AFTER if level.forecast else 0
    paragraphs = {level.paragraph}
    for fact in table.facts[level.index + 1 :]:
        paragraphs.add(fact.paragraph)
        if len(paragraphs) > reach + 1:
            return None
        if of_last_year(fact):
            return fact
    return None


LAST_YEAR_AFTER = 3  # paragraphs after a forecast where the year before it may be stated


def _constant_price(doc: Document, rate: Fact) -> bool:
    start = doc.sentences[rate.sentence][0]
    return bool(CONSTANT_PRICE.search(doc.between(start, rate.quantity.end + 12)))


def _claim(
    doc: Document,
    level: Fact,
    rate: Fact,
    inputs: dict,
    change_sign: int = 0,
    parts: list[int] | None = None,
    revised_base: bool = False,
    to_multiple: bool = False,
    rest: bool = False,
) -> Claim:
    claim = Claim(NAME, doc.source, {**inputs, "after": level.quantity, "change": rate.quantity})
    claim.facts = {
        "parts": len(parts or []),
        "part_signs": parts or [],
        "falling": rate.direction < 0,
        "verb": doc.source.text[rate.quantity.start - 2 : rate.quantity.start].strip(),
        "to_multiple": to_multiple,
        "percent_values": False,
        "change_sign": change_sign,
    }
    if revised_base:
        claim.facts["revised_base"] = True
    if rest:
        claim.facts["rest"] = True  # the parts leave a rest of unknown rate
    claim.row = derive(claim)
    return claim


def _from_parts(doc: Document) -> Iterator[Claim]:
    """A total's rate rebuilt from its parts' values and rates (the derived tier): last year's
    total is the sum of each part over (1 + its rate), so "进出口T,增长r;其中出口X,增长a;进口M,
    下降b" holds only if T / (X/(1+a) + M/(1−b)) − 1 is r. A list a little short of its total
    leaves a rest of unknown rate: last year's total is then at least the parts', so r is at
    most T / (X/(1+a) + M/(1+b)) − 1. Growth at constant prices (生产总值, 增加值) is no
    weighted sum of nominal values, so it is left alone."""
    table = facts(doc)
    for found in partitions_of(table) + complete_breakdowns(table) + compositions(table):
        yield from _rebuilt_rates(doc, table, found, rest=False)
    for found in nearly_complete_breakdowns(table):
        yield from _rebuilt_rates(doc, table, found, rest=True)


def _rebuilt_rates(doc: Document, table: FactTable, found, rest: bool) -> Iterator[Claim]:
    if found.total is None:
        return
    figures = (found.total, *found.parts)
    for kind in ("year", "month"):  # 同比 with 同比, 环比 with 环比
        rates = [rate_of_kind(table, f, kind) for f in figures]
        if not _usable(rates):
            continue
        if any(
            _constant_price(doc, r) or _real_measure(f) for r, f in zip(rates, figures, strict=True)
        ):
            continue
        inputs = {"part" + str(i + 1): p.quantity for i, p in enumerate(found.parts)}
        inputs |= {"rate" + str(i + 1): r.quantity for i, r in enumerate(rates[1:])}
        signs = [r.direction or 1 for r in rates[1:]]
        # a year's rate is often on a revised base its quarters' rates are not: a
        # disagreement is a warning (growth.scope)
        revised = found.words == QUARTERS
        claim = _claim(
            doc, found.total, rates[0], inputs, parts=signs, revised_base=revised, rest=rest
        )
        yield quote_apart(doc, claim)


def rate_of_kind(table: FactTable, level: Fact, kind: str) -> Fact | None:
    """The level's rate of one kind: month on month (环比) or year on year."""
    for index in level.rates:
        rate = table[index]
        if rate.monthly == (kind == "month"):
            return rate
    return None


def _balance_from_parts(doc: Document) -> Iterator[Claim]:
    """A balance's rate, or its stated change, rebuilt from exports and imports and their rates:
    last year's surplus is X/(1+a) − M/(1+b) (or income less spending, for a fund)."""
    table = facts(doc)
    measures = vocabulary().balance
    for balance in table:
        of = measures.get(balance.label.head)
        rate = table.get(balance.rate)
        change = table.get(balance.change)
        # 净进口N,增4倍: a rise in multiples, read both ways (×5 and ×4) as growth reads it
        multiple = _multiple_of(table, balance) if rate is None and change is None else None
        rate = rate or multiple
        if of is None or balance.role != "level" or (rate is None and change is None):
            continue
        if rate is not None and rate.quantity.is_range:
            continue
        plus = trade_fact(table, balance, of.plus, of.scoped)
        minus = trade_fact(table, balance, of.minus, of.scoped)
        sides = [plus, minus]
        # 出超T,较上年同月增加r: the sides' rates of the same kind (同比, not their 较上月)
        kind = "month" if (rate or change).monthly else "year"
        rates = [rate_of_kind(table, f, kind) if f is not None else None for f in sides]
        if any(f is None for f in sides) or any(r is None for r in rates):
            continue
        stated = (rate,) if rate is not None and multiple is None else ()
        if any(r.quantity.kind != "percent" or _constant_price(doc, r) for r in (*stated, *rates)):
            continue
        inputs = {"part1": plus.quantity, "part2": minus.quantity}
        inputs |= {"rate1": rates[0].quantity, "rate2": rates[1].quantity}
        signs = [r.direction or 1 for r in rates]
        weights = [1, -1] if of.sign > 0 else [-1, 1]  # a deficit is M − X
        if rate is None:  # 顺差T,较上年增加D: T less last year's balance rebuilt is D
            claim = _balance_change(doc, balance, change, inputs, signs, weights)
            if claim is not None:
                yield quote_apart(doc, claim)
            continue
        to_multiple = multiple is not None and bool(_TO_MULTIPLE.search(multiple.clause))
        claim = _claim(doc, balance, rate, inputs, parts=signs, to_multiple=to_multiple)
        claim.facts["weights"] = weights
        claim.row = derive(claim)
        yield quote_apart(doc, claim)


def _balance_change(
    doc: Document, balance: Fact, change: Fact, inputs: dict, signs: list[int], weights: list[int]
) -> Claim | None:
    """None where a revision of last year's sides could move the rebuilt balance by half the
    stated change or more: the rates then say nothing of the change (small rates on large
    sides, as a nation's trade)."""
    inputs = {**inputs, "after": balance.quantity, "change_amount": change.quantity}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {
        "shape": "balance_change",
        "parts": 2,
        "part_signs": signs,
        "weights": weights,
        "change_sign": change.direction or 1,
    }
    revision = BASE_REVISION * sum(side.lo for side in _earlier_parts(claim, at_printed_value))
    if 2 * revision >= abs(change.quantity.value):
        return None
    claim.facts["revision"] = revision
    claim.row = derive(claim)
    return claim


def _balance_change_row(claim: Claim) -> dict[str, float | None]:
    """The stated change of a balance against the balance less last year's, rebuilt from its
    sides and their rates, with one loose reading at a time."""
    change, sign = claim.inputs["change_amount"], claim.facts["change_sign"]
    figures = [q for role, q in claim.inputs.items() if role != "change_amount"]
    scale = abs(change.value) or 1.0  # the gap as a share of the stated change

    def implied(read: Callable[[Quantity], Interval]) -> Interval:
        return read(claim.inputs["after"]) - earlier_total(claim, read)

    row = loose_row(change.strict.scale(sign), change.lenient.scale(sign), figures, implied, scale)
    if row["lenient_gap"] * scale <= claim.facts["revision"]:
        return _as_scope_warning(row)  # within what a revised base explains: a warning
    return row


def _explain_balance_change(claim: Claim) -> str:
    text = claim.source.text
    after, change = claim.inputs["after"], claim.inputs["change_amount"]
    earlier = earlier_total(claim, at_printed_value).lo
    low, high = claim.row["implied_lo"], claim.row["implied_hi"]
    return (
        f"last year's balance rebuilt from its two sides and their rates: "
        f"{amount_text(earlier, after)}; {after.shown(text)} less it = "
        f"{amount_text(after.value - earlier, after)} [from the printed figures "
        f"{amount_text(low, after)} to {amount_text(high, after)}]; stated change "
        f"{change.shown(text)}"
    )


def _weighted_by_last_years_shares(doc: Document) -> Iterator[Claim]:
    """结构由上年的17.9:47.3:34.8调整为…, with each industry's value added and its growth at
    comparable prices, and the total's: the total grows by the parts' rates weighted by last
    year's shares, g = Σ sᵢ·gᵢ / 100 (the derived tier; value added at last year's prices)."""
    table = facts(doc)
    found = partitions_of(table)
    for members in structures(table):
        if not earlier_structure(doc, members[0]):
            continue
        partition = partition_before(found, members[0], len(members))
        if partition is None:
            continue
        rates = [rate_of_kind(table, f, "year") for f in (partition.total, *partition.parts)]
        if not _usable(rates):
            continue
        inputs = {f"share{i + 1}": m.quantity for i, m in enumerate(members)}
        inputs |= {f"rate{i + 1}": r.quantity for i, r in enumerate(rates[1:])}
        claim = Claim(NAME, doc.source, {**inputs, "change": rates[0].quantity})
        claim.facts = {
            "shape": "weighted",
            "parts": len(members),
            "signs": [r.direction or 1 for r in rates[1:]],
            "falling": rates[0].direction < 0,
            "verb": doc.source.text[rates[0].quantity.start - 2 : rates[0].quantity.start],
        }
        claim.row = _weighted_row(claim)
        yield quote_apart(doc, claim)


def _weighted(claim: Claim, read: Callable[[Quantity], Interval]) -> Interval:
    total = Interval.point(0.0)
    for i in range(claim.facts["parts"]):
        share, rate = claim.inputs[f"share{i + 1}"], claim.inputs[f"rate{i + 1}"]
        total = total + read(share) * signed_rate(rate, claim.facts["signs"][i], read)
    return total.scale(0.01)


def _weighted_row(claim: Claim) -> dict[str, float | None]:
    change = claim.inputs["change"]
    sign = -1 if claim.facts["falling"] else 1
    stated, lenient_stated = (
        signed_rate(change, sign, as_printed),
        signed_rate(change, sign, loosely),
    )
    strict, lenient = _weighted(claim, as_printed), _weighted(claim, loosely)
    return relation_row(stated, strict, lenient_stated, lenient)


def _explain_weighted(claim: Claim) -> str:
    text = claim.source.text
    terms = " + ".join(
        f"{claim.inputs[f'share{i + 1}'].shown(text)} × {claim.inputs[f'rate{i + 1}'].shown(text)}"
        for i in range(claim.facts["parts"])
    )
    point = _weighted(claim, at_printed_value)
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    return (
        f"the total's rate from last year's shares and the parts' rates: ({terms}) / 100 = "
        f"{fmt(point.lo)}% [from the printed figures {implied.format(2, '%')}]; stated "
        f"{claim.facts['verb']}{claim.inputs['change'].shown(text)}"
    )


# 拉动全市社零总额增长9.6个百分点: the points a part's increase adds to the whole's growth
_PULL = re.compile(r"拉动(?P<whole>[^,;。]{1,24}?)(?:增长|上升|提高)\s*$")


def _pulls(doc: Document) -> Iterator[Claim]:
    """A part with its rate pulls the whole's growth by (P − P/(1+p)) / (W/(1+w)) × 100 points:
    its increase over last year's whole (the derived tier). The whole is named after 拉动."""
    table = facts(doc)
    for pull in table:
        if pull.role != "pp" or pull.quantity.is_range:
            continue
        found = _PULL.search(doc.between(max(0, pull.quantity.start - 30), pull.quantity.start))
        part = found and _pulling_part(table, pull)
        whole = part and _named_whole(table, part, found["whole"])
        if not part or not whole:
            continue
        rates = [rate_of_kind(table, f, "year") for f in (part, whole)]
        if not _usable(rates):
            continue
        inputs = {"part1": part.quantity, "rate1": rates[0].quantity, "pull": pull.quantity}
        sharper, whole_parts = sharper_whole(table, whole)
        inputs |= {"after": sharper, "change": rates[1].quantity} | whole_parts
        claim = Claim(NAME, doc.source, inputs)
        claim.facts = {
            "shape": "pull",
            "signs": [rates[0].direction or 1, rates[1].direction or 1],
            "verb": "拉动",
        }
        claim.row = _pull_row(claim)
        yield quote_apart(doc, claim)


def _pulling_part(table: FactTable, pull: Fact) -> Fact | None:
    """The level of the pull's full sentence (to its 。) that has a rate: the part."""
    for fact in reversed(table.facts[: pull.index]):
        if "。" in table.doc.between(fact.quantity.end, pull.quantity.start):
            return None
        if fact.role == "level" and fact.is_amount and fact.rate is not None:
            return fact
    return None


def _named_whole(table: FactTable, part: Fact, name: str) -> Fact | None:
    """The nearest other level of the part's unit and period whose label ends in the name."""
    for alias, full in table.aliases.items():
        name = name.replace(alias, full)
    wanted = core_name(read_label(name).text)
    if len(wanted) < 2:
        return None
    near = sorted(
        (f for f in table if f.role == "level" and f is not part and f.same_unit(part)),
        key=lambda f: abs(f.index - part.index),
    )
    for fact in near:
        if fact.quantity.strict.lo <= part.quantity.strict.hi or fact.rate is None:
            continue
        if core_name(fact.label.text).endswith(wanted) and same_year(fact.period, part.period):
            return fact
    return None


def _pull_points(claim: Claim, read: Callable[[Quantity], Interval]) -> Interval:
    part, whole = claim.inputs["part1"], claim.inputs["after"]
    signs = claim.facts["signs"]
    part_before = before_the_rate(part, claim.inputs["rate1"], signs[0], read)
    whole_before = before_the_rate(whole, claim.inputs["change"], signs[1], read)
    return (read(part) - part_before) / whole_before * Interval.point(100.0)


def _pull_row(claim: Claim) -> dict[str, float | None]:
    """A part's rate is often on a comparable basis (限额以上 units change from year to year),
    which its printed value is not: a pull that fits no reading is a warning (scope_gap)."""
    pull = claim.inputs["pull"]
    row = relation_row(
        pull.strict, _pull_points(claim, as_printed), pull.lenient, _pull_points(claim, loosely)
    )
    return _as_scope_warning(row)


def _as_scope_warning(row: dict[str, float | None]) -> dict[str, float | None]:
    """A gap no reading closes, judged by growth.scope (a warning), not growth.lenient."""
    row["scope_gap"], row["lenient_gap"] = row["lenient_gap"], 0.0
    return row


def _explain_pull(claim: Claim) -> str:
    text = claim.source.text
    part, whole, pull = (claim.inputs[k] for k in ("part1", "after", "pull"))
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    point = _pull_points(claim, at_printed_value).lo
    return (
        f"{part.shown(text)} growing {claim.inputs['rate1'].shown(text)} adds its increase to "
        f"last year's whole ({whole.shown(text)} at {claim.inputs['change'].shown(text)}): "
        f"{fmt(point)} points [from the printed figures {implied.format(2)}]; stated "
        f"拉动{pull.shown(text)}"
    )


def _real_measure(fact: Fact) -> bool:
    return any(word in fact.label.text for word in vocabulary().real_growth)


def earlier_total(claim: Claim, read: Callable[[Quantity], Interval]) -> Interval:
    """Σ part / (1 + its rate): last year's total from this year's parts (a part weighted −1,
    such as the imports of a surplus, is taken away), every figure read by `read`."""
    weights = claim.facts.get("weights", [1] * claim.facts["parts"])
    total = Interval.point(0.0)
    for weight, earlier in zip(weights, _earlier_parts(claim, read), strict=True):
        total = total - earlier if weight < 0 else total + earlier
    if claim.facts.get("rest"):  # a rest of unknown rate: at least the parts' sum
        return Interval(total.lo, INF)
    return total


def _earlier_parts(claim: Claim, read: Callable[[Quantity], Interval]) -> list[Interval]:
    """Each part's value last year: the part over (1 + its rate)."""
    return [
        before_the_rate(claim.inputs[f"part{i + 1}"], claim.inputs[f"rate{i + 1}"], sign, read)
        for i, sign in enumerate(claim.facts["part_signs"][: claim.facts["parts"]])
    ]


def _usable(rates: list[Fact | None]) -> bool:
    """Every rate stated, as a single percentage."""
    return all(
        r is not None and r.quantity.kind == "percent" and not r.quantity.is_range for r in rates
    )


def earlier_value(claim: Claim, lenient: bool) -> Interval:
    """The earlier value: printed, or the level less its stated change (增加D: A = B − D), or
    rebuilt from the parts and their rates."""
    if "part1" in claim.inputs:
        return earlier_total(claim, loosely if lenient else as_printed)
    if "before" in claim.inputs:
        before = claim.inputs["before"]
        return before.lenient if lenient else before.strict
    after, change = claim.inputs["after"], claim.inputs["change_amount"]
    a, d = (after.lenient, change.lenient) if lenient else (after.strict, change.strict)
    return a - d.scale(claim.facts["change_sign"])


def _is_growth(found: Comparison) -> bool:
    if found.change.kind == "multiple":
        return not found.falling
    return found.change.kind == "percent"


def _rate_of_change(claim: Claim, after: Interval, change: Interval) -> Interval:
    """增加D to B: the rate D / (B − D), with B read once. Dividing D by an earlier value that
    was itself worked out from B would read B high in one place and low in the other. The rate
    rises with D and falls with B (for a fall, −D / (B + D) likewise), so its ends are corners."""
    if claim.facts["change_sign"] > 0:
        low, high = change.lo / (after.hi - change.lo), change.hi / (after.lo - change.hi)
    else:
        low, high = -change.hi / (after.lo + change.hi), -change.lo / (after.hi + change.lo)
    return Interval(low, high).scale(100)


def _implied_read(claim: Claim, read: Callable[[Quantity], Interval]) -> Interval | None:
    """The rate the figures imply, each read by `read`; None without a positive earlier value."""
    after = read(claim.inputs["after"])
    if "change_amount" in claim.inputs:
        change = read(claim.inputs["change_amount"])
        if claim.facts["change_sign"] > 0 and after.lo - change.hi <= 0:
            return None
        return _rate_of_change(claim, after, change)
    before = earlier_total(claim, read) if "part1" in claim.inputs else read(claim.inputs["before"])
    return relative_change(before, after) if before.lo > 0 else None


def relative_change(before: Interval, after: Interval) -> Interval:
    return (after / before).shift(-1).scale(100)


def stated_change(claim: Claim, lenient: bool) -> Interval:
    """The stated change as a percent, under the strict or the lenient reading."""
    change = claim.inputs["change"]
    printed = change.lenient if lenient else change.strict
    if change.qualifier == DOUBLING:
        return printed.shift(-1).scale(100)  # 翻番: the ratio itself
    if change.kind == "multiple":
        by = printed.shift(1)  # 增长3倍: the increase is three times A, so B = 4A
        ratio = printed if claim.facts["to_multiple"] else by
        if lenient and not claim.facts["to_multiple"]:
            ratio = by.hull(printed)
        return ratio.shift(-1).scale(100)
    return -printed if claim.facts["falling"] else printed


def derive(claim: Claim) -> dict[str, float | None]:
    if claim.facts.get("shape") == "weighted":
        return _weighted_row(claim)
    if claim.facts.get("shape") == "pull":
        return _pull_row(claim)
    if claim.facts.get("shape") == "balance_change":
        return _balance_change_row(claim)
    after = claim.inputs["after"]
    before, before_lenient = earlier_value(claim, False), earlier_value(claim, True)
    stated = stated_change(claim, lenient=False)
    if before.lo <= 0 or before_lenient.lo <= 0:
        return {"stated_lo": stated.lo, "stated_hi": stated.hi}
    lenient_stated = stated_change(claim, lenient=True)
    figures = [q for role, q in claim.inputs.items() if role != "change"]
    row = loose_row(stated, lenient_stated, figures, lambda read: _implied_read(claim, read))
    if claim.facts["percent_values"]:  # "增长5%" between two shares often means 5 points
        points = after.lenient - before_lenient
        row["lenient_gap"] = min(row["lenient_gap"], points.gap(lenient_stated))
    return _as_scope_warning(row) if claim.facts.get("revised_base") else row


def explain(claim: Claim) -> str:
    if claim.facts.get("shape") == "weighted":
        return _explain_weighted(claim)
    if claim.facts.get("shape") == "pull":
        return _explain_pull(claim)
    if claim.facts.get("shape") == "balance_change":
        return _explain_balance_change(claim)
    text = claim.source.text
    after, change = claim.inputs["after"], claim.inputs["change"]
    if claim.row.get("implied_lo") is None:
        return "the earlier value must be positive to compute a relative change"
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    stated = Interval(claim.row["stated_lo"], claim.row["stated_hi"])
    if "part1" in claim.inputs:
        earlier = earlier_total(claim, at_printed_value)
        rebuilt = f"rebuilt from {claim.facts['parts']} parts and their rates"
        if claim.facts.get("rest"):
            rebuilt = f"at least that {rebuilt} (the rest's rate is not stated)"
        return (
            f"last year's total {rebuilt}: "
            f"{amount_text(earlier.lo, after)}; {after.shown(text)} / it − 1 = "
            f"{fmt((after.value / earlier.lo - 1) * 100)}% [from the printed figures "
            f"{implied.format(2, '%')}]; stated {claim.facts['verb']}{change.shown(text)} means "
            f"{stated.format(3, '%')}"
        )
    if "before" not in claim.inputs:
        amount = claim.inputs["change_amount"]
        sign = "−" if claim.facts["change_sign"] > 0 else "+"
        before = after.value - amount.value * claim.facts["change_sign"]
        earlier = amount_text(before, after)
        return (
            f"earlier value {after.shown(text)} {sign} {amount.shown(text)} = {earlier}; "
            f"{amount.shown(text)} / {earlier} = "
            f"{fmt(amount.value / before * 100 * claim.facts['change_sign'])}% "
            f"[from the printed figures {implied.format(2, '%')}]; stated "
            f"{claim.facts['verb']}{change.shown(text)} means {stated.format(3, '%')}"
        )
    before = claim.inputs["before"]
    point = (after.value / before.value - 1) * 100
    reading = ""
    if change.qualifier == DOUBLING:
        reading = f" (B = {change.strict.format(2)} × A)"
    elif change.kind == "multiple":
        reading = (
            f" (B = {fmt(change.value)} × A)"
            if claim.facts["to_multiple"]
            else f" (strictly B = {fmt(change.value + 1)} × A; loosely {fmt(change.value)} × A)"
        )
    return (
        f"{after.shown(text)} / {before.shown(text)} − 1 = {fmt(point)}% "
        f"[from the printed figures {implied.format(2, '%')}]; stated "
        f"{claim.facts['verb']}{change.shown(text)}{reading} means {stated.format(3, '%')}"
    )
