"""Stage 3: claims. Each claim type is one module: its pattern, its arithmetic, its explanation."""

from __future__ import annotations

from checks.claims.agreement import Agreement
from checks.claims.balance import Balance
from checks.claims.base import Claim, Evidence
from checks.claims.cagr import Cagr
from checks.claims.conversion import Conversion
from checks.claims.difference import Difference
from checks.claims.direction import Direction
from checks.claims.enumeration import Enumeration
from checks.claims.granularity import Granularity
from checks.claims.growth import Growth
from checks.claims.part_whole import PartWhole
from checks.claims.ranking import Ranking
from checks.claims.restatement import Restatement
from checks.claims.series import Series
from checks.claims.share import Share
from checks.claims.sum import Sum
from checks.claims.valuation import Valuation
from checks.claims.vital_rates import VitalRates
from checks.document import Document
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
    Conversion(),
    Restatement(),
    Valuation(),
    VitalRates(),
    Enumeration(),
)
CORPUS_TYPES = (Agreement(), Series())  # these compare statements across all documents
CLAIM_TYPES = {t.name: t for t in DOCUMENT_TYPES} | {CORPUS_TYPES[0].name: CORPUS_TYPES[0]}
EXPLAINERS = {**CLAIM_TYPES, "series": CORPUS_TYPES[1]}  # series claims are cagr claims


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
    """The arithmetic in words, from the module that found the claim."""
    return EXPLAINERS[claim.suite_name].explain(claim)


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
