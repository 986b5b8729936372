"""Closed intervals of reals: every value a printed figure may stand for.

Bounds are treated as closed: a value on the rounding edge counts as possible, which errs on the
side of no false alarm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def __post_init__(self) -> None:
        if not self.lo <= self.hi:  # also false when either bound is NaN
            raise ValueError(f"invalid interval [{self.lo}, {self.hi}]")

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    @property
    def mid(self) -> float:
        if math.isinf(self.lo) or math.isinf(self.hi):
            return self.lo if math.isinf(self.hi) else self.hi
        return (self.lo + self.hi) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __mul__(self, other: Interval) -> Interval:
        if self.lo >= 0 and other.lo >= 0:  # the usual figures: the products of the ends
            return Interval(_mul(self.lo, other.lo), _mul(self.hi, other.hi))
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError("divisor interval contains zero")
        return self * Interval(1 / other.hi, 1 / other.lo)

    def scale(self, factor: float) -> Interval:
        if factor == 1.0:
            return self
        if factor > 0 and math.isfinite(factor):  # the common case, without four products
            return Interval(_mul(self.lo, factor), _mul(self.hi, factor))
        return self * Interval.point(factor)

    def shift(self, offset: float) -> Interval:
        return Interval(self.lo + offset, self.hi + offset)

    def root(self, n: float) -> Interval:
        """The n-th root of a positive interval (monotone increasing)."""
        if self.lo < 0:
            raise ValueError("root of a negative interval")
        return Interval(self.lo ** (1 / n), self.hi ** (1 / n))

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.lo, other.lo), max(self.hi, other.hi))

    def meet(self, other: Interval) -> Interval | None:
        """The values both intervals hold; None where they hold none in common."""
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        return Interval(lo, hi) if lo <= hi else None

    @property
    def width(self) -> float:
        return self.hi - self.lo

    def intersects(self, other: Interval) -> bool:
        return self.gap(other) == 0

    def gap(self, other: Interval) -> float:
        """Distance between the two intervals; 0 when they overlap or touch."""
        return max(0.0, self.lo - other.hi, other.lo - self.hi)

    def integer_gap(self) -> float:
        """Distance from this interval to the nearest whole number; 0 if it holds one."""
        if math.isinf(self.lo) or math.isinf(self.hi) or self.hi - self.lo >= 1:
            return 0.0
        if math.ceil(self.lo) <= self.hi:
            return 0.0
        return min(self.lo - math.floor(self.lo), math.ceil(self.hi) - self.hi)

    def format(self, digits: int = 2, suffix: str = "") -> str:
        return f"[{_fmt(self.lo, digits)}{suffix}, {_fmt(self.hi, digits)}{suffix}]"


def _mul(a: float, b: float) -> float:
    if (a == 0 and math.isinf(b)) or (b == 0 and math.isinf(a)):
        return 0.0
    return a * b


def _fmt(value: float, digits: int) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
