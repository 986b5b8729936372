"""JUnit XML: one testcase per claim, a failure for each finding at or above the gate."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from checks.pipeline import Run
from checks.report.summary import reaches


def to_junit(run: Run, fail_on: str) -> str:
    suites: dict[str, list] = defaultdict(list)
    for claim in run.claims:
        homes = sorted({e.source for e in claim.evidence})
        suites[homes[0] if len(homes) == 1 else "across-sources"].append(claim)
    root = ET.Element("testsuites", name="figcheck")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for name, claims in suites.items():
        suite = ET.SubElement(root, "testsuite", name=name)
        counts = {"tests": len(claims), "failures": 0, "skipped": 0}
        for claim in claims:
            case = ET.SubElement(
                suite, "testcase", classname=f"figcheck.{claim.type}", name=claim.id
            )
            quotes = "\n".join(
                f"{e.source}[{e.span[0]}:{e.span[1]}]: {e.quote}" for e in claim.evidence
            )
            if claim.acknowledgement and claim.verdict != "consistent":
                counts["skipped"] += 1
                reason = claim.acknowledgement["reason"]
                ET.SubElement(case, "skipped", message=f"acknowledged: {reason}")
            elif reaches(claim, fail_on):
                counts["failures"] += 1
                failure = ET.SubElement(
                    case, "failure", message=claim.explanation, type=claim.severity or ""
                )
                failure.text = quotes
            ET.SubElement(case, "system-out").text = f"{claim.explanation}\n{quotes}"
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    if run.skipped:
        _skipped_suite(root, run, totals)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _skipped_suite(root: ET.Element, run: Run, totals: dict[str, int]) -> None:
    """A document that could not be checked is a test that errored: the gate must see it."""
    suite = ET.SubElement(root, "testsuite", name="unchecked-documents")
    for skipped in run.skipped:
        case = ET.SubElement(suite, "testcase", classname="figcheck.read", name=skipped.path)
        ET.SubElement(case, "error", message=skipped.reason, type="unchecked")
    count = len(run.skipped)
    for key, value in {"tests": count, "failures": 0, "errors": count, "skipped": 0}.items():
        suite.set(key, str(value))
        totals[key] += value
