"""vital rates: a population's per-mille rates against each other and the counts they divide.

Statistical communiqués state 全年出生人口A,出生率为a‰;死亡人口B,死亡率为b‰;自然增长率为c‰.
Every such rate is its count over one average population, so A/a, B/b and C/c must admit one
population (an agreement claim), and the natural rate is the birth rate less the death rate
(a difference claim: a − b = c, in per-mille points), as the counts are (A − B = C). The rates
and counts of one paragraph and
one year are read together; a rate named twice there is left alone (which one is meant?).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.claims import difference
from checks.claims.agreement import Agreement, one_quotient_row, quotient_inputs
from checks.claims.base import Claim, fmt, quote_apart
from checks.document import Document
from checks.facts import Fact, FactTable, facts, vocabulary
from checks.facts.labels import core_name
from checks.facts.periods import year_of

NAME = "agreement"
_PERMILLE = "permille"
_BIRTHS, _DEATHS, _NATURAL = "births", "deaths", "natural"


class VitalRates:
    name = NAME
    columns = Agreement.columns

    def find(self, doc: Document) -> Iterator[Claim]:
        if "出生" not in doc.view:
            return  # most documents state no births
        table = facts(doc)
        for rates, counts in _groups(table):
            if all(kind in rates for kind in (_BIRTHS, _DEATHS, _NATURAL)):
                yield _natural(doc, rates, "自然增长率 ")
            if all(kind in counts for kind in (_BIRTHS, _DEATHS, _NATURAL)):
                yield _natural(doc, counts, "自然增加 ")
            pairs = [(counts[k], rates[k]) for k in rates if k in counts and _off_zero(rates[k])]
            if len(pairs) >= 2:
                yield _one_population(doc, pairs)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _groups(table: FactTable) -> Iterator[tuple[dict[str, Fact], dict[str, Fact]]]:
    """Per paragraph and year: each kind's one rate (in ‰) and one count, where either is."""
    named = vocabulary().vital_rates
    found: dict[tuple[int, str], dict[str, dict[str, list[Fact]]]] = {}
    for fact in table:
        if fact.quantity.is_range:
            continue
        name = core_name(fact.label.text)
        for kind, (rate_word, count_words) in named.items():
            if fact.quantity.kind == _PERMILLE and name.endswith(rate_word):
                role = "rate"
            elif (
                fact.quantity.kind == "people"
                and (fact.role == "level" or kind == _NATURAL and fact.role == "change")
                and fact.direction >= 0
                and name.endswith(count_words)
            ):
                role = "count"
            else:
                continue
            # by year: a 年末 the paragraph carried from a stock names no rate's period
            group = found.setdefault(
                (fact.paragraph, year_of(fact.period)), {"rate": {}, "count": {}}
            )
            group[role].setdefault(kind, []).append(fact)
            break
    for group in found.values():
        rates = {k: v[0] for k, v in group["rate"].items() if len(v) == 1}
        counts = {k: v[0] for k, v in group["count"].items() if len(v) == 1}
        if rates or counts:
            yield rates, counts


def _off_zero(rate: Fact) -> bool:
    """A rate whose reading may be 0 divides nothing (自然增长率0.1‰ may be 0.05‰ or 0.15‰)."""
    return all(i.lo > 0 or i.hi < 0 for i in (rate.quantity.strict, rate.quantity.lenient))


def _natural(doc: Document, of: dict[str, Fact], verb: str) -> Claim:
    """出生率a‰ − 死亡率b‰ = 自然增长率c‰, or 出生人口A − 死亡人口B = 自然增加C: a difference
    claim, in per-mille points or in people."""
    births, deaths, natural = of[_BIRTHS], of[_DEATHS], of[_NATURAL]
    inputs = {"before": deaths.quantity, "after": births.quantity, "change": natural.quantity}
    claim = Claim(difference.NAME, doc.source, inputs)
    claim.facts = {"falling": False, "verb": verb, "vital": True}
    claim.row = difference.derive(claim)
    return quote_apart(doc, claim)


def _one_population(doc: Document, pairs: list[tuple[Fact, Fact]]) -> Claim:
    """出生人口A over 出生率a‰ and 自然增加人口C over 自然增长率c‰: one average population."""
    quantities = [(count.quantity, rate.quantity) for count, rate in pairs]
    claim = Claim(NAME, doc.source, quotient_inputs(quantities))
    claim.facts = {
        "relation": "vital rates",
        "key": "population",
        "periods": [pairs[0][0].period],
        "reasons": [],
        "strict": True,
    }
    claim.row = one_quotient_row(quantities, strict=True)
    return quote_apart(doc, claim)


def explain(claim: Claim) -> str:
    text = claim.source.text
    inputs = claim.inputs
    shown = []
    for i in range(1, len(inputs) + 1, 2):
        count, rate = inputs[f"s{i}"], inputs[f"s{i + 1}"]
        population = count.value / rate.value * 1000
        implied = (count.strict / rate.strict).scale(1000 / 1e4)
        shown.append(
            f"{count.shown(text)} / {rate.shown(text)} = {fmt(population / 1e4)}万 "
            f"{implied.format(2)}"
        )
    return "; ".join(shown) + ": each rate is of one average population"
