"""The bundled seeds: the claims they hold and the one real inconsistency among them.

Worked by hand from the texts:
  000: (12700/2966)^(1/11)-1 = 14.14% vs 14%; (330448/8881)^(1/11)-1 = 38.93% vs 38.93%;
       14.14% - 12.93% = 1.21 points.
  001: no checkable relation (a feature story with few figures).
  002: (8400/4800)^(1/5)-1 = 11.84% vs 11.8%; 17.1/49.4 = 34.62% vs 34.6%.
  003: 14.84-6.26 = 8.58 deficit; US trade 9.59 vs 10.70 is 5.5% apart (basically balanced);
       1294/10925 = 11.84%; 840/1294 = 64.9% vs 65%; 454+840 = 1294; 24751.1/90575.8 = 27.33%;
       2641/2464, 1686/1564, 499/484 and 165/137 give the stated rates, but no whole earlier count
       gives 1930 firms at +6.07% (1819 → +6.10%, 1820 → +6.04%).
  agreement: 000 says 23 Chinese firms made the 2023 global top-100 list and later 11 (an error);
       000 and 003 both give 2.97亿 people aged 60+ at the end of 2023 (consistent);
       000's domestic shares against 002's import shares: 1.5T MRI 47% + MRI 90% ≥ 136%,
       3T MRI 19% + 90% ≥ 108%, CT below 64 rows 65% + 约80% ≥ 140.5% (warnings: products,
       definitions and dates differ); CT above 64 rows 22% + 约80% may stay within 100%.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from checks.pipeline import run
from tests.conftest import SOURCES

S000, S001, S002, S003 = (
    "000_51fdec87e6c1ca7b",
    "001_e22232236d65affc",
    "002_27e91c1412589424",
    "003_7cf2d2c0cf85e8fb",
)


@pytest.fixture(scope="module")
def seeds():
    return run([str(SOURCES)])


def kinds(result, source_id):
    return Counter(
        c.type
        for c in result.claims
        if c.type != "agreement"
        and {s.id for s in (c.input_sources or {"": c.source}).values()} == {source_id}
    )  # the document's own claims, quoted in one passage or figure by figure


def agreements(result):
    return {
        tuple(sorted(e.quote for e in c.evidence)): (c.verdict, c.severity)
        for c in result.claims
        if c.type == "agreement"
    }


def test_claims_found_per_seed(seeds):
    # 000: 2966→12700, 1.49万→3.6万, 8881→330448 and four 国产占比 rises; 超33万 and 15.6亿 wholes
    assert kinds(seeds, S000) == {"cagr": 2, "difference": 1, "direction": 7, "part_whole": 3}
    assert kinds(seeds, S001) == {}
    assert kinds(seeds, S002) == {"cagr": 1, "share": 1, "direction": 1}
    # 003: 2641 ⊇ 1930/1686/499, 10925 ⊇ 1294, 90575.8 ⊇ 24751.1; the import-registration
    # list and the export tiers; 6.2% → 7.2%; 境内注册 9502 + 进口注册 1423 = the 10 925 total
    # of the paragraph before
    assert kinds(seeds, S003) == {
        "balance": 2,
        "granularity": 5,
        "share": 3,
        "sum": 2,
        "part_whole": 5,
        "ranking": 2,
        "direction": 1,
    }


def test_the_impossible_year_on_year_count_is_the_only_arithmetic_error(seeds):
    flagged = [c for c in seeds.claims if c.verdict != "consistent" and c.input_sources is None]
    assert len(flagged) == 1
    (claim,) = flagged
    assert (claim.type, claim.verdict, claim.severity) == ("granularity", "inconsistent", "error")
    assert claim.source.id == S003
    assert claim.evidence[0].quote == "1930家, 同比增長6.07%"
    assert "1819" in claim.explanation and "1820" in claim.explanation


def test_agreement_across_and_within_the_seeds(seeds):
    assert agreements(seeds) == {
        ("11家", "23家"): ("inconsistent", "error"),
        ("約2.97億人", "达2.97亿人"): ("consistent", None),
        ("47%", "90%"): ("inconsistent", "warning"),
        ("19%", "90%"): ("inconsistent", "warning"),
        ("65%", "约80%"): ("inconsistent", "warning"),
        ("22%", "约80%"): ("consistent", None),
        # five firms named before 等11家, two working groups before 等9個: 等 says there are more
        ("联影医疗、迈瑞医疗、威高骨科、稳健医疗、新华医疗等11家",): ("consistent", None),
        ("下設醫學影像裝備工作組、放射治療裝備工作組等9個",): ("consistent", None),
    }


def test_a_market_size_rate_disagrees_with_another_articles_series(seeds):
    # 000: 2022年医疗器械市场规模9582亿元, 近7年复合增速约17.5%; 002: 医疗装备 2015年4800亿元
    # (9582 / 4800)^(1/7) - 1 = 10.38%: a warning, since 医疗器械 and 医疗装备 differ
    (claim,) = [c for c in seeds.claims if c.suite_name == "series"]
    assert (claim.type, claim.verdict, claim.severity) == ("cagr", "inconsistent", "warning")
    assert {e.source for e in claim.evidence} == {S000, S002}
    assert "10.38%" in claim.explanation and "definitions differ" in claim.explanation


def test_series_hold_the_dated_values(seeds):
    lines = {line.label: [p.key.year for p in line.points] for line in seeds.series}
    # 2012年的2966亿元, 2021年…首次突破万亿元 (a mark passed), 2023年的12700亿元
    assert lines["market_size[medical_equipment_assoc]"] == [2012, 2021, 2023]
    assert lines["market_size[medical_equipment]"] == [2015, 2020]


def test_a_contradiction_inside_one_article_quotes_both_passages(seeds):
    (claim,) = [c for c in seeds.claims if c.type == "agreement" and c.severity == "error"]
    assert {e.source for e in claim.evidence} == {S000}
    assert len(claim.evidence) == 2


def test_cross_article_warnings_state_their_reason(seeds):
    warnings = [c for c in seeds.claims if c.type == "agreement" and c.severity == "warning"]
    assert warnings
    for claim in warnings:
        assert "products differ" in claim.explanation
        assert "dates" in claim.explanation or "year" in claim.explanation


def test_documents_without_inconsistency_have_no_finding(seeds):
    for source_id in (S001, S002):
        assert all(
            c.verdict == "consistent"
            for c in seeds.claims
            if c.source.id == source_id and c.input_sources is None
        )


def test_every_quote_is_exactly_the_text_at_its_span(seeds):
    texts = {s.id: s.text for s in seeds.sources}
    for claim in seeds.claims:
        for evidence in claim.evidence:
            start, end = evidence.span
            assert texts[evidence.source][start:end] == evidence.quote
    assert any(len(c.evidence) > 1 for c in seeds.claims)


def test_claim_ids_are_stable_across_runs(seeds):
    again = run([str(SOURCES)])
    assert [c.id for c in again.claims] == [c.id for c in seeds.claims]


def test_spam_and_boilerplate_yield_no_claims(seeds):
    source = next(s for s in seeds.sources if s.id == S001)
    spam_start = Path(source.path).read_text(encoding="utf-8").index("主站蜘蛛池模板")
    assert not [c for c in seeds.claims if c.source.id == S001 and c.span[0] >= spam_start]


def test_the_registrations_add_up_to_the_total_of_the_paragraph_before(seeds):
    (claim,) = [
        c
        for c in seeds.claims
        if c.type == "sum"
        and c.source.id == S003
        and c.facts.get("shape") == "partition"
        and c.inputs["total"].value == 10_925
    ]
    assert [c.value for k, c in claim.inputs.items() if k != "total"] == [9502, 1423]
    assert claim.verdict == "consistent"
