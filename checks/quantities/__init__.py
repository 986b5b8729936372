"""Stage 2: numbers, magnitudes, hedges, units and periods, each as an interval."""

from checks.quantities.interval import INF, Interval
from checks.quantities.tokens import Period, Quantity, scan

__all__ = ["INF", "Interval", "Period", "Quantity", "scan"]
