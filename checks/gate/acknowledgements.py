"""Acknowledged findings: a stable fingerprint per finding, entries appended without rewriting.

The fingerprint is the source id, the claim type and a hash of the normalised quote(s): Simplified
script, ASCII digits, no whitespace. Offsets are left out on purpose, so an edit elsewhere in the
file keeps the fingerprint; an edit to the quoted figures changes it and leaves the entry stale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from checks import paths
from checks.claims import Claim
from checks.errors import FigcheckError
from checks.read import matching_view
from checks.report.files import write_atomically

DEFAULT_FILE = paths.DATA / "acknowledged.yaml"
HEADER = """\
# Findings an editor has reviewed and accepted. `figcheck check` still reports them, marked as
# acknowledged, but they no longer fail the gate. Add entries with
#   figcheck acknowledge CLAIM_ID --reason "why this is acceptable"
# An entry that matches no finding any more is stale (see --strict-acknowledged).
"""
REQUIRED = ("fingerprint", "reason", "accepted_by", "date")


@dataclass
class Acknowledgements:
    path: Path
    entries: list[dict] = field(default_factory=list)

    def by_fingerprint(self) -> dict[str, dict]:
        return {entry["fingerprint"]: entry for entry in self.entries}


def fingerprint(claim: Claim) -> str:
    """source id(s) : type : hash of the normalised quote(s)."""
    pairs = sorted({(e.source, _normalised(e.quote)) for e in claim.evidence})
    sources = "+".join(sorted({source for source, _ in pairs}))
    digest = hashlib.sha256("\x1f".join(q for _, q in pairs).encode("utf-8")).hexdigest()[:16]
    return f"{sources}:{claim.type}:{digest}"


def _normalised(quote: str) -> str:
    return "".join(matching_view(quote).split())


def load_acknowledgements(path: Path | None) -> Acknowledgements:
    path = Path(path or DEFAULT_FILE)
    if not path.exists():
        return Acknowledgements(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FigcheckError(f"{path}: cannot read acknowledgements ({_first_line(exc)})") from None
    if document is None:
        return Acknowledgements(path)
    if not isinstance(document, list):
        raise FigcheckError(f"{path}: acknowledgements must be a YAML list of entries")
    for number, entry in enumerate(document, 1):
        missing = [k for k in REQUIRED if not isinstance(entry, dict) or not entry.get(k)]
        if missing:
            raise FigcheckError(f"{path}: entry {number} lacks {', '.join(missing)}")
    return Acknowledgements(path, document)


def apply_acknowledgements(claims: list[Claim], known: Acknowledgements) -> list[dict]:
    """Mark acknowledged findings on the claims; return the stale entries."""
    entries = known.by_fingerprint()
    if not entries:
        return []  # nothing to match: a fingerprint per finding would be wasted work
    used = set()
    for claim in claims:
        if claim.verdict == "consistent":
            continue
        entry = entries.get(fingerprint(claim))
        if entry is not None:
            claim.acknowledgement = entry
            used.add(entry["fingerprint"])
    return [entry for entry in known.entries if entry["fingerprint"] not in used]


def append_entry(known: Acknowledgements, claim: Claim, reason: str, accepted_by: str) -> dict:
    """Append one entry at the end of the file, keeping every comment and entry above it."""
    entry = {
        "fingerprint": fingerprint(claim),
        "claim": claim.id,
        "quote": " | ".join(e.quote for e in claim.evidence),
        "reason": reason,
        "accepted_by": accepted_by,
        "date": dt.date.today().isoformat(),
    }
    old = known.path.read_text(encoding="utf-8") if known.path.exists() else ""
    if not known.entries:
        old = _comments_only(old) or HEADER
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    new = old + ("" if old.endswith("\n") or not old else "\n") + block
    parsed = yaml.safe_load(new)
    if not isinstance(parsed, list) or parsed[-1]["fingerprint"] != entry["fingerprint"]:
        raise FigcheckError(f"{known.path}: cannot append to this file without rewriting it")
    write_atomically(known.path, new)
    return entry


def _comments_only(text: str) -> str:
    """An empty list ("[]") is replaced; its comments are kept."""
    lines = [line for line in text.splitlines(keepends=True) if line.lstrip().startswith("#")]
    return "".join(lines)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
