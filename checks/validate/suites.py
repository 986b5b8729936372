"""Load suites from JSON and refuse any file that GX would silently change."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checks.errors import SuiteError

SEVERITIES = ("critical", "warning", "info")
VERDICTS = ("inconsistent", "unverifiable")


@dataclass(frozen=True)
class Suite:
    name: str
    path: Path
    gx_suite: Any  # great_expectations.ExpectationSuite, imported lazily
    parameters: dict[str, float]
    rules: dict[str, dict]  # rule_id -> expectation as written in the file


def load_suites(folder: Path, names: list[str]) -> dict[str, Suite]:
    return {name: load_suite(folder / f"{name}.json") for name in names}


def load_suite(path: Path) -> Suite:
    document = _read_json(path)
    expectations = document.get("expectations")
    if not isinstance(expectations, list) or not expectations:
        raise SuiteError(f"{path}: 'expectations' must be a non-empty list")
    parameters = (document.get("meta") or {}).get("parameters") or {}
    rules = {_rule_id(path, i, e): e for i, e in enumerate(expectations)}
    _check_parameters(path, expectations, parameters)
    gx_suite = _build(path, document)
    if len(gx_suite.expectations) != len(expectations):
        raise SuiteError(
            f"{path}: GX kept {len(gx_suite.expectations)} of {len(expectations)} expectations; "
            "an unknown expectation type or invalid severity was dropped"
        )
    return Suite(document.get("name", path.stem), path, gx_suite, parameters, rules)


def _read_json(path: Path) -> dict:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SuiteError(f"{path}: suite file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SuiteError(f"{path}: cannot read suite ({exc})") from None
    except json.JSONDecodeError as exc:
        raise SuiteError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(document, dict):
        raise SuiteError(f"{path}: a suite must be a JSON object")
    return document


def _rule_id(path: Path, index: int, expectation: Any) -> str:
    if not isinstance(expectation, dict):
        raise SuiteError(f"{path}: expectation {index + 1} is not an object")
    meta = expectation.get("meta") or {}
    rule_id = meta.get("rule_id")
    if not rule_id:
        raise SuiteError(f"{path}: expectation {index + 1} has no meta.rule_id")
    if expectation.get("severity", "critical") not in SEVERITIES:
        raise SuiteError(f"{path}: {rule_id}: severity must be one of {', '.join(SEVERITIES)}")
    if meta.get("verdict", "inconsistent") not in VERDICTS:
        raise SuiteError(f"{path}: {rule_id}: meta.verdict must be one of {', '.join(VERDICTS)}")
    return rule_id


def _check_parameters(path: Path, expectations: list[dict], parameters: dict) -> None:
    for expectation in expectations:
        for value in (expectation.get("kwargs") or {}).values():
            if isinstance(value, dict) and "$PARAMETER" in value:
                name = value["$PARAMETER"]
                if name not in parameters:
                    raise SuiteError(
                        f"{path}: {expectation['meta']['rule_id']}: parameter '{name}' "
                        "is not set in meta.parameters"
                    )
                if not isinstance(parameters[name], (int, float)):
                    raise SuiteError(f"{path}: parameter '{name}' must be a number")


def _build(path: Path, document: dict):
    import great_expectations as gx

    logger = logging.getLogger("great_expectations")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # GX logs a traceback when it drops an expectation
    try:
        return gx.ExpectationSuite(**document)
    except TypeError as exc:
        raise SuiteError(f"{path}: {exc}") from None
    except Exception as exc:  # pydantic's ValidationError and GX's own configuration errors
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SuiteError(f"{path}: GX refused the suite: {first_line}") from None
    finally:
        logger.setLevel(level)
