"""Find source files and read them into Source records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checks.errors import DocumentError, InputError
from checks.read.decode import decode_bytes
from checks.read.extract import html_text, pdf_text
from checks.read.view import matching_view

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"


@dataclass(frozen=True)
class Source:
    id: str
    path: str
    text: str  # the decoded original: every span indexes this
    view: str  # same length as text: Simplified script, ASCII digits and punctuation
    encoding: str
    extractor: str = "text"  # text, html (trafilatura) or pdf (pypdf): spans index its output

    @property
    def chars(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Skipped:
    """A document the run could not read or check: listed in every report, never fatal."""

    id: str
    path: str
    reason: str

    @classmethod
    def because(cls, source_id: str, path: str, error: Exception) -> Skipped:
        """The error's line without the path it starts with: reports name the path apart."""
        reason = str(error)
        for prefix in (f"{path}: ", "standard input: "):
            if reason.startswith(prefix):
                reason = reason[len(prefix) :]
        return cls(source_id, path, reason)


def collect_paths(paths: Iterable[str]) -> list[Path]:
    """Expand folders into their source files, sorted; keep files as given."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if given == STDIN:
            found.append(path)
        elif path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
            )
            if not files:
                raise InputError(f"{given}: folder holds no {'/'.join(SOURCE_SUFFIXES)} sources")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        elif path.is_symlink():
            raise InputError(f"{given}: a broken or looping symbolic link")
        elif path.exists():
            raise InputError(f"{given}: not a regular file or folder")
        else:
            raise InputError(f"{given}: no such file or folder")
    return found


_LIBRARIES = {".pdf": "pypdf", ".html": "trafilatura", ".htm": "trafilatura"}


def preload_readers(paths: list) -> None:
    """Import the libraries these inputs' kinds need, once, before worker processes fork: each
    worker then inherits them, and a document's time budget measures reading it, not importing
    pypdf (a second or more on a busy machine). A missing library is named by read_source."""
    import contextlib
    import importlib

    for module in {_LIBRARIES.get(Path(str(p)).suffix.lower()) for p in paths} - {None}:
        with contextlib.suppress(ImportError):
            importlib.import_module(module)


def read_source(path: Path, source_id: str | None = None, max_bytes: int = MAX_BYTES) -> Source:
    """Read, decode and extract one input. Raise DocumentError with a one-line reason on failure."""
    data = _read_stdin(max_bytes) if str(path) == STDIN else _read_file(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        text, encoding, extractor = pdf_text(data, str(path)), "pdf", "pdf"
    else:
        if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DocumentError(f"{path}: looks like a binary file, not text")
        text, encoding = decode_bytes(data, str(path))
        extractor = "text"
        if suffix in (".html", ".htm"):
            text, extractor = html_text(text, str(path)), "html"
    return Source(
        id=source_id or ("stdin" if str(path) == STDIN else path.stem),
        path=str(path),
        text=text,
        view=matching_view(text),
        encoding=encoding,
        extractor=extractor,
    )


def _too_big(name: str, size: int, max_bytes: int) -> DocumentError:
    return DocumentError(
        f"{name}: {size / 2**20:.1f} MB exceeds the {max_bytes / 2**20:.0f} MB limit "
        "(raise it with --max-mb)"
    )


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_big(str(path), size, max_bytes)
        with open(path, "rb") as handle:  # read-only: inputs are never written
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # the file grew, or stat lied (a FIFO, /proc)
        raise _too_big(str(path), len(data), max_bytes)
    return data


def _read_stdin(max_bytes: int) -> bytes:
    import sys

    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big("standard input", len(data), max_bytes)
    return data


def unique_ids(paths: list[Path]) -> list[str]:
    """File stems, with a numeric suffix where two files share a stem."""
    seen: dict[str, int] = {}
    ids = []
    for path in paths:
        stem = "stdin" if str(path) == STDIN else path.stem
        seen[stem] = seen.get(stem, 0) + 1
        ids.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return ids
