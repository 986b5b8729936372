"""--engine spark: the same suites through GX's Spark datasource give the same verdicts."""

from __future__ import annotations

import importlib.util
import os

import pytest

from checks.cli import main
from checks.pipeline import run
from tests.conftest import SOURCES

UNSEEN = SOURCES.parent.parent / "tests" / "unseen"

pytestmark = pytest.mark.spark
if importlib.util.find_spec("pyspark") is None:
    if os.environ.get("FIGCHECK_SPARK"):
        raise RuntimeError("FIGCHECK_SPARK is set, so pyspark must be installed")
    pytest.skip("pyspark is not installed (pip install '.[spark]')", allow_module_level=True)


def _verdicts(result) -> dict[str, tuple]:
    return {
        c.id: (c.verdict, c.severity, sorted(f["rule_id"] for f in c.failed_rules))
        for c in result.claims
    }


def test_spark_and_pandas_reach_the_same_verdict_on_every_claim():
    given = [str(SOURCES), str(UNSEEN)]
    on_pandas = _verdicts(run(given))
    on_spark = _verdicts(run(given, engine="spark"))
    assert on_spark == on_pandas
    assert {v[0] for v in on_spark.values()} >= {"consistent", "inconsistent"}


def test_the_command_line_runs_the_spark_engine(tmp_path, capsys):
    none = str(tmp_path / "none.yaml")
    assert main(["check", str(SOURCES), "--engine", "spark", "--acknowledged", none]) == 1
    assert "1930家" in capsys.readouterr().out  # the GRIM error, found on Spark
