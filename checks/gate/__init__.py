"""CI gating: findings an editor has reviewed and accepted, kept in data/acknowledged.yaml."""

from checks.gate.acknowledgements import (
    Acknowledgements,
    append_entry,
    apply_acknowledgements,
    fingerprint,
    load_acknowledgements,
)

__all__ = [
    "Acknowledgements",
    "append_entry",
    "apply_acknowledgements",
    "fingerprint",
    "load_acknowledgements",
]
