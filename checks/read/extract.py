"""Text out of other formats. Spans index the extracted text, which the report names."""

from __future__ import annotations

import io
import re

from checks.errors import InputError

_SENTENCE_END = "。!?;:!?;:"
_WRAPPED = re.compile(r"(?<=\S)\n(?=\S)")


def html_text(raw: str, name: str) -> str:
    """The main text of a page through trafilatura, without comments or boilerplate."""
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        raise InputError(f"{name}: no main text found in the HTML")
    return text


def pdf_text(data: bytes, name: str) -> str:
    """Every page's text through pypdf, with lines that wrap mid-sentence joined back."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"{name}: cannot read the PDF ({exc})") from None
    text = "\n\n".join(join_wrapped_lines(page) for page in pages).strip()
    if not text:
        raise InputError(f"{name}: the PDF has no extractable text (a scan needs OCR first)")
    return text


def join_wrapped_lines(text: str) -> str:
    """Join a line to the next unless it ends a sentence: 达21⏎676万人 becomes 达21676万人."""

    def join(match: re.Match[str]) -> str:
        before = text[match.start() - 1]
        return "\n" if before in _SENTENCE_END else ""

    return _WRAPPED.sub(join, text)
