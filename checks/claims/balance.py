"""balance: a stated trade deficit (逆差) or surplus (顺差) against stated imports and exports.

The balance is exports − imports: a deficit is negative. A claim that trade is "basically
balanced" (基本平衡) has no stated amount; the suite bounds |X − M| / (X + M) instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.base import (
    RELATION_COLUMNS,
    Claim,
    amount_text,
    as_printed,
    at_printed_value,
    before_the_rate,
    fmt,
    interval_text,
    loose_row,
    quote_apart,
    relation_row,
)
from checks.document import Document
from checks.facts import Fact, FactTable, facts, vocabulary
from checks.facts.labels import compatible
from checks.facts.periods import year_of
from checks.quantities import INF, Interval, Quantity

NAME = "balance"
SCOPED_REACH = 600  # characters before its paragraph where a fund's income and spending may be
_KEYWORD = re.compile(r"逆差|顺差|(?:基本|大致|总体)(?:实现)?(?:平衡|持平)")
_MONEY_WORDS = r"(?:新台币|人民币|美元|港币|港元|欧元)?"
_IMPORT = re.compile(
    rf"进口(?:值|额|总额|金额|贸易总额)?(?:为|达到|达|约)?\s*[((]?\s*{_MONEY_WORDS}\s*$"
)
_PARTNER_WORD = re.compile(r"^(?:对|与|同|自|和)")
_PARTNER = re.compile(r"对([^\s,,、()()]{1,6}?)(?:的)?(?:进口|出口)[^,,、]*$")
_EXPORT = re.compile(
    rf"(?<!进)出口(?:值|额|总额|金额|贸易总额)?(?:为|达到|达|约)?\s*[((]?\s*{_MONEY_WORDS}\s*$"
)


class Balance:
    name = NAME
    columns = (*RELATION_COLUMNS, "imbalance")

    def find(self, doc: Document) -> Iterator[Claim]:
        best: dict[tuple[int, int], Claim] = {}
        for claim in self._candidates(doc):
            pair = (claim.inputs["imports"].start, claim.inputs["exports"].start)
            if pair not in best or "balance" in claim.inputs:
                best[pair] = claim  # a stated amount says more than a bare 逆差
        yield from best.values()
        yield from _last_years_balance(doc)

    def _candidates(self, doc: Document) -> Iterator[Claim]:
        yield from _from_facts(doc)
        for match in _KEYWORD.finditer(doc.view):
            found = _trade(doc, match)
            if found is None:
                continue
            imports, exports = found
            stated = _stated_amount(doc, match, imports)
            inputs = {"imports": imports, "exports": exports}
            if stated is not None:
                inputs["balance"] = stated
            claim = Claim(NAME, doc.source, inputs)
            claim.cue = match.span()  # the word that states the balance, quoted with the figures
            word = match.group(0)
            claim.facts = {
                "word": word,
                "deficit": word == "逆差",
                "signed": word in ("逆差", "顺差"),
            }
            claim.row = derive(claim)
            yield claim

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _from_facts(doc: Document) -> Iterator[Claim]:
    """A stated balance (顺差/逆差/出超/入超 X) against the exports and imports of the same subject,
    period and unit, the nearest before it in its paragraph: "本月出口A,进口B,出超C"."""
    table = facts(doc)
    measures = vocabulary().balance
    for balance in table:
        head = balance.label.head
        if head not in measures or balance.role != "level" or not balance.is_amount:
            continue  # 顺差 in money, 净进口 in money or tonnes
        of = measures[head]
        imports = trade_fact(table, balance, of.minus, of.scoped, marks=True)
        if imports is None:
            continue
        # 总出口A;再出口B及本地产品出口C。总进口D: the exports of the imports' subject
        exports = trade_fact(table, balance, of.plus, of.scoped, like=imports.subject, marks=True)
        if exports is None:
            continue
        inputs = {"imports": imports.quantity, "exports": exports.quantity}
        claim = Claim(NAME, doc.source, {**inputs, "balance": balance.quantity})
        word = doc.source.text[balance.quantity.start - 2 : balance.quantity.start]
        if len(word.strip()) < 2 or doc.between(0, balance.quantity.start).endswith(head):
            word = head  # 净进口512.8万吨: the measure, not its last two characters
        claim.facts = {"word": word, "deficit": of.sign < 0}
        claim.facts["plus"], claim.facts["minus"] = of.plus, of.minus
        claim.facts["signed"] = True
        claim.facts["mark"] = any(_is_mark(side) for side in (imports, exports))
        claim.row = derive(claim)
        yield quote_apart(doc, claim)  # sides a paragraph before: quoted where they stand


# Last year's sides, as this year's rates are worked on, are often revised figures: a revision
# of this share of them moves the balance rebuilt from the rates.
BASE_REVISION = 0.01


def _last_years_balance(doc: Document) -> Iterator[Claim]:
    """出口X,增长a%;进口M,增长b%;顺差T,去年同期顺差T0: last year's balance is X/(1+a) −
    M/(1+b) (the derived tier). Within what a 1% revision of last year's sides explains, a
    disagreement is a warning; where such a revision could move it by half of T0, no claim."""
    table = facts(doc)
    measures = vocabulary().balance
    for balance in table:
        of = measures.get(balance.label.head)
        earlier = table.get(balance.reference)
        if of is None or balance.role != "level" or earlier is None or not earlier.is_amount:
            continue
        if earlier.label.head not in ("", balance.label.head) or earlier.quantity.is_range:
            continue
        sides = [trade_fact(table, balance, word, of.scoped) for word in (of.plus, of.minus)]
        rates = [table.rate_on_year_before(f) for f in sides if f is not None]
        if len(rates) != 2 or any(r is None for r in rates):
            continue
        inputs = {"exports": sides[0].quantity, "export_rate": rates[0].quantity}
        inputs |= {"imports": sides[1].quantity, "import_rate": rates[1].quantity}
        claim = Claim(NAME, doc.source, inputs | {"last_balance": earlier.quantity})
        claim.facts = {
            "word": balance.label.head,
            "deficit": of.sign < 0,
            "signed": True,
            "shape": "last_year",
            "signs": [r.direction or 1 for r in rates],
        }
        claim.facts["plus"], claim.facts["minus"] = of.plus, of.minus
        reach = BASE_REVISION * sum(i.mid for i in _last_years_sides(claim, as_printed))
        if 2 * reach >= abs(earlier.quantity.value):
            continue  # small rates on large sides: the rates say nothing of last year's balance
        claim.facts["revision"] = reach
        claim.row = derive(claim)
        yield quote_apart(doc, claim)


def _last_years_sides(claim: Claim, read) -> list[Interval]:
    """Each side over (1 + its rate), a falling rate taken as such."""
    signs = claim.facts["signs"]
    return [
        before_the_rate(claim.inputs["exports"], claim.inputs["export_rate"], signs[0], read),
        before_the_rate(claim.inputs["imports"], claim.inputs["import_rate"], signs[1], read),
    ]


def _last_year_row(claim: Claim) -> dict[str, float | None]:
    stated, sign = claim.inputs["last_balance"], -1 if claim.facts["deficit"] else 1
    figures = [q for key, q in claim.inputs.items() if key != "last_balance"]

    def implied(read) -> Interval:
        exports, imports = _last_years_sides(claim, read)
        return net(exports, imports)

    scale = abs(stated.value) or 1.0
    row = loose_row(stated.strict.scale(sign), stated.lenient.scale(sign), figures, implied, scale)
    if row["lenient_gap"] * scale <= claim.facts["revision"]:
        row["lenient_gap"] = 0.0  # within what a revised base explains: a warning at most
    return row


def trade_fact(
    table: FactTable, balance: Fact, head: str, scoped: bool, like: str = "", marks: bool = False
) -> Fact | None:
    """The nearest level of `head` before the balance in its paragraph, of its subject. A fund
    names its subject in every line, so its income and spending may stand lines before. A
    paragraph that states no such level before its balance (全年进口A,全年出超B) may take the
    one of the paragraphs just before, of the very same period. With `like`, levels of another
    subject are passed over (对美出口 … 对德进口 are two trades, no balance of one). A paragraph
    whose own levels of `head` are of another year speaks of that year: its balance of an earlier
    one (较上年的T0) takes no sides from the paragraphs before. A mark the figure passed (首破A,
    A以上) is passed over for the figure itself; with `marks`, where no figure is stated, the
    mark's bound is the side."""
    another_year_here, mark = False, None
    for fact in reversed(table.facts[: balance.index]):
        if fact.quantity.start < balance.paragraph - SCOPED_REACH:
            return mark
        if fact.label.head != head or fact.role != "level":
            continue
        if fact.paragraph != balance.paragraph and another_year_here:
            return mark
        if fact.paragraph != balance.paragraph and not scoped and fact.period != balance.period:
            return mark
        if scoped and not compatible(fact.subject, balance.subject):
            continue  # 城镇职工基金收入 is no part of 城乡居民基金结余
        if not compatible(fact.subject, like):
            continue
        if _other_year(fact, balance):
            another_year_here = another_year_here or fact.paragraph == balance.paragraph
            continue  # 进口从2015年的A上升到2023年的B … 2015年逆差D: B is another year's
        if fact.quantity.unit != balance.quantity.unit or not _same_period(fact, balance):
            return mark  # the nearest one belongs to another period or currency: no claim
        if _PARTNER_WORD.search(balance.subject) and not compatible(fact.subject, balance.subject):
            return None  # 对美贸易顺差 is no balance of the country's exports
        if _is_mark(fact):
            mark = mark or (fact if marks else None)
            continue  # 首破6,000亿美元: a mark the figure passed, not the figure
        return fact
    return mark


def _is_mark(fact: Fact) -> bool:
    return fact.quantity.qualifier in ("above", "floor")


def _other_year(a: Fact, b: Fact) -> bool:
    """Both dated to a year, and to two years."""
    first, second = year_of(a.period), year_of(b.period)
    return bool(first and second) and first != second


def _same_period(a: Fact, b: Fact) -> bool:
    """The same period, or one of them undated in its paragraph (a later line of a list)."""
    return a.period == b.period or not a.period or not b.period


def _trade(doc: Document, match: re.Match[str]) -> tuple[Quantity, Quantity] | None:
    """Imports and exports in the keyword's sentence, the nearest ones after it first. A
    sentence with no figure heads its paragraph (五、外贸仍有顺差。…出口A;进口B): its paragraph."""
    start, end = doc.sentences[doc.sentence_at(match.start())]
    if not doc.quantities_in(start, end):
        line = doc.view.find("\n", end)
        end = len(doc.view) if line < 0 else line
    after = doc.quantities_in(match.start(), end)
    before = doc.quantities_in(start, match.start())[::-1]
    imports = exports = None
    for quantity in after + before:
        if quantity.kind != "money":
            continue
        label = doc.between(max(start, quantity.start - 10), quantity.start)
        if imports is None and _IMPORT.search(label):
            imports = quantity
        elif exports is None and _EXPORT.search(label):
            exports = quantity
    if imports is None or exports is None or imports.unit != exports.unit:
        return None
    if _partner(doc, imports, start) != _partner(doc, exports, start):
        return None  # 对美出口 … 对德进口: two trades, not one balance
    return imports, exports


def _partner(doc: Document, quantity: Quantity, floor: int) -> str:
    """The partner named as 对X just before 进口/出口, or '' when none is named."""
    label = doc.between(max(floor, quantity.start - 12), quantity.start)
    found = _PARTNER.search(label)
    return found.group(1) if found else ""


def _stated_amount(doc: Document, match: re.Match[str], imports: Quantity) -> Quantity | None:
    if match.group(0) not in ("逆差", "顺差"):
        return None
    found = doc.quantities_in(match.end(), match.end() + 8)
    if not found or found[0].kind != "money" or found[0].unit != imports.unit:
        return None
    glue = doc.between(match.end(), found[0].start)
    return found[0] if re.fullmatch(r"\s*(?:额)?(?:为|达到|达|约为|约)?\s*", glue) else None


def net(exports: Interval, imports: Interval) -> Interval:
    return exports - imports


def derive(claim: Claim) -> dict[str, float | None]:
    if claim.facts.get("shape") == "last_year":
        return _last_year_row(claim)
    imports, exports = claim.inputs["imports"], claim.inputs["exports"]
    implied = net(exports.strict, imports.strict)
    stated = claim.inputs.get("balance")
    sign = -1 if claim.facts["deficit"] else 1
    if stated is None and claim.facts["signed"]:
        side = Interval(-INF, 0.0) if sign < 0 else Interval(0.0, INF)
        scale = max(abs(implied.mid), 1.0)
        return relation_row(side, implied, side, net(exports.lenient, imports.lenient), scale)
    if stated is None:
        total = exports.strict + imports.strict
        return {  # no amount is stated: only the imbalance rule can judge this claim
            "stated_lo": -INF,
            "stated_hi": INF,
            "implied_lo": implied.lo,
            "implied_hi": implied.hi,
            "imbalance": implied.gap(Interval.point(0)) / total.hi,
        }
    row = loose_row(
        stated.strict.scale(sign),
        stated.lenient.scale(sign),
        [exports, imports],
        lambda read: net(read(exports), read(imports)),
        abs(stated.value) or 1.0,
    )
    if claim.facts.get("mark"):
        row["lenient_gap"] = 0.0  # 维持在A以上 bounds a side loosely said: a warning at most
    return row


def explain(claim: Claim) -> str:
    text = claim.source.text
    if claim.facts.get("shape") == "last_year":
        return _explain_last_year(claim)
    imports, exports = claim.inputs["imports"], claim.inputs["exports"]
    difference = exports.value - imports.value
    plus, minus = claim.facts.get("plus", "出口"), claim.facts.get("minus", "进口")
    sides = ("surplus", "deficit")
    if (plus, minus) == ("出口", "进口"):
        plus, minus = "exports", "imports"
    elif (plus, minus) == ("进口", "出口"):
        sides = ("net imports", "net exports")
    head = (
        f"{plus} {exports.shown(text)} − {minus} {imports.shown(text)} = "
        f"{amount_text(difference, exports)} ({sides[0] if difference > 0 else sides[1]})"
    )
    if "balance" not in claim.inputs and claim.facts["signed"]:
        meaning = "deficit" if claim.facts["deficit"] else "surplus"
        return f"{head}; stated: a {claim.facts['word']} ({meaning})"
    if "balance" not in claim.inputs:
        ratio = abs(difference) / (exports.value + imports.value) * 100
        return (
            f"{head}; |X − M| / (X + M) = {fmt(ratio)}% against a claim of "
            f"{claim.facts['word']} (basically balanced)"
        )
    stated = claim.inputs["balance"]
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    bound = "; a side is stated only as a bound it passed" if claim.facts.get("mark") else ""
    return (
        f"{head}, from the printed figures {interval_text(implied, exports)}; "
        f"stated {claim.facts['word']} {stated.shown(text)} means "
        f"{interval_text(stated.strict.scale(-1 if claim.facts['deficit'] else 1), exports)}"
        f"{bound}"
    )


def _explain_last_year(claim: Claim) -> str:
    text = claim.source.text
    exports, imports = _last_years_sides(claim, at_printed_value)
    like, stated = claim.inputs["exports"], claim.inputs["last_balance"]
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    return (
        "last year's sides rebuilt from this year's and their rates: "
        f"{amount_text(exports.lo, like)} − {amount_text(imports.lo, like)} = "
        f"{amount_text(exports.lo - imports.lo, like)} "
        f"[from the printed figures {interval_text(implied, like)}, a 1% revision of the sides "
        f"moving it by {amount_text(claim.facts['revision'], like)}]; stated last year's "
        f"{claim.facts['word']} {stated.shown(text)}"
    )
