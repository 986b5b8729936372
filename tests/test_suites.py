"""The GX suites are the rules engine: refused when GX would change them, editable as data."""

from __future__ import annotations

import json
import shutil

import pytest

from checks.claims import CLAIM_TYPES
from checks.errors import SuiteError
from checks.pipeline import run
from checks.validate import load_suite
from tests.conftest import ROOT

SUITES = ROOT / "expectations"


def copy_suites(tmp_path):
    target = tmp_path / "suites"
    shutil.copytree(SUITES, target)
    return target


def edit(path, change):
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def test_every_claim_type_has_a_loadable_suite():
    for name in CLAIM_TYPES:
        suite = load_suite(SUITES / f"{name}.json")
        listed = json.loads((SUITES / f"{name}.json").read_text(encoding="utf-8"))["expectations"]
        assert len(suite.gx_suite.expectations) == len(listed)
        assert {e["severity"] for e in listed} >= {"warning", "critical"}


def test_unknown_expectation_type_is_refused(tmp_path):
    suites = copy_suites(tmp_path)
    edit(
        suites / "cagr.json",
        lambda d: d["expectations"].append(
            {
                "type": "expect_rates_to_be_sane",
                "kwargs": {"column": "gap"},
                "meta": {"rule_id": "x"},
            }
        ),
    )
    with pytest.raises(SuiteError, match=r"cagr\.json.*kept 4 of 5"):
        load_suite(suites / "cagr.json")


def test_missing_parameter_is_refused(tmp_path):
    suites = copy_suites(tmp_path)
    edit(suites / "share.json", lambda d: d["meta"]["parameters"].clear())
    with pytest.raises(SuiteError, match=r"share\.json.*share_tolerance_pp"):
        load_suite(suites / "share.json")


def test_invalid_severity_is_refused(tmp_path):
    suites = copy_suites(tmp_path)
    edit(suites / "sum.json", lambda d: d["expectations"][0].update(severity="fatal"))
    with pytest.raises(SuiteError, match=r"sum\.json.*severity"):
        load_suite(suites / "sum.json")


def test_missing_column_is_a_configuration_error_not_a_finding(tmp_path):
    suites = copy_suites(tmp_path)
    edit(suites / "cagr.json", lambda d: d["expectations"][1]["kwargs"].update(column_A="nope"))
    text = tmp_path / "a.txt"
    text.write_text("由2012年的2966亿元增至2023年的12700亿元,年复合增长率14%。", encoding="utf-8")
    with pytest.raises(SuiteError, match="nope"):
        run([str(text)], suites_dir=suites)


def test_an_editor_can_raise_a_tolerance_without_touching_python(tmp_path):
    # 123 / 102 - 1 = 20.59%: 25% is an error at tolerance 0; 5 points of slack make it a warning
    text = tmp_path / "g.txt"
    text.write_text("2023年营业收入为123亿元,比2022年的102亿元增长25%。", encoding="utf-8")
    (before,) = run([str(text)]).claims
    assert (before.verdict, before.severity) == ("inconsistent", "error")
    suites = copy_suites(tmp_path)
    edit(suites / "growth.json", lambda d: d["meta"]["parameters"].update(growth_tolerance_pp=5))
    (after,) = run([str(text)], suites_dir=suites).claims
    assert (after.verdict, after.severity) == ("inconsistent", "warning")


def test_an_editor_can_change_a_severity(tmp_path):
    text = tmp_path / "b.txt"
    text.write_text("中日贸易基本实现平衡(进口20.00亿美元、出口10.00亿美元)。", encoding="utf-8")
    suites = copy_suites(tmp_path)

    def to_critical(document):
        for expectation in document["expectations"]:
            if expectation["meta"]["rule_id"] == "balance.balanced":
                expectation["severity"] = "critical"

    edit(suites / "balance.json", to_critical)
    (claim,) = run([str(text)], suites_dir=suites).claims
    assert (claim.verdict, claim.severity) == ("inconsistent", "error")
