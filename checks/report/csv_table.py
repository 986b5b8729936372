"""`figcheck extract --csv`: the claims table, one row per claim input, for diffing updates."""

from __future__ import annotations

import csv
import io

from checks.pipeline import Run

COLUMNS = (
    "claim_id",
    "type",
    "verdict",
    "severity",
    "role",
    "source",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "kind",
    "qualifier",
    "lo",
    "hi",
    "lenient_lo",
    "lenient_hi",
    "key",
)


def to_csv(run: Run) -> str:
    keys = {(s.source_id, s.quantity.start): s.key.label() for s in run.statements}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for claim in run.claims:
        for role, quantity in claim.inputs.items():
            source = claim.source_of(role)
            writer.writerow(
                (
                    claim.id,
                    claim.type,
                    claim.verdict,
                    claim.severity or "",
                    role,
                    source.id,
                    quantity.start,
                    quantity.end,
                    source.text[quantity.start : quantity.end],
                    repr(quantity.value),
                    quantity.unit,
                    quantity.kind,
                    quantity.qualifier,
                    repr(quantity.strict.lo),
                    repr(quantity.strict.hi),
                    repr(quantity.lenient.lo),
                    repr(quantity.lenient.hi),
                    keys.get((source.id, quantity.start), ""),
                )
            )
    return buffer.getvalue()
