"""Issue 13: shares, structures, partitions, balances and growth found from the fact table.
Composed sentences, in both scripts, each with a planted error and a trap beside the
consistent case."""

from __future__ import annotations

import re

import opencc
import pytest

from checks.claims import explain
from tests.test_facts import table, verdicts

# each composed text as written (Simplified) and converted to Traditional
IN_SCRIPT = {"hans": str, "hant": opencc.OpenCC("s2t").convert}


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
            "前三季度,我国出口机电产品4.20万亿元,增长10.1%,占出口总值的60.0%。我国出口7.00万亿元。",
        ],
    )
    def test_consistent(self, check_text, text):
        if "7.00万亿元" in text:  # the whole stands after the part: no claim, never a false one
            assert "inconsistent" not in [v for v, _ in shares(check_text(text))]
            return
        assert shares(check_text(text)) == [("consistent", None)]

    def test_planted_error(self, check_text):
        # 38.5 / 240.6 = 16.0%, not 19.0%
        text = "全年出口总额为240.6亿美元。对东盟出口额为38.5亿美元,占出口总额的19.0%。"
        assert shares(check_text(text)) == [("inconsistent", "error")]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_part_printed_above_the_whole_it_names(self, check_text, script):
        # the share names 全省原油进口总量, which 全省进口原油 is: 900 of it is wrong, not of
        # some other whole
        text = (
            "今年一季度,全省进口原油(包括轻质油及重质油)800万吨,增长5.0%;价值40亿美元。"
            "以一般贸易方式进口原油{p}万吨,占同期全省原油进口总量的90.0%。"
        )
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert shares(check_text(text.format(p="720"))) == [("consistent", None)]
        assert shares(check_text(text.format(p="900"))) == [("inconsistent", "error")]

    def test_trap_a_smaller_sibling_is_no_whole_of_a_larger_part(self, check_text):
        # 国有投资 ends in 投资 but is not the 全部投资 the share names
        text = (
            "上半年全省投资1000.0亿元。其中,国有投资300.0亿元,增长5.0%;"
            "民间投资650.0亿元,增长3.0%,占全部投资的比重为65.0%。"
        )
        assert shares(check_text(text)) == [("consistent", None)]

    def test_the_whole_printed_inside_the_share(self, check_text):
        text = "政府补助收入960.00亿元,占1,200.00亿总收入的80.0%;医疗收入84.00亿元,占比7.0%。"
        assert shares(check_text(text)) == [("consistent", None), ("consistent", None)]
        wrong = "政府补助收入960.00亿元,占1,200.00亿总收入的70.0%。"
        assert shares(check_text(wrong)) == [("inconsistent", "error")]

    def test_trap_a_sibling_or_a_wider_whole_is_not_the_whole(self, check_text):
        # 占全国 is of the country, not of the province's 8000.0; no province-wide share is wrong
        text = (
            "上半年,我省货物贸易进出口8000.0亿元,增长5.0%,占全国外贸总值的5.0%。"
            "我省以一般贸易方式进出口5200.0亿元,占同期我省进出口总值的65.0%;"
            "以加工贸易方式进出口1600.0亿元,下降2.0%,占20.0%。"
        )
        assert shares(check_text(text)) == [("consistent", None), ("consistent", None)]
        # 营业收入 of a region is no whole of the company's R&D: the company's own figure is
        text = (
            "公司实现营业收入200.00亿元,同比增长10.00%。国内市场实现营业收入120.00亿元;"
            "国际市场实现营业收入80.00亿元,占公司营业收入的40.00%。"
            "公司研发投入20.00亿元,占营业收入的比重为10.00%。"
        )
        assert shares(check_text(text)) == [("consistent", None), ("consistent", None)]

    def test_trap_two_parts_combined_give_no_claim_on_one(self, check_text):
        text = "全省进出口总值8000.0亿元。甲市、乙市进出口值分别达2000.0亿元和1200.0亿元,合计占全省进出口总值的40.0%。"
        claims = [c for c in check_text(text) if c.type == "share"]
        # one claim, of the two parts together (3200 / 8000 = 40%), none of either alone
        assert [(c.verdict, c.severity) for c in claims] == [("consistent", None)]
        assert sorted(q.value for r, q in claims[0].inputs.items() if r.startswith("part")) == [
            1.2e11,
            2e11,
        ]

    def test_a_hedged_part_that_fits_no_reading_is_a_warning(self, check_text):
        # 接近30家 of 500 is at most 6%: the hedge's reach is a convention, so a warning
        text = "全市现有医疗器械生产企业500家。其中上市企业接近30家,占企业总数的7.50%。"
        assert shares(check_text(text)) == [("inconsistent", "warning")]


class TestShareOfAnUnnamedWhole:
    def test_consistent_in_both_scripts(self, check_text):
        for text in (
            "第三季度,品牌共交付10.0万辆。\n分车型:A型交付2.5万辆,占比25.0%,B型交付4.0万辆,占比40.0%。",
            "第三季度,品牌共交付10.0萬輛。\n分車型:A型交付2.5萬輛,占比25.0%,B型交付4.0萬輛,占比40.0%。",
        ):
            assert shares(check_text(text)) == [("consistent", None), ("consistent", None)]

    def test_planted_error(self, check_text):
        text = "第三季度,品牌共交付10.0万辆。\n分车型:A型交付2.5万辆,占比35.0%。"
        assert shares(check_text(text)) == [("inconsistent", "error")]

    def test_trap_a_bracketed_item_or_a_far_paragraph_is_no_whole(self, check_text):
        text = "共将150件申请纳入优先审评(中药申请3件、化药申请120件、生物制品申请27件)。其中,新药申请共60件,占40%。"
        assert shares(check_text(text)) == []
        far = "全年完成审评9000件申请。\n\n另有说明。\n\n其中,新药申请共60件,占40%。"
        assert shares(check_text(far)) == []


# ------------------------------------------------------------------ structures
class TestStructures:
    TEXT = (
        "全年全省生产总值5000.0亿元,比上年增长8.0%。其中,第一产业增加值400.0亿元;"
        "第二产业增加值2000.0亿元;第三产业增加值2600.0亿元。"
        "三次产业结构由上年的9.0:41.0:50.0调整为{now}。"
    )

    def test_shares_of_the_partition_and_a_whole_of_100(self, check_text):
        claims = check_text(self.TEXT.format(now="8.0:40.0:52.0"))
        assert shares(claims) == [("consistent", None)] * 3  # this year's, not last year's
        assert verdicts(claims, "sum").count(("consistent", None)) == 3  # 2 structures + GDP

    def test_traditional_script_and_the_ratio_colon(self, check_text):
        text = self.TEXT.format(now="8.0∶40.0∶52.0").replace("产业", "產業").replace("总值", "總值")
        assert shares(check_text(text)) == [("consistent", None)] * 3

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(now="8.0:42.0:52.0"))
        assert ("inconsistent", "error") in shares(claims)  # 2000.0 / 5000.0 = 40.0%
        assert ("inconsistent", "error") in verdicts(claims, "sum")  # 102.0, not 100

    def test_trap_a_time_of_day_is_no_structure(self, check_text):
        claims = check_text("发布会于2024年3月5日17:12开始,比原定推迟了3分钟。")
        assert not verdicts(claims, "sum") and not shares(claims)


# ------------------------------------------------------------------ partitions
class TestPartitionWithASharedMeasure:
    def test_the_parts_name_what_the_total_measures(self, check_text):
        text = (
            "上半年,全国固定资产投资20.00万亿元。其中,国有控股投资8.0万亿元;民间投资11.5万亿元。"
            "\n按产业划分,第一产业投资5,080亿元;第二产业投资7.50万亿元;第三产业投资12.00万亿元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]
        wrong = text.replace("12.00万亿元", "14.00万亿元")
        assert verdicts(check_text(wrong), "sum") == [("inconsistent", "error")]

    def test_trap_a_per_capita_figure_is_no_total(self, check_text):
        text = (
            "全省生产总值800.00亿元;人均生产总值45000元。第一产业增加值80.00亿元;"
            "第二产业增加值320.00亿元;第三产业增加值400.00亿元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]

    def test_traditional_script(self, check_text):
        text = "今年6月貨物出口總值為15.0億元,當中再出口(12.5億元)及本地產品出口(2.5億元)。"
        assert verdicts(check_text(text), "sum") == [("consistent", None)]


class TestPartitionInAnyOrder:
    def test_imports_before_exports_and_a_trade_total(self, check_text):
        # 贸易额 is the whole of trade; the text gives imports first
        text = "全国化工产品贸易额1200.50亿美元,其中进口额520.30亿美元,出口额680.20亿美元。"
        assert verdicts(check_text(text), "sum") == [("consistent", None)]
        wrong = text.replace("680.20", "690.20")
        assert verdicts(check_text(wrong), "sum") == [("inconsistent", "error")]

    def test_trap_the_next_sentence_starts_another_enumeration(self, check_text):
        # the second 出口 list belongs to a product class: the first total's parts are its own
        text = (
            "1-6月进出口额300.0亿美元,其中出口额180.0亿美元,进口额120.0亿美元。"
            "其中敷料出口额40.0亿美元,耗材出口额50.0亿美元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]
        # the next class's total opens its own list: 出口 of one class with 进口 of another is
        # no partition of anything
        text = (
            "全年化工产品进出口总额500.0亿美元。其中,出口额300.0亿美元;进口额200.0亿美元。"
            "塑料制品进出口总额90.0亿美元。其中,出口额50.0亿美元;进口额40.0亿美元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None), ("consistent", None)]

    def test_trap_qualified_parts_are_no_split_of_the_unqualified_total(self, check_text):
        # 进口注册 + 境内注册 of class II devices split the 2310 class II products, not all 8640
        for text in (
            "截至2024年底,全省注册备案产品总量达8 640件。其中,第二类产品总计达2310件。"
            "第二类设备进口注册610件、境内注册1700件。",
            "截至2024年底,全省註冊備案產品總量達8 640件。其中,第二類產品總計達2310件。"
            "第二類設備進口註冊610件、境內註冊1700件。",
        ):
            assert ("inconsistent", "error") not in verdicts(check_text(text), "sum")

    def test_a_measure_left_out_after_the_first_part(self, check_text):
        # 产值 is written once: IC制造业 is IC制造业产值
        text = (
            "2024年台湾IC产业产值可达新台币10,240亿元。其中IC设计业产值为新台币3,120亿元;"
            "IC制造业为新台币5,080亿元;IC封装业为新台币1,430亿元;IC测试业为新台币610亿元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]
        wrong = text.replace("1,430", "1,530")
        assert verdicts(check_text(wrong), "sum") == [("inconsistent", "error")]

    def test_traditional_script(self, check_text):
        text = (
            "2024年台灣IC產業產值可達新台幣10,240億元。其中IC設計業產值為新台幣3,120億元;"
            "IC製造業為新台幣5,080億元;IC封裝業為新台幣1,430億元;IC測試業為新台幣610億元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]


class TestPartsNamedAsTotals:
    # 限额以上零售总额 is a part whose measure is 零售总额; 负增长 is a fall
    TEXT = (
        "一季度,社会消费品零售总额500.00亿元,负增长{t}%。其中,限额以上消费品零售总额"
        "200.00亿元,负增长10.0%;限额以下消费品零售总额300.00亿元,负增长5.0%。"
    )

    def test_the_sum_and_the_total_rate_rebuilt_from_its_parts(self, check_text):
        # 500 / (200 / 0.90 + 300 / 0.95) − 1 = −7.1%
        claims = check_text(self.TEXT.format(t="7.1"))
        assert verdicts(claims, "sum") == [("consistent", None)]
        assert ("consistent", None) in verdicts(claims, "growth")
        assert ("inconsistent", "error") not in verdicts(claims, "growth")

    def test_planted_error_in_the_total_rate(self, check_text):
        # a rise of 6.5% where the parts fall: the sign of 负增长 counts
        text = self.TEXT.format(t="7.1").replace("负增长7.1%", "增长7.1%")
        assert ("inconsistent", "error") in verdicts(check_text(text), "growth")

    def test_traditional_script(self, check_text):
        text = (
            "一季度,社會消費品零售總額500.00億元,負增長7.1%。其中,限額以上消費品零售總額"
            "200.00億元,負增長10.0%;限額以下消費品零售總額300.00億元,負增長5.0%。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]


class TestTwoMeasuresAtOnce:
    # 产销A和B is a production A and sales B; 同比增长a和b pairs with them in order
    PAIRS = (
        "1-6月,汽车产销600.00万辆和610.00万辆,同比增长5.0%和{r}%。其中乘用车产销500.00万辆和"
        "515.00万辆,同比增长6.0%和7.0%;商用车产销100.00万辆和95.00万辆,同比增长0.5%和1.0%。"
    )
    # 销售 after 乘用车生产 is the passenger cars' sales
    CLAUSES = (
        "2月,汽车生产140.00万辆,同比下降10.0%;销售150.00万辆,同比下降8.0%。其中,乘用车生产"
        "115.00万辆,同比下降11.0%;销售122.00万辆,同比下降9.0%。商用车生产25.00万辆;"
        "销售{s}万辆。"
    )

    def test_pairs_make_two_partitions(self, check_text):
        claims = check_text(self.PAIRS.format(r="6.0"))
        assert verdicts(claims, "sum") == [("consistent", None)] * 2
        # 610 / (515 / 1.07 + 95 / 1.01) − 1 = 6.0%: the total's rate from its parts'
        assert ("consistent", None) in verdicts(claims, "growth")
        assert not [c for c in claims if c.verdict == "inconsistent"]

    def test_planted_error_in_a_paired_rate(self, check_text):
        claims = check_text(self.PAIRS.format(r="9.0"))
        assert ("inconsistent", "error") in verdicts(claims, "growth")

    def test_the_subject_carries_to_the_next_clause(self, check_text):
        claims = check_text(self.CLAUSES.format(s="28.00"))
        assert verdicts(claims, "sum") == [("consistent", None)] * 2
        # trap: 乘用车产量 and 乘用车销量 are no two parts of 汽车销量
        assert not [c for c in claims if c.verdict == "inconsistent"]

    def test_planted_error_in_a_part(self, check_text):
        found = verdicts(check_text(self.CLAUSES.format(s="38.00")), "sum")
        assert sorted(found) == [("consistent", None), ("inconsistent", "error")]

    def test_income_and_expenditure_named_at_once(self, check_text):
        text = "2024年,全市职工医保基金收支分别为520.30亿元和480.10亿元,当期结余{b}亿元。"
        assert verdicts(check_text(text.format(b="40.20")), "balance") == [("consistent", None)]
        wrong = verdicts(check_text(text.format(b="50.20")), "balance")
        assert wrong == [("inconsistent", "error")]

    def test_traditional_script(self, check_text):
        text = (
            "1-6月,汽車產銷600.00萬輛和610.00萬輛,同比增長5.0%和6.0%。其中乘用車產銷500.00萬輛和"
            "515.00萬輛,同比增長6.0%和7.0%;商用車產銷100.00萬輛和95.00萬輛,同比增長0.5%和1.0%。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)] * 2


class TestABracketedBreakdown:
    # the parts stand in a bracket after their total, whose measure follows its figure
    TEXT = (
        "2024年,审评中心共将15批243件注册申请纳入优先审评(中药注册申请三件、化药注册申请193件、"
        "生物制品注册申请{b}件)。批准了512件药品上市(首次)注册申请(中药12件、化学药品420件、"
        "生物制品80件)。"
    )

    def test_each_bracket_sums_to_the_figure_before_it(self, check_text):
        found = verdicts(check_text(self.TEXT.format(b="47")), "sum")
        assert found == [("consistent", None)] * 2

    def test_planted_error_and_no_parts_from_the_other_bracket(self, check_text):
        found = verdicts(check_text(self.TEXT.format(b="57")), "sum")
        assert sorted(found) == [("consistent", None), ("inconsistent", "error")]

    def test_traditional_script(self, check_text):
        text = "審評中心共將243件注冊申請納入優先審評(中藥注冊申請三件、化藥注冊申請193件、生物製品注冊申請47件)。"
        assert verdicts(check_text(text.replace("製品", "制品")), "sum") == [("consistent", None)]

    @pytest.mark.parametrize("script", ["s", "t"])
    def test_a_total_below_one_of_its_parts_is_an_error(self, check_text, script):
        text = "批准了312件药品上市注册申请(中药12件、化学药品420件、生物制品80件)。"
        if script == "t":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "sum") == [("inconsistent", "error")]

    @pytest.mark.parametrize("script", ["s", "t"])
    def test_trap_a_balance_is_no_total_of_its_bracket(self, check_text, script):
        text = "对该国贸易逆差达5.20亿美元(进口9.60亿美元、出口4.40亿美元)。"
        if script == "t":
            text = opencc.OpenCC("s2t").convert(text)
        claims = check_text(text)
        assert verdicts(claims, "sum") == []
        assert verdicts(claims, "balance") == [("consistent", None)]


class TestShortNamesAndPeriods:
    # 以下简称 defines a short name; 限额以上单位 and 限下企业 share the measure after them;
    # 上半年 is 1-6月
    TEXT = (
        "2024年上半年,全市实现社会消费品零售总额(以下简称“社零额”)900.0亿元,同比增长8.0%。\n"
        "1-6月全市限额以上单位完成社零额{a}亿元,同比增长9.0%;限下企业完成社零额420.0亿元。"
    )

    def test_the_parts_of_a_total_named_by_its_short_name(self, check_text):
        assert verdicts(check_text(self.TEXT.format(a="480.0")), "sum") == [("consistent", None)]

    def test_planted_error(self, check_text):
        found = verdicts(check_text(self.TEXT.format(a="520.0")), "sum")
        assert found == [("inconsistent", "error")]

    def test_traditional_script(self, check_text):
        text = (
            "2024年上半年,全市實現社會消費品零售總額(以下簡稱「社零額」)900.0億元。\n"
            "1-6月全市限額以上單位完成社零額480.0億元;限下企業完成社零額420.0億元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]

    def test_first_months_and_year_end(self, check_text):
        text = (
            "海关8月7日电,今年前7个月,货物贸易进出口总值24.85万亿元。"
            "前7个月累计,出口14.12万亿元;进口10.73万亿元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]
        text = "2023年末全省总人口612.40万人。年末城镇人口250.15万人;乡村人口362.25万人。"
        assert verdicts(check_text(text), "sum") == [("consistent", None)]


class TestShareOfAWholeStatedAfter:
    def test_a_specific_name_found_after_the_share(self, check_text):
        text = (
            "全市户籍60岁及以上老年人口520.00万人,占户籍总人口{r}%。\n"
            "截至年底,全市的户籍人口1480.00万人。"
        )
        assert shares(check_text(text.format(r="35.1"))) == [("consistent", None)]
        assert shares(check_text(text.format(r="38.1"))) == [("inconsistent", "error")]

    def test_trap_a_wide_name_is_no_later_whole(self, check_text):
        # 总人口 is named, and 60岁及以上人口 after it also ends in 人口: no whole of the share
        text = "65岁及以上人口达21 000万人,占总人口的15.0%,60岁及以上人口约3.00亿人。"
        assert shares(check_text(text)) == []


class TestStatedComposition:
    TEXT = (
        "第二季全省电子产业产值(含组件、整机、软件)达820亿元,较上季成长5.0%。\n\n"
        "就各分项观察,组件产值为410亿元,较上季成长6.0%;整机为290亿元。\n\n"
        "软件产值为{s}亿元,较上季成长2.0%。"
    )

    @pytest.mark.parametrize(
        "convert", [str, lambda t: t.replace("组件", "組件").replace("软件", "軟件")]
    )
    def test_the_total_names_its_parts(self, check_text, convert):
        assert verdicts(check_text(convert(self.TEXT.format(s="120"))), "sum") == [
            ("consistent", None)
        ]

    def test_planted_error(self, check_text):
        found = verdicts(check_text(self.TEXT.format(s="150")), "sum")
        assert found == [("inconsistent", "error")]

    def test_trap_a_part_never_reported_gives_no_sum(self, check_text):
        text = self.TEXT.format(s="120").replace(
            "软件产值为120亿元,较上季成长2.0%。", "软件表现平稳。"
        )
        assert verdicts(check_text(text), "sum") == []


class TestPartOfAPeriod:
    TEXT = (
        "2025年前三季度,公司实现营业收入36.40亿元,同比增长8.2%;归母净利润3.90亿元。"
        "其中第三季度实现营业收入{q}亿元,归母净利润{p}亿元。"
    )

    def test_a_quarter_within_the_year_to_date(self, check_text):
        claims = check_text(self.TEXT.format(q="13.20", p="1.50"))
        assert verdicts(claims, "part_whole") == [("consistent", None)] * 2

    def test_planted_error_and_a_profit_is_only_a_warning(self, check_text):
        # revenue cannot fall in a quarter; a profit can (a loss in the first half)
        found = verdicts(check_text(self.TEXT.format(q="38.20", p="4.50")), "part_whole")
        assert sorted(found) == [("inconsistent", "error"), ("inconsistent", "warning")]

    def test_traditional_script(self, check_text):
        text = "2025年上半年,公司營業收入20.50億元。第二季度營業收入21.30億元。"
        assert verdicts(check_text(text), "part_whole") == [("inconsistent", "error")]

    def test_traps_a_price_a_stock_and_a_bare_year(self, check_text):
        # a quarter's price or balance may exceed the year's; 2024年 after 2024年1-4月 may be
        # short for the four months of another subject
        text = (
            "2024年,公司股价最高价58.20元;第三季度收盘价61.00元。"
            "2024年末贷款余额300.0亿元,三季度末贷款余额310.0亿元。"
        )
        assert verdicts(check_text(text), "part_whole") == []
        text = (
            "2024年1-4月全省出口710.00亿美元。2024年全省对东盟出口66.60亿美元;"
            "1-4月全省对欧盟出口127.30亿美元。"
        )
        assert ("inconsistent", "error") not in verdicts(check_text(text), "part_whole")


class TestMovements:
    @pytest.mark.parametrize(
        "text",
        [
            # a figure reached by a movement, against the same measure's figure before it
            "净利润2024年为88.20亿元;受短期因素影响,预计2025年略降至{b}亿元。",
            "淨利潤2024年為88.20億元;受短期因素影響,預計2025年略降至{b}億元。",
            "一季度营收达88.20亿元,二季度营收下滑至{b}亿元。",
            # a per-unit figure, and 下降为 after an event's name
            "单票收入从2023年的88.20元/票降至2027年的{b}元/票。",
        ],
    )
    def test_the_later_figure_lies_on_the_side_the_verb_says(self, check_text, text):
        assert verdicts(check_text(text.format(b="84.10")), "direction") == [("consistent", None)]
        found = verdicts(check_text(text.format(b="92.40")), "direction")
        assert found == [("inconsistent", "error")]

    def test_an_index_between_two_censuses(self, check_text):
        text = "总人口性别比由2010年第六次全国人口普查的104.60下降为{b}。"
        assert verdicts(check_text(text.format(b="103.90")), "direction") == [("consistent", None)]
        found = verdicts(check_text(text.format(b="104.95")), "direction")
        assert found == [("inconsistent", "error")]

    def test_trap_another_measure_in_between(self, check_text):
        # 降至 follows 研发投入, not 营业收入
        text = "营业收入为88.20亿元,研发投入8.00亿元;净利润降至9.40亿元。"
        assert verdicts(check_text(text), "direction") == []


def test_a_part_introduced_by_including(check_text):
    for text in (
        "同期还出口了防护服23.1亿件,包括医用防护服{p}亿件;护目镜2.89亿副。",
        "同期還出口了防護服23.1億件,包括醫用防護服{p}億件;護目鏡2.89億副。",
    ):
        assert verdicts(check_text(text.format(p="7.73")), "part_whole") == [("consistent", None)]
        found = verdicts(check_text(text.format(p="27.73")), "part_whole")
        assert found == [("inconsistent", "error")]
    # 不包括 excludes: what follows is no part
    text = "全市常住人口500.0万人,不包括流动人口600.0万人。"
    assert verdicts(check_text(text), "part_whole") == []


# ------------------------------------------------------------------ balances
class TestFundBalance:
    TEXT = (
        "2021年,全市基本医疗保险基金收入512345万元,支出431210万元。\n"
        "城镇职工基本医疗保险基金收入203456万元,支出171234万元。\n"
        "全市基本医疗保险基金当期结余{a}万元;城镇职工基本医疗保险基金结余32222万元;"
        "全市基本医疗保险基金累计结余912345万元。"
    )

    def test_income_less_expenditure(self, check_text):
        assert verdicts(check_text(self.TEXT.format(a="81135")), "balance") == [
            ("consistent", None),
            ("consistent", None),
        ]

    def test_planted_error_and_the_accumulated_balance_is_no_flow(self, check_text):
        found = verdicts(check_text(self.TEXT.format(a="91135")), "balance")
        assert sorted(found) == [("consistent", None), ("inconsistent", "error")]

    def test_traditional_script(self, check_text):
        text = "2022年,基本醫療保險基金收入100.5億元,支出90.2億元,當期結存10.3億元。"
        assert verdicts(check_text(text), "balance") == [("consistent", None)]


def test_net_imports_and_a_mark_passed(check_text):
    for text in (
        "谷物共进口812.6万吨,同比增241.5%;出口90.4万吨;谷物净进口{n}万吨。",
        "穀物共進口812.6萬噸,同比增241.5%;出口90.4萬噸;穀物淨進口{n}萬噸。",
    ):
        assert verdicts(check_text(text.format(n="722.2")), "balance") == [("consistent", None)]
        found = verdicts(check_text(text.format(n="752.2")), "balance")
        assert found == [("inconsistent", "error")]
    # 首破5,000亿美元 is a mark the year's exports passed: the exact figure is the exports
    text = "全年累计出口5,218.6亿美元,首破5,000亿美元;全年进口3,902.4亿美元;全年出超1,316.2亿美元。"
    assert verdicts(check_text(text), "balance") == [("consistent", None)]


def test_a_trade_balance_needs_one_partner(check_text):
    assert not verdicts(check_text("对美出口100亿美元,对德进口80亿美元,逆差50亿美元。"), "balance")
    text = "1月至5月,欧盟出口额达到5000亿欧元;进口额达到4200亿欧元。欧盟在此期间实现贸易顺差800亿欧元。"
    assert verdicts(check_text(text), "balance") == [("consistent", None)]


# ------------------------------------------------------------------ growth
class TestGrowthFromTheFactTable:
    def test_last_years_value_of_the_same_measure(self, check_text):
        for text in (
            "2020年销售40.0万辆车。2021年销售50.0万辆车,同比增长25.0%。",
            "人用疫苗出口额12.00亿美元,去年同期出口额80.00亿美元,同比下降85.00%。",
            "人用疫苗出口額12.00億美元,去年同期出口額80.00億美元,同比下降85.00%。",
        ):
            assert verdicts(check_text(text), "growth") == [("consistent", None)]
        wrong = "2020年销售40.0万辆车。2021年销售50.0万辆车,同比增长35.0%。"
        assert verdicts(check_text(wrong), "growth") == [("inconsistent", "error")]

    @pytest.mark.parametrize(
        "text",
        [
            "全市常住人口为1250.00万人。与上年末比较,增加25.00万人,增长率为{r}%。",
            "全市常住人口為1250.00萬人。與上年末比較,增加25.00萬人,增長率為{r}%。",
            "全年出口5,218.6亿美元,首度突破5,000亿美元,年增率{r}%,较上年增加804.6亿美元。",
        ],
    )
    def test_a_change_and_rate_after_the_level(self, check_text, text):
        rate = "2.0" if "人口" in text else "18.2"
        assert verdicts(check_text(text.format(r=rate)), "growth") == [("consistent", None)]
        wrong = "3.0" if rate == "2.0" else "22.0"
        assert verdicts(check_text(text.format(r=wrong)), "growth") == [("inconsistent", "error")]

    def test_trap_another_measure_or_a_month_on_month_rate(self, check_text):
        text = "2020年销售40.0万辆车。2021年生产50.0万辆车,同比增长35.0%。"
        assert not verdicts(check_text(text), "growth")
        text = "2020年12月销售40.0万辆车。2021年12月销售50.0万辆车,环比增长35.0%。"
        assert not verdicts(check_text(text), "growth")

    def test_values_and_rates_year_after_year(self, check_text):
        text = "预计2024-2026年营业收入分别为100.00亿元、110.00亿元、121.00亿元,增长率分别为8.0%、10.0%、10.0%。"
        assert verdicts(check_text(text), "growth") == [("consistent", None)] * 2
        slash = "上调2025-2027年净利润预测至50.00/55.00/60.50亿元(原预测为48.00/52.00/57.00亿元),同比增速分别为-5%/10%/10%。"
        assert verdicts(check_text(slash), "growth") == [("consistent", None)] * 2
        wrong = text.replace("、10.0%。", "、20.0%。")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "growth")

    def test_trap_one_value_per_item_is_no_series(self, check_text):
        text = (
            "对东盟、美国、欧盟出口分别为300.0亿元、200.0亿元、150.0亿元,分别增长5.0%、8.0%、2.0%。"
        )
        assert not verdicts(check_text(text), "growth")

    def test_table_rows(self, check_text):
        text = (
            "项目 2023 年 2022 年 增减变动幅度\n"
            "基本每股收益(元/股) 0.5000 0.4000 25.00%\n"
            "货币资金 60,000,000.00 50,000,000.00 20.00%\n"
            "应收账款 90,000,000.00 100,000,000.00 -10.00%\n"
        )
        assert verdicts(check_text(text), "growth") == [("consistent", None)] * 3
        wrong = text.replace("-10.00%", "-12.00%")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "growth")
        rising = text.replace("2023 年 2022 年", "2022 年 2023 年")
        assert ("consistent", None) not in verdicts(check_text(rising), "growth")


# ------------------------------------------------------------------ breakdowns
class TestBreakdownsDoNotExceedTheirWhole:
    TEXT = (
        "上半年,全省货物贸易进出口8000.0亿元,增长5.0%。"
        "分贸易方式看,以一般贸易方式进出口5000.0亿元,增长6%;以加工贸易方式进出口{b}亿元,"
        "下降2.0%;以保税物流方式进出口1000.0亿元,增长30.0%。"
    )

    def test_consistent(self, check_text):
        claims = check_text(self.TEXT.format(b="1500.0"))
        assert [c for c in claims if c.type == "part_whole" and len(c.inputs) == 4]
        assert ("inconsistent", "error") not in verdicts(claims, "part_whole")

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(b="2500.0"))  # 5000.0 + 2500.0 + 1000.0 > 8000.0
        assert ("inconsistent", "error") in verdicts(claims, "part_whole")

    def test_traditional_script(self, check_text):
        text = "上半年,食用植物油進口300.0萬噸。其中,棕櫚油進口150.0萬噸;豆油進口60.0萬噸;菜油進口40.0萬噸。"
        claims = check_text(text)
        assert [c for c in claims if c.type == "part_whole" and len(c.inputs) == 4]

    def test_trap_nested_or_overlapping_items_are_not_added(self, check_text):
        nested = (
            "户籍人口1500.00万人。其中,60岁及以上老年人口500.00万人,"
            "70岁及以上老年人口300.00万人,80岁及以上老年人口100.00万人。"
        )
        assert not [c for c in check_text(nested) if len(c.inputs) > 2 and c.type == "part_whole"]
        overlap = (
            "全年出口10.00万亿元。其中,机电产品出口6.00万亿元,高新技术产品出口3.50万亿元,"
            "劳动密集型产品出口2.00万亿元。"
        )
        assert ("inconsistent", "error") not in verdicts(check_text(overlap), "part_whole")

    def test_trap_firms_counted_by_what_they_can_make_overlap(self, check_text):
        text = (
            "我国某类设备生产企业达2000家。其中,可生产第一类医疗器械企业1500家,"
            "可生产第二类医疗器械企业1200家,可生产第三类医疗器械企业400家。"
        )
        assert ("inconsistent", "error") not in verdicts(check_text(text), "part_whole")


class TestABulletedBreakdown:
    """Bulleted notes: 其中 opening a bullet is of the bullet before; 分车型: announces the items;
    the brand whose name begins every model's is their whole."""

    TEXT = (
        "【销量】\n- 2024年前三季度累计交付20.5万辆,同比增长5.0%,其中第三季度交付8.0万辆,同比增长6.0%。\n"
        "- 其中{brand}品牌第三季度交付6.0万辆,同比增长9.0%。\n"
        "- 分车型:星河S7交付{a}万辆,占比{sa}%,星河S9交付2.0万辆,占比33.3%,星河L6交付1.5万辆,占比25.0%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(brand="星河", a="2.5", sa="41.7")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        claims = check_text(text)
        # the models fill the brand (2.5 + 2.0 + 1.5 = 6.0), their shares fill 100
        assert verdicts(claims, "sum") == [("consistent", None)] * 2
        # the brand within the quarter, the quarter within the nine months
        assert ("consistent", None) in verdicts(claims, "part_whole")
        assert ("inconsistent", "error") not in verdicts(claims, "part_whole")
        assert [v for v in verdicts(claims, "share")] == [("consistent", None)] * 3

    def test_planted_errors(self, check_text):
        over = check_text(self.TEXT.format(brand="星河", a="3.5", sa="58.3"))  # 7.0 > 6.0
        assert ("inconsistent", "error") in verdicts(over, "part_whole")
        shares = check_text(self.TEXT.format(brand="星河", a="2.5", sa="45.0"))  # 103.3
        assert ("inconsistent", "error") in verdicts(shares, "sum")

    def test_trap_another_brand_is_no_whole_of_the_models(self, check_text):
        claims = check_text(self.TEXT.format(brand="银河", a="2.5", sa="41.7"))
        totals = [
            c.inputs["total"].value for c in claims if c.type == "sum" and "total" in c.inputs
        ]
        assert 60_000 not in totals  # 银河's 6.0万辆 is not what 星河's models add up to
        assert ("inconsistent", "error") not in verdicts(claims, "sum")
        assert ("inconsistent", "error") not in verdicts(claims, "part_whole")


class TestAHeadingOverBullets:
    """分产品 on its own line announces the bullets under it; - 烘焙系列:Q2营收A names its item
    before the colon."""

    TEXT = (
        "财务表现\n- 2024年第二季度实现营业收入{t}亿元,同比增长5.0%;归母净利润1.20亿元。\n分产品\n"
        "- 烘焙系列:Q2营收4.50亿元,同比增长3.0%\n- 饮品系列:Q2营收2.10亿元,同比增长8.0%\n"
        "- 其他产品:Q2营收0.40亿元\n公司全年目标:营收30.00亿元。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_items_that_fill_the_whole(self, check_text, script):
        text = self.TEXT.format(t="7.00")  # 4.50 + 2.10 + 0.40; the target line is no bullet
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "sum") == [("consistent", None)]

    def test_an_open_list(self, check_text):
        claims = check_text(self.TEXT.format(t="7.50"))
        assert verdicts(claims, "sum") == []
        together = [c for c in claims if c.type == "part_whole" and len(c.inputs) == 4]
        assert [(c.verdict, c.severity) for c in together] == [("consistent", None)]

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(t="6.50"))  # the items add up to 7.00
        assert ("inconsistent", "error") in verdicts(claims, "part_whole")

    def test_the_bullet_names_the_item(self):
        named = table("- 烘焙系列:Q2营收4.50亿元,同比增长3.0%")[1][0]
        assert named.label.subject == "烘焙系列"


class TestAWhereAfterOtherFigures:
    """口罩出口A只,价值B元,…近20个口罩,这其中包括医用口罩C只: the whole is the last figure of
    the first part's unit, not the figure right before 其中."""

    TEXT = (
        "全年出口防疫物资价值800.0亿元,其中口罩出口500.0亿只,价值300.0亿元,相当于每人近20个口罩,"
        "这其中包括{what}{p}亿{unit}。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(what="医用口罩", p="150.0", unit="只")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        pairs = [
            (c.inputs["whole"].value, c.verdict)
            for c in check_text(text)
            if c.type == "part_whole" and "part" in c.inputs
        ]
        assert (500.0e8, "consistent") in pairs

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(what="医用口罩", p="520.0", unit="只"))
        assert ("inconsistent", "error") in verdicts(claims, "part_whole")

    def test_trap_a_unit_no_figure_before_has(self, check_text):
        claims = check_text(self.TEXT.format(what="医用防护服", p="520.0", unit="件"))
        assert ("inconsistent", "error") not in verdicts(claims, "part_whole")


class TestABareWholeTakesItsPartsUnit:
    """在社区卫生机构工作的人员8.40万,其中…5.20万人: a whole printed with 万 and no unit is of the
    unit its parts print."""

    TEXT = "年末,全市在社区卫生机构工作的人员{w}万,其中执业(助理)医师和注册护士5.20万人。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(w="8.40")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "part_whole") == [("consistent", None)]

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(w="4.80"))  # 5.20万人 within 4.80万?
        assert verdicts(claims, "part_whole") == [("inconsistent", "error")]

    def test_trap_a_bare_part_may_be_another_measure(self, check_text):
        text = "全年入院人次3200.5万,比上年增加120.0万人次。其中,医院总诊疗人次1.9亿,入院人次1500.2万。"
        assert ("inconsistent", "error") not in verdicts(check_text(text), "part_whole")


class TestDeliveriesAreAFlow:
    """交付 (deliveries) is a measure: a quarter's never exceed the nine months' holding it."""

    TEXT = "2024年前三季度累计交付30.2万辆,同比增长5.0%。第三季度{what}{q}万辆,同比增长8.0%。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(what="交付", q="12.0")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "part_whole") == [("consistent", None)]

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(what="交付", q="31.0"))
        assert verdicts(claims, "part_whole") == [("inconsistent", "error")]

    def test_trap_sales_are_another_measure(self, check_text):
        assert verdicts(check_text(self.TEXT.format(what="销量", q="31.0")), "part_whole") == []


class TestAWhereListThatFillsItsWhole:
    """T,其中A a;B b: items after 其中 that fill their whole within rounding are its complete
    list, so they add up and the whole's rate is rebuilt from theirs."""

    TEXT = (
        "8月,全国某类电池装车量40.0GWh,同比增长{r}%。其中甲型电池装车量15.0GWh,同比增长10.0%;"
        "乙型电池装车量{b}GWh,同比增长30.0%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        # last year 15.0/1.10 + 25.0/1.30 = 32.87; 40.0 / 32.87 − 1 = 21.7%
        text = self.TEXT.format(r="21.7", b="25.0")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        claims = check_text(text)
        assert verdicts(claims, "sum") == [("consistent", None)]
        assert verdicts(claims, "growth") == [("consistent", None)]

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(r="25.0", b="25.0"))
        assert verdicts(claims, "growth") == [("inconsistent", "error")]

    def test_trap_a_list_short_of_its_whole_rebuilds_nothing(self, check_text):
        claims = check_text(self.TEXT.format(r="25.0", b="20.0"))  # 35.0 of 40.0: others unsaid
        assert verdicts(claims, "sum") == []
        assert verdicts(claims, "growth") == []


class TestAListALittleShortOfItsWhole:
    """T,其中A a;B b with A + B a little short of T (a rest under 3%): last year's total is at
    least the parts' rebuilt values, so T's rate has a ceiling; below it the rest may explain."""

    TEXT = (
        "前三季度,全省光伏组件出口额为84.6亿美元,同比增长{t}%。其中单晶组件出口额为61.2亿美元,"
        "同比增长15.0%;多晶组件出口额为{b}亿美元,同比增长5.0%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_rate_under_its_ceiling_and_a_planted_error_above_it(self, check_text, script):
        convert = IN_SCRIPT[script]
        # last year at least 61.2/1.15 + 22.9/1.05 = 75.03: the rate at most 84.6/75.03 − 1 = 12.8%
        claims = check_text(convert(self.TEXT.format(t="12.0", b="22.9")))
        assert verdicts(claims, "growth") == [("consistent", None)]
        # far below the ceiling: the rest of 0.5 may have shrunk, nothing to say
        assert verdicts(check_text(convert(self.TEXT.format(t="6.0", b="22.9"))), "growth") == [
            ("consistent", None)
        ]
        planted = check_text(convert(self.TEXT.format(t="14.5", b="22.9")))
        assert verdicts(planted, "growth") == [("inconsistent", "error")]

    def test_trap_a_rest_of_more_than_a_few_percent_rebuilds_nothing(self, check_text):
        # 61.2 + 19.9 of 84.6 leaves 4%: items of an open list, maybe overlapping the rest
        claims = check_text(self.TEXT.format(t="14.5", b="19.9"))
        assert verdicts(claims, "growth") == []


class TestAWhereListInsideAnItemOfAList:
    """甲T1,其中A a,B b;乙T2: a 其中 list inside one item of a list ends where the list around it
    goes on (its items are split by ",", the outer ones by ";")."""

    TEXT = (
        "2024年全省水产品产量为86.5万吨。其中海水产品为52.3万吨,增长2.6%,其中鱼类为{a}万吨,"
        "增长2.0%,贝类为22.2万吨,增长{r}%;淡水产品为34.2万吨。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_inner_list_fills_its_item(self, check_text, script):
        # last year 52.3/1.026 − 30.1/1.020 = 21.47 of shellfish: 22.2 / 21.47 − 1 = 3.4%
        convert = IN_SCRIPT[script]
        claims = check_text(convert(self.TEXT.format(a="30.1", r="3.4")))
        assert verdicts(claims, "sum") == [("consistent", None)]
        assert verdicts(claims, "growth") == [("consistent", None)]
        # a planted error in the shellfish rate
        planted = check_text(convert(self.TEXT.format(a="30.1", r="7.4")))
        assert verdicts(planted, "growth") == [("inconsistent", "error")]

    def test_trap_an_inner_list_short_of_its_item_is_no_breakdown(self, check_text):
        # 25.1 + 22.2 of 52.3 (others unsaid), and 25.1 + 22.2 + 34.2 is no 52.3 either
        claims = check_text(self.TEXT.format(a="25.1", r="3.4"))
        assert verdicts(claims, "sum") == []
        assert verdicts(claims, "growth") == []


class TestWherePartsSharingTheWhole:
    """其中A,占T的a%;B,占T的b%: a figure after the first part whose share names the whole is
    one more part of it, even when its name ends otherwise."""

    TEXT = (
        "截至2024年底,全市共有卫生技术人员9.80万人,比上年增加0.30万人;其中执业(助理)医师为3.60万人,"
        "占卫生技术人员总数的36.7%;注册护士为{n}万人,占{whole}的{s}%。"
    )

    @staticmethod
    def together(claims):
        return [
            (c.verdict, c.severity) for c in claims if c.type == "part_whole" and len(c.inputs) == 3
        ]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(n="4.40", whole="卫生技术人员总数", s="44.9")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert self.together(check_text(text)) == [("consistent", None)]

    def test_planted_error(self, check_text):
        # 3.60 + 6.50 = 10.10 > 9.80, while each share is right
        text = self.TEXT.format(n="6.50", whole="卫生技术人员总数", s="66.3")
        assert self.together(check_text(text)) == [("inconsistent", "error")]

    def test_trap_a_share_of_another_whole_ends_the_list(self, check_text):
        text = self.TEXT.format(n="6.50", whole="全市医务人员总数", s="40.0")
        assert self.together(check_text(text)) == []


class TestABreakdownsWholeFurtherBack:
    """The whole of a breakdown stands paragraphs before it when the paragraph announces the
    breakdown (分企业性质看,) or an item's share names the whole."""

    ANNOUNCED = (
        "2024年前三季度,全市外贸进出口总值6000.0亿元,增长4.0%。\n\n"
        "其中出口3500.0亿元,进口2500.0亿元。\n\n"
        "{cue}民营企业进出口{a}亿元,增长9.0%;外商投资企业进出口1500.0亿元,下降1.0%;"
        "国有企业进出口600.0亿元。"
    )
    NAMED = (
        "今年1季度,我国进口大麦300.0万吨,增长10%。\n\n同期,我国出口大麦20.0万吨。\n\n"
        "进口主要来自两国。1季度,我国自澳大利亚进口大麦{a}万吨,占同期我国大麦进口总量的{s}%;"
        "自法国进口90.0万吨。"
    )

    @staticmethod
    def breakdowns(claims):
        return [(c.verdict, c.severity) for c in claims if c.type == "part_whole"]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        texts = [
            self.ANNOUNCED.format(cue="分企业性质看,", a="3500.0"),
            self.NAMED.format(a="180.0", s="60.0"),
        ]
        for text in texts:
            if script == "hant":
                text = opencc.OpenCC("s2t").convert(text)
            claims = check_text(text)
            together = [c for c in claims if c.type == "part_whole" and len(c.inputs) >= 3]
            assert [(c.verdict, c.severity) for c in together] == [("consistent", None)]

    def test_planted_error(self, check_text):
        # 4200.0 + 1500.0 + 600.0 = 6300.0 > 6000.0; 230.0 + 90.0 = 320.0 > 300.0
        announced = check_text(self.ANNOUNCED.format(cue="分企业性质看,", a="4200.0"))
        assert ("inconsistent", "error") in self.breakdowns(announced)
        named = check_text(self.NAMED.format(a="230.0", s="76.7"))
        assert ("inconsistent", "error") in self.breakdowns(named)

    def test_trap_no_cue_leaves_a_far_whole_alone(self, check_text):
        # neither announced nor named by a share: the figure two paragraphs back may be another
        # scope, so the items are not held against it
        claims = check_text(self.ANNOUNCED.format(cue="", a="4200.0"))
        assert ("inconsistent", "error") not in self.breakdowns(claims)

    def test_trap_a_whole_of_another_period(self, check_text):
        text = self.ANNOUNCED.format(cue="分企业性质看,", a="4200.0").replace(
            "国有企业进出口600.0亿元。", "国有企业进出口600.0亿元。2025年前三季度数据另行公布。"
        )
        earlier = text.replace("2024年前三季度,全市", "2023年全年,全市").replace(
            "分企业性质看,", "2024年前三季度,分企业性质看,"
        )
        assert ("inconsistent", "error") not in self.breakdowns(check_text(earlier))

    def test_a_quarter_is_no_figure(self):
        first = table(self.NAMED.format(a="180.0", s="60.0"))[1][0]
        assert first.quantity.value == 3_000_000  # not the 1 of 1季度
        assert first.label.text == "我国进口大麦"  # and 季度 is no part of the name


class TestABreakdownAnnouncedInItsParagraph:
    """总量T。分品类看,A a;B b;C c: items that fill their whole are its complete list (a sum);
    short of it they are an open list, which only may not exceed the whole."""

    TEXT = (
        "1-6月,全省中成药出口额50.00亿元,同比增长8.0%。分品类看,片剂出口额{a}亿元,同比增长6.0%;"
        "胶囊剂出口额15.00亿元;颗粒剂出口额5.00亿元,其中儿童颗粒剂出口额1.20亿元。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_items_that_fill_the_whole_are_a_sum(self, check_text, script):
        text = self.TEXT.format(a="30.00")  # 30.00 + 15.00 + 5.00 = 50.00; the 其中 item apart
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        claims = check_text(text)
        assert verdicts(claims, "sum") == [("consistent", None)]
        assert ("inconsistent", "error") not in verdicts(claims, "part_whole")

    def test_an_open_list_is_no_sum(self, check_text):
        claims = check_text(self.TEXT.format(a="25.00"))  # 45.00 of 50.00: other kinds unsaid
        assert verdicts(claims, "sum") == []
        together = [c for c in claims if c.type == "part_whole" and len(c.inputs) == 4]
        assert [(c.verdict, c.severity) for c in together] == [("consistent", None)]

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(a="35.00"))  # 55.00 > 50.00
        assert ("inconsistent", "error") in verdicts(claims, "part_whole")
        assert verdicts(claims, "sum") == []

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_wholes_rate_rebuilt_from_a_complete_list(self, check_text, script):
        # last year 30.00/1.10 + 15.00/1.05 + 5.00/0.98 = 46.66; 50.00 / 46.66 − 1 = 7.2%
        text = (
            "1-6月,全省中成药出口额50.00亿元,同比增长{g}%。分品类看,片剂出口额30.00亿元,"
            "同比增长10.0%;胶囊剂出口额15.00亿元,同比增长5.0%;颗粒剂出口额5.00亿元,同比下降2.0%。"
        )
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text.format(g="7.2")), "growth") == [("consistent", None)]
        assert verdicts(check_text(text.format(g="9.0")), "growth") == [("inconsistent", "error")]

    def test_trap_items_that_name_each_other_may_overlap(self, check_text):
        text = (
            "全年纺织品服装出口额300.0亿美元。分品类看,服装出口额180.0亿美元;"
            "针织服装出口额90.0亿美元;纺织纱线出口额60.0亿美元。"
        )
        assert ("inconsistent", "error") not in verdicts(check_text(text), "part_whole")

    COUNTED = (
        "2024年,全省医疗机构总门诊人次8.00亿,出院人次2000.0万。其中,医院门诊人次3.00亿,"
        "出院人次1200.0万。分类别看,卫生院门诊人次{a}亿,出院人次500.0万;诊所门诊人次1.50亿。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_where_part_before_the_announcement_is_an_item(self, check_text, script):
        # 门诊人次 and 出院人次 are two measures; 医院 3.00 is an item of 8.00 with the others
        text = self.COUNTED if script == "hans" else opencc.OpenCC("s2t").convert(self.COUNTED)
        fits = [c for c in check_text(text.format(a="2.50")) if c.type == "part_whole"]
        listed = [c for c in fits if len(c.inputs) == 4]
        assert [(c.verdict, c.severity) for c in listed] == [("consistent", None)]
        # 3.00 + 4.00 + 1.50 = 8.50 > 8.00, though the announced items alone (5.50) fit: nothing
        # says 医院 is of the announced breakdown, so only a warning
        over = verdicts(check_text(text.format(a="4.00")), "part_whole")
        assert ("inconsistent", "warning") in over and ("inconsistent", "error") not in over
        # the announced items alone above the whole: 7.00 + 1.50 = 8.50
        alone = verdicts(check_text(text.format(a="7.00")), "part_whole")
        assert ("inconsistent", "error") in alone

    def test_trap_a_where_part_that_names_an_item_is_left_out(self, check_text):
        # 公立医院 are among 医院: 3.00 + 4.00 + 1.50 overlaps, so 医院 is no item beside them
        text = self.COUNTED.replace("卫生院门诊", "公立医院门诊").format(a="4.00")
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
            "上半年出口300.0億美元,同比增5.0%;進口500.0億美元,同比增25.0%;"
            "貿易逆差200.0億美元,同比擴大75.0%。"
        )  # 500/1.25 − 300/1.05 = 114.29: 200.0 / 114.29 − 1 = 75.0%
        assert ("consistent", None) in verdicts(check_text(text), "growth")

    def test_trap_growth_at_comparable_prices(self, check_text):
        text = (
            "全市实现地区生产总值1000.00亿元,负增长4.0%。第一产业增加值100.00亿元,增长1.0%;"
            "第二产业增加值400.00亿元,负增长8.0%;第三产业增加值500.00亿元,负增长2.0%。"
        )
        assert ("inconsistent", "error") not in verdicts(check_text(text), "growth")


class TestABalancesChangeFromItsSides:
    """顺差T,较上年增加D: last year's balance is X/(1+a) − M/(1+b), and T less it is D."""

    TEXT = (
        "全年出口额3,200.0亿美元,较上年增长{a}%;进口额2,400.0亿美元,增长{b}%。"
        "全年贸易顺差800.0亿美元,较上年{verb}{d}亿美元。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        # 3200/1.10 − 2400/1.05 = 623.4, and 800.0 − 623.4 = 176.6
        text = self.TEXT if script == "hans" else opencc.OpenCC("s2t").convert(self.TEXT)
        claims = check_text(text.format(a="10.0", b="5.0", verb="增加", d="176.6"))
        assert verdicts(claims, "growth") == [("consistent", None)]

    def test_a_balance_that_shrank(self, check_text):
        # 3200/1.02 − 2400/1.15 = 1050.3, and 800.0 − 1050.3 = −250.3
        text = self.TEXT.format(a="2.0", b="15.0", verb="减少", d="250.3")
        assert verdicts(check_text(text), "growth") == [("consistent", None)]

    def test_planted_error(self, check_text):
        # no one loose reading brings 800.0 − 623.4 down to 120.0
        text = self.TEXT.format(a="10.0", b="5.0", verb="增加", d="120.0")
        assert verdicts(check_text(text), "growth") == [("inconsistent", "error")]

    def test_trap_small_rates_on_large_sides_say_nothing_of_the_change(self, check_text):
        # last year's sides are often revised: 1% of them (540) moves the rebuilt balance more
        # than the stated change, so the rates do not check it (30000/1.005 − 24000/0.996 = 5758)
        text = (
            "全年出口额30,000亿元,增长0.5%;进口额24,000亿元,下降0.4%。"
            "货物贸易顺差6,000亿元,比上年减少300亿元。"
        )
        assert verdicts(check_text(text), "growth") == []

    def test_trap_a_side_without_its_rate(self, check_text):
        text = self.TEXT.format(a="10.0", b="5.0", verb="增加", d="120.0").replace(",增长5.0%", "")
        assert verdicts(check_text(text), "growth") == []


class TestAQuartersTotalFromItsNamedComponents:
    """产值(含A、B、C)T,较上季成长r,较去年同期成长y: the parts the total names, each with a
    rate on the quarter before and one on the year before, and each figure converted in brackets
    (USD$…B), rebuild both of the total's rates, each kind with its own kind."""

    TEXT = (
        "2024年第二季全省半导体产业产值(含设计、制造、封测)达新台币5,000亿元(USD$16.0B),"
        "较上季明显成长{q}%,较去年同期成长{y}%。设计业产值为新台币2,000亿元(USD$6.4B),"
        "较上季成长12.0%,较去年同期成长10.0%;制造业为新台币2,500亿元(USD$8.0B),较上季成长5.0%,"
        "较去年同期成长8.0%;封测业为新台币500亿元(USD$1.6B),较上季衰退2.0%,较去年同期成长4.0%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_both_rates_rebuilt(self, check_text, script):
        # a quarter ago: 2000/1.12 + 2500/1.05 + 500/0.98 = 4676.9, and 5000 / 4676.9 − 1 = 6.9%;
        # a year ago: 2000/1.10 + 2500/1.08 + 500/1.04 = 4613.8, and 5000 / 4613.8 − 1 = 8.4%
        text = self.TEXT if script == "hans" else opencc.OpenCC("s2t").convert(self.TEXT)
        claims = check_text(text.format(q="6.9", y="8.4"))
        assert verdicts(claims, "growth") == [("consistent", None)] * 2

    def test_planted_error_in_the_quarters_rate(self, check_text):
        claims = check_text(self.TEXT.format(q="9.9", y="8.4"))
        assert sorted(verdicts(claims, "growth"), key=str) == [
            ("consistent", None),
            ("inconsistent", "error"),
        ]

    def test_a_converted_figure_takes_no_rate(self):
        facts = table(self.TEXT.format(q="6.9", y="8.4"))[1]
        dollars = [f for f in facts if f.quantity.unit == "USD"]
        assert dollars and all(f.rate is None for f in dollars)
        total = facts[0]
        assert [facts[i].monthly for i in total.rates] == [True, False]  # 较上季, then the year

    def test_trap_rates_of_two_kinds_are_not_mixed(self, check_text):
        # the parts state only their rates on the quarter before: the total's 同比 is not rebuilt
        text = re.sub(r",较去年同期成长\d+\.\d%", "", self.TEXT).replace("较上季明显成长{q}%", "")
        claims = check_text(text.format(y="9.9").replace(",,", ","))
        assert ("inconsistent", "error") not in verdicts(claims, "growth")


class TestLastYearsStructure:
    # (10.5 × 4.0 + 44.5 × 10.0 + 45.0 × 8.0) / 100 = 8.47; contributions 10.5 × 4.0 / 8.5 …
    TEXT = (
        "全省生产总值1000.00亿元,按可比价格计算,比上年增长{g}%。第一产业增加值100.00亿元,"
        "增长4.0%;第二产业增加值450.00亿元,增长10.0%;第三产业增加值450.00亿元,增长8.0%。"
        "三次产业结构由上年的10.5:44.5:45.0调整为10.0:45.0:45.0;第一、二、三产业对经济增长的"
        "贡献率分别为{c}。"
    )
    FITS = "5.0%、52.5%、42.5%"

    def _derived(self, claims):
        growth = [c.verdict for c in claims if c.type == "growth" and "share1" in c.inputs]
        contributions = [c.verdict for c in claims if c.type == "share" and "weight" in c.inputs]
        return growth, contributions

    def test_the_total_rate_and_the_contributions(self, check_text):
        claims = check_text(self.TEXT.format(g="8.5", c=self.FITS))
        assert self._derived(claims) == (["consistent"], ["consistent"] * 3)
        assert not [c for c in claims if c.verdict == "inconsistent"]

    def test_planted_errors(self, check_text):
        growth, _ = self._derived(check_text(self.TEXT.format(g="9.5", c=self.FITS)))
        assert growth == ["inconsistent"]
        claims = check_text(self.TEXT.format(g="8.5", c="5.0%、62.5%、32.5%"))
        assert self._derived(claims)[1] == ["consistent", "inconsistent", "inconsistent"]
        wrong = check_text(self.TEXT.format(g="8.5", c="5.0%、52.5%、52.5%"))
        assert ("inconsistent", "error") in verdicts(wrong, "sum")  # contributions make 100

    def test_traditional_script(self, check_text):
        text = (
            "全省生產總值1000.00億元,按可比價格計算,比上年增長8.5%。第一產業增加值100.00億元,"
            "增長4.0%;第二產業增加值450.00億元,增長10.0%;第三產業增加值450.00億元,增長8.0%。"
            "三次產業結構由上年的10.5:44.5:45.0調整為10.0:45.0:45.0。"
        )
        assert self._derived(check_text(text)) == (["consistent"], [])


class TestPull:
    # (500 − 500 / 1.12) / (900 / 1.10) × 100 = 6.5 points
    TEXT = (
        "上半年,全市社会消费品零售总额(以下简称“社零额”)900.0亿元,同比增长10.0%。"
        "限额以上单位完成社零额500.0亿元,同比增长12.0%,拉动全市社零额增长{p}个百分点。"
    )

    def _pulls(self, claims):
        return [(c.verdict, c.severity) for c in claims if "pull" in c.inputs]

    def test_a_parts_increase_over_last_years_whole(self, check_text):
        assert self._pulls(check_text(self.TEXT.format(p="6.5"))) == [("consistent", None)]

    def test_planted_error_is_a_warning(self, check_text):
        # a part's rate may be on a comparable basis its printed value is not
        found = self._pulls(check_text(self.TEXT.format(p="9.6")))
        assert found == [("inconsistent", "warning")]

    def test_traditional_script(self, check_text):
        text = (
            "上半年,全市社會消費品零售總額900.0億元,同比增長10.0%。"
            "限額以上單位完成社會消費品零售額500.0億元,同比增長12.0%,拉動全市社會消費品零售總額增長6.5個百分點。"
        )
        assert self._pulls(check_text(text)) == [("consistent", None)]

    def test_trap_a_whole_never_stated(self, check_text):
        text = "民营企业出口500.0亿元,同比增长12.0%,拉动全省出口增长2.0个百分点。"
        assert self._pulls(check_text(text)) == []


class TestStatedOrders:
    TIERED = (
        "2024年,全省器械出口额80.00亿元,同比增长6.0%。分品类看,耗材出口额{a}亿元,同比增长9.0%,"
        "仍居各品类首位;设备出口额24.00亿元,同比增长3.0%;试剂出口额11.00亿元,同比下降2.0%。"
    )

    @pytest.mark.parametrize("script", ["s", "t"])
    def test_the_item_said_first_past_its_own_rate(self, check_text, script):
        text = opencc.OpenCC("s2t").convert(self.TIERED) if script == "t" else self.TIERED
        claims = check_text(text.format(a="45.00"))
        assert verdicts(claims, "ranking") == [("consistent", None)]
        ranking = next(c for c in claims if c.type == "ranking")
        assert ranking.evidence[-1].quote == "首位"  # the cue is quoted too
        wrong = check_text(text.format(a="21.00"))  # 设备 24.00 exports more
        assert verdicts(wrong, "ranking") == [("inconsistent", "error")]

    def test_trap_first_in_growth_is_no_rank_of_amounts(self, check_text):
        text = self.TIERED.format(a="21.00").replace("仍居各品类首位", "增长最快")
        assert verdicts(check_text(text), "ranking") == []

    def test_a_chain_of_greater_than(self, check_text):
        text = "三季度单票收入增速:甲快递(+12.8%)>乙快递(7.39%)>丙快递(-5.11%)。"
        assert verdicts(check_text(text), "ranking") == [("consistent", None)]
        wrong = text.replace("7.39%", "17.39%")
        assert verdicts(check_text(wrong), "ranking") == [("inconsistent", "error")]

    @pytest.mark.parametrize(
        "text",
        [
            "全年出口总值20亿美元,其中销往甲国最多,占整体{a}%,其次是乙国占19.2%,"
            "丙国居第三,占整体10.5%。",
            "全年出口總值20億美元,其中銷往甲國最多,占整體{a}%,其次是乙國占19.2%,"
            "丙國居第三,占整體10.5%。",
        ],
    )
    def test_the_item_said_to_be_first(self, check_text, text):
        assert verdicts(check_text(text.format(a="31.6")), "ranking") == [("consistent", None)]
        found = verdicts(check_text(text.format(a="15.4")), "ranking")
        assert found == [("inconsistent", "error")]

    def test_trap_a_record_or_the_fastest_growth_is_no_rank_among_items(self, check_text):
        text = (
            "全省出口中,机电产品出口额创历史最高,达500.0亿元;纺织品出口额600.0亿元。"
            "对东盟出口增长最多,出口额120.0亿元;对美国出口额300.0亿元。"
        )
        assert verdicts(check_text(text), "ranking") == []


class TestCompoundRateOverAForecast:
    # 5,400 × 1.063⁸ = 8,800; the 2023 figure before 从 is no start of the span
    TEXT = (
        "2023年全球市场规模为5,000.0亿美元,预计将从2024年的5,400.0亿美元增长到2032年的"
        "{e}亿美元,预测期内复合年增长率为6.3%。"
    )

    def test_the_span_starts_where_from_says(self, check_text):
        assert verdicts(check_text(self.TEXT.format(e="8,800.0")), "cagr") == [("consistent", None)]

    def test_planted_error(self, check_text):
        found = verdicts(check_text(self.TEXT.format(e="9,800.0")), "cagr")
        assert found == [("inconsistent", "error")]

    def test_traditional_script(self, check_text):
        text = (
            "2023年全球市場規模為5,000.0億美元,預計將從2024年的5,400.0億美元增長到2032年的"
            "8,800.0億美元,預測期內複合年增長率為6.3%。"
        )
        assert verdicts(check_text(text), "cagr") == [("consistent", None)]


# ------------------------------------------------------------------ conversions
class TestAnAmountInTwoCurrencies:
    def test_against_the_stated_rate(self, check_text):
        text = (
            "台湾IC产业产值达新台币6,200亿元(USD$20.0B),IC设计业为新台币3,100亿元(USD$10.0B)。"
            "本文新台币对美元汇率以31.0计算。"
        )
        assert verdicts(check_text(text), "agreement") == [("consistent", None)] * 2
        wrong = text.replace("USD$10.0B", "USD$12.0B")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "agreement")

    def test_traditional_script(self, check_text):
        text = "產值達新台幣6,200億元(USD$20.0B)。本文新台幣對美元匯率以31.0計算。"
        assert verdicts(check_text(text), "agreement") == [("consistent", None)]

    def test_a_rate_stated_twice_is_quoted_where_first_stated(self, check_text):
        text = (
            "产值达新台币6,200亿元(USD$20.0B)。本文新台币对美元汇率以31.0计算。\n"
            "全年产值达新台币12,400亿元(USD$40.0B)。本文新台币对美元汇率以31.0计算。"
        )
        claims = [c for c in check_text(text) if c.type == "agreement"]
        first = text.index("31.0")
        assert [c.verdict for c in claims] == ["consistent"] * 2
        assert all(c.inputs["rate"].start == first for c in claims)

    def test_pairs_without_a_rate_must_imply_one_rate(self, check_text):
        text = (
            "市场收入将突破 2 万亿美元(当前约 14.4 万亿元人民币)。"
            "今年将接近 1 万亿美元(当前约 7.2 万亿元人民币)。"
        )
        assert verdicts(check_text(text), "agreement") == [("consistent", None)]

    def test_trap_an_amount_and_a_bracketed_amount_of_another_thing(self, check_text):
        text = "营业收入120亿元(其中海外收入3亿美元),净利润10亿元。"
        assert not verdicts(check_text(text), "agreement")


class TestMarginsAndQuarters:
    def test_a_margin_is_its_profit_over_revenue(self, check_text):
        text = "本集团收入人民币1500百万元。本集团的毛利为人民币300百万元,毛利率为20.0%。"
        assert shares(check_text(text)) == [("consistent", None)]
        wrong = text.replace("20.0%", "24.0%")
        assert shares(check_text(wrong)) == [("inconsistent", "error")]

    def test_trap_attributable_profit_is_no_margins_numerator(self, check_text):
        text = "公司实现营业收入50.00亿元;归母净利润10.00亿元,净利率25.0%。"
        assert shares(check_text(text)) == []

    def test_four_quarters_make_the_year(self, check_text):
        text = "Q1-Q4 销售额分别为 100.50 亿、 120.25 亿、 130.00亿、 149.25 亿元,销售总额为 500.00 亿元。"
        assert verdicts(check_text(text), "sum") == [("consistent", None)]
        wrong = text.replace("500.00 亿元", "510.00 亿元")
        assert verdicts(check_text(wrong), "sum") == [("inconsistent", "error")]
        traditional = text.replace("销售额分别为", "銷售額分別為").replace(
            "销售总额为", "銷售總額為"
        )
        assert verdicts(check_text(traditional), "sum") == [("consistent", None)]

    def test_trap_three_quarters_are_no_year(self, check_text):
        text = "Q1-Q3 销售额分别为 100.50 亿、 120.25 亿、 130.00亿元,全年销售总额为 500.00 亿元。"
        assert not verdicts(check_text(text), "sum")


class TestDifferencesFromTheFactTable:
    def test_a_share_against_its_earlier_value_in_points(self, check_text):
        text = (
            "60岁及以上老年人口450.00万人,占户籍总人口30.5%,该比例较上年末的29.9%提高0.6个百分点。"
        )
        assert verdicts(check_text(text), "difference") == [("consistent", None)]
        wrong = text.replace("提高0.6", "提高1.6")
        assert verdicts(check_text(wrong), "difference") == [("inconsistent", "error")]

    def test_a_level_its_earlier_value_and_the_change(self, check_text):
        text = "上半年的貨物貿易逆差為500.0億元,較去年同期(320.0億元)增加180.0億元。"
        assert verdicts(check_text(text), "difference") == [("consistent", None)]
        wrong = text.replace("180.0", "280.0")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "difference")

    def test_trap_a_percent_of_another_clause_is_no_earlier_value(self, check_text):
        text = "占户籍总人口30.5%,比上年提高0.6个百分点;其中80岁以上老人占比6.2%,较上年下降0.1个百分点。"
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
    TEXT = "年末全省总人口800.0万人。城镇人口500.00万人,城镇人口比重为{u}%;乡村人口300.00万人,乡村人口比重为{r}%。"

    def test_each_share_and_the_partition_of_100(self, check_text):
        claims = check_text(self.TEXT.format(u="62.50", r="37.50"))
        assert shares(claims) == [("consistent", None)] * 2
        assert ("consistent", None) in verdicts(claims, "sum")

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(u="64.50", r="37.50"))
        assert ("inconsistent", "error") in shares(claims)
        assert ("inconsistent", "error") in verdicts(claims, "sum")  # 102.00, not 100

    def test_traditional_script(self, check_text):
        text = (
            self.TEXT.format(u="62.50", r="37.50")
            .replace("乡村", "鄉村")
            .replace("总人口", "總人口")
        )
        assert shares(check_text(text)) == [("consistent", None)] * 2

    def test_trap_shares_of_nested_groups_do_not_add_to_100(self, check_text):
        text = "60岁及以上人口比重为18.00%,65岁及以上人口比重为12.00%。"
        assert not verdicts(check_text(text), "sum")


class TestRankingsQuoteTheirCue:
    def test_the_top_n_and_the_listed_values(self, check_text):
        text = "甲国、乙国、丙国和丁国是我国前四大贸易伙伴,分别进出口4.00万亿元、3.50万亿元、3.00万亿元和2.00万亿元。"
        claims = [c for c in check_text(text) if c.type == "ranking"]
        assert [(c.verdict, c.severity) for c in claims] == [("consistent", None)]
        assert claims[0].evidence[0].quote.startswith("甲国")  # the order is part of the quote
        wrong = text.replace("3.00万亿元", "3.80万亿元")
        assert ("inconsistent", "error") in verdicts(check_text(wrong), "ranking")

    def test_trap_a_list_without_an_order_is_no_ranking(self, check_text):
        text = "甲国、乙国、丙国和丁国分别进出口2.00万亿元、3.50万亿元、3.00万亿元和4.00万亿元。"
        assert not verdicts(check_text(text), "ranking")


class TestADirectionAgainstAnEarlierFigure:
    def test_a_figure_the_earlier_one_and_a_direction_word(self, check_text):
        for text in (
            "预计资产负债率为38.5%,较上年的42.0%有所下降。",
            "其中12月单月出口3200.5吨,虽较11月的4100.8吨有所回落,但全年规模扩大。",
            "其中12月單月出口3200.5噸,雖較11月的4100.8噸有所回落。",
        ):
            assert verdicts(check_text(text), "direction") == [("consistent", None)]
        wrong = "预计资产负债率为45.5%,较上年的42.0%有所下降。"
        assert verdicts(check_text(wrong), "direction") == [("inconsistent", "error")]

    def test_trap_a_stated_change_is_a_difference_not_a_direction(self, check_text):
        text = "资产负债率为38.5%,较上年的42.0%下降3.5个百分点。"
        assert not [c for c in check_text(text) if c.type == "direction"]


# ------------------------------------------------------------------ measures named before 分别
class TestMeasuresNamedBeforeRespectively:
    @pytest.mark.parametrize(
        "text",
        [
            "2024年,全市出口和进口分别为318.6亿美元和204.1亿美元,顺差{s}亿美元。",
            "2024年,全市出口和進口分別為318.6億美元和204.1億美元,順差{s}億美元。",
        ],
    )
    def test_each_figure_takes_its_measure(self, check_text, text):
        assert verdicts(check_text(text.format(s="114.5")), "balance") == [("consistent", None)]
        # 318.6 − 204.1 = 114.5, not 124.5
        found = verdicts(check_text(text.format(s="124.5")), "balance")
        assert found == [("inconsistent", "error")]

    @pytest.mark.parametrize(
        "text",
        [
            # a mark passed stands between the measures and their figures; 亿 without 元
            "本会收入及支出首次超越五百亿元,分别为612.40亿及598.15亿,年度盈余{s}亿元。",
            "本會收入及支出首次超越五百億元,分別為612.40億及598.15億,年度盈餘{s}億元。",
        ],
    )
    def test_a_clause_between_names_and_figures(self, check_text, text):
        assert verdicts(check_text(text.format(s="14.25")), "balance") == [("consistent", None)]
        found = verdicts(check_text(text.format(s="41.25")), "balance")
        assert found == [("inconsistent", "error")]

    def test_names_and_figures_must_agree_in_number(self, check_text):
        # three names, two figures: no reading of which is which, so no balance
        text = "全市出口、进口和转口分别为318.6亿美元和204.1亿美元,顺差124.5亿美元。"
        assert not verdicts(check_text(text), "balance")


# ------------------------------------------------------------------ a fund's short name
def test_a_fund_named_by_its_short_form(check_text):
    text = (
        "2024年,城乡居民基本养老保险基金收入4,210.6亿元,支出3,905.2亿元。"
        "居民养老保险基金当期结余{s}亿元。"
    )
    assert verdicts(check_text(text.format(s="305.4")), "balance") == [("consistent", None)]
    assert verdicts(check_text(text.format(s="350.4")), "balance") == [("inconsistent", "error")]
    # another fund's balance is no difference of these (职工 is not in the long name)
    other = text.replace("居民养老保险基金", "职工养老保险基金").format(s="350.4")
    assert not verdicts(check_text(other), "balance")


# ------------------------------------------------------------------ the year after a month
@pytest.mark.parametrize(
    "text",
    [
        "全年累计出口5,120.4亿美元,较上年增长12.0%。\n\n"
        "12月进口360.2亿美元;全年进口总额3,870.9亿美元。全年出超{s}亿美元。",
        "全年累計出口5,120.4億美元,較上年成長12.0%。\n\n"
        "12月進口360.2億美元;全年進口總額3,870.9億美元。全年出超{s}億美元。",
    ],
)
def test_a_whole_year_after_a_month_and_its_exports_a_paragraph_back(check_text, text):
    # 全年 after 12月 in one sentence is the year, not December: the year's imports and balance
    # take the exports the paragraph before states for the same year
    assert verdicts(check_text(text.format(s="1,249.5")), "balance") == [("consistent", None)]
    found = verdicts(check_text(text.format(s="1,294.5")), "balance")
    assert found == [("inconsistent", "error")]


def test_exports_of_another_period_a_paragraph_back_are_not_taken(check_text):
    text = "上半年累计出口2,120.4亿美元。\n\n全年进口总额3,870.9亿美元,全年出超1,294.5亿美元。"
    assert not verdicts(check_text(text), "balance")


# ------------------------------------------------------------------ a level reached after its rate
@pytest.mark.parametrize(
    "text",
    [
        "上半年总出口货值为85.3亿元,总进口货值为402.6亿元。\n\n"
        "按产品划分,服装出口下跌12.1%至9.4亿元,非服装产品则增加21.5%至{n}亿元。",
        "上半年總出口貨值為85.3億元,總進口貨值為402.6億元。\n\n"
        "按產品劃分,服裝出口下跌12.1%至9.4億元,非服裝產品則增加21.5%至{n}億元。",
    ],
)
def test_x_and_not_x_split_their_whole(check_text, text):
    assert verdicts(check_text(text.format(n="75.9")), "sum") == [("consistent", None)]
    # 9.4 + 76.9 is 86.3, not 85.3
    assert verdicts(check_text(text.format(n="76.9")), "sum") == [("inconsistent", "error")]


def test_not_x_without_its_whole_is_no_sum(check_text):
    # the whole stated is imports: no level names the parts' measure and nothing else
    text = "总进口货值为402.6亿元。服装出口下跌12.1%至9.4亿元,非服装产品则增加21.5%至76.9亿元。"
    assert not verdicts(check_text(text), "sum")


def test_exports_of_the_imports_subject(check_text):
    # the balance is of all goods: 再出口 and 本地产品出口 are parts, 总出口 is the whole
    text = (
        "上半年,总出口货值为88.0亿元;再出口(70.5亿元)及本地产品出口(17.5亿元)分别增加5.1%和2.0%。"
        "总进口货值为910.4亿元。上半年的货物贸易逆差为{d}亿元。"
    )
    assert verdicts(check_text(text.format(d="822.4")), "balance") == [("consistent", None)]
    assert verdicts(check_text(text.format(d="893.4")), "balance") == [("inconsistent", "error")]


# ------------------------------------------------------------------ one quarter inside its year
@pytest.mark.parametrize(
    "text",
    [
        # a forecast year holds the quarter already reported; 单四季度 is the fourth quarter alone
        "公司预计2024年实现营业总收入52.60亿元,同比增长18.0%。单四季度实现收入{q}亿元。",
        "公司預計2024年實現營業總收入52.60億元,同比增長18.0%。單四季度實現收入{q}億元。",
        # the third quarter (第三季度, 第3季度) lies inside the first three
        "2024年前三季度累计实现营业收入41.5亿元。第三季度实现营业收入{q}亿元。",
        "2024年前三季度累計實現營業收入41.5億元。第3季度實現營業收入{q}億元。",
    ],
)
def test_a_quarter_never_exceeds_its_year(check_text, text):
    assert verdicts(check_text(text.format(q="13.20")), "part_whole") == [("consistent", None)]
    found = verdicts(check_text(text.format(q="63.20")), "part_whole")
    assert found == [("inconsistent", "error")]


FRUIT = "上半年鲜水果进口300.0万吨,同比增10.0%,其中,榴莲进口150.0万吨,同比增8.0%,{b}。"


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_kinds_of_what_the_whole_counts_do_not_exceed_it(check_text, script):
    # 榴莲进口 and 樱桃进口 are of the whole's measure, 进口, and named apart
    text = FRUIT if script == "hans" else opencc.OpenCC("s2t").convert(FRUIT)
    fits = check_text(text.format(b="樱桃进口100.0万吨,同比增5.0%"))
    assert ("inconsistent", "error") not in verdicts(fits, "part_whole")
    assert len([c for c in fits if c.type == "part_whole" and len(c.inputs) == 3]) == 1
    over = check_text(text.format(b="樱桃进口180.0万吨,同比增5.0%"))  # 330.0 > 300.0
    assert ("inconsistent", "error") in verdicts(over, "part_whole")


def test_trap_a_kind_inside_another_is_not_added(check_text):
    # 泰国榴莲 are among 榴莲: 150.0 + 160.0 overlap
    text = FRUIT.format(b="泰国榴莲进口160.0万吨,同比增5.0%")
    assert ("inconsistent", "error") not in verdicts(check_text(text), "part_whole")


BROKERAGE_PERIODS = (
    "2025H1公司实现营业收入40.00亿元,同比增长8.0%;归母净利润8.00亿元,同比增长6.0%。"
    "{q}公司单季实现营业收入{r}亿元;归母净利润{p}亿元。"
)


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_brokerage_quarter_lies_inside_its_half_year(check_text, script):
    text = BROKERAGE_PERIODS
    if script == "hant":
        text = opencc.OpenCC("s2t").convert(text)
    # 25Q2 is 2025's second quarter: its revenue and profit fit within the half year's
    consistent = check_text(text.format(q="25Q2", r="22.00", p="4.50"))
    assert verdicts(consistent, "part_whole") == [("consistent", None)] * 2
    planted = check_text(text.format(q="25Q2", r="45.00", p="4.50"))  # above its half year
    assert ("inconsistent", "error") in verdicts(planted, "part_whole")
    # a quarter's profit may exceed its half year's after a loss in the other quarter
    profit = check_text(text.format(q="25Q2", r="22.00", p="9.00"))
    assert ("inconsistent", "warning") in verdicts(profit, "part_whole")


def test_trap_a_quarter_of_another_year_is_no_part_of_the_half(check_text):
    text = BROKERAGE_PERIODS.format(q="24Q4", r="45.00", p="9.00")  # the year before's quarter
    assert verdicts(check_text(text), "part_whole") == []


def test_brokerage_periods_are_periods_not_figures():
    facts = table(BROKERAGE_PERIODS.format(q="25Q2", r="22.00", p="4.50"))[1]
    assert [f.period for f in facts if f.role == "level"] == ["2025:H1"] * 2 + ["2025:Q2"] * 2
    assert [f.label.text for f in facts if f.role == "level"][
        2
    ] == "公司单季收入"  # no 25 of 25Q2 in it


def test_a_forecast_quarter_is_no_part_of_the_year_reported(check_text):
    # the quarter is a forecast: nothing says it lies within the year's reported figure
    text = "2024年实现营业收入52.60亿元。预计2024年第四季度营业收入63.20亿元。"
    assert not verdicts(check_text(text), "part_whole")


# ------------------------------------------------------------------ 从A扩大至B over a span of years
class TestAMoveOverASpanOfYears:
    TEXT = (
        "2019-2023年,全国康复器械市场规模从420亿元快速扩大至780亿元,年均复合增长率达{r}%。"
        "2024年,{who}市场规模小幅回调至{v}亿元,同比下降2.0%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_span_dates_both_ends(self, check_text, script):
        text = self.TEXT.format(r="16.7", who="", v="764.4")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        claims = check_text(text)
        assert verdicts(claims, "cagr") == [("consistent", None)]  # (780/420)^(1/4) − 1 = 16.7%
        # 2024's figure against 2023's end value, named again without what it is of
        assert verdicts(claims, "growth") == [("consistent", None)]

    def test_planted_errors(self, check_text):
        claims = check_text(self.TEXT.format(r="20.0", who="", v="744.4"))
        assert verdicts(claims, "cagr") == [("inconsistent", "error")]
        assert verdicts(claims, "growth") == [("inconsistent", "error")]  # −4.6%, not −2.0%
        # five years counted inclusively give 13.2%: one lenient reading fits, so a warning
        inclusive = check_text(self.TEXT.format(r="13.2", who="", v="764.4"))
        assert verdicts(inclusive, "cagr") == [("inconsistent", "warning")]

    def test_trap_another_market(self, check_text):
        claims = check_text(self.TEXT.format(r="16.7", who="全球", v="744.4"))
        assert verdicts(claims, "growth") == []


# ------------------------------------------------------------------ a level stated after its share
class TestALevelAfterItsShare:
    TEXT = (
        "2024年,中药类产品出口额60.0亿美元。植物提取物出口额在中药类产品出口总额中占比达到{s}%,"
        "为33.0亿美元。其中,{x}出口额为5.0亿美元,非精油类植物提取物出口额{n}亿美元。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_share_and_parts(self, check_text, script):
        text = self.TEXT.format(s="55", x="精油类植物提取物", n="28.0")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        claims = check_text(text)
        assert ("consistent", None) in verdicts(claims, "share")  # 33.0 / 60.0 = 55%
        assert verdicts(claims, "sum") == [("consistent", None)]  # 5.0 + 28.0 = 33.0

    def test_planted_errors(self, check_text):
        claims = check_text(self.TEXT.format(s="65", x="精油类植物提取物", n="30.0"))
        assert ("inconsistent", "error") in verdicts(claims, "share")
        assert verdicts(claims, "sum") == [("inconsistent", "error")]

    def test_trap_x_of_another_product(self, check_text):
        # 精油类花卉提取物 is no complement of 非精油类植物提取物
        claims = check_text(self.TEXT.format(s="55", x="精油类花卉提取物", n="30.0"))
        assert verdicts(claims, "sum") == []


# ------------------------------------------------------------------ an aside inside a part
class TestHospitalsByGrade:
    TEXT = (
        "2024年末,全省医疗机构(不含村卫生室)3.2万个,其中:医院1500个。"
        "从等级结构看:三级医院120个(其中:三甲医院80个),二级医院400个,一级医院600个{rest}。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_grades_split_the_hospitals(self, check_text, script):
        text = self.TEXT.format(rest=",未评定等级医院380个")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "sum") == [("consistent", None)]

    def test_planted_error(self, check_text):
        text = self.TEXT.format(rest=",未评定等级医院480个")  # 120 + 400 + 600 + 480 = 1600
        assert verdicts(check_text(text), "sum") == [("inconsistent", "error")]

    def test_trap_a_grade_missing(self, check_text):
        assert verdicts(check_text(self.TEXT.format(rest="")), "sum") == []


# ------------------------------------------------------------------ a heading that states a balance
@pytest.mark.parametrize(
    "text",
    [
        "五、外贸仍有{word}。1-6月,货物进出口总额120.5亿元。其中,出口70.2亿元;进口50.3亿元。",
        "五、外貿仍有{word}。1-6月,貨物進出口總額120.5億元。其中,出口70.2億元;進口50.3億元。",
    ],
)
def test_a_heading_states_the_paragraphs_balance(check_text, text):
    assert verdicts(check_text(text.format(word="顺差")), "balance") == [("consistent", None)]
    found = verdicts(check_text(text.format(word="逆差")), "balance")  # exports exceed imports
    assert found == [("inconsistent", "error")]


def test_a_heading_states_nothing_of_the_next_paragraph(check_text):
    text = "五、外贸仍有逆差。\n其中,出口70.2亿元;进口50.3亿元。"
    assert verdicts(check_text(text), "balance") == []


# ------------------------------------------------------------------ bounds on a growth rate
class TestTheEndsOfAMoveKeepTheirYears:
    """进口额从2015年的A上升到2023年的B: A is 2015's and B 2023's, so 2015's balance takes A."""

    TEXT = (
        "2015年对某国出口额为120亿美元,2023年达到300亿美元。进口额也从2015年的200亿美元上升到"
        "2023年的410亿美元。{year}年对某国贸易逆差为{d}亿美元。"
    )

    @staticmethod
    def balances(claims):
        return verdicts(claims, "balance")

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(year="2015", d="80")  # 200 − 120
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert self.balances(check_text(text)) == [("consistent", None)]

    def test_planted_error(self, check_text):
        assert self.balances(check_text(self.TEXT.format(year="2015", d="95"))) == [
            ("inconsistent", "error")
        ]

    def test_trap_a_year_with_no_sides(self, check_text):
        assert self.balances(check_text(self.TEXT.format(year="2019", d="95"))) == []


class TestAMultipleMoves:
    """市盈率预计从2025年的14.2x降至2027年的10.8x: multiples move like any figure."""

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = "市盈率预计从2025年的14.2x降至2027年的10.8x。"
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "direction") == [("consistent", None)]

    def test_planted_error(self, check_text):
        text = "市盈率预计从2025年的10.8x降至2027年的14.2x。"
        assert verdicts(check_text(text), "direction") == [("inconsistent", "error")]

    def test_trap_a_name_is_no_multiple(self, check_text):
        assert verdicts(
            check_text("公司与10x Genomics合作,从2025年的3家增至5家。"), "direction"
        ) == [("consistent", None)]


class TestListedSharesOfOneWhole:
    """A、B和C分别占X的a%、b%和c%: shares of one whole add up to 100% at most; above it the
    categories may overlap, so it is a warning, never an error."""

    TEXT = "2024年,心脏病、癌症和脑血管疾病分别占全市居民死因的{a}%、28.0%和10.0%。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(a="40.0")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "part_whole") == [("consistent", None)]

    def test_planted_error_is_a_warning(self, check_text):
        claims = check_text(self.TEXT.format(a="70.0"))  # 108.0% of one whole
        assert verdicts(claims, "part_whole") == [("inconsistent", "warning")]

    def test_trap_shares_of_as_many_wholes(self, check_text):
        text = "城镇和农村居民人均消费支出分别占各自可支配收入的70.0%和80.0%。"
        assert verdicts(check_text(text), "part_whole") == []


class TestAShareStatedTwice:
    """全市货物贸易进出口T,占全省外贸总值的a% … 全市进出口总值占全省进出口总值的b%: one part's
    share of one whole, stated twice, must agree."""

    TEXT = (
        "上半年,全市货物贸易进出口1200.0亿元,增长5.0%,占全省外贸总值的15.0%。\n\n"
        "{when}全市进出口总值占{whole}进出口总值的{b}%,居第2位。"
    )

    @staticmethod
    def twice(claims):
        return [(c.verdict, c.severity) for c in claims if c.facts.get("relation") == "restatement"]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(when="上半年,", whole="全省", b="15.0")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert self.twice(check_text(text)) == [("consistent", None)]

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(when="上半年,", whole="全省", b="16.0"))
        assert self.twice(claims) == [("inconsistent", "error")]

    def test_trap_an_undated_restatement_is_only_a_warning(self, check_text):
        claims = check_text(self.TEXT.format(when="", whole="全省", b="16.0"))
        assert self.twice(claims) == [("inconsistent", "warning")]

    def test_trap_a_share_of_another_whole(self, check_text):
        assert self.twice(check_text(self.TEXT.format(when="上半年,", whole="全国", b="2.0"))) == []


class TestPriceEarningsMultiples:
    """当前股价A … EPS分别为e₁、e₂、e₃,对应PE分别为m₁、m₂、m₃: each multiple is the price over its
    EPS, within the rounding of all three."""

    TEXT = (
        "投资评级:买入,{price}目标价32.00元。\n"
        "- 预计2025-2027年EPS分别为1.50元、1.85元、{eps}元,对应PE分别为{pe}倍、13.3倍、11.2倍。"
    )

    @staticmethod
    def multiples(claims):
        return [(c.verdict, c.severity) for c in claims if c.facts.get("relation") == "valuation"]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        # 24.60 / 1.50 = 16.4; / 1.85 = 13.3; / 2.20 = 11.2
        text = self.TEXT.format(price="当前股价为24.60元,", eps="2.20", pe="16.4")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert self.multiples(check_text(text)) == [("consistent", None)] * 3

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(price="当前股价为24.60元,", eps="2.20", pe="18.0"))
        assert self.multiples(claims) == [("inconsistent", "error")] + [("consistent", None)] * 2

    def test_trap_a_target_price_is_not_the_price(self, check_text):
        assert self.multiples(check_text(self.TEXT.format(price="", eps="2.20", pe="18.0"))) == []

    def test_trap_a_price_in_another_currency(self, check_text):
        # an H share's price in 港币 over EPS in 元 needs an exchange rate the note does not give
        text = self.TEXT.format(price="当前股价为24.60港元,", eps="2.20", pe="18.0")
        assert self.multiples(check_text(text)) == []

    def test_trap_a_loss_has_no_multiple(self, check_text):
        claims = check_text(self.TEXT.format(price="当前股价为24.60元,", eps="-0.20", pe="16.4"))
        assert len(self.multiples(claims)) == 2


class TestAStructuresNamedMember:
    """三次产业结构由上年的a:b:c调整为d:e:f,第二产业比重…: the member the text names is the share
    of that partition word, its change in points and the threshold it passes are checked."""

    TEXT = (
        "全年全市生产总值2000.0亿元,比上年增长6.0%。三次产业结构由上年的8.5:41.2:50.3调整为"
        "7.9:40.1:52.0,第二产业比重保持在{mark}%以上,比上年下降{pp}个百分点。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(mark="40", pp="1.1")  # 40.1 − 41.2 = −1.1, above 40
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        claims = check_text(text)
        assert verdicts(claims, "difference") == [("consistent", None)]
        assert verdicts(claims, "direction") == [("consistent", None)]

    def test_planted_errors(self, check_text):
        claims = check_text(self.TEXT.format(mark="45", pp="2.1"))
        assert verdicts(claims, "difference") == [("inconsistent", "error")]
        assert verdicts(claims, "direction") == [("inconsistent", "error")]

    def test_trap_a_structure_naming_no_member(self, check_text):
        text = "居民消费结构由上年的30.0:70.0调整为28.0:72.0,比上年下降3.0个百分点。"
        assert verdicts(check_text(text), "difference") == []


class TestAThresholdPagesAfterItsFigure:
    """3月出口A … paragraphs later 3月出口已连续第二个月站稳X之上: the one figure of that name
    and period is the figure the threshold announces."""

    TEXT = (
        "3月出口310.5亿美元,同比增长8.0%。\n\n一季度出口840.2亿美元,同比增长5.0%。\n\n"
        "海关分析,{month}出口已连续第二个月站稳{mark}亿美元之上,主要受电子产品带动。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(month="3月", mark="300")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "direction") == [("consistent", None)]

    def test_planted_error(self, check_text):
        claims = check_text(self.TEXT.format(month="3月", mark="320"))  # 310.5 is below 320
        assert verdicts(claims, "direction") == [("inconsistent", "error")]

    def test_trap_another_month_names_no_figure(self, check_text):
        claims = check_text(self.TEXT.format(month="2月", mark="320"))
        assert verdicts(claims, "direction") == []


class TestAWholeBetweenItsParts:
    """An average, rate or index of a whole is a weighted mean of its parts': it lies between
    them (城市/农村 prices, 男性/女性 life expectancy, the three industries' growth)."""

    CASES = [
        ("全年居民消费价格指数为102.1,其中:城市上涨1.8%,农村上涨{x}%。", "2.6", "1.9"),
        ("2024年,全市户籍人口预期寿命为82.45岁,其中男性80.12岁、女性{x}岁。", "84.90", "82.10"),
        (
            "全年地区生产总值增长5.2%,其中:第一产业增长3.1%,第二产业下降1.0%,第三产业增长{x}%。",
            "7.9",
            "4.9",
        ),
    ]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    @pytest.mark.parametrize(("text", "fits", "_"), CASES, ids=["index", "ages", "industries"])
    def test_consistent(self, check_text, script, text, fits, _):
        text = text.format(x=fits)
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "direction") == [("consistent", None)]

    @pytest.mark.parametrize(("text", "_", "outside"), CASES, ids=["index", "ages", "industries"])
    def test_planted_error(self, check_text, text, _, outside):
        # 2.1 above both 1.8 and 1.9; 82.45 above both; 5.2 above 3.1, −1.0 and 4.9
        claims = check_text(text.format(x=outside))
        assert verdicts(claims, "direction") == [("inconsistent", "error")]

    def test_trap_levels_add_up_and_need_not_lie_between(self, check_text):
        text = "年末户籍人口1000.00万人,其中男性510.00万人、女性490.00万人。"
        assert verdicts(check_text(text), "direction") == []

    def test_trap_a_per_head_figure_may_outgrow_its_parts(self, check_text):
        # people moving from the lower-income part to the higher lift the whole's average
        text = (
            "全年全体居民人均可支配收入增长9.8%,其中:城镇居民人均可支配收入增长7.9%,"
            "农村居民人均可支配收入增长9.6%。"
        )
        assert verdicts(check_text(text), "direction") == []

    def test_trap_parts_that_split_no_whole(self, check_text):
        text = "全年居民消费价格上涨2.1%,其中:食品价格上涨3.0%,服务价格上涨2.5%。"
        assert verdicts(check_text(text), "direction") == []


class TestBoundsOnGrowth:
    @pytest.mark.parametrize(
        "text",
        [
            "2024年全省生产总值5210.4亿元,比上年增长{r}%,连续三年实现9%以上增长。",
            "2024年全省生產總值5210.4億元,比上年增長{r}%,連續三年實現9%以上增長。",
            "单季度实现收入15.60亿元,同比增长{r}%,仍然做到收入超过9%的快速增长。",
        ],
    )
    def test_the_rate_lies_above_its_bound(self, check_text, text):
        assert verdicts(check_text(text.format(r="9.6")), "direction") == [("consistent", None)]
        found = verdicts(check_text(text.format(r="8.6")), "direction")
        assert found == [("inconsistent", "error")]

    def test_trap_a_fall_is_not_read_against_a_bound_on_growth(self, check_text):
        text = "2024年全省生产总值5210.4亿元,比上年下降3.2%,连续三年实现9%以上增长。"
        assert verdicts(check_text(text), "direction") == []


@pytest.mark.parametrize(
    "text",
    [
        "全年外销订单5218.6亿美元,不但写下历史新高,也是首度突破{b}亿美元大关。",
        "全年外銷訂單5218.6億美元,不但寫下歷史新高,也是首度突破{b}億美元大關。",
    ],
)
def test_a_mark_the_figure_before_passed(check_text, text):
    assert verdicts(check_text(text.format(b="5000")), "direction") == [("consistent", None)]
    found = verdicts(check_text(text.format(b="5500")), "direction")
    assert found == [("inconsistent", "error")]


def test_hedges_after_their_figure_and_after_income():
    from checks.quantities.tokens import scan

    read = {
        t.printed: t.qualifier for t in scan("出口站稳600亿美元之上,收入超过20%,出超75.5亿美元")
    }
    assert read == {"600": "above", "20": "above", "75.5": "exact"}


# ------------------------------------------------------------------ tenths (成) and bounds on shares
def test_tenths_are_read_as_percentages():
    from checks.quantities.tokens import scan

    read = {
        t.printed: t for t in scan("贡献度达九成二,占比四成,超过一成半,8成以上,三成都市,一成不变")
    }
    assert set(read) == {"九成二", "四成", "一成半", "8成"}
    assert (read["九成二"].strict.lo, read["九成二"].strict.hi) == (91.5, 92.5)
    assert (read["四成"].strict.lo, read["四成"].strict.hi) == (35.0, 45.0)
    assert read["一成半"].value == 15.0 and read["一成半"].qualifier == "above"
    assert read["8成"].kind == "percent" and read["8成"].strict.lo == 80.0


class TestABoundOnAShare:
    TEXT = (
        "4、{bound}进口占7成以上,其余品种进口回落。今年一季度,我国进口玉米620万吨,"
        "增长12.0%,占同期我国粮食进口总量的{s}%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(bound="玉米", s="72.5")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "direction") == [("consistent", None)]

    def test_planted_error(self, check_text):
        found = verdicts(check_text(self.TEXT.format(bound="玉米", s="65.5")), "direction")
        assert found == [("inconsistent", "error")]

    def test_trap_the_share_of_another_product(self, check_text):
        assert verdicts(check_text(self.TEXT.format(bound="小麦", s="65.5")), "direction") == []


# ------------------------------------------------------------------ 相等于…的X%, 与…的比率为X%
@pytest.mark.parametrize(
    "text",
    [
        "10月商品进口货值为4,520亿元,按年上升5.0%。10月录得有形贸易逆差{d}亿元,相等于商品进口货值的8%。",
        "10月商品進口貨值為4,520億元,按年上升5.0%。10月錄得有形貿易逆差{d}億元,相等於商品進口貨值的8%。",
    ],
)
def test_equal_to_a_share_of_a_named_whole(check_text, text):
    assert shares(check_text(text.format(d="362"))) == [("consistent", None)]  # 362 / 4520 = 8.0%
    assert shares(check_text(text.format(d="452"))) == [("inconsistent", "error")]


class TestARatioToAChange:
    TEXT = (
        "与去年年中人口比较,全市人口{verb}42,000人。去年年中至今年年中的出生人数61,740人,"
        "与整体人口增长的比率为147%。死亡人数(23,100人)与整体人口增长的比率为{r}%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_each_component_over_the_change(self, check_text, script):
        text = self.TEXT.format(verb="增加", r="55")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert shares(check_text(text)) == [("consistent", None)] * 2  # 147% and 55% of 42,000

    def test_planted_error(self, check_text):
        found = sorted(shares(check_text(self.TEXT.format(verb="增加", r="65"))))
        assert found == [("consistent", None), ("inconsistent", "error")]

    def test_trap_a_fall_is_no_growth_to_divide_by(self, check_text):
        assert shares(check_text(self.TEXT.format(verb="减少", r="65"))) == []


# ------------------------------------------------------------------ differences the text works out
@pytest.mark.parametrize(
    "text",
    [
        "研发投入方面,2024年为96.40亿元,2023年为58.15亿元,增加了{c}亿元。",
        "研發投入方面,2024年為96.40億元,2023年為58.15億元,增加了{c}億元。",
        "若以出生人数的61,740人减去死亡人数的23,100人计算,全年人口自然增长为{c}人。",
    ],
)
def test_a_difference_the_text_works_out(check_text, text):
    right, wrong = ("38.25", "36.25") if "亿" in text or "億" in text else ("38,640", "36,640")
    assert verdicts(check_text(text.format(c=right)), "difference") == [("consistent", None)]
    found = verdicts(check_text(text.format(c=wrong)), "difference")
    assert found == [("inconsistent", "error")]


def test_trap_two_years_of_two_measures(check_text):
    # the second figure names a measure of its own: no change between the two
    text = "2024年营业收入为96.40亿元,2023年净利润为58.15亿元,增加了36.25亿元。"
    assert verdicts(check_text(text), "difference") == []


# ------------------------------------------------------------------ 去年同期该业务…: last year's of it
@pytest.mark.parametrize(
    "text",
    [
        "上半年,呼吸业务收入达46亿元,同比增加{r}%,去年同期该业务营收约22亿元。",
        "上半年,呼吸業務收入達46億元,同比增加{r}%。去年同期該業務營收約22億元。",
    ],
)
def test_last_years_value_of_what_was_named(check_text, text):
    assert verdicts(check_text(text.format(r="110")), "growth") == [("consistent", None)]
    found = verdicts(check_text(text.format(r="150")), "growth")  # 46 / 22 is +109%, not +150%
    assert found == [("inconsistent", "error")]


def test_trap_last_years_value_of_something_else(check_text):
    text = "上半年,呼吸业务收入达46亿元,同比增加150%,去年同期公司总营收约22亿元。"
    assert verdicts(check_text(text), "growth") == []


# ------------------------------------------------------------------ the four quarters make the year
class TestQuartersOfAYear:
    TEXT = (
        "2024年公司销售总额为400.0亿元,同比增长{g}%;分季度看,Q1-Q4销售额分别为90.0亿、100.0亿、"
        "105.0亿、{q4}亿元,同比分别增长10.0%、10.0%、10.0%、10.0%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_consistent(self, check_text, script):
        text = self.TEXT.format(g="10.0", q4="105.0")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        claims = check_text(text)
        assert verdicts(claims, "sum") == [("consistent", None)]
        assert ("consistent", None) in verdicts(claims, "growth")  # rebuilt from the quarters

    def test_planted_errors(self, check_text):
        assert verdicts(check_text(self.TEXT.format(g="10.0", q4="115.0")), "sum") == [
            ("inconsistent", "error")
        ]
        # the year's rate against its quarters': a revised base may explain it, so a warning
        found = verdicts(check_text(self.TEXT.format(g="14.0", q4="105.0")), "growth")
        assert ("inconsistent", "warning") in found and ("inconsistent", "error") not in found

    def test_trap_three_quarters_make_no_year(self, check_text):
        text = "2024年公司销售总额为400.0亿元;Q1-Q3销售额分别为90.0亿、100.0亿、105.0亿元。"
        assert verdicts(check_text(text), "sum") == []


# ------------------------------------------------------------------ margins
def test_a_margin_takes_the_revenue_stated_paragraphs_before(check_text):
    text = (
        "截至2024年12月31日止年度,本集团录得收入人民币3,250百万元。\n"
        "同期本集团的毛利为人民币812百万元。\n"
        "年内本集团的纯利为人民币416百万元及本集团的纯利率为{r}%。"
    )
    assert ("consistent", None) in shares(check_text(text.format(r="12.8")))  # 416 / 3250
    assert ("inconsistent", "error") in shares(check_text(text.format(r="14.8")))


class TestAGrossMarginFromCost:
    TEXT = (
        "其他产品营业收入为860.40亿元,同比增长12.0%;{cost}为705.20亿元,同比增长15.0%;毛利率为{r}%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_revenue_less_cost_over_revenue(self, check_text, script):
        text = self.TEXT.format(cost="营业成本", r="18.04")  # (860.40 − 705.20) / 860.40
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert shares(check_text(text)) == [("consistent", None)]

    def test_planted_error(self, check_text):
        found = shares(check_text(self.TEXT.format(cost="营业成本", r="20.04")))
        assert found == [("inconsistent", "error")]

    def test_trap_an_expense_is_no_cost_of_sales(self, check_text):
        assert shares(check_text(self.TEXT.format(cost="销售费用", r="20.04"))) == []


# ------------------------------------------------------------------ a rate stated again by name
class TestARateStatedAgain:
    TEXT = (
        "2024年公司实现营业总收入52.60亿元,同比增长18.42%。\n"
        "投资建议:预计公司2024年-2025年的收入增速分别为{b}%、20%。"
    )

    def test_the_summary_repeats_the_body(self, check_text):
        assert verdicts(check_text(self.TEXT.format(b="18")), "agreement") == [("consistent", None)]
        # 21% cannot be the 18.42% of the body, whatever the rounding
        found = verdicts(check_text(self.TEXT.format(b="21")), "agreement")
        assert found == [("inconsistent", "error")]

    @pytest.mark.parametrize("headline", ["18", "25"])
    def test_a_headline_in_traditional_script(self, check_text, headline):
        text = (
            "集團去年經常性業務利潤48.20億元,減少18.4%。\n\n"
            f"經常性業務利潤跌{headline}% 對於去年經常性業務利潤跌約18%,行政總裁解釋,競爭激烈。"
        )
        found = sorted(verdicts(check_text(text), "agreement"))
        if headline == "18":
            assert found == [("consistent", None)] * 2
        else:
            assert found == [("consistent", None), ("inconsistent", "error")]

    @pytest.mark.parametrize("script", ["s", "t"])
    def test_the_owners_profit_restated_as_profit_is_only_a_warning(self, check_text, script):
        text = (
            "2024年公司归属于上市公司股东的净利润6.30亿元,同比增长12.46%。\n"
            "投资建议:预计公司2024年-2025年的净利润增速分别为{b}%、20%。"
        )
        if script == "t":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text.format(b="12")), "agreement") == [("consistent", None)]
        # the summary's profit may hold minority interests: a disagreement is only a warning
        found = verdicts(check_text(text.format(b="15")), "agreement")
        assert found == [("inconsistent", "warning")]

    def test_trap_another_profit_before_the_name_is_no_restatement(self, check_text):
        text = "2024年公司扣非后净利润6.30亿元,同比增长12.46%。\n预计公司2024年的净利润增速为15%。"
        assert verdicts(check_text(text), "agreement") == []

    def test_traps_another_period_or_a_name_cut_by_a_figure(self, check_text):
        text = "前7个月,全国进出口总值23.60万亿元,同比增长10.4%。其中,7月当月进出口同比增长16.6%。"
        assert verdicts(check_text(text), "agreement") == []
        text = (
            "第二产业增加值438.43亿元,负增长7.6%。\n340家企业增长1.4%,“4+4”产业增加值负增长6.1%。"
        )
        assert verdicts(check_text(text), "agreement") == []


# ------------------------------------------------------------------ a price within its range
@pytest.mark.parametrize(
    "text",
    [
        "截至2025年3月31日,公司收盘价为{p}元,总市值/流通市值为1200/950亿元,52周最高价/最低价为58.20/31.40元。",
        "截至2025年3月31日,公司收盤價為{p}元,總市值/流通市值為1200/950億元,52周最高價/最低價為58.20/31.40元。",
    ],
)
def test_a_price_lies_within_its_high_and_low(check_text, text):
    assert verdicts(check_text(text.format(p="45.10")), "ranking") == [("consistent", None)]
    found = verdicts(check_text(text.format(p="61.10")), "ranking")  # above the 52-week high
    assert found == [("inconsistent", "error")]


def test_a_high_alone_bounds_nothing(check_text):
    text = "截至2025年3月31日,公司收盘价为61.10元,52周最高价为58.20元。"
    assert verdicts(check_text(text), "ranking") == []


# ------------------------------------------------------------------ a change named paragraphs later
@pytest.mark.parametrize(
    "text",
    [
        "114年全年外銷訂單5218.6億美元,年增率{r}%。\n\n處長說明,114年外銷訂單金額較113年增加804.6億美元。",
        "2025年全年外销订单5218.6亿美元,年增率{r}%。\n\n他说,2025年外销订单金额较2024年增加804.6亿美元。",
    ],
)
def test_a_change_named_by_its_measure_finds_its_level(check_text, text):
    # 804.6 over last year's 4414.0 is +18.2%
    assert verdicts(check_text(text.format(r="18.2")), "growth") == [("consistent", None)]
    assert verdicts(check_text(text.format(r="22.0")), "growth") == [("inconsistent", "error")]


def test_a_named_change_of_another_measure_or_year_finds_nothing(check_text):
    for later in (
        "2025年外销出口较2024年增加804.6亿美元。",
        "2024年外销订单金额较2023年增加804.6亿美元。",
    ):
        text = f"2025年全年外销订单5218.6亿美元,年增率22.0%。\n\n他说,{later}"
        assert verdicts(check_text(text), "growth") == []


# ------------------------------------------------------------------ a rate, then its level by name
@pytest.mark.parametrize(
    "text",
    [
        "111年產值達2兆6,812億元,創歷史新高;綜計112年全年產值年減{r}%,惟產值規模2兆3,410億元仍創下歷史次高紀錄。",
        "2022年产值达2兆6,812亿元,创历史新高;综计2023年全年产值年减{r}%,惟产值规模2兆3,410亿元仍创下历史次高纪录。",
    ],
)
def test_a_rate_before_the_level_it_names(check_text, text):
    # 23,410 / 26,812 − 1 = −12.7%: 年减 is a fall, of the level named 产值 right after it
    assert verdicts(check_text(text.format(r="12.7")), "growth") == [("consistent", None)]
    assert verdicts(check_text(text.format(r="10.7")), "growth") == [("inconsistent", "error")]


def test_a_rate_before_a_level_of_another_measure(check_text):
    text = "2022年产值达2兆6,812亿元;2023年全年产值年减10.7%,惟出口规模2兆3,410亿元。"
    assert verdicts(check_text(text), "growth") == []


# ------------------------------------------------------------------ parts faster than the whole
class TestFasterThanTheWhole:
    TEXT = (
        "今年上半年,全国固定资产投资(不含农户)24.50万亿元,按年增长6.4%。\n\n"
        "其中,高技术制造业和高技术服务业投资按年分别增长18.2%和15.7%,分别快于{whole}{a}和9.3个百分点。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_each_gap_is_the_part_less_the_whole(self, check_text, script):
        text = self.TEXT.format(whole="全部投资", a="11.8")
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert verdicts(check_text(text), "difference") == [("consistent", None)] * 2

    def test_planted_error(self, check_text):
        found = sorted(
            verdicts(check_text(self.TEXT.format(whole="全部投资", a="13.8")), "difference")
        )
        assert found == [("consistent", None), ("inconsistent", "error")]

    def test_trap_a_gap_to_another_part_is_not_read(self, check_text):
        text = self.TEXT.format(whole="制造业投资", a="13.8")
        assert verdicts(check_text(text), "difference") == []


# ------------------------------------------------------------------ a combined share
class TestACombinedShare:
    WHOLE = "上半年,全省货物贸易进出口10000.0亿元,增长5.0%。\n\n"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_list_and_its_combined_share(self, check_text, script):
        text = (
            self.WHOLE
            + "分地市看,甲市、乙市进出口值分别达2400.0亿元和1600.0亿元,合计占同期全省进出口总值的40.0%。"
        )
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        assert ("consistent", None) in shares(check_text(text))

    def test_the_three_above(self, check_text):
        text = self.WHOLE + (
            "对东盟进出口2000.0亿元,增长13.4%;对美国进出口1500.0亿元,增长15.2%;"
            "对欧盟进出口1000.0亿元,下降3.4%。上述三者合计占同期全省进出口总值的{s}%。"
        )
        assert ("consistent", None) in shares(check_text(text.format(s="45.0")))
        assert ("inconsistent", "error") in shares(check_text(text.format(s="35.0")))

    def test_trap_a_count_that_does_not_match_the_list(self, check_text):
        text = (
            self.WHOLE
            + "甲市、乙市、丙市进出口值分别达2400.0亿元、1600.0亿元和900.0亿元,两者合计占同期全省进出口总值的49.0%。"
        )
        assert shares(check_text(text)) == []


# ------------------------------------------------------------------ one area in two units
@pytest.mark.parametrize(
    "text",
    [
        "全年农作物总播种面积48.50万公顷({mu}万亩),比上年增加0.5万公顷。",
        "全年農作物總播種面積48.50萬公頃({mu}萬畝),比上年增加0.5萬公頃。",
    ],
)
def test_an_area_restated_in_another_unit(check_text, text):
    # 1 公顷 = 15 亩: 48.50万公顷 is 727.5万亩
    assert verdicts(check_text(text.format(mu="727.5")), "agreement") == [("consistent", None)]
    found = verdicts(check_text(text.format(mu="737.5")), "agreement")
    assert found == [("inconsistent", "error")]


def test_a_part_in_brackets_is_no_restatement(check_text):
    text = "全年农作物总播种面积48.50万公顷(其中水田12.3万亩)。"
    assert verdicts(check_text(text), "agreement") == []


# ------------------------------------------------------------------ a rate against a forecast
@pytest.mark.parametrize(
    "text",
    [
        "今年第3季GDP成長率達6.85%,大幅高於8月預測的3.12%,上修{d}個百分點。",
        "今年第3季GDP增长率达6.85%,大幅高于8月预测的3.12%,上调{d}个百分点。",
    ],
)
def test_a_rate_revised_up_from_a_forecast(check_text, text):
    assert verdicts(check_text(text.format(d="3.73")), "difference") == [("consistent", None)]
    found = verdicts(check_text(text.format(d="4.73")), "difference")
    assert found == [("inconsistent", "error")]


def test_points_of_another_clause_are_not_the_gap(check_text):
    text = "今年第3季GDP增长率达6.85%,大幅高于8月预测的3.12%,出口占比提高4.73个百分点。"
    assert verdicts(check_text(text), "difference") == []


# ------------------------------------------------------------------ a cumulative count
@pytest.mark.parametrize(
    "text",
    [
        "2024年,全国共批准上市创新医疗器械产品{n}个。截至2024年底,累计获批上市的创新医疗器械产品达到310个。",
        "2024年,全國共批准上市創新醫療器械產品{n}個。截至2024年底,累計獲批上市的創新醫療器械產品達到310個。",
    ],
)
def test_a_cumulative_count_holds_the_years(check_text, text):
    assert verdicts(check_text(text.format(n="65")), "part_whole") == [("consistent", None)]
    assert verdicts(check_text(text.format(n="365")), "part_whole") == [("inconsistent", "error")]


def test_a_cumulative_count_of_something_else(check_text):
    text = (
        "2024年,全国共批准上市创新医疗器械产品365个。截至2024年底,累计获批上市的创新药达到310个。"
    )
    assert verdicts(check_text(text), "part_whole") == []


# ------------------------------------------------------------------ a count whose noun follows it
@pytest.mark.parametrize(
    "text",
    [
        "审评中心共将8批240件注册申请纳入优先审评程序(中药注册申请4件、化药注册申请200件、"
        "生物制品注册申请36件)。其中,具有明显临床价值的新药{noun}共96件,占{s}%。",
        "審評中心共將8批240件註冊申請納入優先審評程序(中藥註冊申請4件、化藥註冊申請200件、"
        "生物製品註冊申請36件)。其中,具有明顯臨床價值的新藥{noun}共96件,占{s}%。",
    ],
)
def test_the_whole_is_the_count_its_noun_follows(check_text, text):
    noun = "註冊申請" if "審評" in text else "注册申请"
    assert shares(check_text(text.format(noun=noun, s="40"))) == [("consistent", None)]
    assert shares(check_text(text.format(noun=noun, s="46"))) == [("inconsistent", "error")]
    # a part of another noun finds no whole here
    assert shares(check_text(text.format(noun="上市许可", s="46"))) == []


# ------------------------------------------------------------------ shares in a stated order
@pytest.mark.parametrize("script", ["s", "t"])
def test_shares_in_a_stated_order(check_text, script):
    text = "今年全市药品销售中,前三位分别是甲类药、乙类药和丙类药,占比分别为21.30%、18.40%、{c}%。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(c="15.10")), "ranking") == [("consistent", None)]
    wrong = check_text(text.format(c="19.10"))  # 19.10 is not third after 18.40
    assert verdicts(wrong, "ranking") == [("inconsistent", "error")]


def test_trap_the_rates_of_ranked_amounts_are_in_no_order(check_text):
    text = (
        "前四大市场分别是甲国、乙国、丙国和丁国,出口分别为1.2万亿元、1.1万亿元、0.9万亿元和"
        "0.5万亿元,分别增长8.1%、12.5%、3.2%和9.9%。"
    )
    assert verdicts(check_text(text), "ranking") == [("consistent", None)]


# ------------------------------------------------------------------ a year's rate and its quarters'
def _between(claims):
    return [
        (c.verdict, c.severity)
        for c in claims
        if c.type == "ranking" and c.facts.get("shape") == "between"
    ]


@pytest.mark.parametrize("script", ["s", "t"])
def test_a_years_rate_lies_between_its_quarters(check_text, script):
    text = (
        "2024年全市商品销售总额为1200.00亿元,同比增长{g}%;分季度来看,Q1-Q4销售额"
        "分别为280.00亿、300.00亿、310.00亿、310.00亿元,同比分别增长{kind}8.00%、9.50%、"
        "11.00%、11.50%。"
    )
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert _between(check_text(text.format(g="10.00", kind=""))) == [("consistent", None)]
    # 13.00% lies above every quarter's rate: no weighting of them reaches it
    assert _between(check_text(text.format(g="13.00", kind=""))) == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_falling_years_rate_between_its_quarters(check_text, script):
    text = (
        "2024年全省全年汽车出口量为152.0万辆,同比下降{g}%;分季度看,Q1-Q4出口量分别为36.0万、"
        "40.0万、38.0万、38.0万辆,同比分别增长3.0%、1.5%、-1.0%、-2.5%。"
    )
    convert = IN_SCRIPT[script]
    assert _between(check_text(convert(text.format(g="0.5")))) == [("consistent", None)]
    # a fall of 3.0% lies below every quarter's rate, the lowest being a fall of 2.5%
    assert _between(check_text(convert(text.format(g="3.0")))) == [("inconsistent", "error")]


def test_trap_quarters_rates_on_another_base(check_text):
    text = (
        "2024年全市销售总额为1200.00亿元,同比增长13.00%;分季度来看,Q1-Q4销售额分别为280.00亿、"
        "300.00亿、310.00亿、310.00亿元,环比分别增长8.00%、9.50%、11.00%、11.50%。"
    )
    claims = check_text(text)
    assert _between(claims) == []
    assert verdicts(claims, "growth") == []  # nor is the year's 同比 rebuilt from 环比 rates


# ------------------------------------------------------------------ the whole of an enumerated list
@pytest.mark.parametrize("script", ["s", "t"])
def test_items_of_an_announced_list_share_the_whole_before_it(check_text, script):
    text = (
        "一、全行业概况\n2024年全行业营业收入1,250.0亿元,同比增长6.0%。\n"
        "二、主要产品情况如下:\n(1)甲产品:2024年营业收入500.0亿元,占比40.0%。\n"
        "(2)乙产品:2024年营业收入375.0亿元,占比{s}%。\n"
    )
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert shares(check_text(text.format(s="30.0"))) == [("consistent", None)] * 2
    assert shares(check_text(text.format(s="35.0"))) == [
        ("consistent", None),
        ("inconsistent", "error"),
    ]
    # no announcement: the whole two paragraphs back is out of reach
    unannounced = text.format(s="35.0").replace("如下:", "如下。").replace("如下:", "如下。")
    assert shares(check_text(unannounced)) == []


# ------------------------------------------------------------------ a qualified part of a total
@pytest.mark.parametrize("script", ["s", "t"])
def test_a_total_holds_what_its_name_qualified_names(check_text, script):
    text = "2024年全市财政总收入420.5亿元,同比增长8.1%。全市地方财政收入{p}亿元,增长7.2%。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(p="260.3")), "part_whole") == [("consistent", None)]
    wrong = check_text(text.format(p="460.3"))  # the local part above the total
    assert verdicts(wrong, "part_whole") == [("inconsistent", "error")]


@pytest.mark.parametrize(
    "text",
    [
        # a profit's parts may be losses: the net may exceed the pre-tax total
        "2024年公司利润总额50.2亿元。2024年公司归母净利润55.3亿元,同比增长4.0%。",
        # another year is another period
        "2024年全市财政总收入420.5亿元。2023年全市地方财政收入460.3亿元。",
        # an index is an average: a part's may stand above the whole's
        "2024年全市居民消费价格总指数为102.1,食品类居民消费价格指数为105.3。",
    ],
)
def test_trap_a_qualified_name_that_is_no_part(check_text, text):
    assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "part_whole")]


# ------------------------------------------------------------------ a change in points stated twice
def _agreements(claims):
    return verdicts(claims, "agreement")


@pytest.mark.parametrize("script", ["s", "t"])
def test_a_change_in_points_stated_again_by_its_ratios_name(check_text, script):
    text = (
        "- {when}毛利同比略有回落,拖累来自销售费用率同比提升{a}个百分点。\n"
        "- 2025年第三季度销售费用率为12.8%,同比上升2.5个百分点,管理费用率为3.2%,同比下降0.3个百分点。\n"
    )
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert _agreements(check_text(text.format(when="", a="2.5"))) == [("consistent", None)]
    # undated, the summary may be of another quarter: only a warning
    assert _agreements(check_text(text.format(when="", a="3.5"))) == [("inconsistent", "warning")]
    dated = text.format(when="2025年第三季度", a="3.5")
    assert _agreements(check_text(dated)) == [("inconsistent", "error")]


@pytest.mark.parametrize(
    "summary",
    [
        "研发费用率同比提升4.5个百分点",
        "销售费用率同比下降1.5个百分点",
    ],  # another ratio; the other way
)
def test_trap_another_ratios_change_or_another_direction(check_text, summary):
    text = (
        f"- 毛利同比略有回落,拖累来自{summary}。\n"
        "- 2025年第三季度销售费用率为12.8%,同比上升2.5个百分点。\n"
    )
    assert _agreements(check_text(text)) == []


# ------------------------------------------------------------------ a count is a whole number
@pytest.mark.parametrize("script", ["s", "t"])
def test_a_count_and_its_increase_are_whole_numbers(check_text, script):
    text = "2024年,全省共批准上市新产品{n}个,比上一年增加8个,增长10.7%。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(n="83")), "growth") == [("consistent", None)]
    # 8 / 90 = 8.9%: read as 97.5 to 98.5 things less 7.5 to 8.5, a rate nearer 10.7% seemed
    # to fit; no count of things is a fraction
    assert verdicts(check_text(text.format(n="98")), "growth") == [("inconsistent", "error")]


def test_trap_an_amount_keeps_its_rounding(check_text):
    # 0.6 / 7.0 = 8.6%, but 0.65 / (7.55 − 0.65) = 9.4%: printed to tenths, 8.8% fits
    text = "2024年,公司营业收入7.6亿元,比上年增加0.6亿元,增长8.8%。"
    assert verdicts(check_text(text), "growth") == [("consistent", None)]


# ------------------------------------------------------------------ vital rates
_VITAL = (
    "2024年,全省出生人口45.60万人,出生率为8.50‰,比上年下降0.25个千分点;死亡人口{d}万人,"
    "死亡率为7.49‰;人口自然增长率为{c}‰。"
)


@pytest.mark.parametrize("script", ["s", "t"])
def test_vital_rates_share_one_population_and_subtract(check_text, script):
    text = opencc.OpenCC("s2t").convert(_VITAL) if script == "t" else _VITAL
    claims = check_text(text.format(d="40.20", c="1.01"))
    assert _agreements(claims) == [("consistent", None)]  # 45.60/8.50 and 40.20/7.49: one
    assert verdicts(claims, "difference") == [("consistent", None)]  # 8.50 − 7.49 = 1.01
    wrong = check_text(text.format(d="40.20", c="1.51"))
    assert verdicts(wrong, "difference") == [("inconsistent", "error")]
    other = check_text(text.format(d="48.20", c="1.01"))  # 48.20 / 7.49 is another population
    assert _agreements(other) == [("inconsistent", "error")]


def test_trap_two_populations_rates_in_one_paragraph(check_text):
    text = (
        "2024年,城镇人口出生率为7.10‰,乡村人口出生率为9.80‰;全省出生人口45.60万人,"
        "死亡率为7.49‰,人口自然增长率为0.90‰。"
    )
    claims = check_text(text)
    assert _agreements(claims) == [] and verdicts(claims, "difference") == []


def test_points_of_a_per_mille_rate_count_nothing():
    _, found = table("出生率为8.50‰,比上年下降0.25个千分点。")
    assert [f.quantity.kind for f in found] == ["permille", "ppt"]


# ------------------------------------------------------------------ a rate against one 与…相比
@pytest.mark.parametrize("script", ["s", "t"])
def test_points_against_a_rate_inside_with_and_compared(check_text, script):
    text = "2024年1-5月全省出口520.00亿美元,同比增长{r}%,与前4个月4.10%的增速相比下降1.60个百分点。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(r="2.50")), "difference") == [("consistent", None)]
    wrong = check_text(text.format(r="3.00"))  # 4.10 − 3.00 is 1.10 points, not 1.60
    assert verdicts(wrong, "difference") == [("inconsistent", "error")]


def test_trap_a_rate_of_another_clause_is_no_comparison(check_text):
    text = "2024年1-5月全省出口520.00亿美元,同比增长3.00%,与此同时,进口增长4.10%,下降1.60个百分点。"
    assert verdicts(check_text(text), "difference") == []


def test_a_span_of_months_counts_nothing():
    _, found = table("前4个月出口增长4.10%,连续5个季度回升,共有12个城市。")
    assert [(f.quantity.kind, f.quantity.printed) for f in found] == [
        ("percent", "4.10"),
        ("count", "12"),
    ]


# ------------------------------------------------------------------ a table printed in text
_ROWS = (
    "上半年,全市商品销售额300.0亿元,同比增长{g}%。\n"
    "上半年分类别商品销售额及增幅\n"
    "| 类别 | 销售额(亿元) | 增幅(%) |\n"
    "| 甲类商品 | 60.00 | 10.0 |\n"
    "| 乙类商品 | {r} | 12.0 |\n"
    "| 丙类商品 | 20.00 | 5.0 |\n"
)


def _one_cell_per_line(text: str) -> str:
    """The same grid as extracted pages print it: one cell per line, each ending in a bar."""
    lines = []
    for line in text.splitlines():
        if line.startswith("|"):
            lines += [cell.strip() + " |" for cell in line.strip("| ").split("|")]
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("script", ["s", "t"])
@pytest.mark.parametrize("shape", ["rows", "cells"])
def test_a_grid_splits_the_whole_stated_before_it(check_text, script, shape):
    text = _ROWS if shape == "rows" else _one_cell_per_line(_ROWS)
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    # 60 + 220 + 20 = 300; last year 54.55 + 196.43 + 19.05 = 270.02, so 11.1%
    claims = check_text(text.format(g="11.1", r="220.00"))
    assert verdicts(claims, "sum") == [("consistent", None)]
    assert ("consistent", None) in verdicts(claims, "growth")
    wrong = check_text(text.format(g="13.1", r="220.00"))  # the rows' rates rebuild 11.1%
    assert ("inconsistent", "error") in verdicts(wrong, "growth")


def test_trap_a_grid_that_does_not_fill_the_whole_is_no_sum(check_text):
    # 60 + 120 + 20 = 200 of 300: other trades are left out, so no sum and no rebuilt rate
    claims = check_text(_ROWS.format(g="11.1", r="120.00"))
    assert verdicts(claims, "sum") == []
    assert "inconsistent" not in [v for v, _ in verdicts(claims, "growth")]


_PARTITION_ROWS = (
    "上半年,全市社会消费品零售总额500.0亿元,同比增长8.0%;其中限额以上单位零售额300.0亿元。\n"
    "上半年分地域限额以上单位零售额\n"
    "| 地域 | 限额以上零售额(亿元) | 增幅(%) |\n"
    "| 城镇 | {a} | 9.0 |\n"
    "| {b} | 60.00 | 6.0 |\n"
)


@pytest.mark.parametrize("script", ["s", "t"])
def test_rows_named_by_a_partition_split_the_whole_of_their_measure(check_text, script):
    text = _one_cell_per_line(_PARTITION_ROWS)
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    # 城镇 and 乡村 split 限额以上 retail sales (300.0), not all retail sales (500.0)
    assert verdicts(check_text(text.format(a="240.00", b="乡村")), "sum") == [("consistent", None)]
    # 200 + 60 = 260: rows a partition names are complete, so short of 300 is an error
    short = verdicts(check_text(text.format(a="200.00", b="乡村")), "sum")
    assert short == [("inconsistent", "error")]


def test_trap_rows_a_partition_does_not_name_are_an_open_list(check_text):
    text = _one_cell_per_line(_PARTITION_ROWS).format(a="200.00", b="甲类")
    assert verdicts(check_text(text), "sum") == []


def test_a_grid_reads_its_columns_units():
    from checks.facts.grids import grids

    by_text, found = table(_ROWS.format(g="11.1", r="220.00"))
    assert [f.quantity.unit for f in found][:5] == ["CNY", "%", "CNY", "%", "CNY"]
    sales = [f for f in found if f.label.text.endswith("销售额") and f.role == "level"]
    assert [round(f.quantity.value / 1e8, 2) for f in sales] == [300.0, 60.0, 220.0, 20.0]
    assert found[sales[1].rate].quantity.printed == "10.0"  # a row's rate is its level's
    # a run of bars with names in every cell is no grid
    doc = found.doc
    assert len(grids(doc)) == 1
    _, plain = table("| 分享 | 列印 | 回到页首 |\n| 首页 | 产经 | 统计 |\n")
    assert not grids(plain.doc)


def test_a_table_of_a_web_page_is_a_grid(tmp_path):
    from checks.pipeline import run

    rows = "".join(
        f"<tr><td>{name}</td><td>{value}</td><td>{rate}</td></tr>"
        for name, value, rate in (("甲类商品", "60.00", "10.0"), ("乙类商品", "220.00", "12.0"))
    )
    page = (
        "<html><head><meta charset='utf-8'><title>销售</title></head><body><article>"
        "<h1>上半年商品销售</h1><p>上半年,全市商品销售额{total}亿元,同比增长10.8%。全市商品销售"
        "保持平稳增长,各类别商品均实现增长,其中乙类商品增长较快,拉动作用明显。</p><table>"
        "<tr><td>类别</td><td>销售额(亿元)</td><td>增幅(%)</td></tr>" + rows + "</table>"
        "<p>(资料来源:统计局)</p></article></body></html>"
    )
    # 60 + 220 = 280; last year 54.55 + 196.43 = 250.97, so 11.6%, not 10.8%
    path = tmp_path / "page.html"
    path.write_text(page.format(total="280.0"), encoding="utf-8")
    claims = run([str(path)]).claims
    assert verdicts(claims, "sum") == [("consistent", None)]
    assert verdicts(claims, "growth") == [("inconsistent", "error")]


# ------------------------------------------------------------------ one loose reading at a time
_ONE_LOOSE_READING = [
    # every figure ends in a zero (a figure printed to its units digit beside them would keep
    # them as printed): 230 / 195 (200 rounded to tens) reaches 18.0%; 19.5% needs 230 read as
    # up to 235 as well
    (
        "growth",
        "公司营业收入从2023年的200亿元增长到2024年的230亿元,同比增长{}%。",
        "15.0",
        "18.0",
        "19.5",
    ),
    # 30 / 195 (200 rounded to tens) reaches 15.6%; 15.8% needs 30 truncated as well
    (
        "share",
        "全年公司营业收入200亿元。其中海外业务收入30亿元,占营业收入的{}%。",
        "15.0",
        "15.6",
        "15.8",
    ),
    # 230 − 195 (200 rounded to tens) is 35; 39.5 needs 230 read as up to 235 as well (the
    # balance in a sentence of its own: printed to 0.1 beside them, it would keep them printed)
    ("balance", "2024年,全省出口230亿元,进口200亿元。全年贸易顺差{}亿元。", "30.0", "35.0", "39.5"),
]


@pytest.mark.parametrize("script", ["s", "t"])
@pytest.mark.parametrize(
    ("claim_type", "text", "fits", "one_loose", "two_loose"), _ONE_LOOSE_READING
)
def test_one_loose_reading_at_a_time(
    check_text, script, claim_type, text, fits, one_loose, two_loose
):
    """A figure that fits only with one loose reading is a warning; one that needs two loose
    readings at once fits no honest reading and is an error."""
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(fits)), claim_type) == [("consistent", None)]
    assert verdicts(check_text(text.format(one_loose)), claim_type) == [("inconsistent", "warning")]
    assert verdicts(check_text(text.format(two_loose)), claim_type) == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["s", "t"])
def test_parts_take_one_loose_reading_at_a_time(check_text, script):
    # the whole in a sentence of its own: parts printed to their units digit beside it would
    # keep 200 as printed
    text = "全年营业收入200亿元。其中甲业务收入{a}亿元,乙业务收入{b}亿元。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)

    def together(claims):
        return [
            (c.verdict, c.severity)
            for c in claims
            if c.type == "part_whole" and "part2" in c.inputs
        ]

    # 203 fits only if 200 was rounded to tens (up to 205): one loose reading, a warning
    assert together(check_text(text.format(a="103", b="100"))) == [("inconsistent", "warning")]
    # 210 needs 110 rounded to tens (from 105) as well: two at once, an error
    assert together(check_text(text.format(a="110", b="100"))) == [("inconsistent", "error")]


# ------------------------------------------------------------------ one count of shares
_PROFITS_AND_EPS = (
    "盈利预测\n"
    "- 预计25-27年{name}分别为12.60亿元、14.40亿元、{c}亿元,增长率分别为8.0%、14.3%、17.4%。\n"
    "- 预计25-27年EPS分别为1.05元、1.20元、1.41元。\n"
)


@pytest.mark.parametrize("script", ["s", "t"])
def test_profits_over_their_eps_count_one_number_of_shares(check_text, script):
    text = _PROFITS_AND_EPS.format(name="归母净利润", c="16.90")  # 12亿股 each year
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert _agreements(check_text(text)) == [("consistent", None)]
    # 19.90 / 1.41 is 14.1亿 shares against 12亿: perhaps an issue to come, so a warning
    wrong = text.replace("16.90", "19.90")
    assert _agreements(check_text(wrong)) == [("inconsistent", "warning")]


def test_trap_a_profit_that_is_not_the_owners_divides_nothing(check_text):
    # 净利润 may hold minority interests: EPS divides the owners' profit only
    assert _agreements(check_text(_PROFITS_AND_EPS.format(name="净利润", c="19.90"))) == []


# ------------------------------------------------------------------ an unnamed whole stated after
_WHOLE_AFTER = (
    "抽样调查显示,全省80岁及以上人口为{p}万人,占4.20%。\n"
    "按照调查结果,全省{scope}人口为8250万人,比上次调查增加120万人。\n"
)


@pytest.mark.parametrize("script", ["s", "t"])
def test_an_unnamed_share_takes_the_bare_whole_stated_after(check_text, script):
    text = opencc.OpenCC("s2t").convert(_WHOLE_AFTER) if script == "t" else _WHOLE_AFTER
    assert shares(check_text(text.format(p="346.5", scope=""))) == [("consistent", None)]
    assert shares(check_text(text.format(p="346.5", scope="常住的"))) == [("consistent", None)]
    # 396.5 / 8250 = 4.81%: the whole is a guess of scope, so only a warning
    wrong = check_text(text.format(p="396.5", scope=""))
    assert shares(wrong) == [("inconsistent", "warning")]


@pytest.mark.parametrize("scope", ["城镇", "户籍"])
def test_trap_a_qualified_population_after_is_no_bare_whole(check_text, scope):
    text = _WHOLE_AFTER.format(p="396.5", scope=scope)
    assert shares(check_text(text)) == []


# ------------------------------------------------------------------ a band of digits
_BANDS = (
    "2024年前5个月,全省对甲国、乙国贸易保持两位数增长。前5个月,全省对甲国进出口820.5亿元,"
    "增长12.4%;对乙国进出口560.2亿元,增长{b}%;对丙国进出口410.8亿元,下降3.2%。\n"
    "全年出口增长{c}%,连续三年保持两位数增长。\n"
)


@pytest.mark.parametrize("script", ["s", "t"])
def test_rates_lie_in_the_band_of_digits_stated(check_text, script):
    text = opencc.OpenCC("s2t").convert(_BANDS) if script == "t" else _BANDS
    found = verdicts(check_text(text.format(b="10.6", c="11.3")), "direction")
    assert found == [("consistent", None)] * 2
    # 8.6% is one digit before the point: no two-digit growth
    found = verdicts(check_text(text.format(b="8.6", c="11.3")), "direction")
    assert sorted(found) == [("consistent", None), ("inconsistent", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "全年出口增长9.6%,接近两位数增长。",  # beside the band, not in it
        "全年出口下降12.6%,连续三年保持两位数增长。",  # a fall: the band is of something else
        "全省对甲国、丁国贸易保持两位数增长。对甲国进出口820.5亿元,增长12.4%。",  # 丁国's rate unsaid
        "全省共有两位数的企业。",  # no rate
    ],
)
def test_trap_no_band_claim(check_text, text):
    assert verdicts(check_text(text), "direction") == []


# ------------------------------------------------------------------ shares of one whole, clause by clause
_ONE_WHOLE = "2024年该省器械出口总值50亿美元,其中出口到甲国最多,占整体{a}%,其次是乙国占21.5%,丙国排第三,占整体12.3%。"
_ONE_WHOLE_LEVELS = (
    "2024年政府拨款收入820.40亿元,占905.60亿总收入的90.6%,同比下降0.2个百分点。"
    "2024年诊疗费用收入{b}亿元,占比6.4%,同比上升0.1个百分点。"
)


@pytest.mark.parametrize("script", ["s", "t"])
def test_shares_of_one_whole_stated_clause_by_clause(check_text, script):
    convert = opencc.OpenCC("s2t").convert if script == "t" else str
    assert verdicts(check_text(convert(_ONE_WHOLE.format(a="35.2"))), "part_whole") == [
        ("consistent", None)
    ]
    # 75.2 + 21.5 + 12.3 = 109%: more than the whole, unless two of them overlap
    wrong = check_text(convert(_ONE_WHOLE.format(a="75.2")))
    assert ("inconsistent", "warning") in verdicts(wrong, "part_whole")
    levels = check_text(convert(_ONE_WHOLE_LEVELS.format(b="58.10")))
    assert verdicts(levels, "part_whole") == [("consistent", None)]
    more = check_text(convert(_ONE_WHOLE_LEVELS.format(b="98.10")))  # 820.40 + 98.10 > 905.60
    assert ("inconsistent", "warning") in verdicts(more, "part_whole")


@pytest.mark.parametrize(
    "text",
    [
        # nested: 乙 is inside 甲
        "出口到甲类市场占整体75.2%,其中乙国占整体41.5%。",
        # ratios to a whole, no shares of it
        "出生人数84500人,与整体人口增长的比率为140%。死亡人数39600人,与整体人口增长的比率为66%。",
        # one whole's shares of two years
        "2023年甲市出口占全省出口的60.0%。2024年乙市出口占全省出口的50.0%。",
        # each product's own share, at two times
        "例如,1.5T甲设备国产占比从51%增至63%,3T甲设备国产占比从25%增至37%,"
        "64排以下乙设备国产占比从52%增至70%,丙设备国产占比从0增至38%。",
        # a later sentence's share of the same subject is of another measure
        "甲产品进出口占该类外贸60%的份额。仅就出口而言,甲产品出口额在该类出口总额中占比达到70%。",
    ],
)
def test_trap_shares_that_need_not_add_up(check_text, text):
    assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "part_whole")]


# ------------------------------------------------------------------ from a month's value
_FROM_A_MONTH = "2025年6月,对该国出口量从5月的52吨增至118吨,{kind}增长{r}%。"


@pytest.mark.parametrize("script", ["s", "t"])
def test_from_a_months_value_to_the_next(check_text, script):
    text = opencc.OpenCC("s2t").convert(_FROM_A_MONTH) if script == "t" else _FROM_A_MONTH
    growth = verdicts(check_text(text.format(kind="环比", r="126.9")), "growth")
    assert growth == [("consistent", None)]  # 118 / 52 − 1 = 126.9%
    growth = verdicts(check_text(text.format(kind="环比", r="150.0")), "growth")
    assert growth == [("inconsistent", "error")]


def test_trap_a_year_on_year_rate_between_two_months_is_only_a_warning(check_text):
    # the rate says 同比, the values are a month apart: one of the two is of another base
    growth = verdicts(check_text(_FROM_A_MONTH.format(kind="同比", r="150.0")), "growth")
    assert growth == [("inconsistent", "warning")]


# ------------------------------------------------------------------ compound rates, other word orders
@pytest.mark.parametrize(
    "text",
    [
        # the earlier value after the later one: 较Y年的A年均增长r
        "2024年全省出口额520.0亿元,较2019年的400.0亿元年均增长{r}%。",
        # the end year is the year the sentence forecasts to
        "预计到2030年,市场规模将从2024年的520.0亿元增至{end}亿元,CAGR为7.0%。",
        # 五年年均增长: the count of years between the value and the rate
        "全省出口额2019年为400.0亿元,2024年达到520.0亿元,五年年均增长{r}%。",
    ],
    ids=["earlier_after_later", "forecast_year", "years_counted"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_compound_rates_in_other_word_orders(check_text, text, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    good = check_text(text.format(r="5.4", end="780.0"))  # (520/400)^(1/5) − 1 = 5.4%
    assert verdicts(good, "cagr") == [("consistent", None)]
    bad = check_text(text.format(r="6.4", end="880.0"))
    assert verdicts(bad, "cagr") == [("inconsistent", "error")]


def test_trap_an_average_rate_is_no_growth_between_its_ends(check_text):
    # 5.4% a year is no 5.4% growth from 400 to 520: read as one, it was a false error
    text = "2024年全省出口额520.0亿元,较2019年的400.0亿元年均增长5.4%。"
    assert verdicts(check_text(text), "growth") == []


# ------------------------------------------------------------------ the bare measure in the same sentence
@pytest.mark.parametrize(
    "share", ["所占比重为{s}%", "比重为{s}%", "占比{s}%"], ids=["suo", "bizhong", "zhanbi"]
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_the_bare_measure_before_a_qualified_part_is_its_whole(check_text, share, script):
    text = "2024年全省出口额520.0亿元,机电产品出口312.0亿元," + share + "。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert shares(check_text(text.format(s="60.0"))) == [("consistent", None)]
    assert shares(check_text(text.format(s="66.0"))) == [("inconsistent", "error")]


def test_trap_two_qualified_items_of_one_list(check_text):
    text = "2024年全省对甲国出口312.0亿元,对乙国出口208.0亿元,占比40.0%。"
    assert shares(check_text(text)) == []


# ------------------------------------------------------------------ last year's value named by its year alone
@pytest.mark.parametrize(
    "text",
    [
        "2024年全省出口额为520.0亿元(上年为480.0亿元),同比增长{r}%。",
        "2024年全省出口额520.0亿元,同比上升{r}%;2023年为480.0亿元。",
        "全省出口额2024年为520.0亿元,2023年为480.0亿元,同比增长{r}%。",
        # the later year last: its clause names only its year, so it is of the measure before
        "全省出口额2023年为480.0亿元,2024年为520.0亿元,同比增长{r}%。",
    ],
    ids=["bracketed", "next_clause", "years_first", "later_year_last"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_last_years_value_named_by_its_year_alone(check_text, text, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(r="8.3")), "growth") == [("consistent", None)]
    assert verdicts(check_text(text.format(r="9.3")), "growth") == [("inconsistent", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "2024年全省出口额520.0亿元,同比上升9.3%;2022年为480.0亿元。",  # two years back
    ],
)
def test_trap_a_value_of_no_year_before_is_no_earlier_value(check_text, text):
    assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "growth")]


# ------------------------------------------------------------------ a total after its parts
@pytest.mark.parametrize(
    "text",
    [
        "2024年全省出口520.0亿元,进口{m}亿元,进出口总值900.0亿元。",
        "2024年全省出口、进口分别为520.0亿元和{m}亿元,进出口总额900.0亿元。",
    ],
    ids=["one_by_one", "named_list"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_a_total_stated_right_after_its_parts(check_text, text, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(m="380.0")), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(m="330.0")), "sum") == [("inconsistent", "error")]


def test_trap_a_figure_after_the_parts_naming_no_total(check_text):
    text = "2024年全省出口520.0亿元,进口330.0亿元,一般贸易900.0亿元。"
    assert verdicts(check_text(text), "sum") == []


@pytest.mark.parametrize("script", ["s", "t"])
def test_trap_a_balance_before_its_exports_and_imports_is_no_total(check_text, script):
    text = "2024年全省顺差140.0亿元,其中出口520.0亿元,进口380.0亿元。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    claims = check_text(text)
    assert verdicts(claims, "sum") == []
    assert verdicts(claims, "balance") == [("consistent", None)]


# ------------------------------------------------------------------ points from the period before, stated after
@pytest.mark.parametrize(
    "text",
    [
        "2024年全省出口增长8.3%,增速比上年提高{d}个百分点,上年增长6.2%。",
        "2024年机电产品出口占比60.0%,比上年提高{d}个百分点,上年占比为57.9%。",
        "2024年末全省城镇化率为62.5%,比上年末提高{d}个百分点。2023年末城镇化率为60.4%。",
        "2024年公司毛利率为32.5%,同比下降{n}pct(上年同期为34.6%)。",
    ],
    ids=["rate", "share", "next_sentence", "pct_in_brackets"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_points_from_the_period_before_stated_after(check_text, text, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(d="2.1", n="2.1")), "difference") == [
        ("consistent", None)
    ]
    wrong = check_text(text.format(d="3.1", n="3.1"))
    assert verdicts(wrong, "difference") == [("inconsistent", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "2024年全省出口增长8.3%,增速比上年提高3.1个百分点,上年进口增长6.2%。",  # another measure
        "2024年全省出口增长8.3%,增速比上年提高3.1个百分点,2022年增长6.2%。",  # two years back
    ],
)
def test_trap_a_figure_after_of_another_measure_or_year(check_text, text):
    assert verdicts(check_text(text), "difference") == []


@pytest.mark.parametrize(
    "text",
    [
        "2024年全省出口增长8.3%,高于全国平均水平{d}个百分点。全国出口增长6.2%。",
        "2024年全省出口增长8.3%,比全国高{d}个百分点;全国增长6.2%。",
    ],
    ids=["named_after", "scope_alone"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_points_above_the_wider_territory(check_text, text, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(d="2.1")), "difference") == [("consistent", None)]
    wrong = check_text(text.format(d="1.1"))
    assert verdicts(wrong, "difference") == [("inconsistent", "error")]


def test_trap_the_wider_territorys_rate_of_another_measure(check_text):
    text = "2024年全省出口增长8.3%,高于全国平均水平1.1个百分点。全国进口增长6.2%。"
    assert verdicts(check_text(text), "difference") == []


# ------------------------------------------------------------------ a multiple, last year's value after it
@pytest.mark.parametrize("script", ["s", "t"])
def test_a_rise_in_multiples_against_last_years_value_after_it(check_text, script):
    text = "2024年全省出口额500.0亿元,比上年增长{n}倍,上年为200.0亿元。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(n="1.5")), "growth") == [("consistent", None)]
    assert verdicts(check_text(text.format(n="4.5")), "growth") == [("inconsistent", "error")]
    # 增长2.5倍 may be meant as 2.5 times the value: only a warning
    assert verdicts(check_text(text.format(n="2.5")), "growth") == [("inconsistent", "warning")]


# ------------------------------------------------------------------ imports from a partner
@pytest.mark.parametrize("word", ["自", "从"])
@pytest.mark.parametrize("script", ["s", "t"])
def test_imports_from_a_partner_meet_exports_to_it(check_text, word, script):
    text = "1-6月,全省对甲国出口120.0亿元," + word + "甲国进口80.0亿元,对甲国贸易顺差{b}亿元。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(b="40.0")), "balance") == [("consistent", None)]
    assert verdicts(check_text(text.format(b="30.0")), "balance") == [("inconsistent", "error")]


def test_trap_imports_from_another_partner(check_text):
    text = "1-6月,全省对甲国出口120.0亿元,自乙国进口80.0亿元,对甲国贸易顺差30.0亿元。"
    assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "balance")]


# ------------------------------------------------------------------ four quarters of the year named
@pytest.mark.parametrize("script", ["s", "t"])
def test_four_quarters_make_the_year_the_sentence_names(check_text, script):
    text = "2024年公司营业收入100.0亿元,Q1-Q4分别为20.0亿元、25.0亿元、{q}亿元、29.0亿元。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(q="26.0")), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(q="36.0")), "sum") == [("inconsistent", "error")]


def test_trap_quarters_of_another_measure(check_text):
    text = "2024年公司营业收入100.0亿元,净利润Q1-Q4分别为2.0亿元、2.5亿元、2.6亿元、2.9亿元。"
    assert verdicts(check_text(text), "sum") == []


# ------------------------------------------------------------------ an undated headline's rate
@pytest.mark.parametrize("script", ["s", "t"])
def test_an_undated_headline_restates_the_bodys_rate(check_text, script):
    text = "全省出口增长{h}%\n2024年,全省出口额520.0亿元,同比增长8.3%。\n"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert _agreements(check_text(text.format(h="8.3"))) == [("consistent", None)]
    # undated, the headline may be of another period: only a warning
    assert _agreements(check_text(text.format(h="9.3"))) == [("inconsistent", "warning")]


def test_trap_an_undated_rate_with_two_dated_candidates(check_text):
    text = (
        "全省出口增长9.3%\n2024年,全省出口额520.0亿元,同比增长8.3%。"
        "2023年,全省出口额480.0亿元,同比增长6.1%。\n"
    )
    assert _agreements(check_text(text)) == []


# ------------------------------------------------------------------ a subset named by its qualifier
@pytest.mark.parametrize("script", ["s", "t"])
def test_above_the_designated_size_is_part_of_the_measure(check_text, script):
    text = "2024年全省工业增加值1100.0亿元,增长6.0%;全省规模以上工业增加值{p}亿元,增长7.1%。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(p="980.0")), "part_whole") == [("consistent", None)]
    assert verdicts(check_text(text.format(p="1180.0")), "part_whole") == [
        ("inconsistent", "error")
    ]


@pytest.mark.parametrize("script", ["s", "t"])
def test_a_subset_whose_qualifier_an_aside_cuts_from_its_measure(check_text, script):
    # the bracket defines 规模以上 and holds a figure of its own: the label reads past it
    text = (
        "2024年全省工业增加值1100.0亿元,增长6.0%。规模以上(年主营业务收入在2000万元及以上的"
        "工业企业)工业增加值{p}亿元。"
    )
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(p="980.0")), "part_whole") == [("consistent", None)]
    planted = verdicts(check_text(text.format(p="1180.0")), "part_whole")
    assert planted == [("inconsistent", "error")]


def test_trap_a_figure_in_its_own_brackets_is_no_aside():
    text = "总出口货值为60.0亿元,其中转口(51.0亿元)及本地产品出口(9.0亿元)分别增加8.0%和3.0%。"
    labels = [f.label.text for f in table(text)[1] if f.role == "level"]
    assert labels[1:] == ["转口", "本地产品出口"]  # not 转口及本地产品出口


def test_trap_a_subset_of_another_year(check_text):
    text = "2024年全省工业增加值1100.0亿元。2025年全省规模以上工业增加值1180.0亿元。"
    assert verdicts(check_text(text), "part_whole") == []


@pytest.mark.parametrize("script", ["s", "t"])
def test_trap_the_nations_rate_is_no_restatement_of_the_provinces(check_text, script):
    # 全省出口 and 全国出口 name one measure over two territories
    text = "2024年全省出口额520.0亿元,同比增长8.3%,比全国平均水平高{d}个百分点。全国出口增长5.0%。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    claims = check_text(text.format(d="3.3"))
    assert _agreements(claims) == []
    assert verdicts(claims, "difference") == [("consistent", None)]  # the rate from its level
    wrong = check_text(text.format(d="4.3"))
    assert verdicts(wrong, "difference") == [("inconsistent", "error")]


# ------------------------------------------------------------------ Hong Kong, Macao and Taiwan phrasing
@pytest.mark.parametrize(
    "text",
    [
        # an official (民国) year before the earlier value: 较111年的
        "112年產值1兆8,000億元,較111年的1兆9,800億元年減{r}%。",
        # 澳门元 after the figure; last year's value in the next clause
        "澳門上半年博彩毛收入為1,130億澳門元,按年上升{u}%;去年同期為911億澳門元。",
    ],
    ids=["roc_year", "patacas"],
)
def test_growth_in_traditional_releases(check_text, text):
    assert verdicts(check_text(text.format(r="9.1", u="24.0")), "growth") == [("consistent", None)]
    wrong = check_text(text.format(r="6.4", u="29.0"))
    assert verdicts(wrong, "growth") == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["s", "t"])
def test_a_share_of_the_whole_is_of_the_total_before_its_where(check_text, script):
    text = "全年访港旅客4,500万人次,按年上升31.0%,其中内地旅客3,400万人次,占整体{s}%。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert shares(check_text(text.format(s="75.6"))) == [("consistent", None)]
    assert shares(check_text(text.format(s="70.6"))) == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["s", "t"])
def test_last_years_value_named_again_in_the_next_sentence(check_text, script):
    text = "今年首季,香港整体出口货值按年上升{r}%至10,500亿元。去年同期整体出口货值为9,333亿元。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(r="12.5")), "growth") == [("consistent", None)]
    assert verdicts(check_text(text.format(r="15.5")), "growth") == [("inconsistent", "error")]


def test_trap_last_years_value_of_another_measure_next(check_text):
    text = "今年首季,香港整体出口货值按年上升15.5%至10,500亿元。去年同期进口货值为9,333亿元。"
    assert verdicts(check_text(text), "growth") == []


@pytest.mark.parametrize(
    "text",
    [
        "全省卫生技术人员52.3万人,其中执业(助理)医师20.1万人,注册护士23.5万人,医护比为1:1.17。",
        "全省常住人口5000万人,其中男性2550万人,女性2450万人,性别比为104.1:100。",
    ],
    ids=["doctors_to_nurses", "sex_ratio"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_trap_a_ratio_of_two_measures_is_no_structure(check_text, text, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "sum")]


def test_a_ratio_of_shares_is_a_structure(check_text):
    text = "2024年全省三次产业之比为10.0:40.0:{c}。"
    assert verdicts(check_text(text.format(c="50.0")), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(c="55.0")), "sum") == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["s", "t"])
def test_kinds_of_one_counted_thing_named_before_respectively(check_text, script):
    text = "截至2024年底,全省医疗机构1200家,公立医疗机构和民营医疗机构分别为450家和{b}家。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(b="750")), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(b="650")), "sum") == [("inconsistent", "error")]


def test_trap_names_of_no_common_thing_before_respectively(check_text):
    text = "截至2024年底,全省医疗机构1200家,三甲医院和社区卫生站分别为450家和650家。"
    assert verdicts(check_text(text), "sum") == []


# ------------------------------------------------------------------ stretches that cover a period
@pytest.mark.parametrize(
    "text",
    [
        "前三季度全省出口额390.0亿元。其中,一季度120.0亿元,二季度130.0亿元,三季度{q}亿元。",
        "2024年上半年公司营业收入50.0亿元,其中一季度22.0亿元,二季度{v}亿元。",
    ],
    ids=["three_quarters", "half_year"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_stretches_covering_a_period_add_up_to_it(check_text, text, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    good = check_text(text.format(q="140.0", v="28.0"))
    assert verdicts(good, "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(q="150.0", v="18.0")), "sum") == [
        ("inconsistent", "error")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "前三季度全省出口额390.0亿元。其中,一季度120.0亿元,三季度150.0亿元。",  # a stretch missing
        "前三季度全省出口额390.0亿元。其中,一季度120.0亿元,二季度进口130.0亿元,三季度150.0亿元。",
        "前三季度全省出口额390.0亿元。一季度120.0亿元,二季度130.0亿元,预计三季度150.0亿元。",
    ],
    ids=["gap", "another_measure", "forecast"],
)
def test_trap_stretches_that_do_not_cover_the_period(check_text, text):
    assert verdicts(check_text(text), "sum") == []


@pytest.mark.parametrize("script", ["s", "t"])
def test_births_less_deaths_is_the_natural_increase(check_text, script):
    text = "2024年全省出生人口45.6万人,死亡人口40.2万人,人口自然增加{c}万人。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(c="5.4")), "difference") == [("consistent", None)]
    assert verdicts(check_text(text.format(c="6.4")), "difference") == [("inconsistent", "error")]


def test_trap_births_and_deaths_of_two_years(check_text):
    text = "2024年全省出生人口45.6万人。2023年死亡人口40.2万人,人口自然增加6.4万人。"
    assert verdicts(check_text(text), "difference") == []


@pytest.mark.parametrize("script", ["s", "t"])
def test_last_years_figure_of_the_name_stated_after(check_text, script):
    text = "2024年公司营收120.5亿元(+{r}%),归母净利润18.3亿元。2023年营收104.6亿元,归母净利润15.2亿元。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(r="15.2")), "growth") == [("consistent", None)]
    assert verdicts(check_text(text.format(r="17.2")), "growth") == [("inconsistent", "error")]


def test_trap_a_figure_after_of_two_years_before(check_text):
    text = "2024年公司营收120.5亿元(+17.2%)。2022年营收104.6亿元。"
    assert verdicts(check_text(text), "growth") == []


@pytest.mark.parametrize(
    "text",
    [
        # the span's years between the end value and its rate
        "2023年全球市场规模为4820.0亿美元,预计2030年将达到7011.8亿美元,2023-2030年复合增长率为{r}%。",
        # the start value in the next sentence, named shorter
        "2023年中国医疗器械市场规模为10358亿元,同比增长8.9%,2019-2023年复合增长率为{s}%。"
        "2019年市场规模为6336亿元。",
    ],
    ids=["span_after_values", "start_elsewhere"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_compound_rates_with_their_span_named(check_text, text, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    good = check_text(text.format(r="5.5", s="13.1"))
    assert verdicts(good, "cagr") == [("consistent", None)]
    assert verdicts(check_text(text.format(r="6.5", s="11.1")), "cagr") == [
        ("inconsistent", "error")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "2023年全球市场规模为4820.0亿美元,预计2030年将达到7011.8亿美元,2020-2030年复合增长率为6.5%。",
        "2023年中国医疗器械市场规模为10358亿元,2019-2023年复合增长率为11.1%。2019年出口额为6336亿元。",
    ],
    ids=["another_span", "another_measure"],
)
def test_trap_a_span_or_start_of_something_else(check_text, text):
    assert verdicts(check_text(text), "cagr") == []


@pytest.mark.parametrize("script", ["s", "t"])
def test_shares_ending_in_the_rest_make_the_whole(check_text, script):
    text = (
        "2023年该市场规模达1200亿元,其中甲类占比38%,同比提高2个百分点,乙类占比15%,丙类占比20%,"
        "其他占比{r}%。"
    )
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(r="27")), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(r="37")), "sum") == [("inconsistent", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "2023年该市场规模达1200亿元,其中甲类占比38%,乙类占比15%,丙类占比20%。",  # no rest
        "2023年该市场甲类占比38%,乙类占比15%,其他地区占比10%。",  # a rest of another dimension
    ],
    ids=["no_rest", "rest_of_regions"],
)
def test_trap_shares_with_no_rest_need_not_make_the_whole(check_text, text):
    assert verdicts(check_text(text), "sum") == []


# ------------------------------------------------------------------ traps found by composed variants
@pytest.mark.parametrize(
    "text",
    [
        "2024年全省进口增长5.0%,出口保持两位数增长。",  # the rate before is another measure's
        "2024年全省出口增长8.0%,力争明年实现两位数增长。",  # a target for next year
        "2024年全省进口增长5.0%,实现两位数增长的是出口。",  # the band names what it is of after it
    ],
    ids=["another_measure", "a_target", "named_after"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_trap_a_band_of_digits_of_something_else(check_text, text, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text), "direction") == []


@pytest.mark.parametrize("script", ["s", "t"])
def test_trap_a_share_of_the_nations_figure(check_text, script):
    # 占全国机电产品出口的6.0% is of the nation's exports, not the province's 520亿元
    text = "2024年全省出口额520.0亿元,机电产品出口312.0亿元,占全国机电产品出口的6.0%。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert shares(check_text(text)) == []


def test_trap_the_whole_of_two_sentences(check_text):
    # 占整体 names whatever its sentence is about: two sentences, two wholes
    text = "出口到甲国占整体31.6%,其次是乙国占19.2%。丙类产品占整体14.5%,丁类产品占整体75.0%。"
    assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "part_whole")]


def test_trap_a_compound_product_is_no_average_rate():
    # 复合肥 is a fertiliser: its rate is a level's growth, not a compound annual rate
    _, found = table("2024年全省复合肥产量增长5.0%,化肥总产量增长3.0%。")
    assert [f.role for f in found] == ["rate", "rate"]


@pytest.mark.parametrize("script", ["s", "t"])
def test_an_item_placed_first_in_a_run_with_no_whole(check_text, script):
    text = "从市场看,对甲国出口{a}亿元,居首位;对乙国出口95.0亿元;对丙国出口80.0亿元。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(a="120.0")), "ranking") == [("consistent", None)]
    assert verdicts(check_text(text.format(a="90.0")), "ranking") == [("inconsistent", "error")]


@pytest.mark.parametrize("whole", ["", "全年全省出口额520.0亿元。"], ids=["no_whole", "whole"])
def test_trap_the_largest_partner_may_be_so_by_another_measure(check_text, whole):
    text = (
        whole
        + "从市场看,对甲国出口120.0亿元,是最大的贸易伙伴;对乙国出口150.0亿元;对丙国出口80.0亿元。"
    )
    assert verdicts(check_text(text), "ranking") == []


# ------------------------------------------------------------------ a gap to the nation stated twice
_GAPS = (
    "2024年上半年,全省货物贸易进出口5200.0亿元,同比增长8.3%,较全国增速高出{a}个百分点。\n"
    "放在全国看,进出口增速在前10位省份中位列第3位,比全国整体增速高{b}个百分点。\n"
)


@pytest.mark.parametrize("script", ["s", "t"])
def test_a_gap_to_the_nations_rate_stated_twice(check_text, script):
    text = opencc.OpenCC("s2t").convert(_GAPS) if script == "t" else _GAPS
    assert _agreements(check_text(text.format(a="3.1", b="3.1"))) == [("consistent", None)]
    # the summary is undated: only a warning
    wrong = check_text(text.format(a="3.1", b="4.1"))
    assert _agreements(wrong) == [("inconsistent", "warning")]


def test_trap_gaps_of_two_measures(check_text):
    text = (
        "2024年上半年,全省出口3000.0亿元,同比增长9.0%,较全国增速高出3.1个百分点。\n"
        "进口增速在前10位省份中位列第5位,比全国整体增速高4.1个百分点。\n"
    )
    assert _agreements(check_text(text)) == []


# ------------------------------------------------------------------ a part larger than its total
@pytest.mark.parametrize("script", ["s", "t"])
def test_a_labelled_total_a_little_below_a_part_is_still_its_total(check_text, script):
    # 城镇 + 乡村 split the retail total; a part printed larger than the total is an error,
    # where the check used to pass the total over as "some smaller figure"
    text = (
        "全年社会消费品零售总额600.0亿元,比上年增长7.0%。按经营地统计,城镇消费品零售额{u}亿元,"
        "增长7.2%;乡村消费品零售额85.0亿元,增长6.1%。"
    )
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(u="515.0")), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(u="640.0")), "sum") == [("inconsistent", "error")]


def test_trap_a_per_head_figure_far_below_the_parts_is_no_total(check_text):
    text = "全省人均可支配收入3.6万元。城镇居民可支配收入5.1万元,农村居民可支配收入2.2万元。"
    assert verdicts(check_text(text), "sum") == []


# ------------------------------------------------------------------ a rate named a clause before it
def _granularity_counts(claims):
    return [
        (c.source.text[c.inputs["count"].start : c.inputs["count"].end], c.verdict)
        for c in claims
        if c.type == "granularity"
    ]


@pytest.mark.parametrize("script", ["s", "t"])
def test_a_rate_after_a_clause_naming_an_earlier_count_is_that_counts(check_text, script):
    # 83 / 1.064 = 78.0: 78 → 83 is +6.41%; the nearest count, 21, is no count the rate is of
    text = (
        "2024年,全省新增高新技术企业83家,新增专精特新企业21家,高新技术企业数量再创新高,"
        "同比增长{r}%。"
    )
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert _granularity_counts(check_text(text.format(r="6.4"))) == [("83家", "consistent")]
    # 83 / 1.069 = 77.6: 77 → 83 is +7.79% and 78 → 83 is +6.41%; neither is 6.9%
    assert _granularity_counts(check_text(text.format(r="6.9"))) == [("83家", "inconsistent")]


def test_trap_a_clause_naming_no_earlier_count_leaves_the_rate_with_the_nearest(check_text):
    # 增速再创新高 names no count: the rate stays the nearest one's (21 / 1.05 = 20); read as the
    # 87's it would be wrong (87 / 1.05 = 82.9)
    text = "2024年,全省新增高新技术企业87家,新增专精特新企业21家,增速再创新高,同比增长5.0%。"
    assert _granularity_counts(check_text(text)) == [("21家", "consistent")]


# ------------------------------------------------------------------ a trend word over values year by year
@pytest.mark.parametrize("script", ["s", "t"])
def test_a_trend_word_ranks_the_years_values_that_follow_it(check_text, script):
    rising = (
        "公司净利润持续增长,2022年12.30亿元,2023年{b}亿元,"
        "预计2024-2026年分别为16.20亿元、17.95亿元、19.60亿元。"
    )
    falling = "全市煤炭消费量逐年下降,2021年为2450万吨,2022年为2380万吨,2023年为{c}万吨。"
    if script == "t":
        rising, falling = (opencc.OpenCC("s2t").convert(t) for t in (rising, falling))
    assert verdicts(check_text(rising.format(b="14.85")), "ranking") == [("consistent", None)]
    assert verdicts(check_text(rising.format(b="11.85")), "ranking") == [("inconsistent", "error")]
    assert verdicts(check_text(falling.format(c="2310")), "ranking") == [("consistent", None)]
    assert verdicts(check_text(falling.format(c="2410")), "ranking") == [("inconsistent", "error")]


@pytest.mark.parametrize(
    "text",
    [
        # a part of the year's value, with no year of its own
        "营业收入持续增长,2024年达到520.0亿元,其中海外收入130.0亿元。",
        # the figures stand before the trend word: of another clause
        "2023年收入100.0亿元,2024年收入90.0亿元,利润持续增长。",
        # a span of three years, two values: which year is which is not said
        "营业收入持续增长,预计2024-2026年分别为16.20亿元、14.95亿元。",
        # one year twice: a part of a year against the whole of it
        "出口持续增长,2024年全年出口300.0亿元,2024年1-6月出口140.0亿元。",
    ],
)
def test_trap_values_not_year_by_year_are_no_trend(check_text, text):
    assert verdicts(check_text(text), "ranking") == []


# ------------------------------------------------------------------ bands of a scale
@pytest.mark.parametrize(
    ("text", "right", "wrong"),
    [
        (
            "全国医院3000个。从床位规模看:100张床位以下医院{a}个,100-499张医院900个,"
            "500张及以上医院300个。",
            "1800",
            "1860",
        ),
        (
            "全市常住人口800.0万人。其中0-14岁人口为{a}万人,15-59岁人口为520.3万人,"
            "60岁及以上人口为159.2万人。",
            "120.5",
            "148.5",
        ),
        (
            "全市规上企业880家。从业人员不足20人的企业{a}家,20-99人的企业300家,"
            "100人及以上的企业80家。",
            "500",
            "560",
        ),
    ],
    ids=["beds", "ages", "staff"],
)
@pytest.mark.parametrize("script", ["s", "t"])
def test_bands_that_tile_a_scale_add_up_to_their_whole(check_text, text, right, wrong, script):
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(a=right)), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(a=wrong)), "sum") == [("inconsistent", "error")]


@pytest.mark.parametrize(
    "text",
    [
        # open-ended bands nest (65岁及以上 is inside 60岁及以上): no tiling
        "全市常住人口800.0万人。其中0-59岁人口为620.0万人,60岁及以上人口为180.0万人,"
        "65岁及以上人口为120.0万人。",
        # a gap between the bands (200-299张 is not stated): not every hospital is counted
        "全国医院3000个。100张以下医院1500个,100-199张医院600个,300张及以上医院300个。",
    ],
)
def test_trap_bands_that_nest_or_leave_a_gap_are_no_sum(check_text, text):
    assert verdicts(check_text(text), "sum") == []


# ------------------------------------------------------------------ a peak above the other years
@pytest.mark.parametrize("script", ["s", "t"])
def test_a_peak_is_above_the_other_years_of_its_sentence(check_text, script):
    text = "2015年全省原油产量为820万吨,2019年达到峰值1050万吨,此后逐年回落,2023年降至{c}万吨。"
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    assert verdicts(check_text(text.format(c="960")), "ranking") == [("consistent", None)]
    assert verdicts(check_text(text.format(c="1080")), "ranking") == [("inconsistent", "error")]


@pytest.mark.parametrize(
    "text",
    [
        # a record (新高) is of the years before it, a direction: no ranking of every year
        "2019年全省原油产量创下历史新高,达到1050万吨,2023年为1120万吨。",
        # the other figure is of another measure
        "2019年全省出口达到峰值1050亿元,进口为1200亿元,2023年出口为980亿元。",
        # no other year: nothing to rank
        "2019年全省原油产量达到峰值1050万吨,同比增长3.2%。",
    ],
)
def test_trap_no_peak_ranking_without_other_years_of_its_measure(check_text, text):
    assert verdicts(check_text(text), "ranking") == []


# ------------------------------------------------------------------ a record above the years before
_RECORD = (
    "2020年全省蜂蜜出口额为3.84亿美元。2021年全省蜂蜜出口额为{b}亿美元,同比增长6.0%。"
    "2022年全省蜂蜜出口额创下历史新高,达到4.52亿美元。2023年全省蜂蜜出口额为{c}亿美元。"
)


@pytest.mark.parametrize("script", ["s", "t"])
def test_a_record_is_above_the_earlier_years_its_paragraph_names(check_text, script):
    text = _RECORD if script == "s" else opencc.OpenCC("s2t").convert(_RECORD)
    fine = verdicts(check_text(text.format(b="4.07", c="4.31")), "direction")
    assert fine == [("consistent", None)] * 3
    # a planted error: 2021 above the 2022 record
    assert ("inconsistent", "error") in verdicts(
        check_text(text.format(b="4.61", c="4.31")), "direction"
    )
    # 2023 above a 历史新高 of 2022: odd, but the record may have been of its own time
    later = verdicts(check_text(text.format(b="4.07", c="4.70")), "direction")
    assert sorted(later) == [("consistent", None)] * 2 + [("inconsistent", "warning")]


def test_a_record_named_by_the_clause_before_its_figure():
    by, _ = table("2022年全省蜂蜜出口额创下历史新高,达到4.52亿美元。")
    assert by["达到4.52亿美元"].label.text == "全省蜂蜜出口"


@pytest.mark.parametrize(
    "text",
    [
        # 新高 alone is a record of its time: a later year may pass it
        "2022年全省蜂蜜出口额再创新高,达到4.52亿美元。2023年全省蜂蜜出口额为4.70亿美元。",
        # the earlier figure is of another measure (imports), or of part of a year
        "2021年全省蜂蜜进口额为4.90亿美元。2022年全省蜂蜜出口额创下历史新高,达到4.52亿美元。",
        "2021年1-6月全省蜂蜜出口额为4.90亿美元。2022年全省蜂蜜出口额创下历史新高,达到4.52亿美元。",
        # a forecast is no year the record is above
        "2022年全省蜂蜜出口额创下历史新高,达到4.52亿美元。预计2025年全省蜂蜜出口额为5.10亿美元。",
    ],
)
def test_trap_no_record_claim_against_other_measures_parts_of_years_or_forecasts(check_text, text):
    assert verdicts(check_text(text), "direction") == []


class TestAMarginsChangeRebuiltFromItsFiguresRates:
    """收入A,增长a;营业成本B,增长b;毛利率R,同比下降d个百分点: last year's margin is
    1 − B/(1+b) ÷ A/(1+a), and R less it is the change (the derived tier)."""

    TEXT = (
        "2025年公司营业收入为86.4亿元,同比增长12.0%;营业成本为61.8亿元,同比增长15.0%;"
        "毛利率为28.47%,同比下降{d}。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_change_in_points_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # last year 1 − (61.8/1.15) / (86.4/1.12) = 30.34%: 28.47 − 30.34 = −1.87 points
        claims = check_text(convert(self.TEXT.format(d="1.87个百分点")))
        assert verdicts(claims, "difference") == [("consistent", None)]
        planted = check_text(convert(self.TEXT.format(d="2.87个百分点")))
        assert verdicts(planted, "difference") == [("inconsistent", "error")]

    def test_a_fall_in_percent_is_read_as_points_or_as_a_relative_fall(self, check_text):
        assert verdicts(check_text(self.TEXT.format(d="1.87%")), "difference") == [
            ("consistent", None)
        ]
        # 28.47 / 30.34 − 1 = −6.2%: the relative reading only, a warning
        assert verdicts(check_text(self.TEXT.format(d="6.2%")), "difference") == [
            ("inconsistent", "warning")
        ]
        assert verdicts(check_text(self.TEXT.format(d="2.87%")), "difference") == [
            ("inconsistent", "error")
        ]

    @pytest.mark.parametrize(
        "text",
        [
            # the cost's rate is on the quarter before, the margin's change on the year before
            "2025年二季度公司营业收入为86.4亿元,同比增长12.0%;营业成本为61.8亿元,环比增长15.0%;"
            "毛利率为28.47%,同比下降2.87个百分点。",
            # a change stated with no period it is from is no change from last year
            "2025年公司营业收入为86.4亿元,同比增长12.0%;营业成本为61.8亿元,同比增长15.0%;"
            "毛利率为28.47%,下降2.87个百分点。",
        ],
    )
    def test_trap_no_rebuilt_margin_from_other_periods_rates(self, check_text, text):
        assert verdicts(check_text(text), "difference") == []


class TestACoarseTotalReadAsItsPartsSum:
    """进出口2.34万亿元。其中,出口12864亿元;进口10538亿元: the total is known as closely as its
    parts' sum (23402亿元), at the strict reading; a share of it that only the parts' sum rules out
    is a warning, one the printed total rules out too an error."""

    TEXT = (
        "今年前三季度,全省外贸进出口2.34万亿元,增长5.0%。其中,出口12864亿元,增长6.0%;"
        "进口10538亿元,增长3.8%。民营企业进出口14215亿元,增长8.0%,"
        "占同期全省外贸进出口总值的{s}%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_share_of_the_sharper_whole(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 14215 / 23402 = 60.74%; of 2.34万亿 as printed anything from 60.62% to 60.88%
        assert verdicts(check_text(convert(self.TEXT.format(s="60.7"))), "share") == [
            ("consistent", None)
        ]
        sharper = check_text(convert(self.TEXT.format(s="60.85")))
        assert verdicts(sharper, "share") == [("inconsistent", "warning")]
        (claim,) = [c for c in sharper if c.type == "share"]
        assert convert("12864亿元 + 10538亿元") in claim.explanation
        assert verdicts(check_text(convert(self.TEXT.format(s="61.2"))), "share") == [
            ("inconsistent", "error")
        ]

    CHANGE = TEXT.removesuffix("。") + ",{what}。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_shares_change_against_last_years_share_rebuilt(self, check_text, script):
        convert = IN_SCRIPT[script]
        text = self.CHANGE.format(s="60.7", what="所占比重比上年提高{d}个百分点")
        # last year (14215/1.08) / (23402/1.05) = 59.06%: 60.7 − 59.06 = 1.6 points
        assert verdicts(check_text(convert(text.format(d="1.6"))), "difference") == [
            ("consistent", None)
        ]
        assert verdicts(check_text(convert(text.format(d="2.6"))), "difference") == [
            ("inconsistent", "error")
        ]

    def test_trap_a_parts_own_rate_after_its_share_is_no_change_of_the_share(self, check_text):
        text = self.CHANGE.format(s="60.7", what="同比增长9.0%")
        assert verdicts(check_text(text), "difference") == []

    def test_trap_parts_that_miss_the_total_sharpen_nothing(self, check_text):
        # 12864 + 10238 = 23102 lies outside 2.34万亿: the parts' sum is no reading of the total
        text = self.TEXT.format(s="60.85").replace("10538", "10238")
        assert verdicts(check_text(text), "share") == [("consistent", None)]


class TestLastYearsBalanceRebuiltFromTheSidesRates:
    """出口X,增长a%;进口M,增长b%;顺差T,去年同期顺差T0: last year's balance is X/(1+a) − M/(1+b),
    within what a 1% revision of last year's sides explains (a warning beyond the figures)."""

    TEXT = (
        "今年前5个月,全省出口额为{x}亿元,同比增长{a}%;进口额为{m}亿元,同比增长{b}%,"
        "实现贸易顺差440亿元,去年同期顺差为{t}亿元。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_rebuilt_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]

        def last_year(t: str) -> list:
            text = self.TEXT.format(x="1860", a="9.0", m="1420", b="5.0", t=t)
            claims = check_text(convert(text))
            return [(c.verdict, c.severity) for c in claims if "last_balance" in c.inputs]

        # 1860/1.09 − 1420/1.05 = 1706.4 − 1352.4 = 354.0
        assert last_year("354") == [("consistent", None)]
        # 16 off: a 1% revision of last year's sides (about 30) explains it
        assert last_year("370") == [("inconsistent", "warning")]
        assert last_year("420") == [("inconsistent", "error")]

    def test_trap_small_rates_on_large_sides_say_nothing_of_last_years_balance(self, check_text):
        text = self.TEXT.format(x="18600", a="1.0", m="18160", b="0.8", t="290")
        assert [c for c in check_text(text) if "last_balance" in c.inputs] == []


class TestAForecastYearByYear:
    """预计2026-2028年营业收入分别为A/B/C亿元,同比增长a/b/c … 营业收入2024年为X,2025年为Y:
    the span gives its years to the list, the bare members take its name, a figure whose clause
    names only its year keeps the measure before it, and the first forecast's year before is
    found a few paragraphs on."""

    TEXT = (
        "- 预计2026-2028年营业收入分别为52.40/58.13/63.95亿元,同比增长{r}%/11%/10%。\n"
        "- 公司经营稳健,现金流充裕。\n"
        "- 营业收入2024年为44.20亿元,2025年为48.10亿元,预计2026年恢复增长至52.40亿元。\n"
    )

    def test_the_table_reads_years_and_names(self):
        by, _ = table(self.TEXT.format(r="9"))
        assert [by[f].period for f in ("52.40", "58.13", "63.95亿元")] == ["2026", "2027", "2028"]
        assert by["58.13"].label == by["52.40"].label
        assert by["48.10亿元"].label.text == by["44.20亿元"].label.text != ""

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_first_forecast_against_the_year_before_and_a_planted_error(
        self, check_text, script
    ):
        convert = IN_SCRIPT[script]
        # 52.40 / 48.10 − 1 = 8.9%
        fine = verdicts(check_text(convert(self.TEXT.format(r="9"))), "growth")
        assert fine == [("consistent", None)] * 3
        planted = verdicts(check_text(convert(self.TEXT.format(r="15"))), "growth")
        assert sorted(planted) == [("consistent", None)] * 2 + [("inconsistent", "error")]

    def test_trap_an_actual_years_rate_takes_no_base_from_paragraphs_after(self, check_text):
        text = (
            "- 2026年营业收入52.40亿元,同比增长15%。\n- 公司经营稳健,现金流充裕。\n"
            "- 2025年营业收入48.10亿元。\n"
        )
        assert verdicts(check_text(text), "growth") == []


class TestAPartWithinItsTotalNamedAsAnItem:
    """全市工业增加值A … 第二产业增加值B, paragraphs apart: 工业 is a part of 第二产业
    (data/partitions.yaml), so A ≤ B of the same measure, period and unit; 工业 and 建筑业
    together are 第二产业."""

    TEXT = (
        "2024年全市第二产业增加值{s}亿元,比上年增长5.8%。\n\n"
        "2024年全市工业增加值612.8亿元,比上年增长6.1%。\n"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_part_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        assert verdicts(check_text(convert(self.TEXT.format(s="705.3"))), "part_whole") == [
            ("consistent", None)
        ]
        assert verdicts(check_text(convert(self.TEXT.format(s="598.2"))), "part_whole") == [
            ("inconsistent", "error")
        ]

    def test_industry_and_construction_make_the_secondary_industry(self, check_text):
        text = "2024年全市第二产业增加值705.3亿元,其中工业增加值612.8亿元,建筑业增加值{c}亿元。"
        assert verdicts(check_text(text.format(c="92.5")), "sum") == [("consistent", None)]
        assert verdicts(check_text(text.format(c="82.5")), "sum") == [("inconsistent", "error")]

    @pytest.mark.parametrize(
        "text",
        [
            # another measure: investment against value added
            "2024年全市第二产业投资598.2亿元。\n\n2024年全市工业增加值612.8亿元。\n",
            # a district's secondary industry is no total of the city's industry
            "2024年高新区第二产业增加值598.2亿元。\n\n2024年全市工业增加值612.8亿元。\n",
            # another year
            "2023年全市第二产业增加值598.2亿元。\n\n2024年全市工业增加值612.8亿元。\n",
        ],
    )
    def test_trap_no_total_of_another_measure_scope_or_year(self, check_text, text):
        assert verdicts(check_text(text), "part_whole") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_net_flows_rise_in_multiples_rebuilt_from_its_sides(check_text, script):
    """净进口N,增k倍: last year's net imports are M/(1+m) − X/(1+x); 增4倍 is ×5, and ×4 the
    other reading (a warning alone)."""
    convert = IN_SCRIPT[script]
    text = (
        "上半年全省大豆进口420.0万吨,同比增337.5%;出口20.0万吨,同比增25.0%。"
        "上半年大豆净进口400.0万吨,增{k}倍。"
    )
    # last year 420.0/4.375 − 20.0/1.25 = 96 − 16 = 80: 400 is five times 80
    assert verdicts(check_text(convert(text.format(k="4"))), "growth") == [("consistent", None)]
    assert verdicts(check_text(convert(text.format(k="5"))), "growth") == [
        ("inconsistent", "warning")
    ]
    assert verdicts(check_text(convert(text.format(k="2"))), "growth") == [
        ("inconsistent", "error")
    ]


class TestABalanceWithASideStatedAsABound:
    """出口A;进口维持在B以上;逆差D: a side said only as a mark it passed bounds the balance.
    Where no honest value of the side fits, the claim is a warning (the side is loosely said)."""

    TEXT = (
        "一季度,本省对东盟机电产品出口412亿美元,进口则维持在{m}亿美元以上。"
        "本省对东盟的逆差已扩大到{d}亿美元。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_bound_fits_or_not(self, check_text, script):
        convert = IN_SCRIPT[script]
        # imports ≥ 500: a deficit of 95 fits (imports 507), one of 80 cannot (≥ 88)
        ok = verdicts(check_text(convert(self.TEXT.format(m="500", d="95"))), "balance")
        assert ok == [("consistent", None)]
        wrong = verdicts(check_text(convert(self.TEXT.format(m="500", d="80"))), "balance")
        assert wrong == [("inconsistent", "warning")]

    def test_the_stated_figure_is_preferred_to_the_mark(self, check_text):
        text = "全年出口首破600亿美元,累计出口641.2亿美元,进口483.5亿美元,出超{s}亿美元。"
        assert verdicts(check_text(text.format(s="157.7")), "balance") == [("consistent", None)]
        found = verdicts(check_text(text.format(s="175.7")), "balance")
        assert found == [("inconsistent", "error")]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_trap_an_earlier_years_balance_takes_no_sides_from_before(self, check_text, script):
        # the second paragraph is of 2024; its 2023 deficit is a comparison (perhaps of a part of
        # 2023), not the balance of the paragraph before's full-year 2023 sides
        text = (
            "2023年全省对东盟出口为820亿美元,进口为1510亿美元。\n\n"
            "2024年上半年,全省对东盟出口达到了430亿美元,进口为790亿美元。"
            "对东盟逆差由2023年的380亿美元缩小至360亿美元。\n"
        )
        claims = check_text(IN_SCRIPT[script](text))
        found = [c for c in claims if c.type == "balance"]
        assert all(c.verdict == "consistent" for c in found)
        assert any(c.inputs["balance"].value == 360e8 for c in found)


# ------------------------------------------------------------------ names counted
def _enumerations(claims):
    return [
        (c.verdict, c.severity)
        for c in claims
        if c.type == "agreement" and c.facts.get("relation") == "enumeration"
    ]


class TestNamesCounted:
    """甲、乙、丙等N个 / 甲、乙和丙N个: the names listed before a count number as many as it says."""

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_closed_list_and_a_planted_error(self, check_text, script):
        text = "此外,北湖区、南岭县、石门市、青溪区、白沙县等{n}个县(市、区)税收收入超8亿元。"
        convert = IN_SCRIPT[script]
        assert _enumerations(check_text(convert(text.format(n="5")))) == [("consistent", None)]
        # five names listed: 等 may say there are more than five, never fewer
        assert _enumerations(check_text(convert(text.format(n="9")))) == [("consistent", None)]
        wrong = _enumerations(check_text(convert(text.format(n="4"))))
        assert wrong == [("inconsistent", "error")]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_name_with_and_may_be_two(self, check_text, script):
        text = "产品主要分为监护设备、超声设备和内镜设备{n}个系列,出口占比过半。"
        convert = IN_SCRIPT[script]
        # two names split at 、, the second of which may be two: 2 or 3
        assert _enumerations(check_text(convert(text.format(n="三")))) == [("consistent", None)]
        assert _enumerations(check_text(convert(text.format(n="两")))) == [("consistent", None)]

    def test_in_all(self, check_text):
        text = "当年新设甲公司、乙公司、丙公司共{n}家子公司。"
        assert _enumerations(check_text(text.format(n="3"))) == [("consistent", None)]
        assert _enumerations(check_text(text.format(n="2"))) == [("inconsistent", "error")]

    @pytest.mark.parametrize(
        "text",
        [
            # the count is of hospitals in the kinds named, not of the kinds
            "全县三级医院、二级医院共12家,床位总数达3200张。",
            # the last "name" holds a verb: the count is of shops
            "公司今年在江城、河口、云浦、安平新开2家门店。",
            # 一个 is an article
            "我们将监护设备、超声设备集成在一个平台上。",
            # a list of figures is no list of names
            "三个园区分别引进企业12家、9家、7家等28家。",
        ],
    )
    def test_trap_counts_of_other_things(self, check_text, text):
        assert _enumerations(check_text(text)) == []


class TestAShareOfAPartNamedBeforeIt:
    """甲产品外贸仅占全行业外贸总额的s%: the part has no figure of its own in the clause; it is
    the nearest earlier level of its measure and subject in the paragraph."""

    TEXT = (
        "2024年,全省机电产品进出口总额为2150.0亿元,同比增长4.1%。其中,出口额1320.5亿元;"
        "进口额829.5亿元。具体到品类,电子元件进出口总额268.4亿元,同比增长3.2%。其中,出口额"
        "150.2亿元。总体而言,电子元件外贸也只占机电产品外贸总额的{s}%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_part_by_its_name(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 268.4 / 2150.0 = 12.48%
        ok = check_text(convert(self.TEXT.format(s="12.5")))
        assert ("consistent", None) in shares(ok)
        assert ("inconsistent", "error") in shares(check_text(convert(self.TEXT.format(s="15.5"))))

    @pytest.mark.parametrize(
        "words",
        [
            "出口也只占进出口总额的70%",  # a measure alone: any item's exports
            "光伏组件外贸也只占机电产品外贸总额的70%",  # an item stated nowhere
        ],
    )
    def test_trap_a_part_named_by_its_measure_alone_or_not_stated(self, check_text, words):
        text = self.TEXT.replace("电子元件外贸也只占机电产品外贸总额的{s}%", words)
        assert ("inconsistent", "error") not in shares(check_text(text))
        assert ("inconsistent", "warning") not in shares(check_text(text))


class TestAMarkPassedByEachOfTwoMeasures:
    """营收和成本首次超过百亿元,分别为A和B: each figure lies above the mark."""

    TEXT = "据年报,集团全年营收和成本首次超过百亿元,分别为{a}亿元和{b}亿元,利润{s}亿元。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_each_figure_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = check_text(convert(self.TEXT.format(a="136.20", b="121.85", s="14.35")))
        assert verdicts(ok, "direction") == [("consistent", None)] * 2
        # 96.30亿元 has not passed 百亿元
        wrong = check_text(convert(self.TEXT.format(a="136.20", b="96.30", s="39.90")))
        assert sorted(verdicts(wrong, "direction")) == [
            ("consistent", None),
            ("inconsistent", "error"),
        ]

    def test_trap_a_scale_is_no_mark(self, check_text):
        text = "该产业已成百亿级产业集群,两家龙头企业营收分别为81.24亿元和65.51亿元。"
        assert verdicts(check_text(text), "direction") == []


class TestRevisedForecasts:
    """上调…至A/B/C(前值a/b/c): each raised forecast lies above the one it replaces."""

    TEXT = (
        "新产能投产在即,我们{verb}公司2026-2028年营收预期为12.40/14.85/17.30亿元"
        "(前值为{a}/13.90/16.05亿元)。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_raised_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = check_text(convert(self.TEXT.format(verb="上调", a="11.75")))
        assert verdicts(ok, "direction") == [("consistent", None)] * 3
        # 12.95 was the forecast for 2026: 12.40 is a cut, not a raise
        wrong = check_text(convert(self.TEXT.format(verb="上调", a="12.95")))
        assert sorted(verdicts(wrong, "direction")) == [("consistent", None)] * 2 + [
            ("inconsistent", "error")
        ]

    def test_cut(self, check_text):
        text = self.TEXT.replace("12.40/14.85/17.30", "10.40/12.85/15.30")
        assert (
            verdicts(check_text(text.format(verb="下调", a="11.75")), "direction")
            == [("consistent", None)] * 3
        )

    @pytest.mark.parametrize(
        "text",
        [
            # no revision said: the bracket's figures may be of anything
            "预计2026-2028年营收为12.40/14.85/17.30亿元(前值为12.95/13.90/16.05亿元)。",
            # two forecasts against three
            "我们上调2026-2028年营收预期为12.40/14.85/17.30亿元(前值为12.95/13.90亿元)。",
        ],
    )
    def test_trap_no_revision_read(self, check_text, text):
        assert ("inconsistent", "error") not in verdicts(check_text(text), "direction")


def _named_rankings(claims):
    return [
        (c.verdict, c.severity)
        for c in claims
        if c.type == "ranking" and c.facts.get("shape") == "names"
    ]


class TestNamesRankedThenStated:
    """甲、乙、丙位居前三。对甲出口A…;对乙出口B…;对丙出口C: the figures follow the order."""

    TEXT = (
        "从出口目的地看,东盟、欧盟、韩国位居前三名。本省对东盟机电产品出口{a}亿元,"
        "增长6.2%。对欧盟,本省机电产品出口{b}亿元,增长3.1%;对韩国机电产品出口{c}亿元,"
        "下降1.4%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_in_order_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = check_text(convert(self.TEXT.format(a="812.6", b="640.3", c="401.9")))
        assert _named_rankings(ok) == [("consistent", None)]
        wrong = check_text(convert(self.TEXT.format(a="612.6", b="640.3", c="401.9")))
        assert _named_rankings(wrong) == [("inconsistent", "error")]

    def test_after_the_words_of_order(self, check_text):
        text = (
            "全年前三大出口市场依次为东盟、欧盟和韩国。对东盟出口812.6亿元,对欧盟出口"
            "{b}亿元,对韩国出口401.9亿元。"
        )
        assert _named_rankings(check_text(text.format(b="640.3"))) == [("consistent", None)]
        assert _named_rankings(check_text(text.format(b="840.3"))) == [("inconsistent", "error")]

    @pytest.mark.parametrize(
        "text",
        [
            # another measure for one of them
            "东盟、欧盟、韩国位居前三名。对东盟出口812.6亿元;对欧盟进口940.3亿元;对韩国出口401.9亿元。",
            # a name with no figure after it
            "东盟、欧盟、韩国位居前三名。对东盟出口812.6亿元;对欧盟出口640.3亿元。",
        ],
    )
    def test_trap_no_ranking_read(self, check_text, text):
        assert _named_rankings(check_text(text)) == []


class TestItemsOneToAClauseWithinTheirWhole:
    """受理投诉T件。其中:A a件;B b件;C c件: items after 其中 that each open a clause a semicolon
    opened are the whole's parts however differently named; short of it, an open list, they
    together may only not exceed it."""

    TEXT = (
        "2025年,全市消费者协会受理投诉{t}件,比上年增长6.2%。其中:质量问题{a}件,比上年增长3%;"
        "售后服务{b}件,比上年增长9.5%;虚假宣传{c}件,比上年下降4.1%。"
    )

    def _together(self, claims):
        return [
            (c.verdict, c.severity) for c in claims if c.type == "part_whole" and len(c.inputs) == 4
        ]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_an_open_list_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = check_text(convert(self.TEXT.format(t="48210", a="20135", b="15020", c="6840")))
        assert self._together(ok) == [("consistent", None)]
        # 25135 + 15020 + 9840 = 49995 > 48210
        wrong = check_text(convert(self.TEXT.format(t="48210", a="25135", b="15020", c="9840")))
        assert self._together(wrong) == [("inconsistent", "error")]

    def test_trap_a_whole_that_is_itself_an_item_of_a_list(self, check_text):
        # 乙片区 is an item of the district list; the clause after its 其中 part is its sibling
        text = (
            "分片区看,甲片区受理投诉12040件;乙片区受理投诉20360件,其中网购投诉9850件,"
            "增长7%;丙片区受理投诉15810件。"
        )
        claims = check_text(text)
        assert [v for v in verdicts(claims, "part_whole") if v[0] == "inconsistent"] == []

    def test_trap_items_of_another_measure(self, check_text):
        # the list after 其中 is of imports, its whole the exports before it
        text = (
            "上半年出口机床1.2万台,同比下降3.5%。其中,数控车床进口0.9万台,同比增长2%;"
            "加工中心进口0.8万台,同比增长6%。"
        )
        claims = check_text(text)
        assert [v for v in verdicts(claims, "part_whole") if v[0] == "inconsistent"] == []


class TestADividendYield:
    """全年派息d元……以股价p元计,股息率y厘: the year's dividend per share over the price named."""

    TEXT = "集团去年每股盈利3.12元,派末期息1.05元,全年派息{d}元。以昨日收市价{p}元计,股息率{y}厘。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_yield_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 1.72 / 41.5 = 4.14%
        ok = check_text(convert(self.TEXT.format(d="1.72", p="41.5", y="4.1")))
        assert shares(ok) == [("consistent", None)]
        wrong = check_text(convert(self.TEXT.format(d="1.72", p="41.5", y="5.1")))
        assert shares(wrong) == [("inconsistent", "error")]

    def test_a_yield_in_percent(self, check_text):
        text = "公司全年每股派息0.86元,按最新股价21.30元计算,股息率约为4.0%。"
        assert shares(check_text(text)) == [("consistent", None)]

    @pytest.mark.parametrize(
        "text",
        [
            # a forward yield: over a dividend not yet declared
            "集团全年派息1.72元。以昨日收市价41.5元计,预期股息率5.1%。",
            # one payment of the year's alone is not the year's dividend
            "集团派末期息1.05元。以昨日收市价41.5元计,股息率4.1厘。",
            # a target price is not the price the yield is over
            "集团全年派息1.72元,券商给予目标价50.0元,股息率4.1厘。",
        ],
    )
    def test_trap_no_claim(self, check_text, text):
        assert shares(check_text(text)) == []


class TestWhatAGapToAForecastIsWorth:
    """销售额L,增长r%,比原预测高出d个百分点,相当于多出X: the base L/(1+r) times d%."""

    TEXT = "四季度全省网络零售额达{l}亿元,增长{r}%,比年初预期高出{d}个百分点,相当于多出{x}亿元。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_worth_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 2,875.0 / 1.148 × 3.6% = 90.16
        ok = check_text(convert(self.TEXT.format(l="2,875.0", r="14.8", d="3.6", x="90.2")))
        assert verdicts(ok, "difference") == [("consistent", None)]
        wrong = check_text(convert(self.TEXT.format(l="2,875.0", r="14.8", d="3.6", x="103.5")))
        assert verdicts(wrong, "difference") == [("inconsistent", "error")]

    def test_a_rate_below_the_forecast(self, check_text):
        text = "全年出口额为1,240.0亿美元,下降2.5%,较预期低1.5个百分点,相当于少19.1亿美元。"
        # 1,240.0 / 0.975 × 1.5% = 19.08
        assert verdicts(check_text(text), "difference") == [("consistent", None)]

    @pytest.mark.parametrize(
        "text",
        [
            # against last year's rate: last year's increase is over another base
            "全省网络零售额达2,875.0亿元,增长14.8%,比上年提高3.6个百分点,相当于多增103.5亿元。",
            # 高出 but 少: the words disagree on the direction, nothing to check
            "全省网络零售额达2,875.0亿元,增长14.8%,比原预测高出3.6个百分点,相当于少103.5亿元。",
        ],
    )
    def test_trap_no_claim(self, check_text, text):
        assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "difference")]


class TestLastYearsMarginOverLastYearsFigures:
    """收入W,较上年w;毛利P,较上年p;毛利率R,与上年r: last year's margin is p / w."""

    TEXT = (
        "报告期内,公司实现收入人民币{w}百万元,较上年人民币4120百万元增长11.3%。毛利为人民币"
        "1310百万元,较上年人民币1187百万元增长10.4%;毛利率为{m}%,与上年{r}%大致相当。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_both_years_margins_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 1310 / 4585 = 28.57%; 1187 / 4120 = 28.81%
        ok = check_text(convert(self.TEXT.format(w="4585", m="28.6", r="28.8")))
        assert shares(ok) == [("consistent", None)] * 2
        wrong = check_text(convert(self.TEXT.format(w="4585", m="28.6", r="26.8")))
        assert sorted(shares(wrong)) == [("consistent", None), ("inconsistent", "error")]

    def test_trap_a_change_in_points_is_no_earlier_margin(self, check_text):
        # 下降0.2个百分点 is the change (difference checks it), not last year's margin
        text = self.TEXT.format(w="4585", m="28.6", r="28.8").replace(
            "与上年28.8%大致相当", "较上年下降0.2个百分点"
        )
        assert shares(check_text(text)) == [("consistent", None)]


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_breakdown_announced_by_its_dimension(check_text, script):
    """按地区划分,A a;B b;C c: the items of a breakdown the text announces split the whole
    before it when they fill it; a sum then, and above it an error."""
    text = IN_SCRIPT[script](
        "全年集团营业收入{t}亿元,增长6.0%。按地区划分,华东地区营业收入41.2亿元,增长8.1%;"
        "华南地区营业收入27.5亿元,增长3.3%;其他地区营业收入12.6亿元,增长5.2%。"
    )
    assert verdicts(check_text(text.format(t="81.3")), "sum") == [("consistent", None)]
    bad = check_text(text.format(t="78.3"))  # 41.2 + 27.5 + 12.6 = 81.3 > 78.3
    assert ("inconsistent", "error") in verdicts(bad, "part_whole") + verdicts(bad, "sum")
    # short of the whole the items are an open list (其他地区 may leave out some): no error
    short = check_text(text.format(t="95.0"))
    assert "inconsistent" not in [
        v for v, _ in verdicts(short, "part_whole") + verdicts(short, "sum")
    ]


class TestADoubling:
    """翻番 / 翻了一番 / 翻了一倍: the later value is two to two and a half times the earlier;
    翻两番 four times."""

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_two_years_then_a_doubling_and_a_planted_error(self, check_text, script):
        text = "2019年,全市机器人产业产值为58.40亿元,2024年增至{b}亿元,实现翻番。"
        convert = IN_SCRIPT[script]
        assert verdicts(check_text(convert(text.format(b="121.30"))), "growth") == [
            ("consistent", None)
        ]
        # 90.50 / 58.40 = 1.55: no doubling
        assert verdicts(check_text(convert(text.format(b="90.50"))), "growth") == [
            ("inconsistent", "error")
        ]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_more_than_doubled(self, check_text, script):
        text = IN_SCRIPT[script](
            "全年服务外包合同额由2020年的36.0亿元增至2024年的{b}亿元,增长逾倍。"
        )
        assert verdicts(check_text(text.format(b="95.0")), "growth") == [("consistent", None)]
        # 60.0 / 36.0 = 1.67: no more than doubled
        assert verdicts(check_text(text.format(b="60.0")), "growth") == [("inconsistent", "error")]

    def test_a_level_from_its_reference_doubled_twice(self, check_text):
        text = "全省跨境电商进出口额由2015年的312亿元增至2024年的{b}亿元,翻了两番。"
        assert verdicts(check_text(text.format(b="1302")), "growth") == [("consistent", None)]
        # 702 / 312 = 2.25: doubled once, not twice
        assert verdicts(check_text(text.format(b="702")), "growth") == [("inconsistent", "error")]

    @pytest.mark.parametrize(
        "text",
        [
            "2019年全市机器人产业产值为58.40亿元,2024年增至90.50亿元,接近翻番。",  # hedged
            "2019年全市机器人产业产值为58.40亿元,2024年增至190.50亿元,翻了一番多。",  # more than
            "全市机器人产业产值为90.50亿元,力争到2030年翻一番。",  # a target, no earlier value
        ],
    )
    def test_trap_no_error(self, check_text, text):
        assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "growth")]


class TestItemsPartsOfARise:
    """较上年增加D,其中A贡献了a,B贡献了b,两类合计贡献率s: the parts' sum over the rise is the
    combined share; together they exceed the rise only if other items fell (a warning)."""

    TEXT = (
        "全年全省外贸出口额较上年增加{d}亿美元,其中机电产品贡献了{a}亿美元,"
        "农产品贡献了{b}亿美元,两类产品合计贡献率为{s}%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_combined_share_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # (412 + 236) / 815 = 79.5%
        ok = check_text(convert(self.TEXT.format(d="815", a="412", b="236", s="79.5")))
        assert shares(ok) == [("consistent", None)]
        assert verdicts(ok, "part_whole") == [("consistent", None)]
        wrong = check_text(convert(self.TEXT.format(d="815", a="412", b="236", s="89.5")))
        assert shares(wrong) == [("inconsistent", "error")]

    def test_parts_above_the_rise_are_only_a_warning(self, check_text):
        # other items may have fallen: 412 + 536 > 815 is possible
        claims = check_text(self.TEXT.format(d="815", a="412", b="536", s="116.3"))
        assert verdicts(claims, "part_whole") == [("inconsistent", "warning")]
        assert shares(claims) == [("consistent", None)]

    def test_trap_a_degree_of_the_last_item_alone(self, check_text):
        # 贡献率 with no 合计: whose it is, the text does not say
        text = self.TEXT.format(d="815", a="412", b="236", s="29.0").replace("两类产品合计", "")
        assert shares(check_text(text)) == []


class TestACombinedShareOfMembersNamed:
    """甲和乙两款车型…占比s … 甲销售A,占比a;乙销售B,占比b: the members' shares add up to s, and
    their figures over their whole are s."""

    TEXT = (
        "- 结构优化:星河S9和S7两款主力车型在第二季度总销量中占比达{s}%。\n"
        "- 第二季度星河品牌销售8.3万辆,同比增长9.1%。\n"
        "- 分车型:星河S9销售2.4万辆,占比28.9%,星河S7销售2.7万辆,占比32.5%,"
        "星河S5销售3.2万辆,占比38.6%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_both_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = check_text(convert(self.TEXT.format(s="61.4")))
        assert ("consistent", None) in verdicts(ok, "sum")
        assert "inconsistent" not in [v for v, _ in verdicts(ok, "sum") + shares(ok)]
        # 28.9 + 32.5 = 61.4, not 71.4; (2.4 + 2.7) / 8.3 = 61.4%
        wrong = check_text(convert(self.TEXT.format(s="71.4")))
        assert ("inconsistent", "error") in verdicts(wrong, "sum")
        assert ("inconsistent", "error") in shares(wrong)

    def test_trap_a_name_two_members_end_in(self, check_text):
        # S7 ends both 星河S7 and 银河S7: which is meant, the text does not say
        text = self.TEXT.format(s="71.4").replace("星河S5销售", "银河S7销售")
        claims = check_text(text)
        assert "inconsistent" not in [v for v, _ in verdicts(claims, "sum") + shares(claims)]


class TestPullsAddUpToTheRate:
    """GDP增长g%。最终消费支出拉动a个百分点,资本形成总额拉动b个百分点,货物和服务净出口向下拉动
    c个百分点: a + b − c = g, the components of one group each stated once."""

    TEXT = (
        "前三季度,全省地区生产总值同比增长{g}%。从需求看,最终消费支出拉动经济增长3.6个百分点,"
        "资本形成总额拉动经济增长1.9个百分点,货物和服务净出口向下拉动经济增长0.4个百分点。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_pulls_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = check_text(convert(self.TEXT.format(g="5.1")))
        assert verdicts(ok, "sum") == [("consistent", None)]
        # the explanation takes the pull down away
        said = explain(next(c for c in ok if c.type == "sum"))
        assert "+ 1.9" in said and "− 0.4" in said and "= 5.1" in said
        # 3.6 + 1.9 − 0.4 = 5.1, not 5.9 (nor 5.9 read with the net exports added)
        assert verdicts(check_text(convert(self.TEXT.format(g="6.1"))), "sum") == [
            ("inconsistent", "error")
        ]

    def test_domestic_and_external_demand_across_paragraphs(self, check_text):
        text = (
            "第二季度经济成长率为4.35%。外需对经济成长的贡献为1.12个百分点。\n\n"
            "国内需求方面,合计贡献{d}个百分点,其中民间消费实质成长2.1%。"
        )
        assert verdicts(check_text(text.format(d="3.23")), "sum") == [("consistent", None)]
        assert verdicts(check_text(text.format(d="2.23")), "sum") == [("inconsistent", "error")]

    def test_trap_a_member_left_out_is_no_sum(self, check_text):
        text = self.TEXT.format(g="6.1").replace(",货物和服务净出口向下拉动经济增长0.4个百分点", "")
        assert verdicts(check_text(text), "sum") == []


class TestACagrLeadingToAValueAfterIt:
    """2024年规模A。到2030年,该市场将以r的年复合增速扩张至B: the start is the latest
    earlier year's figure of the unit, in the paragraph or the one before."""

    TEXT = (
        "2024年全球储能电池市场规模为420.0亿美元,同比增长21.3%。\n\n"
        "到2030年,该市场将以15.0%的年复合增速扩张至{b}亿美元。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_rate_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 420.0 × 1.15^6 = 971.5
        ok = check_text(convert(self.TEXT.format(b="971.5")))
        assert verdicts(ok, "cagr") == [("consistent", None)]
        wrong = check_text(convert(self.TEXT.format(b="1250.0")))
        assert verdicts(wrong, "cagr") == [("inconsistent", "error")]

    @pytest.mark.parametrize(
        "text",
        [
            # the end names its own measure: not what the earlier figure is of
            "2024年全球储能电池市场规模为420.0亿美元。到2030年,出货额将以15.0%的年复合增速扩张至"
            "1250.0亿美元。",
            # two figures of the unit for the latest earlier year: which is the start is unsaid
            "2024年储能电池市场规模为420.0亿美元,光伏组件市场规模为515.0亿美元。\n\n"
            "到2030年,该市场将以15.0%的年复合增速扩张至1250.0亿美元。",
        ],
    )
    def test_trap_no_claim(self, check_text, text):
        assert verdicts(check_text(text), "cagr") == []


class TestTheSizeOfAFallMoved:
    """一季度下降a%,二季度降幅收窄至b%,三季度降幅扩大至c%: each size against the one before."""

    TEXT = "一季度全市工业用电量同比下降{a}%,二季度降幅收窄至{b}%,三季度这一降幅又扩大至{c}%。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_each_size_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = check_text(convert(self.TEXT.format(a="9.4", b="6.2", c="7.8")))
        assert verdicts(ok, "direction") == [("consistent", None)] * 2
        # 6.2 → 5.5 narrowed: no widening
        wrong = check_text(convert(self.TEXT.format(a="9.4", b="6.2", c="5.5")))
        assert sorted(verdicts(wrong, "direction")) == [
            ("consistent", None),
            ("inconsistent", "error"),
        ]

    def test_a_rise_widened(self, check_text):
        text = "上半年出口同比增长3.1%,前三季度增幅扩大至4.6%。"
        assert verdicts(check_text(text), "direction") == [("consistent", None)]

    def test_trap_a_fall_size_after_a_rise(self, check_text):
        # 降幅 after a rise: the fall it speaks of is not the rate before it
        text = "一季度全市工业用电量同比增长2.4%,二季度降幅收窄至1.1%。"
        assert verdicts(check_text(text), "direction") == []


class TestLastYearsTotalRebuiltFromItsParts:
    """T0 stated for last year; this year's parts a (rate r) and b (rate q) of the total: last
    year's total is a/(1+r) + b/(1+q), where the total's own rate is not stated."""

    TEXT = (
        "2025年全省药材出口额为12.0亿美元,而2024年全省药材出口额创下新高,达到{t0}亿美元。\n\n"
        "进入2025年,出口有所回落。其中,道地药材出口额为5.1亿美元,同比下降2.1%;"
        "非道地药材出口额6.9亿美元,同比下降6.5%。"
    )

    def _rebuilt(self, claims):
        return [
            (c.verdict, c.severity)
            for c in claims
            if c.type == "agreement" and c.facts.get("relation") == "last year's total"
        ]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_rebuilt_total_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 5.1 / 0.979 + 6.9 / 0.935 = 12.59
        assert self._rebuilt(check_text(convert(self.TEXT.format(t0="12.6")))) == [
            ("consistent", None)
        ]
        assert self._rebuilt(check_text(convert(self.TEXT.format(t0="13.6")))) == [
            ("inconsistent", "error")
        ]

    def test_trap_the_totals_own_rate_is_growths_to_check(self, check_text):
        text = self.TEXT.format(t0="13.6").replace("12.0亿美元,", "12.0亿美元,同比下降4.8%,", 1)
        assert self._rebuilt(check_text(text)) == []


class TestARatioImproved:
    """净资产收益率为a,比上年的b明显改善: a ratio better when higher rises; 费用率 improves by falling."""

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_both_sides_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        text = "2025年公司ROE为{a}%,较上年的7.6%明显改善;管理费用率为{f}%,较上年的5.3%有所改善。"
        ok = check_text(convert(text.format(a="9.8", f="4.9")))
        assert verdicts(ok, "direction") == [("consistent", None)] * 2
        # an ROE that fell and a cost ratio that rose improved nothing
        wrong = check_text(convert(text.format(a="6.8", f="5.9")))
        assert verdicts(wrong, "direction") == [("inconsistent", "error")] * 2

    def test_worse(self, check_text):
        text = "毛利率为18.2%,较上年的21.5%有所恶化。"
        assert verdicts(check_text(text), "direction") == [("consistent", None)]

    def test_trap_a_ratio_of_no_known_better_side(self, check_text):
        # a share of exports may rise or fall for the better: no claim
        text = "对东盟出口占比为16.2%,较上年的17.0%有所改善。"
        assert verdicts(check_text(text), "direction") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_figure_alone_in_its_bracket_is_a_whole_for_where(check_text, script):
    """输往内地货值(5.2亿元)…,其中珠三角(4.1亿元): Hong Kong's releases print a value in
    brackets after its name; such a figure is the whole a 其中 part is of."""
    text = IN_SCRIPT[script](
        "上半年输往东盟货值({w}亿元)按年上升12.4%,其中越南(3.1亿元)增加8.2%,泰国(1.6亿元)下跌3.5%。"
    )
    assert ("consistent", None) in verdicts(check_text(text.format(w="6.4")), "part_whole")
    assert ("inconsistent", "error") in verdicts(check_text(text.format(w="2.4")), "part_whole")


def test_trap_a_bracketed_list_is_no_whole(check_text):
    # the bracket lists the kinds; 其中 speaks of the 193 applications, not of the 22
    text = "共受理注册申请193件(中药12件、化药159件、生物制品22件)。其中,优先审评的有85件。"
    assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "part_whole")]


class TestACountedItemCarries:
    """医院门诊人次A,住院人次B: a count named by its measure alone after another count of an
    item counts that item's too, so the items' 住院人次 are parts of the whole's."""

    TEXT = (
        "2025年,全省医疗机构门诊人次3.20亿,住院人次{w}万。分机构看,医院门诊人次2.05亿,"
        "住院人次1240.6万;卫生院门诊人次0.82亿,住院人次356.2万。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_items_admissions_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        labels = [f.label.text for f in table(convert(self.TEXT.format(w="1802.4")))[1]]
        assert "医院住院人次" in labels and "卫生院住院人次" in labels  # the view is Simplified
        # 1240.6 + 356.2 = 1596.8 of 1802.4; of 1502.4 they are too many
        ok = verdicts(check_text(convert(self.TEXT.format(w="1802.4"))), "part_whole")
        assert ("consistent", None) in ok and ("inconsistent", "error") not in ok
        wrong = verdicts(check_text(convert(self.TEXT.format(w="1502.4"))), "part_whole")
        assert ("inconsistent", "error") in wrong

    def test_trap_a_count_with_its_own_item_keeps_it(self, check_text):
        text = "医院门诊人次2.05亿,卫生院住院人次356.2万。"
        assert [f.label.text for f in table(text)[1]][1] == "卫生院住院人次"

    def test_trap_no_item_to_share_across_a_full_stop(self, check_text):
        text = "医院门诊人次2.05亿。住院人次356.2万。"
        assert [f.label.text for f in table(text)[1]][1] == "住院人次"


class TestAPullStatedTwice:
    """外需贡献经济增长a个百分点 (a summary) … 外需贡献a个百分点 (the body): one pull stated twice.
    A bracketed gloss inside the name (外需(即货物和服务净出口)贡献) is read past."""

    TEXT = (
        "2025年全省经济增长5.6%,外需(即货物和服务净出口)贡献经济增长{a}个百分点。"
        "分季度看,增速逐季回升。2025年,最终消费支出拉动经济增长3.05个百分点,"
        "资本形成总额拉动1.27个百分点,外需贡献{b}个百分点。"
    )

    def _pulls(self, claims):
        return [
            (c.verdict, c.severity)
            for c in claims
            if c.type == "agreement" and c.facts.get("key") == "外需"
        ]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_same_pull_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = check_text(convert(self.TEXT.format(a="1.28", b="1.28")))
        assert self._pulls(ok) == [("consistent", None)]
        wrong = check_text(convert(self.TEXT.format(a="1.28", b="1.82")))
        assert self._pulls(wrong) == [("inconsistent", "error")]

    def test_the_gloss_is_read_past(self):
        labels = [f.label.text for f in table(self.TEXT.format(a="1.28", b="1.28"))[1]]
        assert "外需贡献经济增长" in labels

    def test_trap_a_change_of_the_pull_is_no_pull(self, check_text):
        text = self.TEXT.format(a="1.28", b="1.28").replace(
            "外需贡献1.28", "外需拉动比上年提高0.42"
        )
        assert self._pulls(check_text(text)) == []

    def test_trap_a_pull_to_another_growth(self, check_text):
        text = self.TEXT.format(a="1.28", b="1.82").replace("外需贡献1.82", "外需贡献工业增长1.82")
        assert self._pulls(check_text(text)) == []


class TestDigitsPrintedBesidePeers:
    """收入2374百万元,较上年2100百万元增加r: the sentence prints 2374 to its units digit, so 2100 is
    2100, not anything from 2050 to 2150; only its truncation stays a lenient reading."""

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_rate_that_fits_only_a_rounded_peer_is_an_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        text = "2025年,公司录得收入人民币2374百万元,较上年人民币2100百万元增加{r}%。"
        # 2374 / 2100 − 1 = 13.05%; 15.2% fits only 2100 read as 2050..2150
        assert verdicts(check_text(convert(text.format(r="13.0"))), "growth") == [
            ("consistent", None)
        ]
        assert verdicts(check_text(convert(text.format(r="15.2"))), "growth") == [
            ("inconsistent", "error")
        ]

    def test_trap_two_round_figures_keep_the_rounded_reading(self, check_text):
        # 2300 / 2100 − 1 = 9.5%; 11.0% fits 2100 read as rounded to hundreds: a warning
        text = "2025年,公司录得收入人民币2300百万元,较上年人民币2100百万元增加11.0%。"
        assert verdicts(check_text(text), "growth") == [("inconsistent", "warning")]


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_grades_of_one_scale_with_a_bracket_in_a_name(check_text, script):
    """其中:省级a个、市级b个、县(市、区)级c个: a bracket inside an item's name hides its 、, and
    names as short as 省级 are grades of one scale: together at most the whole."""
    text = IN_SCRIPT[script](
        "年末全省共有卫生监督机构{w}个,其中:省级2个、市级24个、县(市、区)级137个。"
    )
    ok = verdicts(check_text(text.format(w="168")), "part_whole")
    assert ok.count(("consistent", None)) == 4  # each part, and the three together
    # 2 + 24 + 137 = 163: no part alone exceeds 150, together they do
    assert verdicts(check_text(text.format(w="150")), "part_whole")[-1] == ("inconsistent", "error")


def test_trap_a_list_that_fills_its_whole_is_sums(check_text):
    # 城镇人口 and 乡村人口 fill the whole: sum checks them; part_whole adds no list of its own
    text = "年末全省总人口600.0万人。其中,城镇人口350.4万人;乡村人口249.6万人。"
    claims = check_text(text)
    assert verdicts(claims, "sum") == [("consistent", None)]
    assert not [c for c in claims if c.type == "part_whole" and c.facts.get("parts")]


class TestKindsNamedAlone:
    """其中医院A个,基层医疗卫生机构B个,专业公共卫生机构C个: after a first part named by its item
    alone, other items named alone are kinds of the whole too, each at most the whole. Kinds
    may overlap (门诊部, 诊所), so their sum is not held against it."""

    TEXT = "年末全市医疗卫生机构{w}个,其中医院86个,基层医疗卫生机构{b}个,专业公共卫生机构47个。"

    @staticmethod
    def _parts(claims):
        return [
            (c.inputs["part"].value, c.verdict)
            for c in claims
            if c.type == "part_whole" and "part" in c.inputs
        ]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_each_kind_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = self._parts(check_text(convert(self.TEXT.format(w="2519", b="2310"))))
        assert ok == [(86, "consistent"), (2310, "consistent"), (47, "consistent")]
        wrong = self._parts(check_text(convert(self.TEXT.format(w="2519", b="3210"))))
        assert (3210, "inconsistent") in wrong

    def test_trap_kinds_together_are_no_claim(self, check_text):
        # 86 + 2400 + 47 exceeds 2519, yet kinds named alone may overlap: no finding
        claims = [c for c in check_text(self.TEXT.format(w="2519", b="2400"))]
        assert {c.verdict for c in claims if c.type == "part_whole"} == {"consistent"}
        assert not [c for c in claims if c.type == "part_whole" and c.facts.get("parts") == 3]

    def test_trap_kinds_of_one_ending_are_not_summed_either(self, check_text):
        # 中心卫生院 are themselves 乡镇卫生院: kinds named alone may nest, whatever their endings
        text = "年末全县医疗卫生机构90个,其中中心卫生院12个,乡镇卫生院86个。"
        assert {v for v, _ in verdicts(check_text(text), "part_whole")} == {"consistent"}

    def test_trap_another_product_after_a_kind_of_the_whole(self, check_text):
        # 便携式监护仪 is a kind of 监护仪; 输液泵 after it is another product, no part of it
        text = "今年出口了监护仪12.5万台,其中便携式监护仪9.8万台,输液泵31.2万台。"
        assert ("inconsistent", "error") not in verdicts(check_text(text), "part_whole")
        assert ("consistent", None) in verdicts(check_text(text), "part_whole")


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_bracketed_gloss_between_a_share_and_its_figure(check_text, script):
    """城镇人口A,占常住人口的比重(常住人口城镇化率)为s: the bracket names the share, the whole
    is still 常住人口."""
    text = IN_SCRIPT[script](
        "年末全县常住人口84.60万人。其中,城镇人口51.27万人,占常住人口的比重(常住人口城镇化率)为{s}%。"
    )
    assert verdicts(check_text(text.format(s="60.60")), "share") == [("consistent", None)]
    assert verdicts(check_text(text.format(s="66.60")), "share") == [("inconsistent", "error")]


class TestSharesOfTheOverall:
    """甲市场规模a,占整体市场的s%;乙市场规模b,占比t%: the overall is the market's own level,
    and 占比 after it is of the same overall, never of 甲's level before it."""

    TEXT = (
        "{head}其中,光学检测是最大的细分领域,2024年市场规模为312亿元,占整体市场的{s}%;"
        "电学检测市场规模为95亿元,占比{t}%;声学检测市场规模为61亿元,占比7.3%。"
    )
    HEAD = "我国无损检测市场规模从2019年的520亿元增长至2024年的836亿元。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_overall_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 312 / 836 = 37.3%, 95 / 836 = 11.4%, 61 / 836 = 7.3%
        ok = check_text(convert(self.TEXT.format(head=self.HEAD, s="37.3", t="11.4")))
        assert verdicts(ok, "share") == [("consistent", None)] * 3
        wrong = verdicts(
            check_text(convert(self.TEXT.format(head=self.HEAD, s="37.3", t="14.1"))), "share"
        )
        assert wrong.count(("inconsistent", "error")) == 1

    def test_trap_no_overall_stated_leaves_the_shares_unchecked(self, check_text):
        # without the market's level, 占比 is of an overall not stated, not of 312
        claims = check_text(self.TEXT.format(head="", s="37.3", t="11.4"))
        assert verdicts(claims, "share") == []
        assert "inconsistent" not in [c.verdict for c in claims]


def test_trap_a_part_of_another_year_than_its_forecast_whole(check_text):
    # 其中 after a forecast for 2029 lists this year's segments: they are no parts of 1500
    text = (
        "2024年市场规模为836亿元,预计到2029年将达到1500亿元。其中,光学检测2024年市场规模为"
        "312亿元,电学检测为95亿元。"
    )
    wholes = [c.inputs["whole"].value for c in check_text(text) if c.type == "part_whole"]
    assert 1500e8 not in wholes


class TestACagrOfTheSpanItNames:
    """从2019年的A增长至2024年的B,复合年增长率为r,预计到2029年将达到C,2024—2029年复合年增长率为q:
    the second rate is of the span it names, from B to C; Taiwan writes 年複合成長率."""

    TEXT = (
        "我国无损检测市场规模从2019年的520亿元增长至2024年的836亿元,复合年增长率为10.0%,"
        "预计到2029年将达到1350亿元,2024—2029年复合年增长率为{q}%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_both_spans_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # (836/520)^(1/5) − 1 = 9.96%; (1350/836)^(1/5) − 1 = 10.06%
        assert (
            verdicts(check_text(convert(self.TEXT.format(q="10.1"))), "cagr")
            == [("consistent", None)] * 2
        )
        assert ("inconsistent", "error") in verdicts(
            check_text(convert(self.TEXT.format(q="12.1"))), "cagr"
        )

    def test_trap_a_span_with_no_value_at_its_start(self, check_text):
        text = self.TEXT.format(q="12.1").replace("2024—2029年", "2022—2029年")
        assert verdicts(check_text(text), "cagr") == [("consistent", None)]

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_taiwans_growth_word(self, check_text, script):
        text = IN_SCRIPT[script](
            "产业营业额由2019年的1,630亿元成长至2024年的2,412亿元,年复合成长率达{r}%。"
        )
        # (2412/1630)^(1/5) − 1 = 8.16%
        assert verdicts(check_text(text.format(r="8.2")), "cagr") == [("consistent", None)]
        assert verdicts(check_text(text.format(r="9.2")), "cagr") == [("inconsistent", "error")]


class TestAnIndustrysProfitMargin:
    """利润总额T,其中…私营企业利润总额p。营业收入R,营业收入利润率m: the margin is the total's
    profit over revenue, not the last item's; ownership kinds overlap (国有控股 firms are often
    股份制 ones), so their profits are never added against the total."""

    TEXT = (
        "2025年,全省规模以上工业企业实现利润总额2860.4亿元,比上年增长4.1%。其中,国有控股企业"
        "实现利润总额905.2亿元;股份制企业实现利润总额2114.7亿元;私营企业实现利润总额812.6亿元。"
        "\n全省规模以上工业企业实现营业收入48120.5亿元,增长3.2%;营业收入利润率为{m}%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_margin_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 2860.4 / 48120.5 = 5.94%; 812.6 / 48120.5 would be 1.69%
        assert verdicts(check_text(convert(self.TEXT.format(m="5.94"))), "share") == [
            ("consistent", None)
        ]
        assert verdicts(check_text(convert(self.TEXT.format(m="6.94"))), "share") == [
            ("inconsistent", "error")
        ]

    def test_trap_overlapping_ownership_kinds(self, check_text):
        # 905.2 + 2114.7 + 812.6 = 3832.5 exceeds 2860.4: no finding, the kinds overlap
        claims = check_text(self.TEXT.format(m="5.94"))
        assert "inconsistent" not in [c.verdict for c in claims if c.type == "part_whole"]


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_share_then_its_level(check_text, script):
    """零售业务收入占集团总收入的s%,达港币X亿元: the level after the share is the part it names,
    its verb read into the figure (达X) and its currency between."""
    text = IN_SCRIPT[script](
        "集团全年总收入为港币615.4亿元,按年增加4.2%。零售业务收入占集团总收入的{s}%,达港币352.6亿元。"
    )
    # 352.6 / 615.4 = 57.3%
    assert verdicts(check_text(text.format(s="57.3")), "share") == [("consistent", None)]
    assert verdicts(check_text(text.format(s="53.7")), "share") == [("inconsistent", "error")]


def test_trap_a_level_of_its_own_name_after_a_share(check_text):
    # the level after the share names its own measure: it is no part of the share
    text = "集团全年总收入为615.4亿元。零售业务收入占集团总收入的53.7%,物业收入为120.1亿元。"
    assert verdicts(check_text(text), "share") == []


class TestAYearsDividend:
    """末期股息每股a元,连同中期股息每股b元,全年股息合共每股c元: the interim and the final make the
    year's dividend (data/partitions.yaml); 合共 announces a total as 合计 does."""

    TEXT = "董事会建议派发末期股息每股港币0.82元,连同中期股息每股港币0.36元,全年股息合共每股港币{c}元。"

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_year_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        assert verdicts(check_text(convert(self.TEXT.format(c="1.18"))), "sum") == [
            ("consistent", None)
        ]
        assert verdicts(check_text(convert(self.TEXT.format(c="1.28"))), "sum") == [
            ("inconsistent", "error")
        ]

    def test_trap_a_special_dividend_is_a_third_part(self, check_text):
        text = self.TEXT.format(c="1.48").replace("0.36元,", "0.36元及特别股息每股港币0.30元,")
        assert "inconsistent" not in [v for v, _ in verdicts(check_text(text), "sum")]


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_trap_averages_of_a_partition_are_no_sum(check_text, script):
    """城镇居民人均可支配收入 and 农村居民人均可支配收入 average over two populations: the whole's
    average lies between them, it is not their sum."""
    text = IN_SCRIPT[script](
        "全年全省居民人均可支配收入38620元,比上年增长5.1%。按常住地分,城镇居民人均可支配收入"
        "51240元,增长4.3%;农村居民人均可支配收入22870元,增长6.2%。"
    )
    assert verdicts(check_text(text), "sum") == []


def test_the_same_partition_of_totals_is_a_sum(check_text):
    # the trap's counterpart: totals of the two populations do add up
    text = (
        "全年全省居民可支配收入总额3862.0亿元。按常住地分,城镇居民可支配收入2712.4亿元;"
        "农村居民可支配收入{r}亿元。"
    )
    assert verdicts(check_text(text.format(r="1149.6")), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(r="1194.6")), "sum") == [("inconsistent", "error")]


class TestThreeMarketsCombined:
    """对甲出口A,占T的a%,仍为第一大出口市场;对乙…b%;对丙…c%。上述三大市场合计占T的s%: the
    combined share is the three parts over the whole, and no fourth item to rank or add."""

    TEXT = (
        "前三季度,全省出口总额为412.5亿美元。对美国出口额为108.6亿美元,占出口总额的26.3%,"
        "仍为第一大出口市场;对欧盟出口额为90.2亿美元,占21.9%;对东盟出口额为61.4亿美元,"
        "占14.9%。上述三大市场合计占出口总额的{s}%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_combined_share_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]

        def combined(text):
            claims = check_text(convert(text))
            return [(c.verdict, c.severity) for c in claims if c.facts.get("combined") == 3]

        # (108.6 + 90.2 + 61.4) / 412.5 = 63.1%
        assert combined(self.TEXT.format(s="63.1")) == [("consistent", None)]
        assert combined(self.TEXT.format(s="68.1")) == [("inconsistent", "error")]

    def test_trap_the_combined_share_is_no_ranked_or_added_item(self, check_text):
        claims = check_text(self.TEXT.format(s="63.1"))
        assert "inconsistent" not in [c.verdict for c in claims]
        assert verdicts(claims, "ranking") == [("consistent", None)]


class TestAPartitionWithAnItemMore:
    """全社会用电量T。其中,第一产业用电量a,第二产业b,第三产业c,城乡居民生活用电量d: the three
    industries are no complete split where the list names a fourth item of the same measure."""

    TEXT = (
        "全年全社会用电量{t}亿千瓦时,增长6.2%。其中,第一产业用电量4.1亿千瓦时,第二产业用电量"
        "205.3亿千瓦时,第三产业用电量70.8亿千瓦时,城乡居民生活用电量62.5亿千瓦时。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_four_items_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        # 4.1 + 205.3 + 70.8 + 62.5 = 342.7; the three industries alone are 280.2
        assert verdicts(check_text(convert(self.TEXT.format(t="342.7"))), "sum") == [
            ("consistent", None)
        ]
        # the four exceed a total of 332.7
        wrong = check_text(convert(self.TEXT.format(t="332.7")))
        assert ("inconsistent", "error") in verdicts(wrong, "part_whole") + verdicts(wrong, "sum")

    def test_trap_an_item_under_a_part_is_no_item_more(self, check_text):
        text = (
            "全年固定资产投资1250.0亿元。第一产业投资50.0亿元;第二产业投资400.0亿元,其中制造业投资"
            "300.0亿元;第三产业投资{c}亿元。"
        )
        assert verdicts(check_text(text.format(c="800.0")), "sum") == [("consistent", None)]
        assert verdicts(check_text(text.format(c="850.0")), "sum") == [("inconsistent", "error")]


class TestAGapToTheNationsRate:
    """全省地区生产总值增长a%,高于全国d个百分点。全国国内生产总值增长b%: the province's 地区生产总值
    and the nation's 国内生产总值 are one measure (生产总值), as 外贸进出口 and 进出口 are."""

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_two_names_of_one_measure_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        text = "全年全省地区生产总值增长5.6%,高于全国{d}个百分点。全国国内生产总值增长4.9%。"
        assert verdicts(check_text(convert(text.format(d="0.7"))), "difference") == [
            ("consistent", None)
        ]
        assert verdicts(check_text(convert(text.format(d="1.7"))), "difference") == [
            ("inconsistent", "error")
        ]
        trade = "上半年,全省外贸进出口增长8.4%,增速比全国高{d}个百分点,全国进出口增长5.1%。"
        assert verdicts(check_text(convert(trade.format(d="3.3"))), "difference") == [
            ("consistent", None)
        ]

    def test_trap_another_measure_of_the_nation(self, check_text):
        text = "全年全省地区生产总值增长5.6%,高于全国1.7个百分点。全国工业增加值增长4.9%。"
        assert verdicts(check_text(text), "difference") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_months_share_is_of_that_months_whole(check_text, script):
    """10月出口a;累计1至10月出口A。10月电子零组件出口p,占出口比重s%: the share is of October's
    exports, not of the ten months' stated after them."""
    text = IN_SCRIPT[script](
        "10月出口金额为402.6亿美元,增加11.2%。累计1至10月出口3,812.5亿美元,增加8.1%。"
        "10月电子零组件出口166.3亿美元,占出口比重{s}%。"
    )
    # 166.3 / 402.6 = 41.3%; of 3,812.5 it would be 4.4%
    assert verdicts(check_text(text.format(s="41.3")), "share") == [("consistent", None)]
    assert verdicts(check_text(text.format(s="44.3")), "share") == [("inconsistent", "error")]


class TestAChangeFromANamedStretch:
    """1—6月增长a%,增速较一季度回落d个百分点,一季度增长b%: a − b = −d, the earlier figure opening
    its clause with the stretch the change names."""

    TEXT = (
        "2025年1—6月,全省规模以上工业增加值同比增长6.3%,增速较一季度回落{d}个百分点,{p}增长7.1%。"
    )

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_the_change_and_a_planted_error(self, check_text, script):
        convert = IN_SCRIPT[script]
        ok = check_text(convert(self.TEXT.format(d="0.8", p="一季度")))
        assert verdicts(ok, "difference") == [("consistent", None)]
        wrong = check_text(convert(self.TEXT.format(d="1.8", p="一季度")))
        assert verdicts(wrong, "difference") == [("inconsistent", "error")]

    def test_trap_another_stretchs_figure(self, check_text):
        text = self.TEXT.format(d="1.8", p="二季度")
        assert verdicts(check_text(text), "difference") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_shares_of_the_wheres_whole_however_named(check_text, script):
    """卫生总费用T,其中政府卫生支出a,占s%;社会卫生支出b,占t%;个人卫生支出c,占u%: each share is of
    the 其中's whole, though 费用 and 支出 are named apart."""
    text = IN_SCRIPT[script](
        "2025年全市卫生总费用为842.6亿元,其中政府卫生支出231.5亿元,占27.5%;社会卫生支出"
        "392.4亿元,占46.6%;个人卫生支出218.7亿元,占{u}%。"
    )
    # 218.7 / 842.6 = 26.0%
    assert verdicts(check_text(text.format(u="26.0")), "share") == [("consistent", None)] * 3
    assert (
        verdicts(check_text(text.format(u="29.0")), "share").count(("inconsistent", "error")) == 1
    )


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_bare_count_named_by_what_it_counts(check_text, script):
    """总诊疗人次5.86亿,比上年增加0.22亿人次,增长r%: the bare 5.86亿 is in 人次, as its change is."""
    text = IN_SCRIPT[script]("全年全市医疗卫生机构总诊疗人次1.48亿,比上年增加0.06亿人次,增长{r}%。")
    # 0.06 / 1.42 = 4.2%
    assert verdicts(check_text(text.format(r="4.2")), "growth") == [("consistent", None)]
    assert verdicts(check_text(text.format(r="6.2")), "growth") == [("inconsistent", "error")]


def test_trap_a_bare_figure_named_otherwise_keeps_no_unit(check_text):
    text = "全年全市医疗卫生机构总收入1.48亿,比上年增加0.06亿人次,增长6.2%。"
    assert verdicts(check_text(text), "growth") == []


# ------------------------------------------------------------------ signed lists
def _sum_signs(claims) -> list[tuple[str, list[int]]]:
    return [(c.verdict, c.facts.get("signs")) for c in claims if c.type == "sum"]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestSignedChangeLists:
    """净减少T家,其中A净减少a家,B净减少b家,C净增加c家: each item's change signed by its verb."""

    TEXT = "报告期末公司网点共计842家,全年净减少{t}家,其中北方区域净减少{a}家,南方区域净减少17家,海外净增加6家。"

    def test_a_list_that_fills_its_change(self, check_text, script):
        # −24 − 17 + 6 = −35
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(t="35", a="24")))
        assert _sum_signs(claims) == [("consistent", [1, 1, -1])]
        assert "−" in explain(claims[[c.type for c in claims].index("sum")])

    def test_a_list_short_of_its_change_is_open(self, check_text, script):
        # −27 − 17 + 6 = −38: a region left unnamed may have grown; no claim, and no error
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(t="35", a="27")))
        assert _sum_signs(claims) == []
        assert not [c for c in claims if c.severity == "error"]

    def test_trap_the_list_of_the_level_after_the_change(self, check_text, script):
        text = "全年网点净减少35家,年末网点共842家,其中北方区域网点510家,南方区域网点332家。"
        claims = check_text(IN_SCRIPT[script](text))
        assert [s for _, s in _sum_signs(claims) if s and -1 in s] == []


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestAProfitWithItsLosses:
    """净利润T,其中A利润a,资产减值损失b: a loss listed beside a profit counts against it."""

    TEXT = "公司全年实现净利润{t}亿元,其中主营业务利润15.62亿元,投资收益0.94亿元,{loss}3.22亿元。"

    def test_the_list_with_its_loss_taken_away(self, check_text, script):
        # 15.62 + 0.94 − 3.22 = 13.34
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(t="13.34", loss="资产减值损失")))
        assert _sum_signs(claims) == [("consistent", [1, 1, -1])]
        assert verdicts(claims, "part_whole") == []  # 15.62 above 13.34: the loss explains it

    def test_a_list_short_of_it_is_no_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(t="12.34", loss="资产减值损失")))
        assert _sum_signs(claims) == []
        assert not [c for c in claims if c.severity == "error"]

    def test_trap_a_loss_turned_around_is_no_loss(self, check_text, script):
        # 扭亏为盈 names a profit: 15.62 + 0.94 + 3.22 = 19.78
        claims = check_text(
            IN_SCRIPT[script](self.TEXT.format(t="19.78", loss="子公司扭亏为盈实现利润"))
        )
        assert [s for _, s in _sum_signs(claims) if s and -1 in s] == []


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_attributable_profit_is_no_share(script):
    """股东应占溢利 (HK: profit attributable to shareholders): 应占 is no 占."""
    text = IN_SCRIPT[script]("集团股东应占溢利增加5.1%,至96.42亿元。")
    found, _ = table(text)
    rate = found[IN_SCRIPT[script]("5.1%")]
    level = found[IN_SCRIPT[script]("96.42亿元")]
    assert (rate.role, rate.whole_label) == ("rate", None)
    assert level.label.text.endswith("溢利") and level.rate == rate.index


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_each_share_of_a_whole_known_by_its_parts_is_its_own_claim(check_text, script):
    """T,其中A a,占比s1;B b,占比s2;C c,占比s3: the coarser whole is known by its parts, which
    every share quotes; each share is still a claim of its own, the middle ones too."""
    text = IN_SCRIPT[script](
        "2025年全国某类设备市场规模为0.46万亿元。其中,甲类设备2,310亿元,占比50.0%;"
        "乙类设备1,155亿元,占比{b}%;丙类设备693亿元,占比15.0%;丁类设备462亿元,占比10.0%。"
    )
    assert verdicts(check_text(text.format(b="25.0")), "share") == [("consistent", None)] * 4
    planted = verdicts(check_text(text.format(b="28.0")), "share")
    assert sorted(planted) == [("consistent", None)] * 3 + [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestASentenceOpenedByTheNameOfItsWhole:
    """其中:医院T个,基层机构U个。医院中,公立医院A个,民营医院B个: the sentence names what it
    splits, an item of the list before."""

    TEXT = (
        "年末全省共有医疗卫生机构9,430个。其中:医院526个,基层医疗卫生机构8,702个,专业公共卫生"
        "机构187个。{name}中,公立{kind}{a}个,民营{kind}{b}个。"
    )

    def totals(self, claims) -> list[tuple[str, float]]:
        return [(c.verdict, c.inputs["total"].value) for c in claims if c.type == "sum"]

    def test_the_split_of_the_item_named(self, check_text, script):
        text = IN_SCRIPT[script](self.TEXT.format(name="医院", kind="医院", a="171", b="355"))
        assert self.totals(check_text(text)) == [("consistent", 526)]

    def test_planted_error(self, check_text, script):
        text = IN_SCRIPT[script](self.TEXT.format(name="医院", kind="医院", a="171", b="365"))
        assert verdicts(check_text(text), "sum") == [("inconsistent", "error")]

    def test_trap_another_item_named(self, check_text, script):
        # the split of 基层医疗卫生机构, not of 医院, the item just before it
        text = self.TEXT.format(name="基层医疗卫生机构", kind="机构", a="5,210", b="3,492")
        assert self.totals(check_text(IN_SCRIPT[script](text))) == [("consistent", 8702)]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestABreakdownAnnouncedByFromThen:
    """从经营主体看,A x;B y;C z: 从…看 announces a breakdown as 分…看 does."""

    TEXT = (
        "今年上半年,全市进出口总值2,840.0亿元,增长5.2%。\n\n"
        "从经营主体看,民营企业进出口{a}亿元,增长8.3%;外商投资企业进出口702.4亿元,下降2.1%;"
        "国有企业进出口301.6亿元,增长1.4%。\n\n"
        "同期,对东盟进出口618.2亿元,增长9.1%,占{s}%。"
    )

    def test_items_above_their_whole_together(self, check_text, script):
        # 1,910.8 + 702.4 + 301.6 = 2,914.8 > 2,840.0
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(a="1,910.8", s="21.8")))
        assert ("inconsistent", "error") in verdicts(claims, "part_whole")

    def test_trap_an_item_is_no_whole_of_a_later_figure(self, check_text, script):
        # 618.2 / 1,710.8 = 36.1%: the share is of the city's whole (21.8%), never of an item
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(a="1,710.8", s="21.8")))
        assert ("inconsistent", "error") not in verdicts(claims, "share")
        assert not [c for c in claims if c.severity == "error"]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestABalancesRateFromItsSidesOfTheSameKind:
    """出口X,较上月减少a,较上年同月增加b;进口M,…;出超T,较上年同月增加r: the sides' rates on
    the same month a year before, not on the month before."""

    TEXT = (
        "11月出口值为386.0亿美元,较上月减少2.6%,较上年同月增加18.0%;进口值为298.4亿美元,"
        "较上月增加3.1%,较上年同月增加12.0%;出超87.6亿美元,较上年同月增加{r}%。"
    )

    def test_consistent(self, check_text, script):
        # 386.0/1.18 − 298.4/1.12 = 327.12 − 266.43 = 60.69; 87.6 / 60.69 − 1 = 44.3%
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(r="44.3")))
        assert verdicts(claims, "growth") == [("consistent", None)]

    def test_planted_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(r="49.3")))
        assert verdicts(claims, "growth") == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestTheSharesOfAnAnnouncedBreakdown:
    """出口T。……就主要市场观察,对甲出口A,占a%;对乙出口B,占b%: the items' unnamed shares are of
    the whole the breakdown splits, however far back; never of an item with a share of its own."""

    TEXT = (
        "本月出口值为520.0亿美元,较上年同月增加12.5%。\n\n"
        "就主要货品观察,电子零组件出口221.0亿美元,占出口总额的42.5%;机械出口46.8亿美元,占9.0%。\n\n"
        "就主要市场观察,对甲国出口156.0亿美元,占{a}%;对乙国出口130.0亿美元,占25.0%;"
        "对丙国出口88.4亿美元。"
    )

    def test_consistent(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(a="30.0")))
        assert verdicts(claims, "share") == [("consistent", None)] * 4

    def test_planted_error(self, check_text, script):
        # 156.0 / 520.0 = 30.0%, not 33.0%; against 电子零组件 (221.0) it would be 70.6%
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(a="33.0")))
        assert sorted(verdicts(claims, "share")) == [("consistent", None)] * 3 + [
            ("inconsistent", "error")
        ]
        wrong = [c for c in claims if c.type == "share" and c.verdict == "inconsistent"]
        assert wrong[0].inputs["whole"].value == pytest.approx(5.2e10)


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_trap_a_figure_with_a_share_of_its_own_is_no_whole(check_text, script):
    """甲出口A,占出口总额的a%。……对乙出口B,占s%: s is of the exports' total, not of A."""
    text = IN_SCRIPT[script](
        "全年出口总额为950.0亿元。\n\n机电产品出口560.0亿元,占出口总额的58.9%。\n\n"
        "对东盟出口171.0亿元,占18.0%。"
    )
    claims = check_text(text)
    assert not [c for c in claims if c.severity == "error"]  # 171.0 / 560.0 is 30.5%
    assert verdicts(claims, "share") == [("consistent", None)]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestHongKongReleases:
    """Hong Kong's releases: 首九个月 is 1-9月, 的临时估计为 links a label to its figure, a month's
    share and the first nine months' are two figures."""

    TEXT = (
        "2025年8月的零售业总销货价值的临时估计为286亿元。在2025年8月,网上销售价值的临时估计为"
        "23.4亿元,占零售业总销货价值的{s}%。\n\n"
        "2025年8月,商品进口货值为4,120亿元。有形贸易逆差为214亿元,相等于商品进口货值的5.2%。\n\n"
        "2025年首八个月合计,有形贸易逆差为1,760亿元,相等于商品进口货值的{t}%。"
    )

    def test_the_first_months_are_a_period(self, script):
        found, _ = table(IN_SCRIPT[script](self.TEXT.format(s="8.2", t="5.6")))
        assert found[IN_SCRIPT[script]("1,760亿元")].period == "2025:1-8月"

    def test_a_share_of_a_provisional_estimate(self, check_text, script):
        # 23.4 / 286 = 8.18%
        assert (
            shares(check_text(IN_SCRIPT[script](self.TEXT.format(s="8.2", t="5.6"))))
            == [("consistent", None)] * 2
        )
        planted = shares(check_text(IN_SCRIPT[script](self.TEXT.format(s="9.2", t="5.6"))))
        assert ("inconsistent", "error") in planted

    def test_trap_a_months_share_and_the_first_months_are_two_figures(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(s="8.2", t="5.6")))
        assert verdicts(claims, "agreement") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_wheres_share_after_the_wholes_rate(check_text, script):
    """T,按年上升r,其中A a,占s%: the whole's rate between it and 其中 leaves 其中 of it."""
    text = IN_SCRIPT[script](
        "访港旅客方面,8月共有365万人次,按年上升7.4%,其中内地旅客276万人次,占{s}%。"
    )
    assert shares(check_text(text.format(s="75.6"))) == [("consistent", None)]
    assert shares(check_text(text.format(s="78.6"))) == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestTheFirstNTogether:
    """前四大企业合计市场份额为s。其中,甲a,乙b,丙c,丁d: four listed of the first four are all of
    them, so they add up to s."""

    TEXT = (
        "2025年,国内前{n}大企业合计市场份额为{s}%,较2021年的18.2%提升6.1个百分点。其中,甲公司"
        "市场份额为8.7%,乙公司为6.9%,丙公司为4.8%,丁公司为3.9%。"
    )

    def test_consistent(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(n="四", s="24.3")))
        assert verdicts(claims, "sum") == [("consistent", None)]

    def test_planted_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(n="4", s="26.3")))
        assert verdicts(claims, "sum") == [("inconsistent", "error")]

    def test_trap_a_list_short_of_the_first_n(self, check_text, script):
        # four of the first five: the fifth is unsaid, so nothing adds up to s
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(n="五", s="27.1")))
        assert verdicts(claims, "sum") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestASpanOfYearsOverItsSemicolons:
    """预计2026-2028年收入分别为A/B/C亿元;净利润分别为D/E/F亿元,同比增长d/e/f: the span gives
    its years to every list of its count up to the full stop, past the semicolons."""

    TEXT = (
        "我们预计公司2026-2028年营业收入分别为54.20/63.40/73.60亿元;归母净利润分别为8.40/10.08/"
        "{f}亿元,同比增长15.0%/20.0%/{r}%。"
    )

    def test_consistent(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(f="11.90", r="18.1")))
        assert verdicts(claims, "growth") == [("consistent", None)] * 2

    def test_planted_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(f="11.90", r="21.1")))
        assert sorted(verdicts(claims, "growth")) == [
            ("consistent", None),
            ("inconsistent", "error"),
        ]

    def test_trap_a_year_named_ends_the_span(self, script):
        text = IN_SCRIPT[script](
            "预计公司2026-2028年营业收入分别为54.20/63.40/73.60亿元;2024年、2025年净利润分别为6.10/7.30亿元。"
        )
        found, _ = table(text)
        assert [found[v].period for v in ("6.10", IN_SCRIPT[script]("7.30亿元"))] != [
            "2026",
            "2027",
        ]


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_change_list_named_by_a_partition_is_complete(check_text, script):
    """净减少T,其中省内净减少a,省外净减少b,境外净增加c: 省内, 省外 and 境外 are all of it, so a
    list that misses its change is an error, not an open list."""
    text = IN_SCRIPT[script](
        "报告期末经销商数量为1,204家,本季度净减少48家,其中省内净减少{a}家,省外净减少31家,境外净增加3家。"
    )
    assert verdicts(check_text(text.format(a="20")), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(a="25")), "sum") == [("inconsistent", "error")]
    # named otherwise, a list short of its change is open: no claim
    other = text.format(a="25").replace(IN_SCRIPT[script]("省内"), IN_SCRIPT[script]("华东"))
    assert verdicts(check_text(other), "sum") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestABreakdownAnnouncedByAnAfter:
    """按四大行业分,A a;B b;C c;D d: 按…分 announces a breakdown as 按…划分 does."""

    TEXT = (
        "前三季度全市工业产值8,642亿元。\n按四大行业分,电子信息工业产值4,120亿元;装备工业产值"
        "{b}亿元;化学工业产值1,416亿元;民生工业产值1,093亿元。"
    )

    def test_items_that_fill_their_whole(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(b="2,013")))
        assert verdicts(claims, "sum") == [("consistent", None)]

    def test_planted_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(b="2,513")))
        assert ("inconsistent", "error") in verdicts(claims, "part_whole")


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestASegmentsMarginAndItsRegions:
    """营业收入R,营业成本C,毛利率m。分产品看,甲类收入A,毛利率a;乙类收入B,毛利率b。分地区看,境内
    收入D,境外收入E: a segment's margin has no cost of its own here, and the regions split the
    company's revenue, not the last product's."""

    TEXT = (
        "报告期内,公司实现营业收入32.50亿元,同比增长10.0%;营业成本12.35亿元;毛利率为{m}%。\n"
        "分产品看,甲类产品收入18.20亿元,同比增长8.6%,毛利率64.2%;乙类产品收入14.30亿元,同比增长11.8%,"
        "毛利率58.7%。\n分地区看,境内收入{d}亿元;境外收入9.80亿元。"
    )

    def test_consistent(self, check_text, script):
        # (32.50 − 12.35) / 32.50 = 62.0%; 22.70 + 9.80 = 32.50
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(m="62.0", d="22.70")))
        assert not [c for c in claims if c.verdict == "inconsistent"]
        assert ("consistent", None) in verdicts(claims, "share")
        totals = [c.inputs["total"].value for c in claims if c.type == "sum"]
        assert totals.count(3.25e9) == 2  # products and regions, both of the company's revenue

    def test_planted_errors(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(m="65.0", d="23.70")))
        assert ("inconsistent", "error") in verdicts(claims, "share")
        # the regions off by 1.00: never summed against the last product's 14.30
        assert all(c.inputs["total"].value == 3.25e9 for c in claims if c.type == "sum")


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_an_items_margin_with_its_cost_in_its_sentence(check_text, script):
    """甲类营业收入A;营业成本B;毛利率R: one sentence of the item throughout, its cost too."""
    text = IN_SCRIPT[script](
        "全年公司营业收入92.40亿元。\n2025年,甲类产品营业收入为58.20亿元,同比增长12.0%;"
        "营业成本为40.10亿元;毛利率为{m}%。"
    )
    # (58.20 − 40.10) / 58.20 = 31.10%
    assert verdicts(check_text(text.format(m="31.10")), "share") == [("consistent", None)]
    assert verdicts(check_text(text.format(m="34.10")), "share") == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestAGapToTheNationsRateStatedApart:
    """我市进出口增长a%,增速高于全国d个百分点。……同期,全国进出口增长b%: the nation's rate of the
    same measure and period, in a paragraph of its own."""

    TEXT = (
        "2025年1—8月,我市外贸进出口总值2,210.4亿元,同比增长6.9%,增速高于全国{d}个百分点。\n\n"
        "出口1,402.6亿元,增长8.8%。\n\n{period},全国外贸进出口同比增长3.4%。"
    )

    def test_consistent(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(d="3.5", period="同期")))
        assert verdicts(claims, "difference") == [("consistent", None)]

    def test_planted_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(d="2.5", period="同期")))
        assert verdicts(claims, "difference") == [("inconsistent", "error")]

    def test_trap_the_nations_rate_of_other_months(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(d="2.5", period="2025年1—7月")))
        assert verdicts(claims, "difference") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestTenThousandsAndTheirRest:
    """20万1,313人, 5万3,126人 (Taiwan's counts) are one figure each; 每十万人口 is a denominator."""

    TEXT = (
        "113年死亡人数共18万6,240人,死亡率每十万人口796.3人。癌症死亡人数为4万8,795人,占所有"
        "死亡人数{s}%;心脏疾病死亡人数2万1,418人,占11.5%。"
    )

    def test_one_figure_each(self, script):
        found, _ = table(IN_SCRIPT[script](self.TEXT.format(s="26.2")))
        values = {printed: f.quantity.value for printed, f in found.items()}
        assert values[IN_SCRIPT[script]("18万6,240人")] == 186240
        assert values[IN_SCRIPT[script]("4万8,795人")] == 48795
        assert not any("十万" in printed or "十萬" in printed for printed in values)

    def test_shares_of_them(self, check_text, script):
        # 48,795 / 186,240 = 26.2%; 21,418 / 186,240 = 11.5%
        assert (
            shares(check_text(IN_SCRIPT[script](self.TEXT.format(s="26.2"))))
            == [("consistent", None)] * 2
        )
        planted = shares(check_text(IN_SCRIPT[script](self.TEXT.format(s="28.2"))))
        assert sorted(planted) == [("consistent", None), ("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
@pytest.mark.parametrize(
    ("overnight", "same_day"), [("留宿旅客", "不过夜旅客"), ("过夜旅客", "即日来回旅客")]
)
def test_visitors_overnight_and_not_split_all_visitors(check_text, script, overnight, same_day):
    """访客T。……A留宿旅客a,不过夜旅客b (or 过夜 / 即日来回): the visitors who stay and those who
    do not are all of them."""
    text = IN_SCRIPT[script](
        "上半年入境旅客共1,846万人次,按年上升9.4%。其中,内地旅客1,352万人次,占73.2%。"
        f"上半年{overnight}{{a}}万人次,{same_day}902万人次。"
    )
    assert verdicts(check_text(text.format(a="944")), "sum") == [("consistent", None)]
    assert verdicts(check_text(text.format(a="994")), "sum") == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestTwoBreakdownsOfOneTopicsExports:
    """全国某产品出口T。从产品看,甲出口A,占s1;乙出口B,占s2。从市场看,对丙出口C,占出口总额的s3:
    C's share is of T, never of B, an item of the breakdown before (whose whole names the topic)."""

    TEXT = (
        "2025年1—6月,全国医疗器械出口额为210.0亿美元,同比增长3.0%。\n\n"
        "从出口产品结构看,医用耗材出口额为75.6亿美元,占医疗器械出口总额的36.0%;医疗设备出口额为"
        "88.2亿美元,占42.0%。\n\n"
        "从出口市场看,对甲国出口48.3亿美元,占出口总额的{s}%;对乙国出口42.0亿美元,占20.0%。"
    )

    def test_consistent(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(s="23.0")))
        assert shares(claims) == [("consistent", None)] * 4

    def test_planted_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(s="25.0")))
        wrong = [c for c in claims if c.type == "share" and c.verdict == "inconsistent"]
        assert [(c.severity, c.inputs["whole"].value) for c in wrong] == [("error", 2.1e10)]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestTaiwansExportOrders:
    """外销订单金额T。……就主要地区观察,自甲地接单A,占a%: each region's 接单 is an item of the
    export orders, and its share is of T."""

    TEXT = (
        "9月外销订单金额为580.0亿美元,较上年同月增加15.0%。\n\n"
        "就主要地区观察,9月自甲地接单197.2亿美元,年增20.1%,占{a}%;自乙地接单127.6亿美元,"
        "年增8.3%,占22.0%。"
    )

    def test_consistent(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(a="34.0")))
        assert shares(claims) == [("consistent", None)] * 2

    def test_planted_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(a="36.0")))
        assert sorted(shares(claims)) == [("consistent", None), ("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_day_in_brackets_is_no_figure(script):
    """经济部今(20)日发布: the day of the month, bracketed, names no figure."""
    found, _ = table(IN_SCRIPT[script]("经济部今(20)日发布统计,9月外销订单金额为580.0亿美元。"))
    assert list(found) == [IN_SCRIPT[script]("580.0亿美元")]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestFourQuartersInASlashList:
    """营业收入T(+r)。Q1/Q2/Q3/Q4分别实现收入A/B/C/D: the four quarters make the year, the year's
    figure in the sentence or the paragraph before them."""

    def test_in_one_sentence(self, check_text, script):
        text = IN_SCRIPT[script](
            "营业收入128.6亿元(+12.4%),Q1/Q2/Q3/Q4分别实现收入29.8/33.5/{c}/34.1亿元。"
        )
        assert verdicts(check_text(text.format(c="31.2")), "sum") == [("consistent", None)]
        assert verdicts(check_text(text.format(c="33.2")), "sum") == [("inconsistent", "error")]

    def test_the_year_a_sentence_before(self, check_text, script):
        text = IN_SCRIPT[script](
            "公司2025年实现营业收入96.4亿元。分季度看,Q1/Q2/Q3/Q4分别实现营业收入21.7/24.3/{c}/25.9亿元。"
        )
        assert verdicts(check_text(text.format(c="24.5")), "sum") == [("consistent", None)]
        assert verdicts(check_text(text.format(c="26.5")), "sum") == [("inconsistent", "error")]

    def test_trap_three_quarters_are_no_year(self, check_text, script):
        text = IN_SCRIPT[script](
            "公司2025年实现营业收入96.4亿元。分季度看,Q1/Q2/Q3分别实现营业收入21.7/24.3/24.5亿元。"
        )
        assert verdicts(check_text(text), "sum") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestSharesNamedByTheirPart:
    """生产总值T。第一产业增加值A;第二产业增加值B;第三产业增加值C。第一产业增加值占地区生产总值的
    比重为a%,第二产业增加值比重为b%: each share names its part, stated before; an unnamed whole is
    what the part's partition splits."""

    TEXT = (
        "前三季度全省地区生产总值12,500.0亿元,同比增长5.0%。\n\n第一产业增加值750.0亿元,增长3.0%;"
        "第二产业增加值4,875.0亿元,增长6.0%;第三产业增加值6,875.0亿元,增长4.8%。"
        "第一产业增加值占地区生产总值的比重为6.0%,第二产业增加值比重为{b}%,第三产业增加值比重为55.0%。"
    )

    def test_consistent(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(b="39.0")))
        assert shares(claims) == [("consistent", None)] * 3

    def test_planted_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(b="41.0")))
        assert sorted(shares(claims)) == [("consistent", None)] * 2 + [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestAnAverageRateThenItsEndAndReference:
    """“十四五”期间,收入年均增长r,2025年达到B,较2020年的A增长g: the rate, then the end and its dated
    reference value after it."""

    TEXT = "“十四五”期间,全省医药工业营业收入年均增长{r}%,2025年达到3,650亿元,较{y}年的2,480亿元增长47.2%。"

    def test_consistent(self, check_text, script):
        # (3650 / 2480)^(1/5) − 1 = 8.04%
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(r="8.0", y="2020")))
        assert verdicts(claims, "cagr") == [("consistent", None)]

    def test_planted_error(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(r="9.0", y="2020")))
        assert verdicts(claims, "cagr") == [("inconsistent", "error")]

    def test_trap_a_reference_of_no_earlier_year(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(r="9.0", y="2025")))
        assert verdicts(claims, "cagr") == []


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestAResultsPagesPerShareAndYearNamedWholes:
    """基本每股收益E。其中,第四季度收入A;归母净利润B: a per-share figure is no whole of a 其中, and
    the clause after the semicolon is the fourth quarter's too; 占2025年归母净利润的s% is of the
    year's profit, never of the quarter's stated nearer."""

    TEXT = (
        "2025年公司实现营业收入64.20亿元,同比增长8.0%;{name}9.60亿元,同比增长10.0%;"
        "基本每股收益0.82元。其中,第四季度实现营业收入17.80亿元,同比增长9.0%;归母净利润2.40亿元。"
        "\n\n公司拟合计派发现金红利3.84亿元,占2025年归母净利润的{s}%。"
    )

    def test_the_quarters_clause_after_a_semicolon(self, script):
        found, _ = table(IN_SCRIPT[script](self.TEXT.format(name="归母净利润", s="40.0")))
        assert found[IN_SCRIPT[script]("2.40亿元")].period == "2025:第四季度"

    def test_the_years_profit(self, check_text, script):
        def dividend(s: str):
            claims = check_text(IN_SCRIPT[script](self.TEXT.format(name="归母净利润", s=s)))
            found = [c for c in claims if c.type == "share" and c.inputs["part"].value == 3.84e8]
            return [(c.verdict, c.severity, c.inputs["whole"].value) for c in found]

        assert dividend("40.0") == [("consistent", None, 9.6e8)]
        assert dividend("45.0") == [("inconsistent", "error", 9.6e8)]

    def test_trap_no_false_error(self, check_text, script):
        # the year's profit named otherwise: the share finds no whole, the quarter's is none
        text = self.TEXT.format(name="归属于母公司股东的净利润", s="40.0")
        claims = check_text(IN_SCRIPT[script](text))
        assert not [c for c in claims if c.severity == "error"]


@pytest.mark.parametrize("script", ["hans", "hant"])
def test_a_share_of_the_measure_itself_stated_after(check_text, script):
    """甲企业进出口A,占全省外贸总值的比重为s%。全省外贸进出口总值T: the whole named by its measure
    alone, stated after the share, is the territory's figure of that measure (外贸 is itself a
    name of 进出口, no item of it)."""
    text = IN_SCRIPT[script](
        "全省民营企业进出口842.6亿元,增长2.1%,占全省外贸总值的比重为{s}%。同期,全省外贸进出口总值"
        "2,493.0亿元,增长4.4%。"
    )
    # 842.6 / 2,493.0 = 33.8%
    assert shares(check_text(text.format(s="33.8"))) == [("consistent", None)]
    assert shares(check_text(text.format(s="35.8"))) == [("inconsistent", "error")]


@pytest.mark.parametrize("script", ["hans", "hant"])
class TestAListOpenedByTheNameOfItsWhole:
    """西药类产品出口T。西药类产品中,原料药出口A;西成药出口B;生化药出口C: the sentence opens with the
    name of its whole; a list that fills it is its complete list."""

    TEXT = (
        "前三季度,西药类产品出口额为318.5亿美元,同比增长4.2%。\n{name}中,原料药出口额为252.1亿美元;"
        "西成药出口额为{b}亿美元;生化药出口额为29.6亿美元。"
    )

    def test_a_list_that_fills_its_whole(self, check_text, script):
        claims = check_text(IN_SCRIPT[script](self.TEXT.format(name="西药类产品", b="36.8")))
        assert verdicts(claims, "sum") == [("consistent", None)]

    def test_trap_short_of_it_or_of_another_name(self, check_text, script):
        short = check_text(IN_SCRIPT[script](self.TEXT.format(name="西药类产品", b="30.8")))
        other = check_text(IN_SCRIPT[script](self.TEXT.format(name="中药类产品", b="36.8")))
        assert verdicts(short, "sum") == verdicts(other, "sum") == []
