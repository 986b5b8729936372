"""Metric identity: the lexicon, scopes, periods and when a statement is only weakly keyed."""

from __future__ import annotations

import pytest

from checks.claims.base import Document
from checks.keys import load_lexicon, statements
from checks.keys.lexicon import load_lexicon as load_from
from checks.keys.statements import publication_year
from checks.read import Source, matching_view


def keyed(text: str, published: int | None = 2024, lexicon=None):
    source = Source("doc", "doc.txt", text, matching_view(text), "utf-8")
    found = statements(Document(source), lexicon or load_lexicon(), published)
    return {text[s.quantity.start : s.quantity.end]: s for s in found}


@pytest.mark.parametrize(
    "text",
    [
        "2023年我国医疗器械市场规模达10358亿元。",
        "2023年我國醫療器械市場規模達10358億元。",
    ],
)
def test_lexicon_aliases_in_both_scripts(text):
    (statement,) = keyed(text).values()
    assert statement.key.measure == "market_size"
    assert statement.key.category == "medical_devices"
    assert statement.key.period == "2023"
    assert statement.key.unit == "money:CNY"
    assert statement.strong


def test_an_editor_can_add_an_alias_without_python(tmp_path):
    text = "2023年全国医疗器械营收规模为1.2万亿元。"
    assert not keyed(text)
    lexicon_file = tmp_path / "metrics.yaml"
    lexicon_file.write_text(
        "measures:\n  revenue:\n    kind: money\n    aliases: [营收规模, 營收規模]\n"
        "categories:\n  medical_devices:\n    aliases: [医疗器械]\n",
        encoding="utf-8",
    )
    (statement,) = keyed(text, lexicon=load_from(lexicon_file)).values()
    assert (statement.key.measure, statement.key.category) == ("revenue", "medical_devices")


def test_scope_partner_modality_and_class():
    found = keyed(
        "截至2024年底,进口注册数量最高的国家为德国407件。第三类医学影像装置进口注册454件。"
        "2024年1.5T磁共振国产占比为47%。2024年德国(14.84亿美元)的进口额最高。"
    )
    assert found["407件"].key.partner == "DE"
    assert found["454件"].key.klass == "III"
    assert found["47%"].key.modality == "MRI_1_5T"


def test_respectively_assigns_places_in_order():
    found = keyed("上海和广东是第一梯队,2024年出口额分别达到13.51亿美元和13.36亿美元。")
    assert found["达到13.51亿美元"].key.region == "CN-SH"
    assert found["13.36亿美元"].key.region == "CN-GD"


def test_period_from_the_sentence_is_strong():
    statement = keyed("截至2023年底,我国60岁及以上老年人口达2.97亿人。")["达2.97亿人"]
    assert statement.key.period == "2023" and statement.strong


def test_period_from_an_earlier_sentence_is_weak():
    text = "2023年市场持续增长。我国医疗器械上市公司增至172家。"
    statement = keyed(text)["172家"]
    assert statement.key.period == "2023"
    assert statement.weak_reasons == ("the year is taken from an earlier sentence",)


def test_publication_date_is_the_last_anchor_and_says_so():
    statement = keyed("我国医疗器械上市公司达172家。", published=2022)["达172家"]
    assert statement.key.period == "2022"
    assert "publication date" in statement.weak_reasons[0]
    assert not keyed("我国医疗器械上市公司达172家。", published=None)


def test_part_of_a_year_is_its_own_period():
    text = "2023年1月至8月,全国基层医疗卫生机构服务量为15.6亿人次。"
    assert keyed(text)["15.6亿人次"].key.period == "2023:1月-8月"
    # 至, an em dash and a hyphen between the months are one period, in both scripts
    dashed = "2023年1月—8月,全國基層醫療衛生機構服務量為15.6億人次。"
    assert keyed(dashed)["15.6億人次"].key.period == "2023:1月-8月"


def test_totals_over_several_years_have_no_single_year():
    assert not keyed("2024年,近10年通过创新审批通道的产品共计23件。")


def test_earlier_value_of_a_movement_is_not_keyed_to_the_later_year():
    found = keyed("2024年1.5T磁共振国产占比从27%增至47%。")
    assert "47%" in found and "27%" not in found


def test_an_alias_names_only_its_own_clause_run():
    found = keyed("2020年全国医疗卫生机构总诊疗人次达49.4亿人次,基层医疗卫生机构17.1亿人次。")
    assert "达49.4亿人次" in found and "17.1亿人次" not in found


def test_population_measures_carry_no_product_category():
    statement = keyed("医疗器械行业持续发展。2023年末全国60岁及以上人口达2.97亿人。")["达2.97亿人"]
    assert statement.key.category == ""


@pytest.mark.parametrize(
    ("view", "stated", "year"),
    [("发布时间:2024-04-19\n正文", None, 2024), ("正文", "2022-03-17", 2022), ("正文", None, None)],
)
def test_publication_year(view, stated, year):
    assert publication_year(view, stated) == year


def test_a_province_named_only_as_全省_is_private_to_its_document():
    found = keyed("2023年全省医疗器械生产企业达3125家。")
    assert found["达3125家"].key.region == "local:doc"


def test_taiwan_is_its_own_region():
    found = keyed("2023年全台医疗器械市场规模达1165亿元。")
    assert found["达1165亿元"].key.region == "TW"
