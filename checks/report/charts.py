"""Charts as inline SVG from matplotlib's SVG backend: series by year, trade by partner.

Text stays text (svg.fonttype none), ids are salted for byte-stable output, and the XML prologue
and DOCTYPE are dropped so the SVG can sit inside the HTML with no external reference.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict

from checks.claims.cagr import StatedRate
from checks.keys import Statement

_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_MARKERS = "osD^v<>ph*"
LEGEND_ENTRIES = 8  # more sources or rates than this share one legend entry


def _figure(width: float = 6.4, height: float = 3.2):
    import matplotlib

    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "figcheck"})
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _PROLOGUE.sub("", buffer.getvalue(), count=1)


def _scale(values: list[float]) -> tuple[float, str]:
    largest = max(abs(v) for v in values) if values else 0
    for divisor, word in ((1e8, "x 100 million"), (1e4, "x 10,000")):
        if largest >= divisor * 10:
            return divisor, word
    return 1.0, ""


def series_chart(title: str, points: list[Statement], rates: list[StatedRate], unit: str) -> str:
    """Values by year, one marker style per source; stated rates drawn as dashed lines."""
    figure = _figure()
    axes = figure.add_subplot()
    divisor, word = _scale([p.quantity.value for p in points])
    by_source: dict[str, list[Statement]] = defaultdict(list)
    for point in points:
        by_source[point.source_id].append(point)
    if len(by_source) <= LEGEND_ENTRIES:
        for i, (source_id, members) in enumerate(sorted(by_source.items())):
            _plot_values(axes, members, divisor, _MARKERS[i % len(_MARKERS)], source_id)
    else:  # a corpus: one cloud of values, not a legend entry per source
        _plot_values(axes, points, divisor, "o", f"values from {len(by_source)} sources", 0.4)
    lines = [(rate, *_rate_line(rate, points)) for rate in rates]
    for i, (rate, years, values) in enumerate(lines):
        if len(lines) <= LEGEND_ENTRIES:
            label, alpha = f"stated {rate.rate.value:g}%/yr ({rate.source_id})", 1.0
        else:
            label, alpha = (f"{len(lines)} stated rates" if i == 0 else "_nolegend_"), 0.3
        axes.plot(
            years,
            [v / divisor for v in values],
            linestyle="--",
            linewidth=1.2,
            alpha=alpha,
            label=label,
        )
    axes.set_title(title, fontsize=10)
    axes.set_xlabel("year")
    axes.set_ylabel(f"{unit} {word}".strip())
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, loc="best")
    return _svg(figure)


def _plot_values(axes, points, divisor: float, marker: str, label: str, alpha=1.0) -> None:
    axes.plot(
        [p.key.year for p in points],
        [p.quantity.value / divisor for p in points],
        marker=marker,
        linestyle="none",
        markersize=7,
        alpha=alpha,
        label=label,
    )


def _rate_line(rate: StatedRate, points: list[Statement]) -> tuple[list[int], list[float]]:
    """From the rate's start value (or back from its end value) at the stated rate."""
    years = rate.to_year - rate.from_year
    growth = (1 + rate.rate.value / 100) ** years
    if rate.start is not None:
        return [rate.from_year, rate.to_year], [rate.start.value, rate.start.value * growth]
    return [rate.from_year, rate.to_year], [rate.end.value / growth, rate.end.value]


def trade_chart(rows: list[tuple[str, float, float]], unit: str) -> str:
    """Imports against exports for each partner: grouped bars."""
    figure = _figure(6.4, 2.8)
    axes = figure.add_subplot()
    divisor, word = _scale([v for _, i, e in rows for v in (i, e)])
    positions = range(len(rows))
    axes.bar([p - 0.2 for p in positions], [r[1] / divisor for r in rows], 0.4, label="imports")
    axes.bar([p + 0.2 for p in positions], [r[2] / divisor for r in rows], 0.4, label="exports")
    axes.set_xticks(list(positions), [r[0] for r in rows])
    axes.set_ylabel(f"{unit} {word}".strip())
    axes.set_title("Trade by partner: imports vs exports", fontsize=10)
    axes.legend(fontsize=8)
    axes.grid(axis="y", alpha=0.3)
    return _svg(figure)
