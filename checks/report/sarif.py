"""SARIF 2.1.0: one result per finding, located by line and column so code hosts annotate it."""

from __future__ import annotations

import json
import os
from bisect import bisect_right

from checks import __version__
from checks.claims import CLAIM_TYPES, Claim
from checks.gate import fingerprint
from checks.pipeline import Run
from checks.read.excerpts import line_starts

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def to_sarif(run: Run) -> str:
    sources = {s.id: s for s in run.sources}
    starts = {s.id: line_starts(s.text) for s in run.sources}
    results = [
        _result(claim, sources, starts) for claim in run.claims if claim.verdict != "consistent"
    ]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "figcheck",
                        "version": __version__,
                        "rules": [
                            {"id": name, "shortDescription": {"text": _describe(name)}}
                            for name in sorted(CLAIM_TYPES)
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(run)],
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _invocation(run: Run) -> dict:
    """Documents that could not be checked are notifications of a failed execution."""
    return {
        "executionSuccessful": not run.skipped,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": f"not checked: {skipped.reason}"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": _uri(skipped.path)}}}
                ],
            }
            for skipped in run.skipped
        ],
    }


def _describe(name: str) -> str:
    doc = (CLAIM_TYPES[name].__class__.__module__ or "").rsplit(".", 1)[-1]
    return f"figcheck {doc} claims"


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of an offset."""
    line = bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def _result(claim: Claim, sources, starts) -> dict:
    locations = []
    for evidence in claim.evidence:
        source = sources[evidence.source]
        start_line, start_column = _position(starts[source.id], evidence.span[0])
        end_line, end_column = _position(starts[source.id], evidence.span[1])
        locations.append(
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(source.path)},
                    "region": {
                        "startLine": start_line,
                        "startColumn": start_column,
                        "endLine": end_line,
                        "endColumn": end_column,
                        "snippet": {"text": evidence.quote},
                    },
                }
            }
        )
    result = {
        "ruleId": claim.type,
        "level": LEVELS.get(claim.severity or "info", "note"),
        "message": {"text": claim.explanation},
        "locations": locations,
        "partialFingerprints": {"figcheck/v1": fingerprint(claim)},
        "properties": {"claimId": claim.id, "verdict": claim.verdict},
    }
    if claim.acknowledgement:
        result["suppressions"] = [
            {"kind": "external", "justification": claim.acknowledgement["reason"]}
        ]
    return result


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    try:
        relative = os.path.relpath(path)
    except ValueError:
        relative = path
    return relative.replace(os.sep, "/")
