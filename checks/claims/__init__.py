"""Stage 3: claims. Each claim type is one module: its pattern, its arithmetic, its explanation."""

from __future__ import annotations

from checks.claims.balance import Balance
from checks.claims.base import Claim, Document, Evidence
from checks.claims.cagr import Cagr
from checks.claims.difference import Difference
from checks.claims.granularity import Granularity
from checks.claims.growth import Growth
from checks.claims.share import Share
from checks.claims.sum import Sum
from checks.read import Source

CLAIM_TYPES = {
    t.name: t for t in (Cagr(), Growth(), Granularity(), Share(), Difference(), Balance(), Sum())
}


def extract(source: Source) -> list[Claim]:
    """Every claim in a source, in text order, each id once."""
    doc = Document(source)
    found: dict[str, Claim] = {}
    for claim_type in CLAIM_TYPES.values():
        for claim in claim_type.find(doc):
            found.setdefault(claim.id, claim)
    return sorted(found.values(), key=lambda c: (c.span, c.type))


def explain(claim: Claim) -> str:
    return CLAIM_TYPES[claim.type].explain(claim)


__all__ = ["CLAIM_TYPES", "Claim", "Document", "Evidence", "explain", "extract"]
