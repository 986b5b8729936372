"""Detection power: the smallest relative change to each input that this check would catch.

It tells an editor how tightly a figure is pinned down by the claims around it: "this 14% would be
flagged if it were 6.2% larger" means the rate is well checked; "—" means no change up to ±100%
would break the relation. The check is the strict reading, recomputed with the claim module's own
derive function.
"""

from __future__ import annotations

import dataclasses
import importlib

from checks.claims import Claim

_GAPS = ("gap", "strict_gap", "loose_gap")
_STEPS = 40  # bisection steps: far below any printed precision


def detection_power(claim: Claim) -> dict[str, float | None]:
    """Per input role: the smallest relative change (0.062 = 6.2%) that breaks the claim."""
    derive = _deriver(claim)
    if derive is None or _broken(derive(claim)):
        return {role: None for role in claim.inputs}
    return {role: _smallest_break(claim, role, derive) for role in claim.inputs}


def _deriver(claim: Claim):
    module = "series" if claim.suite_name == "series" else claim.type
    found = importlib.import_module(f"checks.claims.{module}")
    return getattr(found, "derive", None)


def _broken(row: dict) -> bool:
    return any((row.get(name) or 0) > 0 for name in _GAPS)


def _smallest_break(claim: Claim, role: str, derive) -> float | None:
    best = None
    for sign in (1.0, -1.0):
        if _broken(derive(_scaled(claim, role, 1 + sign))):
            found = _bisect(claim, role, derive, sign)
            best = found if best is None else min(best, found)
    return best


def _bisect(claim: Claim, role: str, derive, sign: float) -> float:
    low, high = 0.0, 1.0
    for _ in range(_STEPS):
        middle = (low + high) / 2
        if _broken(derive(_scaled(claim, role, 1 + sign * middle))):
            high = middle
        else:
            low = middle
    return high


def _scaled(claim: Claim, role: str, factor: float) -> Claim:
    quantity = claim.inputs[role]
    changed = dataclasses.replace(
        quantity,
        value=quantity.value * factor,
        strict=quantity.strict.scale(factor),
        lenient=quantity.lenient.scale(factor),
    )
    return dataclasses.replace(claim, inputs={**claim.inputs, role: changed})


def describe(power: float | None, claim: Claim | None = None) -> str:
    if claim is not None and claim.verdict != "consistent":
        return "— (the claim already fails)"
    return "not pinned down within ±100%" if power is None else f"a {power * 100:.3g}% change"
