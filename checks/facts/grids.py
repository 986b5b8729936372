"""Grids: a table printed in text, read cell by cell.

Extracted pages print a table one row per line (| 甲类 | 12.30 | 8.0 |) or one cell per line
(类别 |\\n甲类 |\\n12.30 |). Both are a run of cells between bars: a header of column names, then
rows that each open with the item they are of. A column's name says its measure and its unit in
brackets (销售额(亿元), 增幅(%)) or its points (±百分点): that is how the bare figures of its cells
are read. A run whose rows do not each hold one name and one figure per column is no grid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.document import Document
from checks.quantities.grammar import MAGNITUDES, UNITS

_BAR = "|"
_PLUS = "+"  # a figure's token starts after its plus sign (+1.5), at its minus sign (-1.5)
_FIGURE = re.compile(r"[+\-−]?\d[\d,]*(?:\.\d+)?%?")
_UNIT_IN_BRACKETS = re.compile(r"[(（]\s*([^()（）]{1,6}?)\s*[)）]")
_RATE_NAME = re.compile(r"增幅|增长|增速|涨幅|同比|比上年|增减")
_SHARE_NAME = re.compile(r"占比|比重|份额")
_POINTS = "百分点"


@dataclass(frozen=True)
class Column:
    name: str  # the measure, without its unit: 销售额
    kind: str  # money, percent, pp …
    unit: str  # CNY, %, pp …
    magnitude: float  # 1e8 for 亿元
    role: str  # level, rate, share or pp


@dataclass(frozen=True)
class Cell:
    item: str  # the row's name: 甲类
    row: int  # where the row's name stands: cells of one row share it
    column: Column
    start: int  # the figure's span in the view, where its token starts
    end: int


def grid_cells(doc: Document) -> dict[int, Cell]:
    """Every figure cell of the document's grids, by the start of its figure; found once."""
    return doc.memo("grid cells", lambda: _cells(doc))


@dataclass(frozen=True)
class Grid:
    start: int  # where its first line starts
    cells: tuple[Cell, ...]  # its figure cells, row by row


def grids(doc: Document) -> list[Grid]:
    """Each grid of the document."""
    return doc.memo("grids", lambda: list(_grids(doc)))


def _cells(doc: Document) -> dict[int, Cell]:
    return {cell.start: cell for grid in grids(doc) for cell in grid.cells}


def _grids(doc: Document):
    view = doc.view
    if view.count(_BAR) < 6:
        return  # most documents print no table
    for cells in _bar_runs(view):
        found = _read(cells)
        if found:
            yield Grid(cells[0][1], tuple(found))


def _bar_runs(view: str):
    """The cells between bars of each run of lines that hold a bar, as (text, start). A line
    with no bar between two that hold one is a cell wrapping (销售额\n(亿元) |)."""
    lines, at = [], 0
    for line in view.splitlines(keepends=True):
        lines.append((line, at, _BAR in line))
        at += len(line)
    run: list[int] = []
    for i, (line, _, barred) in enumerate(lines):
        wrapped = not barred and line.strip() and run and i + 1 < len(lines) and lines[i + 1][2]
        if barred or wrapped:
            run.append(i)
            continue
        if run:
            yield _split(view, lines[run[0]][1], lines[run[-1]][1] + len(lines[run[-1]][0]))
            run = []
    if run:
        yield _split(view, lines[run[0]][1], lines[run[-1]][1] + len(lines[run[-1]][0]))


def _split(view: str, start: int, end: int) -> list[tuple[str, int]]:
    cells, at = [], start
    for piece in view[start:end].split(_BAR):
        cells.append((piece, at))
        at += len(piece) + 1
    return cells


def _read(raw: list[tuple[str, int]]) -> list[Cell]:
    cells = [(text.strip(), start + len(text) - len(text.lstrip())) for text, start in raw]
    cells = [(text, start) for text, start in cells if text]
    first = next((i for i, (text, _) in enumerate(cells) if _FIGURE.fullmatch(text)), None)
    if first is None or first < 3:
        return []  # a header of two names or more, and a row's name, before the first figure
    header = [_column(text) for text, _ in cells[: first - 1]]
    width = len(header)
    found: list[Cell] = []
    rows = cells[first - 1 :]
    for at in range(0, len(rows) - width + 1, width):
        row = rows[at : at + width]
        (name, opened), figures = row[0], row[1:]
        if _FIGURE.fullmatch(name) or not all(_FIGURE.fullmatch(t) for t, _ in figures):
            break  # the grid ends where a row no longer reads as one
        for column, (text, start) in zip(header[1:], figures, strict=True):
            if column is not None:
                begins = start + 1 if text.startswith(_PLUS) else start
                found.append(Cell(name, opened, column, begins, start + len(text)))
    return found if len({c.item for c in found}) >= 2 else []


def _column(text: str) -> Column | None:
    """销售额(亿元) → 销售额 in 亿元; 增幅(%) → a rate; 较去年同期±百分点 → points."""
    flat = "".join(text.split())
    if _POINTS in flat:
        return Column(flat.replace(_POINTS, "").strip("±+"), "pp", "pp", 1.0, "pp")
    found = _UNIT_IN_BRACKETS.search(flat)
    if found is None:
        return None
    name, unit_text = flat[: found.start()], found.group(1)
    if unit_text == "%":
        role = "rate" if _RATE_NAME.search(name) else "share" if _SHARE_NAME.search(name) else ""
        return Column(name, "percent", "%", 1.0, role) if role else None
    magnitude = 1.0
    for word, factor in sorted(MAGNITUDES.items(), key=lambda kv: -len(kv[0])):
        if unit_text.startswith(word):
            magnitude, unit_text = factor, unit_text[len(word) :]
            break
    if unit_text not in UNITS:
        return None
    kind, unit = UNITS[unit_text]
    return Column(name, kind, unit, magnitude, "level")
