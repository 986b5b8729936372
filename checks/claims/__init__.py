"""Stage 3: claims. Each claim type is one module: its pattern, its arithmetic, its explanation."""

from __future__ import annotations

from checks.claims.agreement import Agreement
from checks.claims.balance import Balance
from checks.claims.base import Claim, Document, Evidence
from checks.claims.cagr import Cagr
from checks.claims.difference import Difference
from checks.claims.direction import Direction
from checks.claims.granularity import Granularity
from checks.claims.growth import Growth
from checks.claims.part_whole import PartWhole
from checks.claims.ranking import Ranking
from checks.claims.share import Share
from checks.claims.sum import Sum
from checks.read import Source

DOCUMENT_TYPES = (
    Cagr(),
    Growth(),
    Granularity(),
    Share(),
    Difference(),
    Balance(),
    Sum(),
    PartWhole(),
    Direction(),
    Ranking(),
)
CORPUS_TYPES = (Agreement(),)  # these compare statements across all documents of a run
CLAIM_TYPES = {t.name: t for t in (*DOCUMENT_TYPES, *CORPUS_TYPES)}


def extract(source: Source) -> list[Claim]:
    """Every claim in one source, in text order, each id once."""
    return extract_document(Document(source))


def extract_document(doc: Document) -> list[Claim]:
    found: dict[str, Claim] = {}
    for claim_type in DOCUMENT_TYPES:
        for claim in claim_type.find(doc):
            found.setdefault(claim.id, claim)
    return sorted(found.values(), key=lambda c: (c.span, c.type))


def explain(claim: Claim) -> str:
    return CLAIM_TYPES[claim.type].explain(claim)


__all__ = [
    "CLAIM_TYPES",
    "CORPUS_TYPES",
    "DOCUMENT_TYPES",
    "Claim",
    "Document",
    "Evidence",
    "explain",
    "extract",
    "extract_document",
]
