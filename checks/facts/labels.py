"""The words in front of a figure, read into a label: subject + measure, without the clause's
connectives, verbs, hedges and period words. The vocabulary is data (data/labels.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from checks import paths

_PERIOD_IN_LABEL = re.compile(
    r"(?:19|20)\d{2} ?年(?:度)?(?:\d{1,2} ?[-~—–至到] ?\d{1,2} ?月|\d{1,2} ?月份?)?"
    r"|\d{1,2} ?[-~—–至到] ?\d{1,2} ?月(?:份)?|\d{1,2} ?月份?|[QH][1-4]"
    r"|(?:上|去|前|本|今|当)年(?:同期)?"
)
_CLAUSE_MARK = re.compile(r"[,,;;::、。]")
_PUNCTUATION = re.compile(r"[\s\"“”‘’《》〈〉「」『』*·]")


@dataclass(frozen=True)
class Vocabulary:
    heads: dict[str, str]  # written variant -> canonical measure
    balance: dict[str, int]  # canonical measure -> sign of exports − imports
    lead: tuple[str, ...]
    link: tuple[str, ...]
    period_parts: tuple[str, ...]
    total_markers: tuple[str, ...]


@lru_cache(maxsize=4)
def vocabulary(path: Path | None = None) -> Vocabulary:
    with open(path or paths.DATA / "labels.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    heads = {
        variant: canonical
        for canonical, variants in (data.get("heads") or {}).items()
        for variant in variants
    }

    def longest_first(words) -> tuple[str, ...]:
        return tuple(sorted(words or [], key=len, reverse=True))

    return Vocabulary(
        heads=dict(sorted(heads.items(), key=lambda kv: len(kv[0]), reverse=True)),
        balance={str(k): int(v) for k, v in (data.get("balance") or {}).items()},
        lead=longest_first(data.get("lead")),
        link=longest_first(data.get("link")),
        period_parts=longest_first(data.get("period_parts")),
        total_markers=longest_first(data.get("total_markers")),
    )


@dataclass(frozen=True)
class Label:
    text: str  # the normalised label: subject + canonical measure
    head: str  # the canonical measure it ends in, or ''
    subject: str  # what stands before the measure
    period_words: str  # period words the label held (上半年, 1-9月 …)
    total: bool  # announced as a total (总额, 合计 …)


def read_label(raw: str, words: Vocabulary | None = None) -> Label:
    """Normalise the clause text in front of a figure."""
    words = words or vocabulary()
    text = _PUNCTUATION.sub("", _CLAUSE_MARK.split(raw)[-1])
    found_periods = [m.group(0) for m in _PERIOD_IN_LABEL.finditer(text)]
    text = _PERIOD_IN_LABEL.sub("", text)
    for part in words.period_parts:
        if part in text:
            found_periods.append(part)
            text = text.replace(part, "")
    text = _strip(text, words, keep_heads=True)
    # "境内注册共计A件" is no total of anything: only a marker inside the label counts
    total = any(marker in text for marker in words.total_markers)
    head, subject = "", text
    for variant, canonical in words.heads.items():
        if text.endswith(variant):
            head = canonical
            subject = _strip(text[: -len(variant)], words).removesuffix("贸易").removesuffix("的")
            text = subject + canonical
            break
    return Label(text, head, subject, "".join(found_periods), total)


def _strip(text: str, words: Vocabulary, keep_heads: bool = False) -> str:
    """Drop connectives from the front and verbs, hedges and particles from the end, repeatedly;
    never into a measure word (出超 is a measure, not 出 + the hedge 超)."""
    changed = True
    while changed and text:
        changed = False
        for word in words.lead:
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word) :], True
                break
        if keep_heads and any(text.endswith(variant) for variant in words.heads):
            break
        for word in words.link:
            if text.endswith(word):
                text, changed = text[: -len(word)], True
                break
    return text
