"""The months a fact's period covers, so that finders can ask whether one period lies inside
another: Q3 and 1-9月 inside 前三季度 and the year, 11月 inside 1-11月, H1 not inside Q2."""

from __future__ import annotations

import re

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4}
_QUARTER = re.compile(r"^(?:Q([1-4])|[第单]? ?([1-4一二三四]) ?季度?)$")
_FIRST_QUARTERS = re.compile(r"^前([一二三])季度$")
_MONTH_SPAN = re.compile(r"^(\d{1,2})-(\d{1,2})月$")
_FIRST_MONTHS = re.compile(r"^前(\d{1,2})个?月$")
_MONTH = re.compile(r"^(\d{1,2})月$")
_HALVES = {"H1": (1, 6), "上半年": (1, 6), "H2": (7, 12), "下半年": (7, 12), "全年": (1, 12)}


def year_of(period: str) -> str:
    """The year of a fact's period ("2025:Q3" → "2025"), or ''."""
    return period.split(":")[0]


def whole_year(period: str) -> int:
    """The year of a period that is a whole year ("2024"), or 0 ("2024:Q3", '')."""
    year, _, part = period.partition(":")
    return int(year) if year.isdigit() and not part else 0


def months(period: str) -> tuple[int, int] | None:
    """The first and last month a flow's period covers; None for a point in time (年末, 季末)
    or a period not read (同期, 本月). A year alone is its twelve months."""
    year, _, part = period.partition(":")
    if not part:
        return (1, 12) if year else None
    return _part_months(part.strip())


def _part_months(part: str) -> tuple[int, int] | None:
    if part in _HALVES:
        return _HALVES[part]
    if found := _QUARTER.match(part):
        quarter = int(found.group(1) or _NUMERALS.get(found.group(2), found.group(2)))
        return 3 * quarter - 2, 3 * quarter
    if found := _FIRST_QUARTERS.match(part):
        return 1, 3 * _NUMERALS[found.group(1)]
    if found := _MONTH_SPAN.match(part):
        first, last = int(found.group(1)), int(found.group(2))
        return (first, last) if 1 <= first <= last <= 12 else None
    if found := _FIRST_MONTHS.match(part):
        return (1, int(found.group(1))) if 1 <= int(found.group(1)) <= 12 else None
    if found := _MONTH.match(part):
        month = int(found.group(1))
        return (month, month) if 1 <= month <= 12 else None
    return None


def same_year(a: str, b: str) -> bool:
    """Two periods of one year, or one of them undated."""
    return not year_of(a) or not year_of(b) or year_of(a) == year_of(b)


def inside(part: str, whole: str) -> bool:
    """Whether `part` is a shorter stretch of the year that `whole` covers, of the same year
    when both name one (a figure with no year in reach is of the year its neighbours are)."""
    a, b = months(part), months(whole)
    if a is None or b is None or a == b or not same_year(part, whole):
        return False
    return b[0] <= a[0] and a[1] <= b[1]
