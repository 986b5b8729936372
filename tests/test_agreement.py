"""Agreement and the issue-4 claim types: part_whole, direction, ranking, series."""

from __future__ import annotations

from tests.conftest import only


def verdicts(claims, claim_type):
    return sorted((c.verdict, c.severity) for c in claims if c.type == claim_type)


class TestAgreement:
    def test_same_figure_contradicted_inside_one_article_is_an_error(self, check_text):
        text = (
            "2023年我国医疗器械上市公司达172家。行业持续增长,创新不断。"
            "截至2023年底,我国医疗器械上市公司有185家。"
        )
        claim = only(check_text(text), "agreement")
        assert (claim.verdict, claim.severity) == ("inconsistent", "error")
        assert len(claim.evidence) == 2

    def test_a_repeated_figure_is_consistent(self, check_corpus):
        result = check_corpus(
            {
                "a": "截至2023年底,我国60岁及以上老年人口达2.97亿人。",
                "b": "2023年末全國60週歲及以上老年人口約2.97億人。",
            }
        )
        claim = only(result.claims, "agreement")
        assert claim.verdict == "consistent"
        assert {e.source for e in claim.evidence} == {"a", "b"}

    def test_a_large_group_is_explained_by_its_two_furthest_statements(self, check_corpus):
        counts = [172, 175, 169, 181, 177, 166, 174, 178]  # 166 (f) and 181 (d) lie furthest
        texts = {
            name: f"截至2023年底,我国医疗器械上市公司有{n}家。"
            for name, n in zip("abcdefgh", counts, strict=True)
        }
        claim = only(check_corpus(texts).claims, "agreement")
        assert claim.verdict == "inconsistent" and len(claim.inputs) == 8
        assert "166家 (f)" in claim.explanation and "181家 (d)" in claim.explanation
        assert "172家" not in claim.explanation
        assert "and 6 more statements, the values ranging from 166 to 181" in claim.explanation

    def test_rounding_overlap_is_consistent(self, check_corpus):
        result = check_corpus(
            {
                "a": "2023年我国医疗器械市场规模达10358亿元。",
                "b": "2023年我国医疗器械市场规模约1.04万亿元。",
            }
        )
        assert only(result.claims, "agreement").verdict == "consistent"

    def test_related_definitions_disagreeing_are_only_a_warning(self, check_corpus):
        result = check_corpus(
            {
                "a": "2023年我国医疗器械市场规模达10358亿元。",
                "b": "2023年我国医学装备市场规模达12700亿元。",
            }
        )
        claim = only(result.claims, "agreement")
        assert (claim.verdict, claim.severity) == ("inconsistent", "warning")
        assert "definitions differ" in claim.explanation

    def test_a_guessed_year_makes_any_disagreement_a_warning(self, check_corpus):
        result = check_corpus(
            {
                "a": "发布时间:2024-04-19\n我国医疗器械上市公司达172家。",
                "b": "2024年我国医疗器械上市公司达185家。",
            }
        )
        claim = only(result.claims, "agreement")
        assert (claim.verdict, claim.severity) == ("inconsistent", "warning")
        assert "publication date" in claim.explanation

    def test_different_years_are_different_quantities(self, check_text):
        text = "2022年我国医疗器械市场规模达9582亿元。2023年我国医疗器械市场规模达10358亿元。"
        assert not [c for c in check_text(text) if c.type == "agreement"]

    def test_sub_types_are_not_compared_as_equals(self, check_text):
        text = "2023年我国医学影像装置市场规模为562.9亿元。2023年我国医疗装备市场规模为9000亿元。"
        assert not [c for c in check_text(text) if c.type == "agreement"]


class TestComplementaryShares:
    def test_same_product_and_year_over_100_is_an_error(self, check_text):
        text = "2023年我国磁共振国产占比为47%。2023年我国磁共振进口占比为90%。"
        claim = only(check_text(text), "agreement")
        assert (claim.verdict, claim.severity) == ("inconsistent", "error")
        assert "complementary" in claim.explanation

    def test_shares_that_fit_within_100_are_consistent(self, check_text):
        text = "2023年我国磁共振国产占比为47%。2023年我国磁共振进口占比为53%。"
        assert only(check_text(text), "agreement").verdict == "consistent"

    def test_a_sub_type_share_against_the_whole_modality_is_a_warning(self, check_text):
        text = "2023年我国1.5T磁共振国产占比为47%。2023年我国磁共振进口占比为90%。"
        claim = only(check_text(text), "agreement")
        assert (claim.verdict, claim.severity) == ("inconsistent", "warning")
        assert "products differ" in claim.explanation


class TestPartWhole:
    def test_parts_within_the_whole(self, check_text):
        text = "截至2024年底,我国医学影像装置生产企业达2641家。其中,可生产第一类医疗器械企业1930家;可生产第三类医疗器械企业499家。"
        assert verdicts(check_text(text), "part_whole") == [("consistent", None)] * 2

    def test_a_part_larger_than_its_whole_is_an_error(self, check_text):
        text = "全国医疗器械生产企业共2641家,其中三类企业2841家。"
        claim = only(check_text(text), "part_whole")
        assert (claim.verdict, claim.severity) == ("inconsistent", "error")

    def test_traditional_script(self, check_text):
        text = "2023 年我國衛生總費用為90 575.8億元, 其中個人衛生支出為24 751.1億元。"
        assert only(check_text(text), "part_whole").verdict == "consistent"


class TestDirection:
    def test_rise_matches_the_values(self, check_text):
        text = "市场规模由2012年的2966亿元增至2023年的12700亿元。"
        assert only(check_text(text), "direction").verdict == "consistent"

    def test_rise_stated_for_a_fall_is_an_error(self, check_text):
        claim = only(check_text("國產占比從47%增至27%。"), "direction")
        assert (claim.verdict, claim.severity) == ("inconsistent", "error")

    def test_fall_stated_for_a_rise_is_an_error(self, check_text):
        claim = only(check_text("出口额从6.26亿美元下降到10.70亿美元。"), "direction")
        assert (claim.verdict, claim.severity) == ("inconsistent", "error")

    def test_different_time_units_are_not_a_movement(self, check_text):
        text = "有希望把首次放疗时间从1~2周缩短到10~20分钟。"
        assert not [c for c in check_text(text) if c.type == "direction"]


class TestRanking:
    SEED = "截至2024年底,進口註冊數量最高的國家和地區分別為德國407件、美國345 件和日本338件, 韓國83件位列第四。"

    def test_seed_list_in_order(self, check_text):
        claim = only(check_text(self.SEED), "ranking")
        assert claim.verdict == "consistent" and len(claim.inputs) == 4

    def test_list_out_of_order_is_an_error(self, check_text):
        claim = only(check_text(self.SEED.replace("345", "445")), "ranking")
        assert (claim.verdict, claim.severity) == ("inconsistent", "error")

    def test_fourth_place_above_third_is_an_error(self, check_text):
        claim = only(check_text(self.SEED.replace("83件", "383件")), "ranking")
        assert (claim.verdict, claim.severity) == ("inconsistent", "error")

    def test_tiers(self, check_text):
        text = (
            "上海和广东成为第一梯队出口地区,2024年出口额分别达到13.51亿美元和13.36亿美元。"
            "北京和江苏组成第二梯队,出口额分别为9.84亿美元和{x}亿美元。"
        )
        assert only(check_text(text.format(x="9.79")), "ranking").verdict == "consistent"
        bad = only(check_text(text.format(x="14.79")), "ranking")
        assert (bad.verdict, bad.severity) == ("inconsistent", "error")

    def test_a_list_without_a_stated_order_is_no_ranking(self, check_text):
        text = "德國(14.84億美元)、美國(9.59億美元)和日本(17.11億美元)貢獻了主要進口份額。"
        assert not [c for c in check_text(text) if c.type == "ranking"]


class TestSeries:
    def test_a_rate_is_checked_against_values_from_other_sources(self, check_corpus):
        # (9582 / 4800)^(1/7) - 1 = 10.4%, far from 约17.5%; definitions differ, so a warning
        result = check_corpus(
            {
                "a": "2022年中国医疗器械市场规模达9582亿元人民币,近7年复合增速约17.5%。",
                "b": "市场规模从2015年的4800亿元增长到2020年的8400亿元,医疗装备产业快速发展。",
            }
        )
        series = [c for c in result.claims if c.suite_name == "series"]
        assert len(series) == 1
        assert (series[0].verdict, series[0].severity) == ("inconsistent", "warning")
        assert {e.source for e in series[0].evidence} == {"a", "b"}
        assert [line.label for line in result.series]

    def test_a_consistent_series(self, check_corpus):
        # (12700 / 2966)^(1/11) - 1 = 14.14%
        result = check_corpus(
            {
                "a": "2023年我国医学装备市场规模为12700亿元,近11年复合增长率14%。",
                "b": "2012年我国医学装备市场规模为2966亿元。",
            }
        )
        (claim,) = [c for c in result.claims if c.suite_name == "series"]
        assert claim.verdict == "consistent"
        assert [p.key.year for p in result.series[0].points] == [2012, 2023]


class TestEstimates:
    A = "2023年我国医疗器械市场规模达10358亿元。"
    B = "2023年我国医疗器械市场规模达9000亿元。"

    def test_two_publishers_estimating_a_market_differently_is_a_warning(self, check_corpus):
        claim = only(check_corpus({"a": self.A, "b": self.B}).claims, "agreement")
        assert (claim.verdict, claim.severity) == ("inconsistent", "warning")
        assert "estimate this measure differently" in claim.explanation

    def test_one_article_contradicting_itself_is_still_an_error(self, check_text):
        claim = only(check_text(self.A + "行业持续发展。" + self.B), "agreement")
        assert (claim.verdict, claim.severity) == ("inconsistent", "error")
