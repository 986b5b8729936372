"""A source with its tokens and sentences: the document model that claims and keys share."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cached_property
from typing import TypeVar

from checks.quantities import Period, Quantity, scan
from checks.read import Source
from checks.vocabulary import CHANGE_BEFORE

_SENTENCE_END = re.compile(r"[。!?;\n]+")
_CLAUSE_END = re.compile(r"[,、:;。!?\n()]")
# Families of measures: a figure of one family is never a part of a whole of another
# (净利润 is no part of 营业收入, 出口值 no part of 产值). Unknown families never exclude.
_FAMILIES = (
    ("profit", "净利润|净利|利润"),
    ("exports", "出口"),
    ("imports", "进口"),
    ("balance", "逆差|顺差"),
    ("revenue", "营业收入|主营业务收入|收入|营收|销售额|产值"),
    ("spending", "支出|费用|投入"),
)
_FAMILY = re.compile("|".join(f"(?P<{name}>{words})" for name, words in _FAMILIES))
# "较2022年的1,090亿元": a value named only to compare with
_REFERENCE_BEFORE = re.compile(
    r"(?:比|较|相比|相较|与)(?:于)?\s*(?:\d{4} ?年|上年|去年|前年)?(?:末|底|同期)?的?\s*$"
)
MAX_SENTENCE = 500  # characters; real sentences are far shorter
PARAGRAPH_WINDOW = 1500  # characters looked back for a paragraph's year or category
T = TypeVar("T")
BULLET_MARKS = "-•·*"  # what opens a bullet line of a note (- 营业收入…, • 出口…)
AMOUNT_KINDS = frozenset({"money", "count", "people", "number", "mass", "energy", "power", "area"})


class Document:
    """A source with its tokens and sentences, and lookups the claim finders share."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.view = source.view
        self.tokens = scan(source.view)
        self._starts = [t.start for t in self.tokens]
        self._memo: dict[str, object] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A finder's result computed once per document for every claim type that needs it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        bounds, start = [], 0
        for match in _SENTENCE_END.finditer(self.view):
            end = match.start()
            if end - start > MAX_SENTENCE:
                bounds.extend(self._capped(start, end))
            elif end > start:
                bounds.append((start, end))
            start = match.end()
        if start < len(self.view):
            bounds.extend(self._capped(start, len(self.view)))
        return bounds

    def _capped(self, start: int, end: int) -> list[tuple[int, int]]:
        """A run-on "sentence" is cut at clause marks, so work per sentence stays bounded."""
        pieces = []
        while end - start > MAX_SENTENCE:
            window = self.view[start : start + MAX_SENTENCE]
            cuts = [m.end() for m in _CLAUSE_END.finditer(window)]
            cut = start + (cuts[-1] if cuts and cuts[-1] > MAX_SENTENCE // 2 else MAX_SENTENCE)
            pieces.append((start, cut))
            start = cut
        return [*pieces, (start, end)]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    # the three below run hundreds of thousands of times on a corpus: plain comparisons, no max()
    def sentence_at(self, pos: int) -> int:
        index = bisect_right(self._sentence_starts, pos) - 1
        return index if index > 0 else 0

    def paragraph_start(self, pos: int) -> int:
        """The start of the paragraph holding `pos`, looking back at most PARAGRAPH_WINDOW."""
        floor = pos - PARAGRAPH_WINDOW if pos > PARAGRAPH_WINDOW else 0
        start = self.view.rfind("\n", floor, pos) + 1
        return start if start > floor else floor

    def inside_bracket(self, pos: int) -> bool:
        """Whether a bracket opened in the sentence is still open at `pos`: (其中A、B …)."""
        before = self.between(self.sentences[self.sentence_at(pos)][0], pos)
        return before.count("(") > before.count(")")

    def paragraph_before(self, start: int) -> int:
        """The start of the paragraph before the one starting at `start` (its own when first)."""
        return self.paragraph_start(max(start - 2, 0))

    def paragraphs_back(self, start: int, count: int) -> int:
        """The start of the paragraph `count` paragraphs before the one starting at `start`."""
        for _ in range(count):
            start = self.paragraph_before(start)
        return start

    def tokens_in(self, start: int, end: int) -> list[Quantity | Period]:
        first = bisect_right(self._starts, start - 1)
        last = bisect_right(self._starts, end - 1)
        return [t for t in self.tokens[first:last] if t.end <= end]

    def quantities_in(self, start: int, end: int) -> list[Quantity]:
        return [t for t in self.tokens_in(start, end) if isinstance(t, Quantity)]

    def sentence_quantities(self, index: int) -> list[Quantity]:
        if not 0 <= index < len(self.sentences):
            return []
        return self._quantities_by_sentence[index]

    @cached_property
    def _quantities_by_sentence(self) -> list[list[Quantity]]:
        """Each sentence's quantities (those wholly inside it), in one pass over the tokens."""
        grouped: list[list[Quantity]] = [[] for _ in self.sentences]
        if not self.sentences:
            return grouped
        for token in self.tokens:
            if isinstance(token, Quantity):
                index = self.sentence_at(token.start)
                start, end = self.sentences[index]
                if start <= token.start and token.end <= end:
                    grouped[index].append(token)
        return grouped

    def year_before(self, quantity: Quantity, floor: int) -> Period | None:
        """The nearest year between `floor` and the quantity, with no amount in between."""
        for token in reversed(self.tokens_in(floor, quantity.start)):
            if isinstance(token, Period) and (token.first is not None or token.span_years):
                return token if token.first is not None else None
            if token.kind in AMOUNT_KINDS and token.kind == quantity.kind:
                return None
        return None

    def label(self, quantity: Quantity, width: int = 16) -> str:
        """The words just before a quantity, back to the clause start."""
        start = max(0, quantity.start - width)
        text = self.view[start : quantity.start]
        cut = max((m.end() for m in _CLAUSE_END.finditer(text)), default=0)
        return text[cut:]

    def between(self, a: int, b: int) -> str:
        return self.view[a if a > 0 else 0 : b if b > 0 else 0]

    def is_change(self, quantity: Quantity) -> bool:
        """Whether a figure is the size of a change (增加6个) rather than a level."""
        return bool(CHANGE_BEFORE.search(self.between(quantity.start - 6, quantity.start)))

    def measure_family(self, quantity: Quantity) -> str:
        """The family of the last measure word in a figure's label: revenue, profit … or ''."""
        found = [m.lastgroup for m in _FAMILY.finditer(self.label(quantity, 24))]
        return found[-1] if found else ""

    def is_reference(self, quantity: Quantity) -> bool:
        """Whether a figure is only a point of comparison (比2022年的…, 较上年的…)."""
        return bool(_REFERENCE_BEFORE.search(self.between(quantity.start - 12, quantity.start)))

    def is_share_of_something(self, quantity: Quantity) -> bool:
        """ "…88.2亿元,同比增长5.1%,占公司营业收入的41.7%": a part, never the whole itself."""
        start, end = self.sentences[self.sentence_at(quantity.start)]
        following = self.between(quantity.end, min(end, quantity.end + 30))
        nearest = [
            q for q in self.quantities_in(quantity.end, quantity.end + 30) if q.kind in AMOUNT_KINDS
        ]
        stop = (nearest[0].start - quantity.end) if nearest else len(following)
        return "占" in following[:stop]
