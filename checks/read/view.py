"""The matching view: Simplified script and ASCII digits, one character per character."""

from __future__ import annotations

import re
from functools import lru_cache

_EXTRA = {
    0x3000: " ",  # ideographic space
    0x2212: "-",  # minus sign
    0x2013: "-",  # en dash
    0x2010: "-",
    0x2011: "-",
    0x301C: "~",  # wave dash
    0x00A0: " ",
    0x2009: " ",
    0x202F: " ",
    0x200B: " ",  # zero-width space, joiners and BOM: "35\u200b408" must read as 35 408
    0x200C: " ",
    0x200D: " ",
    0x2060: " ",
    0xFEFF: " ",
}
_FULLWIDTH = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | _EXTRA
_REPLACEMENT = {chr(code): ascii_form for code, ascii_form in _FULLWIDTH.items()}
# A substitution touches only the few characters to map; str.translate visits every one.
_TO_REPLACE = re.compile("[" + "".join(re.escape(c) for c in sorted(_REPLACEMENT)) + "]")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """OpenCC t2s, falling back to per-character conversion if a phrase changes length."""
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_one_char(converter.convert(c), c) for c in text)


def _one_char(converted: str, original: str) -> str:
    return converted if len(converted) == 1 else original


def matching_view(text: str) -> str:
    """Return a view of `text` with the same length, for pattern matching only."""
    view = _TO_REPLACE.sub(lambda m: _REPLACEMENT[m.group()], to_simplified(text))
    if len(view) != len(text):  # spans index `text`; a shifted view would misplace them
        raise AssertionError("matching view changed the text length")
    return view
