"""Bytes to text: BOMs first, strict UTF-8 next, then charset-normalizer."""

from __future__ import annotations

import codecs

from checks.errors import DocumentError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# GB2312 and GBK are subsets of GB18030; decoding with the superset never loses characters.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "big5": "big5hkscs"}
_CHINESE_CANDIDATES = ["gb18030", "big5hkscs", "utf_16_le", "utf_16_be"]


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding). Raise DocumentError when no encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, name), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _detect(data)
    if encoding is None:
        raise DocumentError(f"{name}: cannot determine the text encoding")
    return _decode(data, encoding, name), encoding


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    for isolation in (_CHINESE_CANDIDATES, None):
        best = from_bytes(data, cp_isolation=isolation).best()
        if best is not None:
            name = best.encoding.lower().replace("-", "_")
            return _SUPERSETS.get(name, name)
    return None


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(f"{name}: not valid {encoding}: {exc.reason}") from None
