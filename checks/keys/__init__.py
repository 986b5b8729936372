"""Stage 3b: metric identity. Every figure gets a key: measure, category, scope, period, unit."""

from checks.keys.lexicon import Lexicon, load_lexicon
from checks.keys.statements import Key, Statement, statements

__all__ = ["Key", "Lexicon", "Statement", "load_lexicon", "statements"]
