"""Read → extract → validate → explain. The CLI and the tests both call `run`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from checks import paths
from checks.claims import CLAIM_TYPES, Claim, explain, extract
from checks.errors import InputError
from checks.read import Source, collect_paths, read_source
from checks.read.source import unique_ids
from checks.validate import load_suites, validate_claims


@dataclass
class Run:
    sources: list[Source]
    claims: list[Claim]
    metadata: dict[str, dict] = field(default_factory=dict)


def run(
    given: Iterable[str],
    suites_dir: Path = paths.EXPECTATIONS,
    metadata_file: Path | None = paths.DATA / "sources.yaml",
) -> Run:
    suites = load_suites(suites_dir, sorted(CLAIM_TYPES))  # refuse a bad suite before any work
    files = collect_paths(given)
    sources = [read_source(path, sid) for path, sid in zip(files, unique_ids(files), strict=True)]
    claims = [claim for source in sources for claim in extract(source)]
    validate_claims(claims, suites)
    for claim in claims:
        claim.explanation = f"{explain(claim)}: {verdict_phrase(claim)}"
    return Run(sources, claims, load_metadata(metadata_file))


_STRICT_RULES = {"overlap_low", "overlap_high", "strict"}


def verdict_phrase(claim: Claim) -> str:
    """The verdict in words, from the worst rule the claim failed in its suite."""
    if claim.verdict == "consistent":
        return "consistent"
    worst = next(f for f in claim.failed_rules if f["severity"] == claim.severity)
    phrase = f"{claim.verdict} ({claim.severity}): {worst['description']}"
    failed = {f["rule_id"].rsplit(".", 1)[-1] for f in claim.failed_rules}
    if failed & _STRICT_RULES and "lenient" not in failed:
        phrase += "; a looser reading of the figures fits"
    return phrase


def load_metadata(path: Path | None) -> dict[str, dict]:
    if path is None or not path.is_file():
        return {}
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read source metadata ({exc})") from None
    return {str(k): dict(v or {}) for k, v in (document.get("sources") or {}).items()}
