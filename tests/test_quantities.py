"""Stage 2: the quantity grammar and the intervals it derives from printed precision and hedges."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quantities import Interval, Period, Quantity, grammar, scan
from checks.read import matching_view


def tokens(text: str) -> list[Quantity | Period]:
    view = matching_view(text)
    found = scan(view)
    for token in found:
        assert 0 <= token.start < token.end <= len(text)
    return found


def quantities(text: str) -> list[Quantity]:
    return [t for t in tokens(text) if isinstance(t, Quantity)]


def one(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("2023年末全国65周岁及以上人口达21 676万人", 216_760_000, "人", "people"),
        ("境内注册共计10 925件", 10_925, "件", "count"),
        ("卫生总费用为90 575.8億元", 9_057_580_000_000, "CNY", "money"),
        ("市场规模达1,234,567元", 1_234_567, "CNY", "money"),
        ("出口额达到13.51億美元", 1_351_000_000, "USD", "money"),
        ("医学装备市场规模12700亿元", 1_270_000_000_000, "CNY", "money"),
        ("规模达到3万亿元", 3e12, "CNY", "money"),
        ("用户达500百万人", 5e8, "人", "people"),
        ("占比１１．８％", 11.8, "%", "percent"),
        ("提高了1.21个百分点", 1.21, "pp", "pp"),
        ("增长三倍", 3, "倍", "multiple"),
        ("百分之十五的企业", 15, "%", "percent"),
        ("共有十二家企业", 12, "家", "count"),
        ("服务量为15.6亿人次", 1_560_000_000, "人次", "people"),
        # classifiers that count things: masks, livestock, gloves, test kits
        ("出口口罩58.6亿只", 5_860_000_000, "只", "count"),
        ("生猪出栏3.2万头", 32_000, "头", "count"),
        ("手套12.5亿双", 1_250_000_000, "双", "count"),
        ("检测试剂盒4.6亿人份", 460_000_000, "人份", "count"),
        ("对应市盈率12.5x", 12.5, "倍", "multiple"),  # brokerage notes write multiples so
    ],
)
def test_values_units_and_kinds(text, value, unit, kind):
    found = quantities(text)[-1]
    assert math.isclose(found.value, value, rel_tol=1e-12)
    assert (found.unit, found.kind) == (unit, kind)


def test_a_year_followed_by_a_space_is_never_a_thousands_group():
    found = tokens("较2023 年同比增长7.18%")
    assert isinstance(found[0], Period) and found[0].first == 2023
    assert [q.value for q in found if isinstance(q, Quantity)] == [7.18]


def test_a_small_number_before_a_spaced_year_word_stays_small():
    assert one("市场规模经历了2 年下滑").value == 2
    assert one("市场规模经历了2 年下滑").kind == "duration"


def test_spaced_group_needs_exactly_three_digits():
    assert [q.value for q in quantities("分别为21 67家和3 1234件")] == [21, 67, 3, 1234]


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("14%", 13.5, 14.5),
        ("38.93%", 38.925, 38.935),
        (
            "1.49万余家",
            14_900,
            15_000,
        ),  # 余 after the magnitude: [x, x + one unit of the last digit)
        ("180余款", 180, 190),
        ("60多个", 60, 70),
        ("2000多台", 2000, 3000),
        ("超33万件", 330_000, math.inf),
        ("逾1000家", 1000, math.inf),
        ("25%以上", 25, math.inf),
        ("不足5%", 0, 5),
        ("近2000家", 1800, 2000),
        ("约80%", 76, 84),
        ("20台左右", 19, 21),
        ("达2641家", 2641, 2641),  # 达 means reached: no widening; a count is whole
        ("2641.5万元", 26_414_500, 26_415_500),  # an amount keeps its rounding
        ("3~5个", 2.5, 5.5),
        ("20%~30%", 19.5, 30.5),
        ("6-8家", 5.5, 8.5),
        ("6至8家", 5.5, 8.5),
    ],
)
def test_intervals_from_precision_and_hedges(text, lo, hi):
    found = one(text)
    assert math.isclose(found.strict.lo, lo, rel_tol=1e-9, abs_tol=1e-9)
    assert found.strict.hi == hi or math.isclose(found.strict.hi, hi, rel_tol=1e-9)


def test_trailing_zeros_are_rounding_only_in_the_lenient_reading():
    found = one("12700亿元")
    assert found.strict == Interval(12_699.5e8, 12_700.5e8)
    assert found.lenient.lo == 12_650e8 and found.lenient.hi >= 12_750e8


def test_a_finer_figure_beside_it_leaves_trailing_zeros_printed():
    # 2135 of the same unit and size prints its units digit: so, in its sentence, does 1900
    _, beside, later, _, far = quantities(
        "收入2135亿元,较上年1900亿元增长。上年1900亿元。占0.35亿元,计1900亿元"
    )
    assert beside.lenient.lo == 1899.5e8 and beside.lenient.hi == 1901e8  # its truncation only
    assert later.lenient.lo == 1850e8  # another sentence: rounding to hundreds stays a reading
    assert far.lenient.lo == 1850e8  # a figure of another size shows nothing of its digits
    # a peer ending in zeros itself shows no finer digit
    assert quantities("收入2100亿元,较上年1900亿元增长")[1].lenient.lo == 1850e8


def test_lenient_reading_keeps_two_significant_figures():
    assert one("100亿元").lenient.lo == 95e8
    assert one("50家").lenient.lo == 49.5


def test_percentages_treat_their_units_digit_as_printed():
    assert one("30%").lenient.lo == 29.5


def test_whole_counts_are_exact_integers_without_hedges_or_magnitudes():
    assert one("达2641家").whole
    assert not one("1.49万余家").whole
    assert not one("约2641家").whole
    assert not one("2641亿元").whole


@pytest.mark.parametrize(
    ("text", "first", "last", "part"),
    [
        ("2012年", 2012, 2012, ""),
        ("2023年末", 2023, 2023, "末"),
        ("截至2024年底", 2024, 2024, "底"),
        ("2020年1-11月", 2020, 2020, "1-11月"),
        ("2023年1月至8月", 2023, 2023, "1月-8月"),
        ("2012年至2023年", 2012, 2023, ""),
        ("(2018-2020年)", 2018, 2020, ""),
        ("2024 年", 2024, 2024, ""),
    ],
)
def test_years_and_periods(text, first, last, part):
    periods = [t for t in tokens(text) if isinstance(t, Period)]
    assert [(p.first, p.last, p.part) for p in periods] == [(first, last, part)]
    assert not quantities(text)


def test_recent_years_is_a_span_without_dates():
    found = tokens("近5年年均复合增长率达8.85%")
    assert isinstance(found[0], Period) and found[0].span_years == 5 and found[0].first is None
    assert found[1].value == 8.85


@pytest.mark.parametrize(
    "text",
    [
        "第300台设备",
        "见表1",
        "[8]",
        "5G技术",
        "3.0T磁共振",
        "十四五规划",
        "三甲医院",
        "发布时间:2024-04-19",
        "10x Genomics",  # a name, no multiple
        "3x3矩阵",
        "今年1季度",  # a quarter
        "前3季度",
    ],
)
def test_ordinals_references_models_and_dates_are_not_quantities(text):
    assert not quantities(text)


def test_unicode_minus_and_fullwidth_digits():
    found = one("同比下降−３.５%")
    assert found.value == -3.5


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parser_never_crashes_on_any_string(text):
    for token in tokens(text):
        if isinstance(token, Quantity):
            assert token.strict.lo <= token.strict.hi
            assert token.lenient.lo <= token.strict.lo or math.isinf(token.strict.lo)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(list("0123456789 ,.万亿千百约近超逾余多%~-至年第表十一二三倍个家件元美")),
        max_size=60,
    ).map("".join)
)
def test_parser_never_crashes_on_number_like_noise(text):
    tokens(text)


def _corpus_views() -> list[str]:
    root = Path(__file__).resolve().parent
    folders = [root.parent / "data" / "sources", root / "unseen", root / "fuzz_corpus"]
    return [matching_view(p.read_text(encoding="utf-8")) for f in folders for p in f.glob("*.txt")]


def test_the_first_character_lookahead_finds_exactly_what_the_grammar_finds():
    bare = grammar._token_pattern()
    for view in _corpus_views():
        assert [m.span() for m in grammar.token_pattern().finditer(view)] == [
            m.span() for m in bare.finditer(view)
        ]


@settings(max_examples=300)
@given(
    st.text(
        alphabet="约超逾近多余百分之一二两十万亿元%年度 -.,0123456789第大高不足仅将少接突破达到",
        max_size=40,
    )
)
def test_the_lookahead_drops_no_token_on_composed_text(text):
    view = matching_view(text)
    bare = grammar._token_pattern()
    assert [m.span() for m in grammar.token_pattern().finditer(view)] == [
        m.span() for m in bare.finditer(view)
    ]


_bound = st.floats(-1e12, 1e12) | st.just(math.inf) | st.just(-math.inf)


@given(_bound, _bound, st.floats(-1e9, 1e9) | st.just(1.0) | st.just(0.0))
def test_scaling_agrees_with_interval_multiplication(a, b, factor):
    interval = Interval(min(a, b), max(a, b))
    assert interval.scale(factor) == interval * Interval.point(factor)


@pytest.mark.parametrize("lo, hi", [(math.nan, 1.0), (1.0, math.nan), (2.0, 1.0)])
def test_an_interval_refuses_nan_bounds_and_reversed_ends(lo, hi):
    with pytest.raises(ValueError):
        Interval(lo, hi)


@given(_bound, _bound, _bound, _bound)
def test_interval_product_is_the_hull_of_the_four_end_products(a, b, c, d):
    x, y = Interval(min(a, b), max(a, b)), Interval(min(c, d), max(c, d))

    def times(p: float, q: float) -> float:
        return 0.0 if 0 in (p, q) and math.inf in (abs(p), abs(q)) else p * q

    ends = [times(p, q) for p in (x.lo, x.hi) for q in (y.lo, y.hi)]
    assert x * y == Interval(min(ends), max(ends))


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("收入首次突破千亿元", 1e11, "CNY"),
        ("出口首次超过万亿美元", 1e12, "USD"),
        ("销售额首破百亿", 1e10, ""),
        ("營收首次突破千億元", 1e11, "CNY"),
    ],
)
def test_a_round_mark_written_by_its_magnitude_alone(text, value, unit):
    # 突破千亿元 passes 1000亿元: a lower bound at the mark itself
    found = one(text)
    assert (found.value, found.unit, found.qualifier) == (value, unit, "above")
    assert found.strict.lo == value and math.isinf(found.strict.hi)


@pytest.mark.parametrize("text", ["万亿级产业集群", "百万元级项目", "数千亿元", "上千亿元投资"])
def test_a_scale_named_by_its_magnitude_is_no_figure(text):
    assert quantities(text) == []


@pytest.mark.parametrize(
    "text, part",
    [("2023全年,该集团营收", ""), ("2024上半年营收", "上半年"), ("2023下半年", "下半年")],
)
def test_a_year_before_its_part_without_its_nian(text, part):
    (period,) = [t for t in tokens(text) if isinstance(t, Period)]
    assert period.first == period.last and period.first == int(text[:4])
    assert period.part == part
