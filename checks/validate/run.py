"""Validate every claim family in one batch per suite and turn GX results into verdicts.

The verdict of each claim comes from here: which rules its row failed, with the severity and the
verdict each rule declares in its suite. Python decides nothing about pass or fail.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Callable, Iterable

from checks.claims import CLAIM_TYPES, Claim
from checks.errors import SuiteError
from checks.validate.suites import Suite

SERIES_COLUMNS = ("stated_lo", "stated_hi", "implied_lo", "implied_hi", "gap", "lenient_gap")
SEVERITY_NAMES = {"critical": "error", "warning": "warning", "info": "info"}
_RANK = {"info": 0, "warning": 1, "error": 2}


class Validator:
    """One GX context per run; one validation per suite over all claims of that family, on
    pandas or, with `engine="spark"`, on a local Spark session through GX's Spark datasource."""

    def __init__(self, engine: str = "pandas") -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        logging.getLogger("great_expectations").setLevel(logging.ERROR)
        self._context = gx.get_context(mode="ephemeral")
        self._context.variables.progress_bars = ProgressBarsConfig(
            globally=False, metric_calculations=False
        )
        self._engine = ENGINES[engine]()
        self._batches = self._engine.datasource(self._context)

    def validate(self, suite: Suite, claims: list[Claim], columns: tuple[str, ...]) -> None:
        frame = self._engine.frame(claims, columns)
        asset = self._batches.add_dataframe_asset(f"{suite.name}_claims")
        definition = asset.add_batch_definition_whole_dataframe("all")
        batch = definition.get_batch(batch_parameters={"dataframe": frame})
        result = batch.validate(
            suite.gx_suite,
            expectation_parameters=suite.parameters,
            result_format=self._engine.result_format,
        )
        failures = _failures(suite, result.results)
        for claim in claims:
            _assign(claim, failures.get(claim.id, []))


class PandasEngine:
    # Claim ids are the frame's named index, and unexpected values are left out: GX then lists
    # the failing ids straight from the index instead of reading each row's cells one by one.
    result_format = {
        "result_format": "COMPLETE",
        "unexpected_index_column_names": ["claim_id"],
        "exclude_unexpected_values": True,
        "return_unexpected_index_query": False,
    }

    def datasource(self, context):
        return context.data_sources.add_pandas("claims")

    def frame(self, claims: list[Claim], columns: tuple[str, ...]):
        import pandas as pd

        rows = [{"claim_id": c.id} | {k: _finite(c.row.get(k)) for k in columns} for c in claims]
        return pd.DataFrame(rows, columns=["claim_id", *columns]).set_index("claim_id")


class SparkEngine:
    """The same suites on Spark DataFrames (pip install 'figcheck[spark]'; Java 17)."""

    result_format = {
        "result_format": "COMPLETE",
        "unexpected_index_column_names": ["claim_id"],
        "return_unexpected_index_query": False,
    }

    def __init__(self) -> None:
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            raise SuiteError(
                "--engine spark needs pyspark: pip install 'figcheck[spark]'"
            ) from None
        self.session = (
            SparkSession.builder.master(f"local[{SPARK_CORES}]")
            .appName("figcheck")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", str(SPARK_CORES))
            .getOrCreate()
        )
        self.session.sparkContext.setLogLevel("ERROR")

    def datasource(self, context):
        return context.data_sources.add_spark("claims")

    def frame(self, claims: list[Claim], columns: tuple[str, ...]):
        from pyspark.sql.types import DoubleType, StringType, StructField, StructType

        schema = StructType(
            [StructField("claim_id", StringType(), False)]
            + [StructField(column, DoubleType(), True) for column in columns]
        )
        # Spark orders NaN above every number, so a column that does not apply is null here
        rows = [(c.id, *(_nullable(c.row.get(k)) for k in columns)) for c in claims]
        return self.session.createDataFrame(rows, schema)


ENGINES = {"pandas": PandasEngine, "spark": SparkEngine}
SPARK_CORES = 2


def validate_claims(
    claims: Iterable[Claim],
    suites: dict[str, Suite],
    progress: Callable[[int, int], None] | None = None,
    engine: str = "pandas",
) -> None:
    """Set verdict, severity and failed rules on every claim, in place."""
    by_type: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_type[claim.suite_name].append(claim)
    if not by_type:
        return
    validator = Validator(engine)
    for done, (suite_name, family) in enumerate(sorted(by_type.items()), 1):
        columns = (
            CLAIM_TYPES[family[0].type].columns if suite_name in CLAIM_TYPES else SERIES_COLUMNS
        )
        validator.validate(suites[suite_name], family, columns)
        if progress is not None:
            progress(done, len(by_type))


def _finite(value: float | None) -> float:
    """GX compares infinities correctly; NaN marks a column that does not apply to a row."""
    return math.nan if value is None else float(value)


def _nullable(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else float(value)


def _failures(suite: Suite, results) -> dict[str, list[dict]]:
    failures: dict[str, list[dict]] = defaultdict(list)
    for result in results:
        config = result.expectation_config
        rule_id = (config.meta or {}).get("rule_id", "?")
        _raise_on_exception(suite, rule_id, result.exception_info)
        if result.success:
            continue
        rule = suite.rules[rule_id]
        failure = {
            "suite": suite.name,
            "rule_id": rule_id,
            "expectation": config.type,
            "severity": SEVERITY_NAMES[str(getattr(config.severity, "value", config.severity))],
            "verdict": rule["meta"].get("verdict", "inconsistent"),
            "description": rule["meta"].get("description", ""),
            "kwargs": rule.get("kwargs", {}),
        }
        for claim_id in _failing_ids(result.result.get("unexpected_index_list") or []):
            failures[claim_id].append(failure)
    return failures


def _failing_ids(index_list: list[dict]) -> list[str]:
    """GX lists ids as {"claim_id": [ids…]} once values are excluded, else one dict per row."""
    ids: list[str] = []
    for item in index_list:
        found = item["claim_id"]
        ids.extend(map(str, found) if isinstance(found, list) else [str(found)])
    return ids


def _raise_on_exception(suite: Suite, rule_id: str, info) -> None:
    """A missing column or a bad kwarg is a configuration error, not a finding."""
    if not info:
        return
    entries = [info] if "raised_exception" in info else list(info.values())
    for entry in entries:
        if isinstance(entry, dict) and entry.get("raised_exception"):
            message = (entry.get("exception_message") or "").strip().splitlines()
            detail = message[0] if message else "GX raised an exception"
            raise SuiteError(f"{suite.path}: {rule_id}: {detail}")


def _assign(claim: Claim, failed: list[dict]) -> None:
    claim.failed_rules = failed
    if not failed:
        claim.verdict, claim.severity = "consistent", None
        return
    unverifiable = [f for f in failed if f["verdict"] == "unverifiable"]
    chosen = unverifiable or failed
    claim.verdict = chosen[0]["verdict"]
    claim.severity = max((f["severity"] for f in chosen), key=_RANK.__getitem__)
