"""sum: listed components against a stated total.

Two shapes only, because categories often overlap ("firms able to make class I / II / III
devices" need not add up to all firms):
  A x、B y 和 C z,合计/共计/总计 T       an explicit total after the list
  总量 T,其中 A x、B y                   only when A, B cover a partition in data/partitions.yaml
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import yaml

from checks import paths
from checks.claims.base import (
    RELATION_COLUMNS,
    Claim,
    amount_text,
    has_total_marker,
    interval_text,
    relation_row,
    same_unit,
)
from checks.document import AMOUNT_KINDS, Document
from checks.quantities import Interval, Quantity

NAME = "sum"
_TOTAL_AFTER = re.compile(r"(?:合计|共计|总计|总共|一共|加总)(?:为|达到|达|约)?\s*")
_WHERE = re.compile(r"其中\s*[,:]?")
_LIST_GLUE = re.compile(r"^[\s、,,和及与以及分别为]*[^\d,,。;]{0,14}$")


@lru_cache(maxsize=4)
def partitions(path: Path | None = None) -> list[list[str]]:
    with open(path or paths.DATA / "partitions.yaml", encoding="utf-8") as handle:
        return [list(group) for group in yaml.safe_load(handle) or []]


class Sum:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        yield from self._listed_then_total(doc)
        yield from self._total_then_partition(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)

    def _listed_then_total(self, doc: Document) -> Iterator[Claim]:
        for match in _TOTAL_AFTER.finditer(doc.view):
            found = doc.quantities_in(match.end(), match.end() + 10)
            if not found or found[0].start != match.end() and found[0].number_start != match.end():
                continue
            total = found[0]
            start = doc.sentences[doc.sentence_at(match.start())][0]
            components = _contiguous(doc, doc.quantities_in(start, match.start()), total)
            if len(components) >= 2:
                yield _claim(doc, total, components, "listed")

    def _total_then_partition(self, doc: Document) -> Iterator[Claim]:
        for index in range(len(doc.sentences)):
            amounts = [q for q in doc.sentence_quantities(index) if q.kind in AMOUNT_KINDS]
            if len(amounts) < 2:  # a partition has two parts at least
                continue
            for unit in {q.unit for q in amounts}:
                parts = _partition_cover(doc, [q for q in amounts if q.unit == unit])
                total = parts and _total_before(doc, parts[0], index)
                if total:
                    yield _claim(doc, total, parts, "partition")


def _total_before(doc: Document, first: Quantity, index: int) -> Quantity | None:
    """The nearest same-unit amount before the parts that is marked as a total or by 其中."""
    floor = doc.sentences[max(index - 1, 0)][0]
    for candidate in reversed(doc.quantities_in(floor, first.start)):
        if not same_unit(candidate, first) or candidate.is_range:
            continue
        after = doc.between(candidate.end, candidate.end + 4)
        if has_total_marker(doc.label(candidate)) or _WHERE.match(after.lstrip(", ")):
            return candidate
        return None
    return None


def _contiguous(doc: Document, before: list[Quantity], total: Quantity) -> list[Quantity]:
    """Same-unit amounts listed right before the total, with only labels between them."""
    components: list[Quantity] = []
    for quantity in reversed(before):
        if not same_unit(quantity, total) or quantity.is_range:
            break
        if components and not _LIST_GLUE.match(doc.between(quantity.end, components[-1].start)):
            break
        components.append(quantity)
    return list(reversed(components))


def _partition_cover(doc: Document, amounts: list[Quantity]) -> list[Quantity]:
    if len(amounts) < 2:  # a partition has two members at least
        return []
    labelled = [(q, doc.label(q)) for q in amounts]
    labelled = [(q, label) for q, label in labelled if not has_total_marker(label)]
    parts, labels = [q for q, _ in labelled], [label for _, label in labelled]
    for group in partitions():
        chosen = []
        for member in group:
            matches = [q for q, label in zip(parts, labels, strict=True) if member in label]
            if len(matches) != 1:
                break
            chosen.append(matches[0])
        else:
            return sorted(chosen, key=lambda q: q.start)
    return []


def _claim(doc: Document, total: Quantity, components: list[Quantity], shape: str) -> Claim:
    inputs = {f"part{i + 1}": q for i, q in enumerate(components)} | {"total": total}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {"shape": shape, "parts": len(components)}
    claim.row = derive(claim)
    return claim


def _parts(claim: Claim) -> list[Quantity]:
    return [claim.inputs[f"part{i + 1}"] for i in range(claim.facts["parts"])]


def derive(claim: Claim) -> dict[str, float | None]:
    total, parts = claim.inputs["total"], _parts(claim)
    strict = sum((q.strict for q in parts[1:]), parts[0].strict)
    lenient = sum((q.lenient for q in parts[1:]), parts[0].lenient)
    return relation_row(total.strict, strict, total.lenient, lenient, abs(total.value) or 1.0)


def explain(claim: Claim) -> str:
    text = claim.source.text
    total, parts = claim.inputs["total"], _parts(claim)
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    point = sum(q.value for q in parts)
    return (
        f"{' + '.join(q.shown(text) for q in parts)} = {amount_text(point, total)} "
        f"[from the printed figures {interval_text(implied, total)}]; stated total "
        f"{total.shown(text)} means {interval_text(total.strict, total)}"
    )
