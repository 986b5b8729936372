"""Issue 13: shares, structures, partitions, balances and growth found from the fact table.
Composed sentences, in both scripts, each with a planted error and a trap beside the
consistent case."""

from __future__ import annotations

import pytest

from tests.test_facts import verdicts


def shares(claims):
    return verdicts(claims, "share")


# ------------------------------------------------------------------ shares
class TestShareOfANamedWhole:
    @pytest.mark.parametrize(
        "text",
        [
            # the whole two sentences back, named with scope and total words (全年…总额 / 出口总额)
            "全年全省出口总额为240.6亿美元,同比增长5.1%。进口总额为180.2亿美元。"
            "对东盟出口额为38.5亿美元,占出口总额的16.0%。",
            "全年全省出口總額為240.6億美元,同比增長5.1%。進口總額為180.2億美元。"
            "對東盟出口額為38.5億美元,占出口總額的16.0%。",
            # the measure before its object (出口机电产品) names what 机电产品出口 names
            "前三季度,我国出口机电产品7.57万亿元,增长10.1%,占出口总值的56.6%。"
            "我国出口13.37万亿元。",
        ],
    )
    def test_consistent(self, check_text, text):
        if "13.37" in text:  # the whole stands after the part: no claim, never a false one
            assert "inconsistent" not in [v for v, _ in shares(check_text(text))]
            return
        assert shares(check_text(text)) == [("consistent", None)]

    def test_planted_error(self, check_text):
        # 38.5 / 240.6 = 16.0%, not 19.0%
        text = "全年出口总额为240.6亿美元。对东盟出口额为38.5亿美元,占出口总额的19.0%。"
        assert shares(check_text(text)) == [("inconsistent", "error")]

    def test_the_whole_printed_inside_the_share(self, check_text):
        text = "政府补助收入914.09亿元,占1,012.49亿总收入的90.3%;医疗收入62.55亿元,占比6.2%。"
        assert shares(check_text(text)) == [("consistent", None), ("consistent", None)]
        wrong = "政府补助收入914.09亿元,占1,012.49亿总收入的80.3%。"
        assert shares(check_text(wrong)) == [("inconsistent", "error")]

    def test_trap_a_sibling_or_a_wider_whole_is_not_the_whole(self, check_text):
        # 占全国 is of the country, not of the province's 9714.8; no province-wide share is wrong
        text = (
            "上半年,我省货物贸易进出口9714.8亿元,增长9.2%,占全国外贸总值的6.6%。"
            "我省以一般贸易方式进出口6553.8亿元,占同期我省进出口总值的67.5%;"
            "以加工贸易方式进出口1929.6亿元,下降3.1%,占19.9%。"
        )
        assert shares(check_text(text)) == [("consistent", None), ("consistent", None)]
        # 营业收入 of a region is no whole of the company's R&D: the company's own figure is
        text = (
            "公司实现营业收入349.32亿元,同比增长15.04%。国内市场实现营业收入214.72亿元;"
            "国际市场实现营业收入134.60亿元,占公司营业收入的38.53%。"
            "公司研发投入40.06亿元,占营业收入的比重为11.47%。"
        )
        assert shares(check_text(text)) == [("consistent", None), ("consistent", None)]

    def test_trap_two_parts_combined_give_no_claim_on_one(self, check_text):
        text = "全省进出口总值9714.8亿元。青岛、烟台进出口值分别达2804.9亿元和1366.4亿元,合计占全省进出口总值的42.9%。"
        assert shares(check_text(text)) == []

    def test_a_hedged_part_that_fits_no_reading_is_a_warning(self, check_text):
        # 接近40家 of 615 is at most 6.5%: the hedge's reach is a convention, so a warning
        text = "深圳现有医疗器械生产企业615家。其中上市企业接近40家,占企业总数的7.45%。"
        assert shares(check_text(text)) == [("inconsistent", "warning")]


class TestShareOfAnUnnamedWhole:
    def test_consistent_in_both_scripts(self, check_text):
        for text in (
            "第三季度,品牌共交付12.4万辆。\n分车型:A型交付3.1万辆,占比24.6%,B型交付6.5万辆,占比52.4%。",
            "第三季度,品牌共交付12.4萬輛。\n分車型:A型交付3.1萬輛,占比24.6%,B型交付6.5萬輛,占比52.4%。",
        ):
            assert shares(check_text(text)) == [("consistent", None), ("consistent", None)]

    def test_planted_error(self, check_text):
        text = "第三季度,品牌共交付12.4万辆。\n分车型:A型交付3.1万辆,占比34.6%。"
        assert shares(check_text(text)) == [("inconsistent", "error")]

    def test_trap_a_bracketed_item_or_a_far_paragraph_is_no_whole(self, check_text):
        text = "共将193件申请纳入优先审评(中药申请两件、化药申请169件、生物制品申请22件)。其中,新药申请共85件,占44%。"
        assert shares(check_text(text)) == []
        far = "全年完成审评12068件申请。\n\n另有说明。\n\n其中,新药申请共85件,占44%。"
        assert shares(check_text(far)) == []


# ------------------------------------------------------------------ structures
class TestStructures:
    TEXT = (
        "全年全省生产总值4618.8亿元,比上年增长12.3%。其中,第一产业增加值786.3亿元;"
        "第二产业增加值2319.0亿元;第三产业增加值1513.5亿元。"
        "三次产业结构由上年的17.9:47.3:34.8调整为{now}。"
    )

    def test_shares_of_the_partition_and_a_whole_of_100(self, check_text):
        claims = check_text(self.TEXT.format(now="17.0:50.2:32.8"))
        assert shares(claims) == [("consistent", None)] * 3  # this year's, not last year's
        assert verdicts(claims, "sum").count(("consistent", None)) == 3  # 2 structures + GDP

    def test_traditional_script_and_the_ratio_colon(self, check_text):
        text = (
            self.TEXT.format(now="17.0∶50.2∶32.8").replace("产业", "產業").replace("总值", "總值")
        )
        assert shares(check_text(text)) == [("consistent", None)] * 3

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(now="17.0:52.2:32.8"))
        assert ("inconsistent", "error") in shares(claims)  # 2319.0 / 4618.8 = 50.2%
        assert ("inconsistent", "error") in verdicts(claims, "sum")  # 102.0, not 100

    def test_trap_a_time_of_day_is_no_structure(self, check_text):
        claims = check_text("发布会于2024年3月5日17:12开始,比原定推迟了3分钟。")
        assert not verdicts(claims, "sum") and not shares(claims)


# ------------------------------------------------------------------ partitions
class TestPartitionWithASharedMeasure:
    def test_the_parts_name_what_the_total_measures(self, check_text):
        text = (
            "上半年,全国固定资产投资28.06万亿元。其中,国有控股投资10.2万亿元;民间投资17.02万亿元。"
            "\n按产业划分,第一产业投资8,694亿元;第二产业投资10.58万亿元;第三产业投资16.61万亿元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]
        wrong = text.replace("16.61万亿元", "18.61万亿元")
        assert verdicts(check_text(wrong), "sum") == [("inconsistent", "error")]

    def test_trap_a_per_capita_figure_is_no_total(self, check_text):
        text = (
            "全省生产总值641.05亿元;人均生产总值11753元。第一产业增加值69.60亿元;"
            "第二产业增加值330.82亿元;第三产业增加值240.63亿元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]

    def test_traditional_script(self, check_text):
        text = "今年6月貨物出口總值為11.9億元,當中再出口(10.2億元)及本地產品出口(1.7億元)。"
        assert verdicts(check_text(text), "sum") == [("consistent", None)]


# ------------------------------------------------------------------ balances
class TestFundBalance:
    TEXT = (
        "2021年,全市基本医疗保险基金收入296841万元,支出262866万元。\n"
        "城镇职工基本医疗保险基金收入109997万元,支出92706万元。\n"
        "全市基本医疗保险基金当期结余{a}万元;城镇职工基本医疗保险基金结余17291万元;"
        "全市基本医疗保险基金累计结余211980万元。"
    )

    def test_income_less_expenditure(self, check_text):
        assert verdicts(check_text(self.TEXT.format(a="33975")), "balance") == [
            ("consistent", None),
            ("consistent", None),
        ]

    def test_planted_error_and_the_accumulated_balance_is_no_flow(self, check_text):
        found = verdicts(check_text(self.TEXT.format(a="43975")), "balance")
        assert sorted(found) == [("consistent", None), ("inconsistent", "error")]

    def test_traditional_script(self, check_text):
        text = "2022年,基本醫療保險基金收入100.5億元,支出90.2億元,當期結存10.3億元。"
        assert verdicts(check_text(text), "balance") == [("consistent", None)]


def test_a_trade_balance_needs_one_partner(check_text):
    assert not verdicts(check_text("对美出口100亿美元,对德进口80亿美元,逆差50亿美元。"), "balance")
    text = "1月至5月,欧盟出口额达到8602亿欧元;进口额达到7911亿欧元。欧盟在此期间实现贸易顺差691亿欧元。"
    assert verdicts(check_text(text), "balance") == [("consistent", None)]


# ------------------------------------------------------------------ growth
class TestGrowthFromTheFactTable:
    def test_last_years_value_of_the_same_measure(self, check_text):
        for text in (
            "2020年销售39.4万辆车。2021年销售72.13万辆车,同比增长82.8%。",
            "人用疫苗出口额9.30亿美元,去年同期出口额116.88亿美元,同比下降92.04%。",
            "人用疫苗出口額9.30億美元,去年同期出口額116.88億美元,同比下降92.04%。",
        ):
            assert verdicts(check_text(text), "growth") == [("consistent", None)]
        wrong = "2020年销售39.4万辆车。2021年销售72.13万辆车,同比增长62.8%。"
        assert verdicts(check_text(wrong), "growth") == [("inconsistent", "error")]

    def test_trap_another_measure_or_a_month_on_month_rate(self, check_text):
        text = "2020年销售39.4万辆车。2021年生产72.13万辆车,同比增长62.8%。"
        assert not verdicts(check_text(text), "growth")
        text = "2020年12月销售39.4万辆车。2021年12月销售72.13万辆车,环比增长62.8%。"
        assert not verdicts(check_text(text), "growth")

    def test_values_and_rates_year_after_year(self, check_text):
        text = "预计2024-2026年营业收入分别为171.84亿元、190.94亿元、228.54亿元,增长率分别为11.9%、11.1%、19.7%。"
        assert verdicts(check_text(text), "growth") == [("consistent", None)] * 2
        slash = "上调2025-2027年净利润预测至95.40/101.49/113.99亿元(原预测为89.93/95.27/106.89亿元),同比增速分别为-6%/6%/12%。"
        assert verdicts(check_text(slash), "growth") == [("consistent", None)] * 2
        wrong = text.replace("19.7%", "29.7%")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "growth")

    def test_trap_one_value_per_item_is_no_series(self, check_text):
        text = "对东盟、美国、欧盟出口分别为260.1亿元、156.0亿元、139.1亿元,分别增长13.4%、15.2%、3.1%。"
        assert not verdicts(check_text(text), "growth")

    def test_table_rows(self, check_text):
        text = (
            "项目 2023 年 2022 年 增减变动幅度\n"
            "基本每股收益(元/股) 0.0305 0.1155 -73.58%\n"
            "货币资金 83,758,390.47 87,909,965.67 -4.72%\n"
            "应收账款 129,157,138.52 120,568,367.73 7.12%\n"
        )
        assert verdicts(check_text(text), "growth") == [("consistent", None)] * 3
        wrong = text.replace("7.12%", "9.12%")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "growth")
        rising = text.replace("2023 年 2022 年", "2022 年 2023 年")
        assert ("consistent", None) not in verdicts(check_text(rising), "growth")


# ------------------------------------------------------------------ breakdowns
class TestBreakdownsDoNotExceedTheirWhole:
    TEXT = (
        "上半年,全省货物贸易进出口9714.8亿元,增长9.2%。"
        "分贸易方式看,以一般贸易方式进出口6553.8亿元,增长7%;以加工贸易方式进出口{b}亿元,"
        "下降3.1%;以保税物流方式进出口1108.1亿元,增长59.3%。"
    )

    def test_consistent(self, check_text):
        claims = check_text(self.TEXT.format(b="1929.6"))
        assert [c for c in claims if c.type == "part_whole" and len(c.inputs) == 4]
        assert ("inconsistent", "error") not in verdicts(claims, "part_whole")

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(b="2929.6"))  # 6553.8 + 2929.6 + 1108.1 > 9714.8
        assert ("inconsistent", "error") in verdicts(claims, "part_whole")

    def test_traditional_script(self, check_text):
        text = "上半年,食用植物油進口379.8萬噸。其中,棕櫚油進口263.3萬噸;豆油進口56.4萬噸;菜油進口49.1萬噸。"
        claims = check_text(text)
        assert [c for c in claims if c.type == "part_whole" and len(c.inputs) == 4]

    def test_trap_nested_or_overlapping_items_are_not_added(self, check_text):
        nested = (
            "上海户籍人口1471.16万人。其中,60岁及以上老年人口518.12万人,"
            "70岁及以上老年人口300.5万人,80岁及以上老年人口82.4万人。"
        )
        assert not [c for c in check_text(nested) if len(c.inputs) > 2 and c.type == "part_whole"]
        overlap = (
            "全年出口13.37万亿元。其中,机电产品出口7.57万亿元,高新技术产品出口6.2万亿元,"
            "劳动密集型产品出口2.41万亿元。"
        )
        assert ("inconsistent", "error") not in verdicts(check_text(overlap), "part_whole")

    def test_trap_firms_counted_by_what_they_can_make_overlap(self, check_text):
        text = (
            "我国医学影像装置生产企业达2641家。其中,可生产第一类医疗器械企业1930家,"
            "可生产第二类医疗器械企业1686家,可生产第三类医疗器械企业499家。"
        )
        assert ("inconsistent", "error") not in verdicts(check_text(text), "part_whole")


# ------------------------------------------------------------------ the derived tier
class TestATotalsRateFromItsParts:
    TEXT = (
        "2023年1—9月,全省医疗器械进出口总额为86.4亿美元,同比增长{r}%。其中,出口额为51.2亿美元,"
        "同比增长6.5%;进口额为35.2亿美元,同比下降1.4%;贸易顺差为16.0亿美元。"
    )

    def test_consistent(self, check_text):
        # 51.2/1.065 + 35.2/0.986 = 83.78: 86.4 / 83.78 − 1 = 3.1%
        claims = check_text(self.TEXT.format(r="3.1"))
        assert ("consistent", None) in verdicts(claims, "growth")
        assert ("inconsistent", "error") not in verdicts(claims, "growth")

    def test_planted_error(self, check_text):
        assert ("inconsistent", "error") in verdicts(
            check_text(self.TEXT.format(r="5.1")), "growth"
        )

    def test_traditional_script_and_a_balance(self, check_text):
        text = (
            "上半年出口298.9億美元,同比增4.7%;進口547.2億美元,同比增28.8%;"
            "貿易逆差248.3億美元,同比擴大78.2%。"
        )  # 547.2/1.288 − 298.9/1.047 = 139.35: 248.3 / 139.35 − 1 = 78.2%
        assert ("consistent", None) in verdicts(check_text(text), "growth")

    def test_trap_growth_at_comparable_prices(self, check_text):
        text = (
            "全市实现地区生产总值1028.06亿元,负增长4.2%。第一产业增加值100.2亿元,增长1.5%;"
            "第二产业增加值438.43亿元,负增长7.6%;第三产业增加值489.43亿元,负增长1.9%。"
        )
        assert ("inconsistent", "error") not in verdicts(check_text(text), "growth")


# ------------------------------------------------------------------ conversions
class TestAnAmountInTwoCurrencies:
    def test_against_the_stated_rate(self, check_text):
        text = (
            "台湾IC产业产值达新台币8,670亿元(USD$28.1B),IC设计业为新台币2,435亿元(USD$7.9B)。"
            "本文新台币对美元汇率以30.9计算。"
        )
        assert verdicts(check_text(text), "agreement") == [("consistent", None)] * 2
        wrong = text.replace("USD$7.9B", "USD$9.7B")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "agreement")

    def test_traditional_script(self, check_text):
        text = "產值達新台幣8,670億元(USD$28.1B)。本文新台幣對美元匯率以30.9計算。"
        assert verdicts(check_text(text), "agreement") == [("consistent", None)]

    def test_pairs_without_a_rate_must_imply_one_rate(self, check_text):
        text = (
            "市场收入将突破 1 万亿美元(当前约 7.13 万亿元人民币)。"
            "今年将接近 9500 亿美元(当前约 6.77 万亿元人民币)。"
        )
        assert verdicts(check_text(text), "agreement") == [("consistent", None)]

    def test_trap_an_amount_and_a_bracketed_amount_of_another_thing(self, check_text):
        text = "营业收入120亿元(其中海外收入3亿美元),净利润10亿元。"
        assert not verdicts(check_text(text), "agreement")


class TestMarginsAndQuarters:
    def test_a_margin_is_its_profit_over_revenue(self, check_text):
        text = "本集团收入人民币2138百万元。本集团的毛利为人民币436百万元,毛利率为20.4%。"
        assert shares(check_text(text)) == [("consistent", None)]
        wrong = text.replace("20.4%", "24.0%")
        assert shares(check_text(wrong)) == [("inconsistent", "error")]

    def test_trap_attributable_profit_is_no_margins_numerator(self, check_text):
        text = "公司实现营业收入46.59亿元;归母净利润12.03亿元,净利率25.7%。"
        assert shares(check_text(text)) == []

    def test_four_quarters_make_the_year(self, check_text):
        text = "Q1-Q4 销售额分别为 612.34 亿、 644.75 亿、 679.20亿、 614.69 亿元,销售总额为 2550.97 亿元。"
        assert verdicts(check_text(text), "sum") == [("consistent", None)]
        wrong = text.replace("2550.97", "2650.97")
        assert verdicts(check_text(wrong), "sum") == [("inconsistent", "error")]
        traditional = text.replace("销售额分别为", "銷售額分別為").replace(
            "销售总额为", "銷售總額為"
        )
        assert verdicts(check_text(traditional), "sum") == [("consistent", None)]

    def test_trap_three_quarters_are_no_year(self, check_text):
        text = "Q1-Q3 销售额分别为 612.34 亿、 644.75 亿、 679.20亿元,全年销售总额为 2550.97 亿元。"
        assert not verdicts(check_text(text), "sum")


class TestDifferencesFromTheFactTable:
    def test_a_share_against_its_earlier_value_in_points(self, check_text):
        text = "60岁及以上老年人口518.12万人,占户籍总人口35.2%,该比例较2018年年末的34.4%提高0.8个百分点。"
        assert verdicts(check_text(text), "difference") == [("consistent", None)]
        wrong = text.replace("提高0.8", "提高1.8")
        assert verdicts(check_text(wrong), "difference") == [("inconsistent", "error")]

    def test_a_level_its_earlier_value_and_the_change(self, check_text):
        text = "上半年的貨物貿易逆差為672.6億元,較去年同期(243.9億元)增加428.8億元。"
        assert verdicts(check_text(text), "difference") == [("consistent", None)]
        wrong = text.replace("428.8", "482.8")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "difference")

    def test_trap_a_percent_of_another_clause_is_no_earlier_value(self, check_text):
        text = "占户籍总人口35.2%,比上年提高0.8个百分点;其中80岁以上老人占比5.8%,较上年下降0.1个百分点。"
        assert ("inconsistent", "error") not in verdicts(check_text(text), "difference")


class TestLenientReadingsAreNeverStacked:
    def test_a_cagr_needing_two_lenient_readings_is_an_error(self, check_text):
        # 9400/4800 over 5 years is 14.4%; over 6 counted years 11.85%, just above 11.8%'s
        # interval: only a rounded 9400 together with six years would fit
        for text in (
            "市场规模从2015年的4800亿元增长到2020年的9400亿元,年均复合增长率11.8%。",
            "市場規模從2015年的4800億元增長到2020年的9400億元,年均複合增長率11.8%。",
        ):
            assert verdicts(check_text(text), "cagr") == [("inconsistent", "error")]

    def test_trap_one_lenient_reading_alone_is_a_warning(self, check_text):
        # six counted years alone give 11.85%: inside 11.9%'s interval, so only a warning
        text = "市场规模从2015年的4800亿元增长到2020年的9400亿元,年均复合增长率11.9%。"
        assert verdicts(check_text(text), "cagr") == [("inconsistent", "warning")]


class TestSharesNamedAfterTheirPart:
    TEXT = "2007年末全省总人口551.6万人。城镇人口221.02万人,城镇人口比重为{u}%;乡村人口330.58万人,乡村人口比重为{r}%。"

    def test_each_share_and_the_partition_of_100(self, check_text):
        claims = check_text(self.TEXT.format(u="40.07", r="59.93"))
        assert shares(claims) == [("consistent", None)] * 2
        assert ("consistent", None) in verdicts(claims, "sum")

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(u="42.07", r="59.93"))
        assert ("inconsistent", "error") in shares(claims)
        assert ("inconsistent", "error") in verdicts(claims, "sum")  # 102.00, not 100

    def test_traditional_script(self, check_text):
        text = (
            self.TEXT.format(u="40.07", r="59.93")
            .replace("乡村", "鄉村")
            .replace("总人口", "總人口")
        )
        assert shares(check_text(text)) == [("consistent", None)] * 2

    def test_trap_shares_of_nested_groups_do_not_add_to_100(self, check_text):
        text = "60岁及以上人口比重为16.15%,65岁及以上人口比重为10.47%。"
        assert not verdicts(check_text(text), "sum")


class TestRankingsQuoteTheirCue:
    def test_the_top_n_and_the_listed_values(self, check_text):
        text = "东盟、欧盟、美国和韩国是中国前四大贸易伙伴,分别进出口3.53万亿元、3.23万亿元、2.93万亿元和1.39万亿元。"
        claims = [c for c in check_text(text) if c.type == "ranking"]
        assert [(c.verdict, c.severity) for c in claims] == [("consistent", None)]
        assert claims[0].evidence[0].quote.startswith("东盟")  # the order is part of the quote
        wrong = text.replace("2.93万亿元", "3.93万亿元")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "ranking")

    def test_trap_a_list_without_an_order_is_no_ranking(self, check_text):
        text = "东盟、欧盟、美国和韩国分别进出口1.39万亿元、3.23万亿元、2.93万亿元和3.53万亿元。"
        assert not verdicts(check_text(text), "ranking")
