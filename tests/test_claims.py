"""Stage 3 to 5: each claim type on seed sentences and composed ones, through GX verdicts.

Expected verdicts below were worked out by hand from the printed figures, not copied from output.
"""

from __future__ import annotations

import pytest

from tests.conftest import only, quoted


def verdict(claim) -> tuple[str, str | None]:
    return claim.verdict, claim.severity


# ---------------------------------------------------------------- cagr
class TestCagr:
    def test_seed_market_size_is_consistent(self, check_text):
        # (12700 / 2966)^(1/11) - 1 = 14.14%, inside [13.5%, 14.5%)
        claim = only(
            check_text("由2012年的2966亿元增至2023年的12700亿元,年复合增长率14%。"),
            "cagr",
        )
        assert verdict(claim) == ("consistent", None)
        assert "^(1/11)" in claim.explanation and "14.14%" in claim.explanation

    def test_seed_registrations_in_traditional_script(self, check_text):
        # (330448 / 8881)^(1/11) - 1 = 38.927%, inside [38.925%, 38.935%)
        claim = only(
            check_text(
                "首次註冊/備案數量由2012年的8881件增至2023年的330448件,年複合增長率38.93%。"
            ),
            "cagr",
        )
        assert verdict(claim) == ("consistent", None)
        assert quoted(claim) == "8881件增至2023年的330448件,年複合增長率38.93%"

    def test_average_annual_compound_rate_keyword(self, check_text):
        # (8400 / 4800)^(1/5) - 1 = 11.84%
        text = "市场规模从 2015年的4800亿元增长到2020年的8400亿元,年均复合增长率11.8%。"
        assert verdict(only(check_text(text), "cagr")) == ("consistent", None)

    def test_wrong_rate_is_an_error(self, check_text):
        # (100 / 50)^(1/5) - 1 = 14.87%; even 95..105 over 49.5..50.5 and six years stays below 17%
        claim = only(check_text("由2018年的50亿元增长至2023年的100亿元,年复合增长率20%。"), "cagr")
        assert verdict(claim) == ("inconsistent", "error")
        assert "14.87%" in claim.explanation

    def test_inclusive_year_count_is_only_a_warning(self, check_text):
        # 2^(1/5) - 1 = 14.87% with five years; 2^(1/6) - 1 = 12.25% if six years are counted
        claim = only(
            check_text("由2018年的50.0亿元增长至2023年的100.0亿元,年复合增长率12.2%。"), "cagr"
        )
        assert verdict(claim) == ("inconsistent", "warning")

    def test_rate_at_the_rounding_edge_is_consistent(self, check_text):
        # 114.5 / 100 - 1 = 14.5% exactly: the edge of "14%" counts as possible
        text = "由2022年的100.00亿元增至2023年的114.50亿元,年复合增长率14%。"
        assert verdict(only(check_text(text), "cagr")) == ("consistent", None)

    def test_rate_just_past_the_rounding_edge_is_flagged(self, check_text):
        # 114.6 / 100 - 1 = 14.6%: outside [13.5%, 14.5%], inside the truncation reading [14%, 15%)
        text = "由2022年的100.00亿元增至2023年的114.60亿元,年复合增长率14%。"
        assert verdict(only(check_text(text), "cagr")) == ("inconsistent", "warning")

    def test_single_value_with_a_rate_is_no_claim(self, check_text):
        text = "2022年中国医疗器械市场规模达9582亿元人民币,近7年复合增速约17.5%。"
        assert not [c for c in check_text(text) if c.type == "cagr"]


# ---------------------------------------------------------------- growth
class TestGrowth:
    def test_consistent_growth(self, check_text):
        claim = only(check_text("2023年营业收入为123亿元,比2022年的102.5亿元增长20%。"), "growth")
        assert verdict(claim) == ("consistent", None)

    def test_wrong_growth_is_an_error_in_both_scripts(self, check_text):
        # 123 / 102 - 1 = 20.6%, far from 25%
        for text in (
            "2023年营业收入为123亿元,比2022年的102亿元增长25%。",
            "2023年營業收入為123億元,比2022年的102億元增長25%。",
        ):
            claim = only(check_text(text), "growth")
            assert verdict(claim) == ("inconsistent", "error"), text

    def test_from_to_with_stated_rate(self, check_text):
        # 132 / 110 - 1 = 20%
        claim = only(check_text("销量从110万台增长到132万台,增长了20%。"), "growth")
        assert verdict(claim) == ("consistent", None)

    def test_by_rate_to_value(self, check_text):
        # 89 / 100 - 1 = -11%
        claim = only(check_text("出口额由100.0亿美元下降11%至89.0亿美元。"), "growth")
        assert verdict(claim) == ("consistent", None)

    def test_increase_by_three_times_means_four_times(self, check_text):
        claim = only(check_text("2023年销量为412万台,比2018年的103万台增长3倍。"), "growth")
        assert verdict(claim) == ("consistent", None)

    def test_increase_by_three_times_read_as_three_times_is_a_warning(self, check_text):
        # 309 / 103 = 3: fits only the loose reading of 增长3倍
        claim = only(check_text("2023年销量为309万台,比2018年的103万台增长3倍。"), "growth")
        assert verdict(claim) == ("inconsistent", "warning")
        assert "4 × A" in claim.explanation

    def test_increase_to_three_times_means_three_times(self, check_text):
        claim = only(check_text("2023年销量为309万台,比2018年的103万台增长到3倍。"), "growth")
        assert verdict(claim) == ("consistent", None)

    def test_constant_price_growth_is_not_checked_against_nominal_values(self, check_text):
        text = "按可比价格计算,2023年产值为123亿元,比2022年的102亿元增长5%。"
        assert not [c for c in check_text(text) if c.type == "growth"]

    def test_year_on_year_rate_without_an_earlier_value_is_no_growth_claim(self, check_text):
        text = "全国基层医疗卫生机构服务量为15.6亿人次,同比增长10.6%,其中社区卫生服务中心6.0亿人次,同比增长20.9%。"
        assert not [c for c in check_text(text) if c.type in ("growth", "difference")]


# ---------------------------------------------------------------- granularity
class TestGranularity:
    def test_seed_counts_in_traditional_script(self, check_text):
        # 2641/2464 = +7.183%; 1686/1564 = +7.800%; 499/484 = +3.099%; 165/137 = +20.438%
        text = (
            "截至2024年底,我國醫學影像裝置生產企業達2641家,較2023 年同比增長7.18%。"
            "可生產第二類醫療器械企業1686 家,同比增長7.8% ;"
            "可生產第三類醫療器械企業499家,同比增長3.1%。"
            "首次註冊數量達到165件,同比增長20.44%。"
        )
        claims = [c for c in check_text(text) if c.type == "granularity"]
        assert len(claims) == 4
        assert all(verdict(c) == ("consistent", None) for c in claims)

    def test_seed_count_with_no_whole_predecessor_is_an_error(self, check_text):
        # 1930 / 1.0607 = 1819.55: 1819 gives +6.10%, 1820 gives +6.04%
        claim = only(
            check_text("其中,可生產第一類醫療器械企業1930家, 同比增長6.07% ;"), "granularity"
        )
        assert verdict(claim) == ("inconsistent", "error")
        assert "1819" in claim.explanation and "1820" in claim.explanation

    def test_grim_example_from_the_brief(self, check_text):
        # 1000 / 1.0456 = 956.38: 956 gives +4.60%, 957 gives +4.49%
        claim = only(check_text("全市共有医疗器械企业1000家,同比增长4.56%。"), "granularity")
        assert verdict(claim) == ("inconsistent", "error")

    def test_possible_rate_for_the_same_count(self, check_text):
        claim = only(check_text("全市共有医疗器械企业1000家,同比增长4.60%。"), "granularity")
        assert verdict(claim) == ("consistent", None)

    def test_truncated_rate_is_only_a_warning(self, check_text):
        # 1001 / 958 = +4.4885%: rounds to 4.49%, truncates to 4.48%; 957 and 959 are further off
        claim = only(check_text("全市共有医疗器械企业1001家,同比增长4.48%。"), "granularity")
        assert verdict(claim) == ("inconsistent", "warning")

    def test_falling_counts(self, check_text):
        # 950 / 1000 - 1 = -5.00%; 950 / (1 - 0.0456) = 995.39 holds no whole number
        good = only(check_text("企业数量为950家,同比下降5.00%。"), "granularity")
        bad = only(check_text("企业数量为950家,同比下降4.56%。"), "granularity")
        assert verdict(good) == ("consistent", None)
        assert verdict(bad) == ("inconsistent", "error")

    def test_rounded_counts_are_not_granularity_claims(self, check_text):
        text = "全国基层医疗卫生机构服务量为15.6亿人次,同比增长10.6%。企业约2641家,同比增长7.18%。"
        assert not [c for c in check_text(text) if c.type == "granularity"]


# ---------------------------------------------------------------- share
class TestShare:
    def test_seed_named_whole(self, check_text):
        # 17.1 / 49.4 = 34.62%
        text = "2020年1-11月,全国医疗卫生机构总诊疗人次达49.4亿人次,基层医疗卫生机构17.1亿人次,只占总诊疗人次的34.6%。"
        claim = only(check_text(text), "share")
        assert verdict(claim) == ("consistent", None)
        assert quoted(claim).startswith("达49.4亿人次") and quoted(claim).endswith("34.6%")

    def test_seed_whole_marked_as_total_in_traditional_script(self, check_text):
        # 24751.1 / 90575.8 = 27.33%
        text = "2023 年我國衛生總費用為90 575.8億元, 其中個人衛生支出為24 751.1億元, 佔27.3%。"
        assert verdict(only(check_text(text), "share")) == ("consistent", None)

    def test_whole_in_the_previous_sentence(self, check_text):
        # 1294 / 10925 = 11.84%
        text = "醫學影像設備註冊備案產品總量達10 925件,見表8。其中,第三類醫療器械產品總計達1294件,佔比11.8%。"
        assert verdict(only(check_text(text), "share")) == ("consistent", None)

    def test_wrong_share_is_an_error(self, check_text):
        # 21 / 52 = 40.4%, not 45%
        text = (
            "全国医疗卫生机构总诊疗人次达52亿人次,其中基层医疗卫生机构21亿人次,占总诊疗人次的45%。"
        )
        claim = only(check_text(text), "share")
        assert verdict(claim) == ("inconsistent", "error")

    def test_share_at_the_rounding_edge(self, check_text):
        # 290 / 2000 = 14.5% exactly: both "14%" and "15%" may be its rounding; "13%" may not
        for stated, expected in (
            ("14%", "consistent"),
            ("15%", "consistent"),
            ("13%", "inconsistent"),
        ):
            text = f"全市企业总数为2000家,其中A类企业290家,占比{stated}。"
            assert only(check_text(text), "share").verdict == expected, stated

    def test_no_stated_whole_means_no_claim(self, check_text):
        text = "截至2023年底,我国60岁及以上老年人口达2.97亿人,占总人口比重超21%。"
        assert not [c for c in check_text(text) if c.type == "share"]

    def test_sibling_value_is_never_taken_as_the_whole(self, check_text):
        # 840 / 454 would be 185%; the whole is the total 1294 in the previous sentence
        text = "其中第三類產品總計達1294件。第三類進口註冊454件、境內註冊840件,境內註冊佔比達65%。"
        claim = only(check_text(text), "share")
        assert claim.inputs["whole"].value == 1294
        assert verdict(claim) == ("consistent", None)


# ---------------------------------------------------------------- balance
class TestBalance:
    SEED = "貿易逆差達8.58億美元(進口14.84億美元、出口6.26億美元)"

    def test_seed_deficit_is_consistent(self, check_text):
        assert verdict(only(check_text(self.SEED), "balance")) == ("consistent", None)

    def test_wrong_amount_is_an_error(self, check_text):
        claim = only(check_text(self.SEED.replace("8.58", "7.58")), "balance")
        assert verdict(claim) == ("inconsistent", "error")

    def test_wrong_sign_is_an_error(self, check_text):
        claim = only(check_text(self.SEED.replace("逆差", "順差")), "balance")
        assert verdict(claim) == ("inconsistent", "error")

    def test_deficit_without_amount_checks_the_sign(self, check_text):
        claim = only(check_text("中日贸易存在逆差(进口7.11亿美元、出口9.00亿美元)。"), "balance")
        assert verdict(claim) == ("inconsistent", "error")

    def test_basically_balanced_within_the_suite_bound(self, check_text):
        # |10.70 - 9.59| / (10.70 + 9.59) = 5.5%, within the default 10%
        text = "中美貿易已基本實現平衡(進口9.59億美元、出口10.70億美元)。"
        assert verdict(only(check_text(text), "balance")) == ("consistent", None)

    def test_basically_balanced_far_off_is_a_warning_not_an_error(self, check_text):
        # |10 - 20| / 30 = 33%
        text = "中日贸易基本实现平衡(进口20.00亿美元、出口10.00亿美元)。"
        assert verdict(only(check_text(text), "balance")) == ("inconsistent", "warning")


# ---------------------------------------------------------------- difference
class TestDifference:
    def test_seed_percentage_points(self, check_text):
        text = "2023年我国公民具备科学素质的比例达到14.14%,比2022年的12.93%提高了1.21个百分点。"
        claim = only(check_text(text), "difference")
        assert verdict(claim) == ("consistent", None)

    def test_wrong_percentage_points_is_an_error(self, check_text):
        text = "2023年我國公民具備科學素質的比例達到14.14%,比2022年的12.93%提高了2.21個百分點。"
        assert verdict(only(check_text(text), "difference")) == ("inconsistent", "error")

    def test_amount_difference(self, check_text):
        good = "2024年企业数量为2641家,比2023年的2464家增加了177家。"
        bad = "2024年企业数量为2641家,比2023年的2464家增加了200家。"
        assert verdict(only(check_text(good), "difference")) == ("consistent", None)
        assert verdict(only(check_text(bad), "difference")) == ("inconsistent", "error")

    def test_rate_without_earlier_value_is_no_claim(self, check_text):
        text = "2023年,我国发明专利产业化率达39.6%,较上年提高2.9个百分点。"
        assert not [c for c in check_text(text) if c.type == "difference"]


# ---------------------------------------------------------------- sum
class TestSum:
    def test_listed_components_with_an_explicit_total(self, check_text):
        good = "一类企业312家、二类企业505家和三类企业183家,合计1000家。"
        bad = "一类企业312家、二类企业505家和三类企业183家,合计1100家。"
        assert verdict(only(check_text(good), "sum")) == ("consistent", None)
        assert verdict(only(check_text(bad), "sum")) == ("inconsistent", "error")

    def test_known_partition_after_a_total(self, check_text):
        text = "其中第三類產品總計達1294件。第三類進口註冊454件、境內註冊840件。"
        claim = only(check_text(text), "sum")
        assert verdict(claim) == ("consistent", None)

    def test_overlapping_categories_are_never_summed(self, check_text):
        # firms able to make class I/II/III devices overlap: 1930 + 1686 + 499 > 2641
        text = (
            "截至2024年底,我國醫學影像裝置生產企業達2641家。其中,可生產第一類醫療器械企業1930家, "
            "可生產第二類醫療器械企業1686 家,可生產第三類醫療器械企業499家。"
        )
        claims = check_text(text)
        assert not [c for c in claims if c.type == "sum"]
        assert not [c for c in claims if c.verdict == "inconsistent"]

    def test_overlapping_categories_in_a_composed_simplified_sentence(self, check_text):
        text = "全市医疗器械生产企业共1000家,其中可生产第一类产品的企业600家,可生产第二类产品的企业500家。"
        assert not [c for c in check_text(text) if c.verdict == "inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        "医疗卫生机构万元以上设备拥有量增长3倍,主要产品的百万人口拥有量均有较大幅度提升。",
        "与世界主要发达国家20%~30%的公民科学素质水平相比,我国仍有差距。",
        "截至目前,我国商运核电机组共55台,总装机容量5703万千瓦,位居全球第三。",
        "有希望把首次放疗时间从1~2周缩短到10~20分钟。",
    ],
)
def test_sentences_without_a_checkable_relation_raise_nothing(check_text, text):
    assert not [c for c in check_text(text) if c.verdict != "consistent"]


# ---------------------------------------------------------------- phrasings beyond the seeds
class TestPhrasings:
    def test_cagr_over_a_year_range(self, check_text):
        # (10358 / 6290)^(1/4) - 1 = 13.28%
        for text in (
            "2019-2023年,市场规模从6290亿元增长至10358亿元,年均复合增长率为13.3%。",
            "2019—2023年,我國醫療器械市場規模從6290億元增長至10358億元,年均增長13.3%。",
        ):
            claim = only(check_text(text), "cagr")
            assert verdict(claim) == ("consistent", None)
            assert claim.facts == {"from_year": 2019, "to_year": 2023}

    def test_a_comparison_needs_its_subject_right_before_the_marker(self, check_text):
        # B's own value is not stated: 120万台 belongs to product A
        text = "2023年A产品销量为120万台,B产品销量比2022年的100万台增长了5%。"
        assert not [c for c in check_text(text) if c.type == "growth"]

    def test_surplus_after_its_imports_and_exports(self, check_text):
        text = "全年进出口总额为1000亿美元,其中出口600亿美元,进口400亿美元,贸易顺差200亿美元。"
        claims = check_text(text)
        assert verdict(only(claims, "balance")) == ("consistent", None)
        total = only(claims, "sum")  # 出口 + 进口 partition the total
        assert verdict(total) == ("consistent", None)
        assert total.inputs["total"].value == 1000e8

    def test_total_trade_is_never_read_as_exports(self, check_text):
        text = "全年进出口总额为1000亿美元,其中出口600亿美元,进口400亿美元,贸易顺差200亿美元。"
        claim = only(check_text(text), "balance")
        assert claim.inputs["exports"].value == 600e8

    def test_share_whose_whole_precedes_qi_zhong(self, check_text):
        # 1500 / 12000 = 12.5%
        text = "我国医疗器械市场规模为1.2万亿元,其中高值耗材市场规模为1500亿元,占比12.5%。"
        claim = only(check_text(text), "share")
        assert claim.inputs["whole"].value == 1.2e12
        assert verdict(claim) == ("consistent", None)

    def test_rate_before_the_count(self, check_text):
        # 1234 / 1071 = +15.22%
        claim = only(check_text("同比增长15.2%,达到1234家。"), "granularity")
        assert verdict(claim) == ("consistent", None)

    def test_two_companies_and_their_stated_total(self, check_text):
        claim = only(check_text("A公司营收为50亿元,B公司为30亿元,两者合计80亿元。"), "sum")
        assert verdict(claim) == ("consistent", None)
        assert "80亿元" in claim.explanation

    def test_revenue_growth_against_the_previous_year(self, check_text):
        # 156.3 / 130.1 - 1 = 20.14%
        claim = only(check_text("全年实现营收156.3亿元,较上年的130.1亿元增长20.1%。"), "growth")
        assert verdict(claim) == ("consistent", None)

    def test_rate_of_another_metric_is_not_attached(self, check_text):
        claims = check_text(
            "营收从100亿元增至120亿元,净利润增长30%。企业1930家,营收同比增长6.07%。"
        )
        assert not [c for c in claims if c.verdict != "consistent"]

    def test_rate_of_another_metric_after_the_values_is_no_cagr(self, check_text):
        text = "2023年营收为100亿元,2018年为50亿元,近五年净利润年复合增长率20%。"
        assert not [c for c in check_text(text) if c.type == "cagr"]

    def test_forecast_cagr(self, check_text):
        # (200 / 100)^(1/5) - 1 = 14.87%, inside 约15%
        text = "2023年市场规模为100亿元,预计2028年将达到200亿元,年复合增长率约15%。"
        assert verdict(only(check_text(text), "cagr")) == ("consistent", None)

    def test_named_whole_found_by_its_name(self, check_text):
        # 3523 / 37000 = 9.52%
        text = "截至2023年底,全国医院总数为37000家,其中三级医院数量为3523家,占医院总数的9.5%。"
        assert verdict(only(check_text(text), "share")) == ("consistent", None)

    def test_trade_with_two_partners_is_no_balance(self, check_text):
        text = "对美出口100亿美元,对德进口80亿美元,全年贸易逆差50亿美元。"
        assert not [c for c in check_text(text) if c.type == "balance"]
        same = "对美出口100亿美元,对美进口80亿美元,对美贸易顺差20亿美元。"
        assert verdict(only(check_text(same), "balance")) == ("consistent", None)
