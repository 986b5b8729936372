"""What the corpus-level claim types see once every document has been read."""

from __future__ import annotations

from dataclasses import dataclass, field

from checks.claims.cagr import StatedRate
from checks.keys import Lexicon, Statement
from checks.read import Source


@dataclass
class Corpus:
    sources: dict[str, Source]
    statements: list[Statement]
    lexicon: Lexicon
    rates: list[StatedRate] = field(default_factory=list)
