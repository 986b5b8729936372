"""Issue 13: the fact table, and the relations found from it. Composed sentences, in both
scripts, each with a planted error and a trap beside the consistent case."""

from __future__ import annotations

import csv
import io

import opencc
import pytest

from checks.cli import main
from checks.document import Document
from checks.facts import facts, read_label
from checks.facts.labels import restates
from checks.read import matching_view
from checks.read.source import Source


def table(text: str):
    doc = Document(Source("t", "t", text, matching_view(text), "utf-8"))
    return {text[f.quantity.start : f.quantity.end]: f for f in facts(doc)}, facts(doc)


def verdicts(claims, claim_type: str) -> list[tuple[str, str | None]]:
    return [(c.verdict, c.severity) for c in claims if c.type == claim_type]


# ------------------------------------------------------------------ the table itself
class TestLabels:
    def test_concessive_words_and_the_period_word_are_no_name(self):
        # 虽然多2.5%: the level after it is of 营运收入; 期内总收入 is the period's total revenue
        assert read_label("集团营运收入虽然").text == "集团营运收入"
        assert read_label("期内总收入").text == "收入" and read_label("期内总收入").total

    def test_a_record_set_names_its_measure(self):
        # 产值创下X的新高: 创下 (set a record) is a verb between the measure and its figure
        assert read_label("全年产值创下").head == "产值"

    def test_not_x_restates_no_x(self):
        # 非一线员工 is what 一线员工 is not; 出口总额 … 出口总额 and a longer name ending in it are one
        assert not restates("一线员工人数", "非一线员工人数")
        assert restates("一线员工人数", "全省一线员工人数")

    def test_a_name_ending_in_ji_keeps_it(self):
        # 计 is no verb to drop: 设计 and 预计 end in it
        assert read_label("IC设计产值").subject == "IC设计"
        assert read_label("归母净利润预计为").text == "归母净利润"

    @pytest.mark.parametrize("bullet", ["(2)", "（2）", "②", "- "])
    def test_a_numbered_bullet_names_its_item(self, bullet):
        by, _ = table(f"主要产品情况如下:\n{bullet}甲型设备:2024年营业收入12.3亿元,占比40.0%。\n")
        assert by["12.3亿元"].label.text == "甲型设备收入"

    def test_variants_of_a_measure_are_one_label(self):
        for raw in ("出口额为", "出口总额", "出口总值达", "出口金额约"):
            assert read_label(raw).text == "出口"
        assert read_label("全省医疗器械进出口总额为").head == "进出口"
        assert read_label("全省医疗器械进出口总额为").subject == "全省医疗器械"

    def test_a_per_head_word_keeps_its_last_character(self):
        # 均 alone is a link word (均为: "all are"); inside 人均 and 平均 it is the measure's
        assert read_label("全市居民人均可支配收入").text == "全市居民人均可支配收入"
        assert read_label("全市人均收入").subject == "全市人均"
        assert read_label("两地人口均").text == "两地人口"

    def test_total_and_scope_words_leave_the_name(self):
        from checks.facts.labels import core_name

        # 全部 is one total word, not the scope word 全 and a stray 部
        assert core_name("全部消费品零售总额") == core_name("消费品零售总额") == "消费品零售"
        assert core_name("全省进出口总值") == core_name("进出口")

    def test_connectives_verbs_and_periods_are_not_the_label(self):
        assert read_label("其中,对东盟出口额为").text == "对东盟出口"
        assert read_label("2023年1—9月全市进口").text == "全市进口"
        assert read_label("上半年出超").head == "顺差"  # 出超 is a measure, not 出 + 超

    def test_a_share_reached_by_a_movement(self):
        # 占比一路上升至s: s is the share reached, of the name before 占比; 一路 is a manner
        text = "高端产品出口占比一路上升至35.0%,中端产品占比一路下滑至40.0%。"
        by, facts = table(text)
        assert [f.role for f in facts] == ["share", "share"]
        assert [f.label.text for f in facts] == ["高端产品出口占比", "中端产品占比"]
        assert [f.whole_label for f in facts] == [None, None]  # 比一路攀 is no whole

    def test_a_total_is_marked_inside_the_label_only(self):
        assert read_label("注册备案产品总量达").total
        assert not read_label("境内注册共计").total  # 共计 only links the label to its figure


class TestRolesAndAttachments:
    def test_a_level_takes_its_reference_change_and_rate(self):
        found, _ = table("企业达1,286家,较2022年的1,174家增加112家,增长9.5%。")
        level = found["达1,286家"]
        assert level.role == "level" and found["1,174家"].role == "reference"
        assert found["112家"].role == "change" and found["9.5%"].role == "rate"
        assert (level.reference, level.change, level.rate) == (1, 2, 3)
        assert found["1,174家"].period == ""  # 较2022年的 dates the reference, not the level

    def test_bracketed_and_signed_rates(self):
        found, _ = table("營業收入128.6億元(+12.4%),淨利潤3.2億元(同比-3.2%)。")
        assert found["128.6億元"].rate == found["12.4%"].index
        assert found["3.2億元"].rate == found["-3.2%"].index
        assert found["-3.2%"].quantity.value == -3.2

    def test_another_subjects_comparison_is_not_attached(self):
        found, _ = table("2023年A产品销量为120万台,B产品销量比2022年的100万台增长了5%。")
        assert found["120万台"].reference is None and found["120万台"].rate is None

    def test_a_share_names_its_whole(self):
        found, _ = table("对东盟出口额为38.5亿美元,占出口总额的16.0%。")
        share = found["16.0%"]
        assert share.role == "share" and share.whole_label.text == "出口"
        assert share.attached_to == found["38.5亿美元"].index

    def test_a_comparison_in_the_next_sentence_is_the_levels(self):
        found, _ = table("全市常住人口为1250.00万人。与上年末比较,增加25.00万人,增长率为2.0%。")
        level = found["1250.00万人"]
        assert (level.change, level.rate) == (found["25.00万人"].index, found["2.0%"].index)
        # a sentence naming something new keeps its figures to itself
        found, _ = table("全市常住人口为1250.00万人。户籍人口比上年末增加25.00万人,增长2.0%。")
        assert found["1250.00万人"].change is None and found["1250.00万人"].rate is None

    def test_a_mark_passed_takes_no_rate(self):
        found, _ = table("全年出口5,218.6亿美元,首度突破5,000亿美元,年增率18.2%。")
        assert found["5,218.6亿美元"].rate == found["18.2%"].index
        assert found["突破5,000亿美元"].rate is None

    def test_taiwan_years_and_trillions(self):
        found, _ = table("114年全年外銷訂單5218.6億美元。111年產值達2兆6,812億元。")
        assert found["5218.6億美元"].period == "2025"
        assert found["達2兆6,812億元"].quantity.value == pytest.approx(2.6812e12)
        assert found["達2兆6,812億元"].period == "2022"
        found, _ = table("公司成立于1990年,已有110年来最好的业绩,装机100兆瓦。")
        assert all(f.quantity.value < 1e6 for f in found.values())

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_a_level_after_its_rate_and_a_comma(self, script):
        text = "期内集团总收入按年减少4.26%,至318.40亿元,纯利少9.1%,至52.07亿元。"
        if script == "hant":
            text = opencc.OpenCC("s2t").convert(text)
        found, _ = table(text)
        revenue = next(f for k, f in found.items() if k.startswith("318.40"))
        profit = next(f for k, f in found.items() if k.startswith("52.07"))
        assert revenue.label.head == "收入" and revenue.rate == revenue.index - 1
        assert profit.label.text == "纯利" and profit.rate == profit.index - 1

    @pytest.mark.parametrize("script", ["hans", "hant"])
    def test_last_year_in_a_report_of_last_year(self, script):
        # the release reports last December: 去年12月 is its period, no earlier one
        text = (
            "海关今日公布去年12月对外贸易数据,12月出口512.6亿美元。去年12月进口388.1亿美元,"
            "较去年同期的351.0亿美元增长10.6%。"
        )
        convert = opencc.OpenCC("s2t").convert if script == "hant" else str
        found, _ = table(convert(text))
        imports = next(f for k, f in found.items() if k.startswith("388.1"))
        earlier = next(f for k, f in found.items() if k.startswith("351.0"))
        assert imports.role == "level" and earlier.role == "reference"
        found, _ = table(convert(text.replace("今日公布去年12月", "今日公布")))
        assert next(f for k, f in found.items() if k.startswith("388.1")).role == "prior"

    def test_periods_follow_the_paragraph_and_a_sentence_may_name_its_own(self):
        found, _ = table("2023年1—9月,出口51.2亿美元。其中9月份出口6.1亿美元。")
        assert found["51.2亿美元"].period == "2023:1-9月"
        assert found["6.1亿美元"].period == "2023:9月"


def test_figcheck_facts_prints_and_writes_the_table(tmp_path, capsys):
    source = tmp_path / "d.txt"
    source.write_text("本月出口412.3億美元,進口336.8億美元,出超75.5億美元。", encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert main(["facts", str(source), "--csv", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["figure"], r["measure"], r["role"]) for r in rows] == [
        ("412.3億美元", "出口", "level"),
        ("336.8億美元", "进口", "level"),
        ("75.5億美元", "顺差", "level"),
    ]
    assert all(r["period"] == ":本月" for r in rows)
    assert "出超" not in rows[2]["label"] and "顺差" in capsys.readouterr().out


# ------------------------------------------------------------------ relations found from it
class TestGrowthFromAChange:
    @pytest.mark.parametrize(
        "text",
        [
            "年末全省卫生技术人员52.3万人,比上年增加2.1万人,增长4.2%。",
            "年末全省衛生技術人員52.3萬人,比上年增加2.1萬人,增長4.2%。",
            "全年病床数为9.8万张,比上年减少0.4万张,下降3.9%。".replace("张", "个"),
        ],
    )
    def test_consistent(self, check_text, text):
        assert verdicts(check_text(text), "growth") == [("consistent", None)]

    def test_planted_error(self, check_text):
        # 18.6万 − 1.5万 = 17.1万 before: +8.8%, not +4.2%
        claims = check_text("年末全省执业医师18.6万人,比上年增加1.5万人,增长4.2%。")
        assert verdicts(claims, "growth") == [("inconsistent", "error")]

    def test_reference_and_change_with_the_rate(self, check_text):
        claims = check_text("企业達1,286家,較2022年的1,174家增加112家,增長9.5%。")
        assert ("consistent", None) in verdicts(claims, "growth")
        assert ("inconsistent", "error") not in verdicts(claims, "growth")

    def test_trap_a_change_against_a_forecast_is_not_a_yearly_change(self, check_text):
        text = "第3季出口達1,250億美元,年增20.5%,比原預測高出3.20個百分點,相當於多出33.2億美元。"
        assert not [c for c in check_text(text) if c.type == "growth" and c.verdict != "consistent"]


class TestBalanceAcrossAParagraph:
    def test_consistent_in_both_scripts(self, check_text):
        for text in (
            "本月出口412.3億美元,進口336.8億美元,出超75.5億美元。",
            "2023年1—9月,全省出口额为51.2亿美元,同比增长6.5%;进口额为35.2亿美元,"
            "同比下降1.4%;贸易顺差为16.0亿美元。",
        ):
            assert ("consistent", None) in verdicts(check_text(text), "balance")

    def test_planted_error(self, check_text):
        claims = check_text("上半年,全市出口120.5亿元,进口98.2亿元,贸易顺差32.3亿元。")
        assert verdicts(claims, "balance") == [("inconsistent", "error")]

    def test_trap_another_period_or_currency_gives_no_claim(self, check_text):
        text = "2023年全年出口120.5亿美元。2023年上半年进口50.1亿美元,贸易顺差32.3亿美元。"
        assert not verdicts(check_text(text), "balance")
        text = "全市出口120.5亿元,进口15.2亿美元,贸易顺差32.3亿元。"
        assert not verdicts(check_text(text), "balance")


class TestPartitionSums:
    def test_exports_and_imports_make_the_trade_total(self, check_text):
        text = (
            "2023年1—9月,全省医疗器械进出口总额为86.4亿美元,同比增长3.1%。"
            "其中,出口额为51.2亿美元;进口额为35.2亿美元。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]

    def test_planted_error(self, check_text):
        text = "2022年,全市外贸进出口总值为120.0亿元,其中出口80.0亿元,进口42.0亿元。"
        assert verdicts(check_text(text), "sum") == [("inconsistent", "error")]

    def test_the_total_may_stand_in_the_paragraph_before(self, check_text):
        text = (
            "截至2024年底,醫學影像設備註冊備案產品總量達10 925件。\n"
            "截至2024年底,境內註冊共計9502件,進口註冊共計1423件。"
        )
        assert verdicts(check_text(text), "sum") == [("consistent", None)]

    def test_trap_overlapping_or_unmatched_labels_are_no_partition(self, check_text):
        # 境内注册 and 进口备案 do not split one whole; 出口 of one product is no part of all trade
        text = "截至2024年底,注册备案产品总量达10 000件。境内注册9502件,进口备案1423件。"
        assert not verdicts(check_text(text), "sum")


class TestWherePartsEnd:
    def test_a_bracketed_where_list_ends_at_its_bracket(self, check_text):
        text = "从等级看:三级医院900个(其中:三甲医院500个),二级医院4100个,一级医院3200个。"
        claims = check_text(text)
        assert verdicts(claims, "part_whole") == [("consistent", None)]

    def test_a_sibling_or_unrelated_item_ends_the_list(self, check_text):
        text = "第二产业投资7.50万亿元,其中制造业投资6.20万亿元;第三产业投资12.00万亿元。"
        assert verdicts(check_text(text), "part_whole") == [("consistent", None)]
        text = "出口了呼吸机18.5万台,其中无创呼吸机12.4万台,病员监护仪40.2万台。"
        assert verdicts(check_text(text), "part_whole") == [("consistent", None)]

    def test_planted_error_a_part_above_its_whole(self, check_text):
        text = "出口了呼吸机18.5万台,其中无创呼吸机20.4万台。"
        assert verdicts(check_text(text), "part_whole") == [("inconsistent", "error")]


def test_agreement_needs_the_same_label_when_the_scope_is_unknown(check_text):
    text = "2022年中药类产品出口额30.50亿美元。2022年西药原料出口额250.4亿美元。"
    assert not [c for c in check_text(text) if c.type == "agreement"]
    text = "2022年全市外贸进出口总值为120.0亿元,其中出口80.0亿元,进口40.0亿元。"
    assert not [c for c in check_text(text) if c.type == "agreement"]


def test_figcheck_facts_skips_a_bad_document_and_goes_on(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("本月出口412.3億美元,進口336.8億美元,出超75.5億美元。", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    out = tmp_path / "facts.csv"
    assert main(["facts", str(bad), str(good), "--csv", str(out)]) == 2
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["figure"] for r in rows] == ["412.3億美元", "336.8億美元", "75.5億美元"]
    assert "skipped" in capsys.readouterr().err


@pytest.mark.parametrize("script", ["s", "t"])
def test_rates_respectively_pass_over_an_aside_in_brackets(script):
    text = (
        "上调2025-2027年净利润预测至70.20/76.80/88.10亿元(原预测为66.50/72.30/83.60亿元),"
        "同比增速分别为-5%/9%/15%。"
    )
    if script == "t":
        text = opencc.OpenCC("s2t").convert(text)
    _, found = table(text)
    rates = {
        f.quantity.printed: round(found[f.rate].quantity.value) for f in found if f.rate is not None
    }
    assert rates == {"70.20": -5, "76.80": 9, "88.10": 15}
    # a list in brackets takes them when no list outside does
    text = (
        "总出口52.0亿元,按年上升20.0%;甲类出口(40.0亿元)及乙类出口(12.0亿元)分别增加22.0%和15.0%。"
    )
    by_text, found = table(text)
    assert found.facts[by_text["40.0亿元"].rate].quantity.printed == "22.0"


def test_a_size_names_a_product_and_hong_kong_dollars_are_money():
    by_text, found = table(
        "公司收盘价为88.20港币。8吋晶圆代工产值占比41.0%,65英寸电视销量120万台。"
    )
    assert (by_text["88.20港币"].quantity.kind, by_text["88.20港币"].quantity.unit) == (
        "money",
        "HKD",
    )
    assert [f.quantity.printed for f in found] == ["88.20", "41.0", "120"]
    assert "8吋晶圆代工" in by_text["41.0%"].clause
