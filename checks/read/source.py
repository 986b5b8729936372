"""Find source files and read them into Source records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checks.errors import InputError
from checks.read.decode import decode_bytes
from checks.read.view import matching_view

SOURCE_SUFFIXES = (".txt", ".md")
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    id: str
    path: str
    text: str  # the decoded original: every span indexes this
    view: str  # same length as text: Simplified script, ASCII digits and punctuation
    encoding: str

    @property
    def chars(self) -> int:
        return len(self.text)


def collect_paths(paths: Iterable[str]) -> list[Path]:
    """Expand folders into their source files, sorted; keep files as given."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
            )
            if not files:
                raise InputError(f"{given}: folder holds no {'/'.join(SOURCE_SUFFIXES)} sources")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{given}: no such file or folder")
    return found


def read_source(path: Path, source_id: str | None = None) -> Source:
    """Read and decode one file. Raise InputError with a one-line reason on failure."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size} bytes exceeds the {MAX_BYTES}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: looks like a binary file, not text")
    text, encoding = decode_bytes(data, str(path))
    return Source(
        id=source_id or path.stem,
        path=str(path),
        text=text,
        view=matching_view(text),
        encoding=encoding,
    )


def unique_ids(paths: list[Path]) -> list[str]:
    """File stems, with a numeric suffix where two files share a stem."""
    seen: dict[str, int] = {}
    ids = []
    for path in paths:
        stem = path.stem
        seen[stem] = seen.get(stem, 0) + 1
        ids.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return ids
