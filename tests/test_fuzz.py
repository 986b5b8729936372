"""The extractors never crash, whatever the text, and every span stays inside it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.claims import extract
from checks.read import Source, matching_view

FRAGMENTS = [
    "2012年",
    "2023年的",
    "由",
    "从",
    "增至",
    "增长到",
    "比",
    "较上年",
    "同比增长",
    "下降",
    "年复合增长率",
    "占",
    "占比",
    "总计",
    "其中",
    "合计",
    "逆差",
    "顺差",
    "基本平衡",
    "进口",
    "出口",
    "个百分点",
    "倍",
    "亿元",
    "万家",
    "美元",
    "%",
    "约",
    "超",
    "余",
    ",",
    "、",
    "。",
    "(",
    ")",
    "12700",
    "2966",
    "14",
    "6.07",
    "1930家",
    "21 676",
    "1,234",
    "−3.5",
    "三",
    "十二",
    "第",
    "近5年",
    "2019-2023年",
    "家",
    "件",
]


def source(text: str) -> Source:
    return Source(id="fuzz", path="fuzz.txt", text=text, view=matching_view(text), encoding="utf-8")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_extractors_survive_claim_shaped_noise(text):
    for claim in extract(source(text)):
        start, end = claim.span
        assert 0 <= start < end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_extractors_survive_any_text(text):
    extract(source(text))
