"""`figcheck explain CLAIM_ID`: one claim in full."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checks.claims import Claim
from checks.report.power import describe, detection_power
from checks.report.terminal import print_passages
from checks.validate import Suite


def print_explanation(claim: Claim, suite: Suite, console: Console) -> None:
    level = claim.severity or "consistent"
    console.rule(Text(f"{claim.id}", style="bold"), align="left")
    console.print(Text(f"type {claim.type} · verdict {claim.verdict} · severity {level}"))
    if claim.acknowledgement:
        entry = claim.acknowledgement
        console.print(
            Text(f"acknowledged by {entry['accepted_by']} on {entry['date']}: {entry['reason']}")
        )
    print_passages(claim, console, limit=None)
    console.print(_inputs(claim))
    console.print(Text(f"Arithmetic: {claim.explanation}"))
    console.print(_rules(claim, suite))
    if claim.facts:
        console.print(Text(f"Facts: {claim.facts}"))


def _inputs(claim: Claim) -> Table:
    power = detection_power(claim)
    table = Table(title="Inputs", show_lines=False)
    for column in (
        "role",
        "source",
        "as printed",
        "hedge",
        "interval",
        "lenient interval",
        "detection power",
    ):
        table.add_column(column)
    for role, quantity in claim.inputs.items():
        source = claim.source_of(role)
        table.add_row(
            role,
            source.id,
            source.text[quantity.start : quantity.end],
            quantity.qualifier,
            quantity.strict.format(4),
            quantity.lenient.format(4),
            describe(power[role], claim),
        )
    return table


def _rules(claim: Claim, suite: Suite) -> Table:
    failed = {f["rule_id"] for f in claim.failed_rules}
    table = Table(title=f"Suite {suite.path.name} (parameters {suite.parameters})")
    for column in ("rule", "expectation", "severity", "result", "derived value"):
        table.add_column(column)
    for rule_id, rule in suite.rules.items():
        column = rule.get("kwargs", {}).get("column") or rule.get("kwargs", {}).get("column_A")
        value = claim.row.get(column) if column else None
        table.add_row(
            rule_id,
            rule["type"],
            rule.get("severity", "critical"),
            "FAILED" if rule_id in failed else "passed",
            "—" if value is None else f"{column} = {value:.6g}",
        )
    return table
