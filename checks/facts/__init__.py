"""Stage 3a: the fact table between quantities and claims (see table.py)."""

from checks.facts.labels import Label, read_label, vocabulary
from checks.facts.table import ROLES, Fact, FactTable, facts

__all__ = ["ROLES", "Fact", "FactTable", "Label", "facts", "read_label", "vocabulary"]
