"""Composed texts in the style of articles figcheck has not seen: a statistical bulletin, an annual
report, a regulator's summary, a Taiwanese news item, a provincial report and a forecast. Their figures are true, so nothing may be flagged; the same
texts with one figure changed must be caught. These texts found real false alarms: a change
(增加6个) read as a level, 净利润 taken as the whole of 营业收入 segments, and a regional revenue
taken for the company's, a comparison value (较2022年的…) taken as a whole, exports as part of
产值, and 成長 unknown as a verb.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.pipeline import run

UNSEEN = Path(__file__).parent / "unseen"


@pytest.fixture(scope="module")
def checked():
    return run([str(UNSEEN)])


def test_true_texts_raise_no_finding(checked):
    flagged = [(c.id, c.explanation) for c in checked.claims if c.verdict != "consistent"]
    assert flagged == []


def test_the_relations_in_them_are_still_checked(checked):
    types = {c.type for c in checked.claims}
    assert {"part_whole", "share", "growth", "cagr", "difference", "direction"} <= types
    assert len(checked.claims) >= 15


@pytest.mark.parametrize(
    ("file", "true", "false", "claim_type"),
    [
        ("regulator.txt", "占78.7%", "占88.7%", "share"),
        ("regulator.txt", "增加6个", "增加9个", "difference"),
        ("annual_report.txt", "增长23.52%", "增长25.52%", "growth"),
        ("annual_report.txt", "约为13.6%", "约为18.6%", "cagr"),
        # the urban population is a part of the total and the numerator of its stated share
        (
            "bulletin.txt",
            "其中城镇常住人口93267万人",
            "其中城镇常住人口193267万人",
            "part_whole share",
        ),
        ("taiwan_news.txt", "成長6.9%", "成長9.6%", "growth"),
        ("taiwan_news.txt", "貿易逆差約799億元", "貿易順差約799億元", "balance"),
        ("forecast.txt", "复合年增长率为8.8%", "复合年增长率为12.8%", "cagr"),
        ("provincial.txt", "年均增长约10%", "年均增长约15%", "cagr"),
    ],
)
def test_one_changed_figure_is_caught(tmp_path, file, true, false, claim_type):
    text = (UNSEEN / file).read_text(encoding="utf-8")
    assert true in text
    path = tmp_path / file
    path.write_text(text.replace(true, false), encoding="utf-8")
    flagged = [c for c in run([str(path)]).claims if c.verdict != "consistent"]
    assert [c.type for c in flagged] == claim_type.split()
    assert all(c.severity == "error" for c in flagged)
