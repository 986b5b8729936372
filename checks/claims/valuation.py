"""valuation: a price-earnings multiple against the price and the earnings per share it divides,
an agreement claim of one figure stated twice.

Brokerage notes state the current price, the forecast EPS and the multiples they imply
(当前股价24.60元 … 预计EPS分别为1.50元、1.85元、2.20元,对应PE分别为16.4倍、13.3倍、11.2倍).
Each printed multiple and the price over its EPS must admit one value, within the rounding of
all three. The price is the nearest before the multiples that names the price paid today; a
target price (目标价, 合理价值) is not it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.agreement import Agreement, one_quotient_row, quotient_inputs
from checks.claims.base import Claim, fmt, quote_apart
from checks.claims.conversion import rated_row
from checks.document import Document
from checks.facts import Fact, FactTable, facts
from checks.facts.table import lists

NAME = "agreement"
_PRICE = re.compile(r"(?:当前|最新|目前|现)(?:股价|价格|收盘价)|^(?:股价|收盘价|现价)$")
_EPS = re.compile(r"EPS|每股收益|每股盈利")
_MULTIPLE = re.compile(r"PE|P/E|市盈率")
_OTHER_PRICE = re.compile(r"目标|合理|估值|预期")  # 目标价, 合理价值: not the price paid today


class Valuation:
    name = NAME
    columns = Agreement.columns

    def find(self, doc: Document) -> Iterator[Claim]:
        table = facts(doc)
        groups = lists(table)
        for multiples in (g for g in groups if _MULTIPLE.search(_name(table, g))):
            earnings = _earnings_before(table, groups, multiples)
            price = _price_before(table, multiples[0]) if earnings else None
            if price is None:
                continue
            for eps, multiple in zip(earnings, multiples, strict=True):
                if eps.quantity.unit != price.quantity.unit:
                    continue  # an H share's price in 港币 over EPS in 元 needs a rate unsaid
                if eps.quantity.strict.lo > 0 and multiple.quantity.strict.lo > 0:
                    yield _claim(doc, price, eps, multiple)  # a loss has no multiple

        yield from _one_share_count(doc, table, groups)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


_OWNERS_PROFIT = re.compile(r"归母净利润|归属于(?:母公司|上市公司)[^,;。]{0,8}?净利润")
SHARE_COUNT_REACH = 2  # paragraphs (a note's bullets) between the profits and their EPS


def _one_share_count(doc: Document, table: FactTable, groups: list[list[Fact]]) -> Iterator[Claim]:
    """预计24-26年归母净利润分别为A、B、C … EPS分别为a、b、c: each year's EPS is its profit over
    one number of shares, so A/a, B/b and C/c must admit one count. A note may count the shares
    of an issue still to come in a later year, so a disagreement is a warning."""
    for earnings in (g for g in groups if _EPS.search(_name(table, g)) and _money(g)):
        profits = _profits_before(table, groups, earnings)
        if profits is not None:
            yield _shares_claim(doc, profits, earnings)


def _money(members: list[Fact]) -> bool:
    return all(f.quantity.kind == "money" and not f.quantity.is_range for f in members)


def _profits_before(table: FactTable, groups: list[list[Fact]], earnings: list[Fact]):
    """The owners' profits of as many years, in one of the paragraphs just before the EPS."""
    floor = table.doc.paragraphs_back(earnings[0].paragraph, SHARE_COUNT_REACH)
    for members in reversed([g for g in groups if g[-1].index < earnings[0].index]):
        if members[0].quantity.start < floor:
            return None
        if len(members) != len(earnings) or not _money(members):
            continue
        if members[0].quantity.unit != earnings[0].quantity.unit:
            continue  # profits in 元 and EPS in 港元: a rate unsaid
        if _OWNERS_PROFIT.search(_name(table, members)) and all(
            f.quantity.strict.lo > 0 for f in (*members, *earnings)
        ):
            return members  # a loss has no count of shares to divide by
    return None


def _shares_claim(doc: Document, profits: list[Fact], earnings: list[Fact]) -> Claim:
    pairs = [(p.quantity, e.quantity) for p, e in zip(profits, earnings, strict=True)]
    claim = Claim(NAME, doc.source, quotient_inputs(pairs))
    claim.facts = {
        "relation": "valuation",
        "key": "shares = profit / EPS",
        "periods": [],
        "reasons": ["a later year may count shares still to be issued"],
        "strict": False,
    }
    claim.row = one_quotient_row(pairs, strict=False)
    return quote_apart(doc, claim)


def _name(table: FactTable, members: list[Fact]) -> str:
    """What a list is of: its first member's label, or the words right before it."""
    first = members[0]
    return first.label.text or table.doc.between(first.quantity.start - 8, first.quantity.start)


def _earnings_before(table: FactTable, groups: list[list[Fact]], multiples: list[Fact]):
    """The list of EPS, as many as the multiples, before them in their paragraph."""
    for members in reversed([g for g in groups if g[-1].index < multiples[0].index]):
        if members[0].paragraph != multiples[0].paragraph:
            return None
        if (
            _money(members)
            and len(members) == len(multiples)
            and _EPS.search(_name(table, members))
        ):
            return members
    return None


def _price_before(table: FactTable, first: Fact) -> Fact | None:
    """The nearest price before the multiples: notes print it once, at the top."""
    for fact in reversed(table.facts[: first.index]):
        label = fact.label.text
        if fact.quantity.kind != "money" or fact.quantity.is_range or _OTHER_PRICE.search(label):
            continue
        if _PRICE.search(label):
            return fact
    return None


def _claim(doc: Document, price: Fact, eps: Fact, multiple: Fact) -> Claim:
    inputs = {"price": price.quantity, "eps": eps.quantity, "s1": multiple.quantity}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {
        "relation": "valuation",
        "key": "price / EPS",
        "periods": [eps.period],
        "reasons": [],
        "strict": True,
    }
    claim.row = rated_row(price.quantity, multiple.quantity, eps.quantity)  # price / EPS
    return quote_apart(doc, claim)


def explain(claim: Claim) -> str:
    text = claim.source.text
    if "price" not in claim.inputs:
        return _explain_shares(claim)
    price, eps, multiple = (claim.inputs[k] for k in ("price", "eps", "s1"))
    implied = price.strict / eps.strict
    return (
        f"price {price.shown(text)} / EPS {eps.shown(text)} = {fmt(price.value / eps.value)} "
        f"[from the printed figures {implied.format(3)}]; printed multiple "
        f"{multiple.shown(text)} {multiple.strict.format(3)}"
    )


def _explain_shares(claim: Claim) -> str:
    text, inputs = claim.source.text, claim.inputs
    shown = []
    for i in range(1, len(inputs) + 1, 2):
        profit, eps = inputs[f"s{i}"], inputs[f"s{i + 1}"]
        count = (profit.lenient / eps.lenient).scale(1e-8)
        shown.append(
            f"{profit.shown(text)} / {eps.shown(text)} = {fmt(profit.value / eps.value / 1e8)}亿股 "
            f"{count.format(3)}"
        )
    return "; ".join(shown) + ": each year's EPS divides by one count of shares"
