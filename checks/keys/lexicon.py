"""The metric lexicon in data/metrics.yaml, compiled into alias finders."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from checks import paths
from checks.errors import InputError
from checks.read.view import to_simplified


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str = ""  # unit kind, for measures
    within: str = ""
    related: tuple[str, ...] = ()
    complement: str = ""
    product: bool = True  # False: population, spending … carry no category or modality
    estimates_vary: bool = False  # publishers estimate it differently (market sizes)


@dataclass
class Section:
    """One vocabulary (measures, categories …): its entries and one pattern over all aliases."""

    entries: dict[str, Entry]
    alias_to_id: dict[str, str]
    pattern: re.Pattern[str] | None = field(default=None)

    def find_all(self, view: str, start: int, end: int) -> list[tuple[int, int, str]]:
        if self.pattern is None:
            return []
        found = self.pattern.finditer(view, start, end)
        return [(m.start(), m.end(), self.alias_to_id[_squeeze(m.group(0))]) for m in found]


@dataclass
class Lexicon:
    measures: Section
    categories: Section
    modalities: Section
    partners: Section
    regions: Section
    classes: Section

    def related(self, section: Section, a: str, b: str) -> str:
        """'same', 'within' (one is a sub-type of the other), 'related' or ''."""
        if a == b:
            return "same"
        if _ancestor(section, a, b) or _ancestor(section, b, a):
            return "within"
        entry_a, entry_b = section.entries.get(a), section.entries.get(b)
        if (entry_a and b in entry_a.related) or (entry_b and a in entry_b.related):
            return "related"
        return ""

    def root(self, section: Section, entry_id: str) -> str:
        seen = set()
        while (
            entry_id in section.entries
            and section.entries[entry_id].within
            and entry_id not in seen
        ):
            seen.add(entry_id)
            entry_id = section.entries[entry_id].within
        return entry_id


def _ancestor(section: Section, child: str, ancestor: str) -> bool:
    seen = set()
    while child in section.entries and child not in seen:
        seen.add(child)
        child = section.entries[child].within
        if child == ancestor:
            return True
    return False


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    path = path or paths.DATA / "metrics.yaml"
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the metric lexicon ({exc})") from None
    return Lexicon(
        measures=_section(document.get("measures") or {}),
        categories=_section(document.get("categories") or {}),
        modalities=_section(document.get("modalities") or {}),
        partners=_section(_plain(document.get("partners") or {})),
        regions=_section(_plain(document.get("regions") or {})),
        classes=_section(_plain(document.get("classes") or {})),
    )


def _plain(table: dict) -> dict:
    return {key: {"aliases": aliases} for key, aliases in table.items()}


def _section(table: dict) -> Section:
    entries, alias_to_id = {}, {}
    for entry_id, spec in table.items():
        spec = spec or {}
        entries[entry_id] = Entry(
            id=entry_id,
            kind=spec.get("kind", ""),
            within=spec.get("within", ""),
            related=tuple(spec.get("related") or ()),
            complement=spec.get("complement", ""),
            product=bool(spec.get("product", True)),
            estimates_vary=bool(spec.get("estimates_vary", False)),
        )
        for alias in spec.get("aliases") or ():
            alias_to_id[to_simplified(str(alias))] = entry_id
    words = sorted(alias_to_id, key=len, reverse=True)
    pattern = re.compile("|".join(_spaced(w) for w in words)) if words else None
    return Section(entries, {_squeeze(k): v for k, v in alias_to_id.items()}, pattern)


def _spaced(alias: str) -> str:
    """Texts write "60 周岁" as well as "60周岁": allow one space between characters."""
    return " ?".join(re.escape(c) for c in alias if not c.isspace())


def _squeeze(text: str) -> str:
    return "".join(text.split())
