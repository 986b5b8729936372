"""Text out of other formats. Spans index the extracted text, which the report names."""

from __future__ import annotations

import io
import re

from checks.errors import DocumentError, MissingPart

_SENTENCE_END = "。!?;:!?;:"
_WRAPPED = re.compile(r"(?<=\S)\n(?=\S)")
# What each input kind needs beyond the core install, by the module a failed import names.
_PARTS = {
    "lxml_html_clean": ("HTML", "lxml_html_clean", "pip install lxml_html_clean"),
    "lxml.html.clean": ("HTML", "lxml_html_clean", "pip install lxml_html_clean"),
    "lxml": ("HTML", "lxml", "pip install lxml"),
    "trafilatura": ("HTML", "trafilatura", "pip install trafilatura"),
    "justext": ("HTML", "justext", "pip install justext"),
    "pypdf": ("PDF", "pypdf", "pip install pypdf"),
    "cryptography": ("encrypted PDF", "cryptography", "pip install cryptography"),
}


def missing_part(kind: str, exc: ImportError) -> MissingPart:
    """One line naming the package an input kind lacks and how to install it."""
    text = f"{getattr(exc, 'name', '') or ''} {exc}"
    for module, (needs, package, command) in _PARTS.items():
        if module in text:
            return MissingPart(f"{needs} input needs the package {package}: {command}")
    return MissingPart(f"{kind} input needs a package that is not installed ({exc})")


def html_text(raw: str, name: str) -> str:
    """The main text of a page through trafilatura, without comments or boilerplate."""
    try:
        import trafilatura

        text = trafilatura.extract(
            raw, include_comments=False, include_tables=True, favor_recall=True
        )
    except ImportError as exc:  # jusText imports lxml.html.clean only when a page is extracted
        raise missing_part("HTML", exc) from None
    if not text:
        raise DocumentError(f"{name}: no main text found in the HTML")
    return text


def pdf_text(data: bytes, name: str) -> str:
    """Every page's text through pypdf, with lines that wrap mid-sentence joined back."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError
    except ImportError as exc:
        raise missing_part("PDF", exc) from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except DependencyError as exc:  # an AES-encrypted file needs cryptography
        raise missing_part("encrypted PDF", ImportError(str(exc), name="cryptography")) from None
    except DocumentError:  # the time budget ran out inside pypdf
        raise
    except Exception as exc:  # a broken file fails deep in pypdf in many ways (zlib, struct …)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DocumentError(f"{name}: cannot read the PDF ({reason})") from None
    text = "\n\n".join(join_wrapped_lines(page) for page in pages).strip()
    if not text:
        raise DocumentError(f"{name}: the PDF has no extractable text (a scan needs OCR first)")
    return text


def join_wrapped_lines(text: str) -> str:
    """Join a line to the next unless it ends a sentence: 达31⏎245万人 becomes 达31245万人."""

    def join(match: re.Match[str]) -> str:
        before = text[match.start() - 1]
        return "\n" if before in _SENTENCE_END else ""

    return _WRAPPED.sub(join, text)
