"""A source text cut down to the passages its claims quote, so a corpus run does not keep every
full text in memory once extraction is over.

An `Excerpts` slices like the full text inside a kept window and knows the full length and the
line starts; a slice outside every window raises, so a report that needs more text than was
kept fails loudly instead of quoting a hole.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable

CONTEXT = 48  # characters kept each side of a figure: passages show up to 40, plus a break


class Excerpts:
    __slots__ = ("_starts", "_pieces", "_length", "_line_starts")

    def __init__(self, text: str, spans: Iterable[tuple[int, int]], context: int = CONTEXT):
        self._length = len(text)
        self._starts: list[int] = []
        self._pieces: list[str] = []
        for start, end in _merged(spans, context, self._length):
            self._starts.append(start)
            self._pieces.append(text[start:end])
        self._line_starts = line_starts(text)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, key: int | slice) -> str:
        if isinstance(key, int):
            index = key + self._length if key < 0 else key
            if not 0 <= index < self._length:
                raise IndexError("text index out of range")
            return self._piece(index, index + 1)
        start, stop, step = key.indices(self._length)
        if step != 1:
            raise ValueError("excerpts slice with step 1 only")
        return "" if start >= stop else self._piece(start, stop)

    def _piece(self, start: int, stop: int) -> str:
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and stop <= self._starts[i] + len(self._pieces[i]):
            return self._pieces[i][start - self._starts[i] : stop - self._starts[i]]
        raise LookupError(f"characters {start}-{stop} were not kept after extraction")

    @property
    def line_starts(self) -> array:
        return self._line_starts


def line_starts(text: str | Excerpts) -> array:
    """Offsets where each line begins, from a full text or from its excerpts."""
    if isinstance(text, Excerpts):
        return text.line_starts
    return array("l", [0, *(m.end() for m in re.finditer("\n", text))])


def _merged(spans: Iterable[tuple[int, int]], context: int, length: int) -> list[tuple[int, int]]:
    windows = sorted((max(0, a - context), min(length, b + context)) for a, b in spans)
    merged: list[tuple[int, int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
