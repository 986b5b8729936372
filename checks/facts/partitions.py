"""Partitions in the fact table: levels whose labels cover a group of data/partitions.yaml (出口 +
进口, the three industries …), and the total they split, found by label. Sums and the shares of
a structure (4.8:38.6:56.6) both ask this question."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from checks import paths
from checks.facts.labels import vocabulary
from checks.facts.table import Fact, FactTable

PART_WINDOW = 3  # sentences a partition's parts may spread over (其中,A;B;C)


@dataclass(frozen=True)
class Partition:
    words: tuple[str, ...]  # the partition words, in the data's order
    parts: tuple[Fact, ...]  # one level per word, in the same order
    total: Fact | None  # the whole they split, when the text states it


@lru_cache(maxsize=4)
def partition_groups(path: Path | None = None) -> list[tuple[list[str], str]]:
    """Each group's parts and, where the data names it, its total's measure."""
    with open(path or paths.DATA / "partitions.yaml", encoding="utf-8") as handle:
        groups = yaml.safe_load(handle) or []
    return [
        (list(g["parts"]), str(g.get("total", ""))) if isinstance(g, dict) else (list(g), "")
        for g in groups
    ]


def partitions_of(table: FactTable) -> list[Partition]:
    """Every partition the document states, built once per document."""
    return table.doc.memo("partitions", lambda: list(_partitions(table)))


def _partitions(table: FactTable):
    levels = [f for f in table if f.role == "level" and f.is_amount and not f.quantity.is_range]
    for words, total_word in partition_groups():
        for first in levels:
            parts = _cover(levels, first, words)
            if parts is not None:
                total = _labelled_total(table, levels, parts, words, total_word)
                yield Partition(tuple(words), tuple(parts), total)


def _cover(levels: list[Fact], first: Fact, words: list[str]) -> list[Fact] | None:
    """One level per partition word, starting at `first`, each named once in the window; in the
    order of the words."""
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
        named = [f for f in window if names(f.label.text, word)]
        if len(named) != 1 or named[0].label.total:
            return None
        chosen.append(named[0])
    rests = {rest_after(f.label.text, w) for f, w in zip(chosen, words, strict=True)}
    if len(rests) != 1 or min(chosen, key=lambda f: f.index) is not first:
        return None  # 境内注册 and 进口备案 are not one partition
    return chosen


def names(label: str, word: str) -> bool:
    """A label names a partition word (or one of its spellings, A|B) on its own, not inside a
    longer measure of the vocabulary: 出口 in 医疗器械出口, not in 进出口."""
    return any(_names_one(label, spelling) for spelling in word.split("|"))


def _names_one(label: str, word: str) -> bool:
    at = label.find(word)
    if at < 0:
        return False
    for longer in set(vocabulary().heads.values()):
        inner = longer.find(word)
        if longer != word and inner >= 0 and label.startswith(longer, at - inner):
            return False
    return True


def rest_after(label: str, word: str) -> str:
    """What follows the partition word in a label: 第一产业投资 → 投资."""
    for spelling in word.split("|"):
        if _names_one(label, spelling):
            return label[label.find(spelling) + len(spelling) :]
    return ""


def _labelled_total(
    table: FactTable, levels: list[Fact], parts: list[Fact], words: list[str], total_word: str
) -> Fact | None:
    """The nearest total before the parts, in their paragraph or the one before."""
    first = min(parts, key=lambda f: f.index)
    rest = rest_after(parts[0].label.text, words[0])
    paragraphs = {first.paragraph}
    for candidate in reversed(levels[: levels.index(first)]):
        if candidate.paragraph not in paragraphs:
            if len(paragraphs) > 1:
                return None
            paragraphs.add(candidate.paragraph)
        if candidate.quantity.unit != first.quantity.unit:
            continue
        if candidate.quantity.strict.hi < max(p.quantity.strict.lo for p in parts):
            continue  # 人均生产总值11753元 is smaller than a part: no total of them
        if candidate.period.split(":")[0] != first.period.split(":")[0]:
            continue
        if total_word and candidate.label.head == total_word:
            # 对美出口 + 对美进口 split 对美进出口, not the country's whole trade
            subjects = {_residue(p, w) for p, w in zip(parts, words, strict=True) if p.label.head}
            foreign = [s for s in subjects if s and not _within(s, candidate.subject)]
            return None if foreign else candidate
        if rest and rest in candidate.label.text and candidate.label.total:
            return candidate
        if (
            len(rest) >= 2
            and candidate.label.text.endswith(rest)
            and not _names_any(candidate.label.text, words)
            and not _listed_part(table, candidate)
        ):
            return candidate  # 第一产业投资 … against 固定资产投资: the measure the parts share
    return None


def _residue(part: Fact, word: str) -> str:
    """A part's subject without its partition word: 再出口 names no subject of its own."""
    subject = part.subject
    for spelling in word.split("|"):
        subject = subject.replace(spelling.removesuffix(part.label.head), "")
    return subject


def _listed_part(table: FactTable, fact: Fact) -> bool:
    """A figure after 其中 in its full sentence (to the last 。) is itself a part of something."""
    before = table.doc.between(fact.paragraph, fact.quantity.start)
    return "其中" in before[before.rfind("。") + 1 :]


def _within(a: str, b: str) -> bool:
    """中国 and 中国货物 name one reporter: either holds the other."""
    return a in b or b in a


def _names_any(label: str, words: list[str]) -> bool:
    return any(names(label, word) for word in words)
