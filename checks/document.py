"""A source with its tokens and sentences: the document model that claims and keys share."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from checks.quantities import Period, Quantity, scan
from checks.read import Source

_SENTENCE_END = re.compile(r"[。!?;\n]+")
_CLAUSE_END = re.compile(r"[,、:;。!?\n()]")
# "比上年增加约2000家", "减少208万人": an amount after a change verb is a change, not a level.
_CHANGE_BEFORE = re.compile(
    r"(?:增加|减少|增长|下降|提高|降低|上升|回落|扩大|缩小|增|减|多|少)了?\s*$"
)
# Measure words a label can end with; two different ones are two different quantities.
_MEASURE_WORD = re.compile(
    r"(营业收入|主营业务收入|收入|营收|净利润|利润|产值|增加值|销售额|出口额|进口额|总额|规模|"
    r"投入|支出|费用|成本|资产|人次|人数|床位|数量|产量|销量)[^\u4e00-\u9fff]*$"
)
MAX_SENTENCE = 500  # characters; real sentences are far shorter
PARAGRAPH_WINDOW = 1500  # characters looked back for a paragraph's year or category
AMOUNT_KINDS = frozenset({"money", "count", "people", "number"})


class Document:
    """A source with its tokens and sentences, and lookups the claim finders share."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.view = source.view
        self.tokens = scan(source.view)
        self._starts = [t.start for t in self.tokens]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        bounds, start = [], 0
        for match in _SENTENCE_END.finditer(self.view):
            if match.start() > start:
                bounds.extend(self._capped(start, match.start()))
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

    def sentence_at(self, pos: int) -> int:
        index = bisect_right(self._sentence_starts, pos) - 1
        return max(index, 0)

    def paragraph_start(self, pos: int) -> int:
        """The start of the paragraph holding `pos`, looking back at most PARAGRAPH_WINDOW."""
        floor = max(0, pos - PARAGRAPH_WINDOW)
        return max(self.view.rfind("\n", floor, pos) + 1, floor)

    def tokens_in(self, start: int, end: int) -> list[Quantity | Period]:
        first = bisect_right(self._starts, start - 1)
        last = bisect_right(self._starts, end - 1)
        return [t for t in self.tokens[first:last] if t.end <= end]

    def quantities_in(self, start: int, end: int) -> list[Quantity]:
        return [t for t in self.tokens_in(start, end) if isinstance(t, Quantity)]

    def sentence_quantities(self, index: int) -> list[Quantity]:
        if not 0 <= index < len(self.sentences):
            return []
        return self.quantities_in(*self.sentences[index])

    def year_before(self, quantity: Quantity, floor: int) -> Period | None:
        """The nearest year between `floor` and the quantity, with no amount in between."""
        for token in reversed(self.tokens_in(floor, quantity.start)):
            if isinstance(token, Period):
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
        return self.view[max(a, 0) : max(b, 0)]

    def is_change(self, quantity: Quantity) -> bool:
        """Whether a figure is the size of a change (增加6个) rather than a level."""
        return bool(_CHANGE_BEFORE.search(self.between(quantity.start - 6, quantity.start)))

    def measure_word(self, quantity: Quantity) -> str:
        """The measure word that ends a figure's label (营业收入, 净利润 …), or ''."""
        found = _MEASURE_WORD.search(self.label(quantity, 24))
        return found.group(1) if found else ""

    def is_share_of_something(self, quantity: Quantity) -> bool:
        """ "…134.60亿元,同比增长9.46%,占公司营业收入的38.53%": a part, never the whole itself."""
        start, end = self.sentences[self.sentence_at(quantity.start)]
        following = self.between(quantity.end, min(end, quantity.end + 30))
        nearest = [
            q for q in self.quantities_in(quantity.end, quantity.end + 30) if q.kind in AMOUNT_KINDS
        ]
        stop = (nearest[0].start - quantity.end) if nearest else len(following)
        return "占" in following[:stop]
