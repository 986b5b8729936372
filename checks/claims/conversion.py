"""conversion: one amount printed in two currencies (新台币6,200亿元(USD$20.0B)) or in two units
of a fixed ratio (48.50万公顷(727.5万亩)), an agreement claim of the same quantity stated twice.

With an exchange rate the text states (本文新台币对美元汇率以31.0计算, 1美元兑7.20元人民币) each
converted figure must be the original over the rate, within both figures' rounding. With none,
every pair of the same two currencies must imply one rate: their ranges of rates must meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.agreement import Agreement, one_quotient_row, quotient_inputs, spread
from checks.claims.base import Claim, fmt, quote_apart
from checks.document import Document
from checks.facts import Fact, facts
from checks.quantities import Quantity

NAME = "agreement"
_CURRENCY = {"新台币": "TWD", "人民币": "CNY", "港币": "HKD", "港元": "HKD", "美元": "USD"}
_WORD = "|".join(_CURRENCY)
# 新台币对美元汇率以31.0计算: 31.0 of the first currency buy one of the second
_RATE_FOR = re.compile(
    rf"(?P<of>{_WORD})\s*对\s*(?P<per>{_WORD})\s*(?:的)?\s*汇率\s*(?:以|按|为|是)?\s*$"
)
# 1美元兑7.20元人民币 / 1美元兑换7.20人民币
_ONE_BUYS = re.compile(rf"1\s*(?P<per>{_WORD})\s*(?:兑换?|=|折合)\s*$")
_BRACKET_OPEN = re.compile(r"\s*\((?:[^()\d]{0,16})?$")
_SAME_IN_BRACKET = re.compile(r"\s*[(（]\s*(?:约|合|折合|即)?\s*")
# units one of which is a fixed multiple of the other: (from, to) -> how many `to` in one `from`
FIXED = {
    ("公顷", "亩"): 15.0,
    ("亩", "公顷"): 1 / 15,
    ("吨", "公斤"): 1000.0,
    ("公斤", "吨"): 0.001,
}


class Conversion:
    name = NAME
    columns = Agreement.columns

    def find(self, doc: Document) -> Iterator[Claim]:
        table = facts(doc)
        yield from _fixed_ratios(doc, table)
        pairs = _pairs(doc, table)
        rates = _stated_rates(doc, table)
        unrated: dict[tuple[str, str], list[tuple[Fact, Fact]]] = {}
        for original, converted in pairs:
            key = (original.quantity.unit, converted.quantity.unit)
            rate = min(  # the statement of the rate nearest the pair
                rates.get(key, []),
                key=lambda r, at=original.quantity.start: abs(r.start - at),
                default=None,
            )
            if rate is not None:
                yield _with_rate(doc, original, converted, rate)
            else:
                unrated.setdefault(key, []).append((original, converted))
        for key, members in unrated.items():
            if len(members) >= 2:
                yield _one_rate(doc, key, members)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _pairs(doc: Document, table) -> list[tuple[Fact, Fact]]:
    """An amount followed by its bracketed conversion into another currency."""
    found = []
    for first, second in zip(table.facts, table.facts[1:], strict=False):
        q, r = first.quantity, second.quantity
        if q.kind != "money" or r.kind != "money" or q.unit == r.unit or q.is_range or r.is_range:
            continue
        if _BRACKET_OPEN.fullmatch(doc.between(q.end, r.start)):
            found.append((first, second))
    return found


def _fixed_ratios(doc: Document, table) -> Iterator[Claim]:
    """全年农作物总播种面积48.50万公顷(727.5万亩): a figure and its bracketed restatement in a unit
    of a fixed ratio (1公顷 = 15亩) must be one quantity, within both figures' rounding."""
    for first, second in zip(table.facts, table.facts[1:], strict=False):
        q, r = first.quantity, second.quantity
        factor = FIXED.get((q.unit, r.unit))
        if factor is None or q.is_range or r.is_range:
            continue
        if not _SAME_IN_BRACKET.fullmatch(doc.between(q.end, r.start)):
            continue  # (其中水田A亩): a part, not the same area again
        claim = Claim(NAME, doc.source, {"s1": q, "s2": r})
        claim.facts = _conversion_facts(f"{r.unit} per {q.unit}") | {"factor": factor}
        strict = spread([q.strict.scale(factor), r.strict])
        lenient = spread([q.lenient.scale(factor), r.lenient])
        scale = abs(r.value) or 1.0
        claim.row = {
            "statements": 2.0,
            "strict_gap": strict / scale,
            "strict_lenient_gap": lenient / scale,
        }
        yield claim


def _conversion_facts(key: str) -> dict:
    """What agreement's suite and explanation read of a conversion: one quantity, compared
    strictly, named by its units."""
    return {"relation": "conversion", "strict": True, "reasons": [], "key": key, "periods": []}


def _stated_rates(doc: Document, table) -> dict[tuple[str, str], list[Quantity]]:
    """(original currency, converted currency) -> the stated rates: units of the original per
    one unit of the converted."""
    rates: dict[tuple[str, str], list[Quantity]] = {}
    for fact in table:
        q = fact.quantity
        if q.is_range or q.value <= 0:
            continue
        before = doc.between(max(0, q.start - 24), q.start)
        named = _RATE_FOR.search(before)
        if named and q.kind == "number":
            _add_rate(rates, (_CURRENCY[named["of"]], _CURRENCY[named["per"]]), q)
            continue
        one = _ONE_BUYS.search(before)
        if one and q.kind == "money":
            _add_rate(rates, (q.unit, _CURRENCY[one["per"]]), q)
    return rates


def _add_rate(rates: dict, key: tuple[str, str], rate: Quantity) -> None:
    """A rate stated again with the same figure is the same statement: the first one counts."""
    if not any(r.printed == rate.printed for r in rates.get(key, [])):
        rates.setdefault(key, []).append(rate)


def _with_rate(doc: Document, original: Fact, converted: Fact, rate: Quantity) -> Claim:
    inputs = {"s1": original.quantity, "s2": converted.quantity, "rate": rate}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = _conversion_facts("")
    claim.row = rated_row(original.quantity, converted.quantity, rate)
    return quote_apart(doc, claim)


def rated_row(original: Quantity, converted: Quantity, rate: Quantity) -> dict[str, float]:
    """The printed `converted` against `original` over `rate` (an amount over an exchange rate,
    a price over its EPS), within the rounding of all three."""
    strict = spread([original.strict / rate.strict, converted.strict])
    lenient = spread([original.lenient / rate.lenient, converted.lenient])
    scale = abs(converted.value) or 1.0
    return {"statements": 2.0, "strict_gap": strict / scale, "strict_lenient_gap": lenient / scale}


def _one_rate(doc: Document, key: tuple[str, str], members: list[tuple[Fact, Fact]]) -> Claim:
    pairs = [(original.quantity, converted.quantity) for original, converted in members]
    claim = Claim(NAME, doc.source, quotient_inputs(pairs))
    claim.facts = _conversion_facts(f"{key[0]} per {key[1]}")
    claim.row = one_quotient_row(pairs, strict=True)
    return quote_apart(doc, claim)


def explain(claim: Claim) -> str:
    text = claim.source.text
    inputs = claim.inputs
    if "factor" in claim.facts:
        original, converted, factor = inputs["s1"], inputs["s2"], claim.facts["factor"]
        return (
            f"{original.shown(text)} × {fmt(factor, 4)} = "
            f"{fmt(original.value * factor)} {converted.unit}; printed as {converted.shown(text)} "
            f"{converted.strict.format(3)}"
        )
    if "rate" in inputs:
        original, converted, rate = inputs["s1"], inputs["s2"], inputs["rate"]
        implied = original.value / rate.value
        return (
            f"{original.shown(text)} / {rate.shown(text)} = {fmt(implied / 1e8)}亿 "
            f"{converted.unit}; printed as {converted.shown(text)} "
            f"{converted.strict.scale(1e-8).format(3)}亿"
        )
    rates = [
        inputs[f"s{i}"].value / inputs[f"s{i + 1}"].value for i in range(1, len(inputs) + 1, 2)
    ]
    shown = "; ".join(
        f"{inputs[f's{i}'].shown(text)} = {inputs[f's{i + 1}'].shown(text)}"
        for i in range(1, len(inputs) + 1, 2)
    )
    return f"{shown}: implied rates {', '.join(fmt(r, 3) for r in rates)} {claim.facts['key']}"
