"""The passage around a claim, cut into plain and highlighted segments."""

from __future__ import annotations

from dataclasses import dataclass

from checks.claims import Claim

_BREAKS = "。!?;\n!?;"


@dataclass(frozen=True)
class Passage:
    segments: list[tuple[str, bool]]  # (text, is a number the claim uses)
    clipped_start: bool
    clipped_end: bool


def passages(
    claim: Claim, context: int = 40, limit: int | None = None
) -> list[tuple[str, Passage]]:
    """(source id, passage) per passage: one for a claim in one place, one per statement
    for a claim that compares statements across a document or across documents (the first
    `limit` of them; `hidden_passages` counts the rest)."""
    if claim.input_sources is None:
        marks = [(q.start, q.end) for q in claim.inputs.values()]
        return [(claim.source.id, passage_of(claim.source.text, marks, context))]
    return [
        (
            claim.source_of(role).id,
            passage_of(claim.source_of(role).text, [(q.start, q.end)], context),
        )
        for role, q in list(claim.inputs.items())[:limit]
    ]


def hidden_passages(claim: Claim, limit: int | None) -> int:
    if claim.input_sources is None or limit is None:
        return 0
    return max(0, len(claim.inputs) - limit)


def passage_of(text: str, marks: list[tuple[int, int]], context: int = 40) -> Passage:
    """The clause run around the marked spans, clipped to `context` characters each side."""
    marks = sorted(marks)
    left = _clause_start(text, marks[0][0], context)
    right = _clause_end(text, max(end for _, end in marks), context)
    segments: list[tuple[str, bool]] = []
    cursor = left
    for mark_start, mark_end in marks:
        mark_start = max(mark_start, cursor)
        if mark_start >= mark_end:
            continue
        segments.append((text[cursor:mark_start], False))
        segments.append((text[mark_start:mark_end], True))
        cursor = mark_end
    segments.append((text[cursor:right], False))
    segments = [(" ".join(s.split()) if not marked else s, marked) for s, marked in segments]
    return Passage(
        [s for s in segments if s[0]],
        left > 0 and text[left - 1] not in _BREAKS,
        right < len(text) and text[right] not in _BREAKS,
    )


def _clause_start(text: str, start: int, context: int) -> int:
    floor = max(0, start - context)
    before = text[floor:start]  # one slice: `text` may be excerpts, slow to index char by char
    breaks = [i for i, char in enumerate(before) if char in _BREAKS]
    return floor + breaks[-1] + 1 if breaks else floor


def _clause_end(text: str, end: int, context: int) -> int:
    after = text[end : min(len(text), end + context)]
    for i, char in enumerate(after):
        if char in _BREAKS:
            return end + i + (1 if char != "\n" else 0)
    return end + len(after)
