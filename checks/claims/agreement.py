"""agreement: the same quantity stated more than once, in one document or across documents.

Statements are grouped by key as a hash join, never compared all against all:
  same key             every figure of one (measure, category, scope, period, unit)
  related keys         categories or modalities the lexicon calls related (医疗器械 ~ 医学装备),
                       or a weakly dated figure against the years next to its guess
  complementary shares a domestic and an import share of one product cannot exceed 100% together
Only a same-key group of strong statements can be an error; everything looser is a warning.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from checks.claims.base import Claim, fmt
from checks.claims.corpus import Corpus
from checks.keys import Lexicon, Statement
from checks.quantities import Interval, Quantity

NAME = "agreement"
NAMED_STATEMENTS = 6  # a larger group is explained by its two furthest statements and a count


class Agreement:
    name = NAME
    columns = ("statements", "strict_gap", "strict_lenient_gap", "loose_gap")

    def find_across(self, corpus: Corpus) -> list[Claim]:
        statements, sources, lexicon = corpus.statements, corpus.sources, corpus.lexicon
        found: dict[str, Claim] = {}
        groups = (
            _same_key(statements, lexicon),
            _related_keys(statements, lexicon),
            _complements(statements, lexicon),
        )
        for group in groups:
            for relation, members, reasons in group:
                claim = _claim(relation, members, reasons, sources)
                found.setdefault(claim.id, claim)
        return sorted(found.values(), key=lambda c: c.id)

    def explain(self, claim: Claim) -> str:
        return explain(claim)


Group = tuple[str, list[Statement], list[str]]


def _same_key(statements: list[Statement], lexicon: Lexicon) -> Iterator[Group]:
    groups: dict = defaultdict(list)
    for statement in statements:
        groups[statement.key].append(statement)
    for key, grouped in groups.items():
        # a key the lexicon pinned down (a known category) needs no label to tell scopes apart
        known = bool(key.category) and not key.category.startswith("~")
        if len({s.source_id for s in grouped}) == 1:
            grouped = [s for s in grouped if s.strong]
        for members in [grouped] if known else _by_label(grouped):
            if len(members) < 2:
                continue
            reasons = _weak_reasons(members)
            publishers = {m.source_id for m in members}
            if len(publishers) > 1 and lexicon.measures.entries[key.measure].estimates_vary:
                reasons.insert(0, "sources may estimate this measure differently")
            yield "same", members, reasons


def _by_label(members: list[Statement]) -> list[list[Statement]]:
    """Within one document, figures the lexicon keys alike but labelled apart (纺织品出口 and
    出口, 12月 and 全年) are of two scopes: a group with such a document splits by label. A
    document compared only with itself compares its firmly dated figures only: a guessed year
    joins figures of different paragraphs that the text never tied together."""
    labels: dict[str, set[str]] = defaultdict(set)
    for statement in members:
        labels[statement.source_id].add(statement.label)
    if all(len(found) <= 1 for found in labels.values()):
        return [members]
    clusters: dict[str, list[Statement]] = defaultdict(list)
    for statement in members:
        clusters[statement.label].append(statement)
    return list(clusters.values())


def _years(statement: Statement) -> Iterable[int]:
    """A weakly dated figure may belong to the year before or after its guess."""
    year = statement.key.year
    return (year,) if statement.strong else (year - 1, year, year + 1)


def _part(statement: Statement) -> str:
    return statement.key.period.partition(":")[2]


def _related_keys(statements: list[Statement], lexicon: Lexicon) -> Iterator[Group]:
    buckets: dict = defaultdict(list)
    for statement in statements:
        for year in _years(statement):
            buckets[(*statement.key.loose(), _part(statement), year)].append(statement)
    for members in buckets.values():
        partitions: dict = defaultdict(list)
        for statement in members:
            key = statement.key
            partitions[(key.category, key.modality, key.period)].append(statement)
        for a, b in combinations(sorted(partitions), 2):
            reasons = _loose_reasons(lexicon, a, b)
            if not reasons or _one_document_guessing_dates(a, b, partitions):
                continue
            group = _one_reading_each(partitions[a] + partitions[b])
            if len({s.source_id for s in group}) > 1:
                yield "related", group, reasons + _weak_reasons(group)


def _one_reading_each(group: list[Statement]) -> list[Statement]:
    """A loose comparison across documents takes from each document only figures that agree
    among themselves: two disagreeing ones of one document are two scopes it never told apart,
    and neither is the figure another document states."""
    by_source: dict[str, list[Statement]] = defaultdict(list)
    for statement in group:
        by_source[statement.source_id].append(statement)
    kept = []
    for members in by_source.values():
        if spread([s.quantity.lenient for s in members]) == 0:
            kept += members
    return kept


def _one_document_guessing_dates(a: tuple, b: tuple, partitions: dict) -> bool:
    """Within one article a guessed year next to a stated one is more likely another period."""
    documents = {s.source_id for s in partitions[a] + partitions[b]}
    return a[2] != b[2] and len(documents) == 1


def _loose_reasons(lexicon: Lexicon, a: tuple, b: tuple) -> list[str]:
    """Why two partitions match only loosely, or [] when they should not be compared."""
    category = _relation(lexicon, lexicon.categories, a[0], b[0])
    modality = _relation(lexicon, lexicon.modalities, a[1], b[1])
    if "within" in (category, modality) or "" in (category, modality):
        return []  # a sub-type or an unrelated universe: not the same quantity
    reasons = []
    if category == "related":
        reasons.append(f"definitions differ: {a[0]} vs {b[0]}")
    if modality == "related":
        reasons.append(f"products differ: {a[1]} vs {b[1]}")
    if a[2] != b[2]:
        reasons.append(f"dates differ: {a[2]} vs {b[2]}")
    return reasons


def _relation(lexicon: Lexicon, section, a: str, b: str) -> str:
    if not a or not b:
        return "same" if a == b else ""
    return lexicon.related(section, a, b)


def _complements(statements: list[Statement], lexicon: Lexicon) -> Iterator[Group]:
    buckets: dict = defaultdict(lambda: defaultdict(list))
    for statement in statements:
        measure = lexicon.measures.entries[statement.key.measure]
        if not measure.complement:
            continue
        side = min(measure.id, measure.complement)  # one side of each pair, named the same way
        key = statement.key
        for year in _years(statement):
            bucket = (side, key.region, key.partner, key.klass, key.unit, _part(statement), year)
            buckets[bucket][key.measure].append(statement)
    for sides in buckets.values():
        if len(sides) != 2:
            continue
        first, second = (_largest_per_partition(side) for side in sides.values())
        for a in first:  # partitions, not statements: linear however many articles agree
            for b in second:
                reasons = _complement_reasons(lexicon, a, b)
                if reasons is not None:
                    yield "complement", [a, b], reasons + _weak_reasons([a, b])


def _largest_per_partition(side: list[Statement]) -> list[Statement]:
    """One statement per (category, modality, period): the largest share, because if any
    domestic and import share together exceed 100%, the two largest do."""
    largest: dict[tuple, Statement] = {}
    for statement in side:
        key = statement.key
        slot = (key.category, key.modality, key.period, statement.strong)
        if slot not in largest or statement.quantity.strict.lo > largest[slot].quantity.strict.lo:
            largest[slot] = statement
    return [largest[slot] for slot in sorted(largest)]


def _complement_reasons(lexicon: Lexicon, a: Statement, b: Statement) -> list[str] | None:
    modality = _relation(lexicon, lexicon.modalities, a.key.modality, b.key.modality)
    if modality not in ("same", "within"):
        return None
    reasons = []
    if modality == "within":
        reasons.append(f"products differ: {a.key.modality} vs {b.key.modality}")
    if a.key.category != b.key.category:
        reasons.append(f"definitions differ: {a.key.category or '—'} vs {b.key.category or '—'}")
    if a.key.period != b.key.period:
        reasons.append(f"dates differ: {a.key.period} vs {b.key.period}")
    return reasons


def _weak_reasons(members: list[Statement]) -> list[str]:
    reasons = []
    for statement in members:
        for reason in statement.weak_reasons:
            text = f"{statement.source_id}: {reason}"
            if text not in reasons:
                reasons.append(text)
    return reasons


def _claim(relation: str, members: list[Statement], reasons: list[str], sources) -> Claim:
    members = sorted(members, key=lambda s: (s.source_id, s.quantity.start))
    roles = [f"s{i + 1}" for i in range(len(members))]
    first = members[0]
    claim = Claim(
        NAME,
        sources[first.source_id],
        {role: s.quantity for role, s in zip(roles, members, strict=True)},
        input_sources={role: sources[s.source_id] for role, s in zip(roles, members, strict=True)},
    )
    claim.facts = {
        "relation": relation,
        "key": first.key.label(),
        "periods": [s.key.period for s in members],
        "reasons": reasons,
        "strict": relation in ("same", "complement") and not reasons,
    }
    digest = hashlib.sha1(
        "|".join(f"{s.source_id}:{s.quantity.start}" for s in members).encode()
    ).hexdigest()[:10]
    claim.fixed_id = f"agreement:{first.key.measure}:{first.key.period}:{relation}:{digest}"
    claim.row = derive(claim)
    return claim


def _scale(quantities: list[Quantity]) -> float:
    if quantities[0].kind == "percent":
        return 1.0  # percentage points
    return max(abs(q.value) for q in quantities) or 1.0


def spread(intervals: list[Interval]) -> float:
    """How far apart the intervals are: 0 when one value lies in all of them."""
    return max(0.0, max(i.lo for i in intervals) - min(i.hi for i in intervals))


def quotient_inputs(pairs: list[tuple[Quantity, Quantity]]) -> dict[str, Quantity]:
    """s1, s2, s3 …: each pair's dividend, then its divisor."""
    inputs: dict[str, Quantity] = {}
    for i, (dividend, divisor) in enumerate(pairs):
        inputs[f"s{2 * i + 1}"], inputs[f"s{2 * i + 2}"] = dividend, divisor
    return inputs


def one_quotient_row(pairs: list[tuple[Quantity, Quantity]], strict: bool) -> dict[str, float]:
    """Every pair's dividend over its divisor must admit one value (one exchange rate, one
    population, one count of shares): the quotients' spread, relative to their mean. A claim
    compared loosely has only the loose gap, at the suite's warning."""
    scale = abs(sum(a.value / b.value for a, b in pairs) / len(pairs))
    lenient = spread([a.lenient / b.lenient for a, b in pairs]) / scale
    row = {"statements": 2.0 * len(pairs)}
    if not strict:
        return row | {"loose_gap": lenient}
    printed = spread([a.strict / b.strict for a, b in pairs]) / scale
    return row | {"strict_gap": printed, "strict_lenient_gap": lenient}


def derive(claim: Claim) -> dict[str, float | None]:
    if claim.facts.get("relation") == "enumeration":
        from checks.claims import enumeration  # it builds on this module

        return enumeration.derive(claim)
    if claim.facts.get("relation") == "last year's total":
        from checks.claims import restatement  # it builds on this module

        return restatement.derive_last_years_total(claim)
    quantities = list(claim.inputs.values())
    if claim.facts["relation"] == "complement":
        strict_gap = max(0.0, sum(q.strict.lo for q in quantities) - 100)
        lenient_gap = max(0.0, sum(q.lenient.lo for q in quantities) - 100)
    else:
        scale = _scale(quantities)
        strict_gap = spread([q.strict for q in quantities]) / scale
        lenient_gap = spread([q.lenient for q in quantities]) / scale
    row: dict[str, float | None] = {"statements": float(len(quantities))}
    if claim.facts["strict"]:
        row |= {"strict_gap": strict_gap, "strict_lenient_gap": lenient_gap}
    else:
        row["loose_gap"] = lenient_gap
    return row


def explain(claim: Claim) -> str:
    if claim.facts.get("relation") == "conversion":
        from checks.claims import conversion  # it builds on this module

        return conversion.explain(claim)
    if claim.facts.get("relation") == "valuation":
        from checks.claims import valuation  # it builds on this module

        return valuation.explain(claim)
    if claim.facts.get("relation") == "enumeration":
        from checks.claims import enumeration  # it builds on this module

        return enumeration.explain(claim)
    if claim.facts.get("relation") == "last year's total":
        from checks.claims import restatement  # it builds on this module

        return restatement.explain_last_years_total(claim)
    if claim.facts.get("relation") == "vital rates":
        from checks.claims import vital_rates  # it builds on this module

        return vital_rates.explain(claim)
    parts = [_statement_text(claim, role) for role in _named_roles(claim)]
    facts = claim.facts
    if facts["relation"] == "complement":
        total = sum(q.strict.lo for q in claim.inputs.values())
        shares = " + ".join(parts)
        head = f"{facts['key']}: complementary shares {shares} ≥ {fmt(total)}%, at most 100%"
    else:
        head = f"{facts['key']}: {'; '.join(parts)}"
        hidden = len(claim.inputs) - len(parts)
        if hidden:
            values = [q.value for q in claim.inputs.values()]
            head += (
                f"; and {hidden} more statements, the values ranging from "
                f"{fmt(min(values))} to {fmt(max(values))}"
            )
    if facts["reasons"]:
        head += f" — compared loosely: {'; '.join(facts['reasons'])}"
    return head


def _statement_text(claim: Claim, role: str) -> str:
    quantity, source = claim.inputs[role], claim.source_of(role)
    return f"{quantity.shown(source.text)} ({source.id}) {quantity.strict.format(3)}"


def _named_roles(claim: Claim) -> list[str]:
    """Every statement of a small group; of a large one, the two that lie furthest apart (the
    lowest upper bound and the highest lower bound), which is what the gap is made of."""
    roles = list(claim.inputs)
    if len(roles) <= NAMED_STATEMENTS or claim.facts["relation"] == "complement":
        return roles
    lowest = min(roles, key=lambda role: claim.inputs[role].strict.hi)
    highest = max(roles, key=lambda role: claim.inputs[role].strict.lo)
    return [role for role in roles if role in (lowest, highest)]
