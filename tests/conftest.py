from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from checks.claims import Claim
from checks.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"
_counter = itertools.count()


@pytest.fixture
def check_text(tmp_path):
    """Run the whole pipeline (extraction and GX validation) on one composed text."""

    def _check(text: str, encoding: str = "utf-8") -> list[Claim]:
        path = tmp_path / f"doc{next(_counter)}.txt"
        path.write_bytes(text.encode(encoding))
        return run([str(path)]).claims

    return _check


@pytest.fixture
def check_corpus(tmp_path):
    """Run the pipeline on several composed documents at once: {file stem: text}."""

    def _check(texts: dict[str, str]):
        folder = tmp_path / f"corpus{next(_counter)}"
        folder.mkdir()
        for stem, text in texts.items():
            (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        return run([str(folder)])

    return _check


def only(claims: list[Claim], claim_type: str) -> Claim:
    found = [c for c in claims if c.type == claim_type]
    assert len(found) == 1, f"expected one {claim_type} claim, got {[c.id for c in claims]}"
    return found[0]


def quoted(claim: Claim) -> str:
    start, end = claim.span
    return claim.source.text[start:end]
