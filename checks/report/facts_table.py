"""`figcheck facts`: the fact table of each document, as the finders read it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from checks.document import Document
from checks.facts import Fact, FactTable

COLUMNS = (
    "source",
    "start",
    "end",
    "figure",
    "lo",
    "hi",
    "unit",
    "kind",
    "role",
    "label",
    "measure",
    "subject",
    "period",
    "direction",
    "forecast",
    "rate",
    "change",
    "reference",
    "whole",
    "attached_to",
)


def rows(doc: Document, table: FactTable) -> Iterable[dict[str, object]]:
    text = doc.source.text

    def figure(index: int | None) -> str:
        fact = table.get(index)
        return "" if fact is None else text[fact.quantity.start : fact.quantity.end]

    for fact in table:
        q = fact.quantity
        yield {
            "source": doc.source.id,
            "start": q.start,
            "end": q.end,
            "figure": text[q.start : q.end],
            "lo": q.strict.lo,
            "hi": q.strict.hi,
            "unit": q.unit,
            "kind": q.kind,
            "role": fact.role,
            "label": fact.label.text,
            "measure": fact.label.head,
            "subject": fact.label.subject if fact.label.head else "",
            "period": fact.period,
            "direction": _direction(fact),
            "forecast": "yes" if fact.forecast else "",
            "rate": figure(fact.rate),
            "change": figure(fact.change),
            "reference": figure(fact.reference),
            "whole": fact.whole_label.text if fact.whole_label else "",
            "attached_to": figure(fact.attached_to),
        }


def _direction(fact: Fact) -> str:
    return {1: "up", -1: "down"}.get(fact.direction, "") if fact.role in ("rate", "change") else ""


def to_csv(tables: list[tuple[Document, FactTable]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for doc, table in tables:
        writer.writerows(rows(doc, table))
    return out.getvalue()


def print_facts(tables: list[tuple[Document, FactTable]], console: Console) -> None:
    shown = ("figure", "role", "label", "measure", "period", "rate", "change", "reference", "whole")
    for doc, table in tables:
        grid = Table(title=f"{doc.source.id}: {len(table)} figures", show_lines=False)
        for column in shown:
            grid.add_column(column)
        for row in rows(doc, table):
            grid.add_row(*(str(row[c]) for c in shown))
        console.print(grid)
