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
from checks.facts import Fact, facts, vocabulary
from checks.quantities import Interval, Quantity

NAME = "sum"
_TOTAL_AFTER = re.compile(r"(?:合计|共计|总计|总共|一共|加总)(?:为|达到|达|约)?\s*")
_WHERE = re.compile(r"其中\s*[,:]?")
_LIST_GLUE = re.compile(r"^[\s、,,和及与以及分别为]*[^\d,,。;]{0,14}$")


@lru_cache(maxsize=4)
def partition_groups(path: Path | None = None) -> list[tuple[list[str], str]]:
    """Each group's parts and, where the data names it, its total's measure."""
    with open(path or paths.DATA / "partitions.yaml", encoding="utf-8") as handle:
        groups = yaml.safe_load(handle) or []
    return [
        (list(g["parts"]), str(g.get("total", ""))) if isinstance(g, dict) else (list(g), "")
        for g in groups
    ]


def partitions(path: Path | None = None) -> list[list[str]]:
    return [parts for parts, _ in partition_groups(path)]


class Sum:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        yield from self._listed_then_total(doc)
        yield from self._total_then_partition(doc)
        yield from _partitions_from_facts(doc)

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


PART_WINDOW = 3  # sentences a partition's parts may spread over (其中,A;B;C)


def _partitions_from_facts(doc: Document) -> Iterator[Claim]:
    """Parts whose labels cover a partition, and the total they belong to, found by label in
    their paragraph or the one before: "进出口总额T……其中,出口额X……;进口额M", or
    "注册备案产品总量T。……境内注册A,进口注册B"."""
    table = facts(doc)
    levels = [f for f in table if f.role == "level" and f.is_amount and not f.quantity.is_range]
    for parts_words, total_word in partition_groups():
        for first in levels:
            parts = _cover(levels, first, parts_words)
            if parts is None:
                continue
            total = _labelled_total(levels, parts, parts_words, total_word)
            if total is not None:
                yield _claim(doc, total.quantity, [p.quantity for p in parts], "partition")


def _cover(levels: list[Fact], first: Fact, words: list[str]) -> list[Fact] | None:
    """One level per partition word, starting at `first`, each named once in the window."""
    if not first.label.text.startswith(words[0]) and words[0] not in first.label.text:
        return None
    window = [
        f
        for f in levels
        if f.paragraph == first.paragraph
        and first.sentence <= f.sentence < first.sentence + PART_WINDOW
        and f.index >= first.index
        and f.quantity.unit == first.quantity.unit
        and f.period == first.period
    ]
    chosen = []
    for word in words:
        named = [f for f in window if _names(f.label.text, word)]
        if len(named) != 1 or named[0].label.total:
            return None
        chosen.append(named[0])
    rests = {_rest(f.label.text, w) for f, w in zip(chosen, words, strict=True)}
    if len(rests) != 1 or min(chosen, key=lambda f: f.index) is not first:
        return None  # 境内注册 and 进口备案 are not one partition
    return sorted(chosen, key=lambda f: f.index)


def _names(label: str, word: str) -> bool:
    """A label names a partition word on its own, not inside a longer measure of the vocabulary:
    出口 in 医疗器械出口, not in 进出口."""
    at = label.find(word)
    if at < 0:
        return False
    for longer in set(vocabulary().heads.values()):
        inner = longer.find(word)
        if longer != word and inner >= 0 and label.startswith(longer, at - inner):
            return False
    return True


def _rest(label: str, word: str) -> str:
    return label[label.find(word) + len(word) :]


def _labelled_total(
    levels: list[Fact], parts: list[Fact], words: list[str], total_word: str
) -> Fact | None:
    """The nearest total before the parts, in their paragraph or the one before."""
    first = parts[0]
    rest = _rest(first.label.text, words[0])
    paragraphs = {first.paragraph}
    for candidate in reversed(levels[: levels.index(first)]):
        if candidate.paragraph not in paragraphs:
            if len(paragraphs) > 1:
                return None
            paragraphs.add(candidate.paragraph)
        if candidate.quantity.unit != first.quantity.unit:
            continue
        if candidate.period.split(":")[0] != first.period.split(":")[0]:
            continue
        if total_word and candidate.label.head == total_word:
            subjects = {p.label.subject for p in parts} - {"", candidate.label.subject}
            return None if subjects else candidate
        if rest and rest in candidate.label.text and candidate.label.total:
            return candidate
    return None


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
            matches = [
                (q, label) for q, label in zip(parts, labels, strict=True) if member in label
            ]
            if len(matches) != 1:
                break
            chosen.append((matches[0][0], _rest(matches[0][1], member)))
        else:
            if len({rest for _, rest in chosen}) == 1:  # 境内注册 + 进口备案 split no one whole
                return sorted((q for q, _ in chosen), key=lambda q: q.start)
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
