"""The token grammar, compiled once. It runs on the matching view (Simplified, ASCII digits)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, dict[str, dict]]:
    path = Path(__file__).with_name("qualifiers.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"before": data["before"], "after": data["after"]}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MAGNITUDES = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "亿": 1e8,
    "万": 1e4,
    "千": 1e3,
}
# canonical unit -> (kind, currency or counter); longest spellings first in the pattern
UNITS = {
    "个百分点": ("pp", "pp"),
    "百分点": ("pp", "pp"),
    "pcts": ("pp", "pp"),  # 净利率同比提升2.0pct: brokers' percentage points
    "pct": ("pp", "pp"),
    "%": ("percent", "%"),
    "个千分点": ("ppt", "千分点"),  # 出生率比上年下降0.20个千分点: points of a per-mille rate
    "千分点": ("ppt", "千分点"),
    "‰": ("permille", "‰"),
    "元人民币": ("money", "CNY"),
    "人民币": ("money", "CNY"),
    "元": ("money", "CNY"),
    "美元": ("money", "USD"),
    "欧元": ("money", "EUR"),
    "港元": ("money", "HKD"),
    "日元": ("money", "JPY"),
    "英镑": ("money", "GBP"),
    "新台币": ("money", "TWD"),
    "港币": ("money", "HKD"),
    "澳门元": ("money", "MOP"),
    "澳门币": ("money", "MOP"),
    "澳元": ("money", "AUD"),
    "人次": ("people", "人次"),
    "人": ("people", "人"),
    "家": ("count", "家"),
    "件": ("count", "件"),
    "台": ("count", "台"),
    "个": ("count", "个"),
    "款": ("count", "款"),
    "项": ("count", "项"),
    "例": ("count", "例"),
    "张": ("count", "张"),
    "所": ("count", "所"),
    "座": ("count", "座"),
    "套": ("count", "套"),
    "辆": ("count", "辆"),
    "艘": ("count", "艘"),
    "架": ("count", "架"),
    "只": ("count", "只"),
    "头": ("count", "头"),
    "副": ("count", "副"),
    "双": ("count", "双"),
    "人份": ("count", "人份"),
    "吨": ("mass", "吨"),
    "公斤": ("mass", "公斤"),
    "TWh": ("energy", "TWh"),
    "GWh": ("energy", "GWh"),
    "MWh": ("energy", "MWh"),
    "kWh": ("energy", "kWh"),
    "千瓦时": ("energy", "kWh"),  # 用电量286.5亿千瓦时
    "千瓦": ("power", "kW"),  # 装机容量1.2亿千瓦
    "GW": ("power", "GW"),
    "MW": ("power", "MW"),
    "亩": ("area", "亩"),
    "公顷": ("area", "公顷"),
    "倍": ("multiple", "倍"),
    "周岁": ("age", "岁"),
    "岁": ("age", "岁"),
    "年": ("duration", "年"),
    "吋": ("size", "英寸"),  # 8吋晶圆, 65英寸电视: a size that names a product, not a figure
    "英寸": ("size", "英寸"),
    "纳米": ("size", "纳米"),
}
LATIN_MAGNITUDES = {
    "trillion": 1e12,
    "billion": 1e9,
    "million": 1e6,
    "bn": 1e9,
    "mn": 1e6,
    "T": 1e12,
    "B": 1e9,
    "M": 1e6,
    "K": 1e3,
}
FX_CODES = {
    "USD": "USD",
    "US": "USD",
    "HK": "HKD",
    "HKD": "HKD",
    "NT": "TWD",
    "NTD": "TWD",
    "S": "SGD",
}
CURRENCY_WORDS = {
    "CNY": "元",
    "USD": "美元",
    "EUR": "欧元",
    "HKD": "港元",
    "JPY": "日元",
    "GBP": "英镑",
}
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?: \d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CN_FIRST = "一二两三四五六七八九十零〇"
_CN = rf"[{_CN_FIRST}][{CN_DIGITS}]{{0,15}}"  # bounded: no backtracking blow-up
_MAG = _alternation(MAGNITUDES)
# 14.2x, 10.8X: a multiple in brokerage notes, never a letter of a name (10x Genomics, 3x3)
LATIN_MULTIPLE = r"[xX](?! ?[A-Za-z0-9])"
_UNIT = _alternation(UNITS) + "|" + LATIN_MULTIPLE
# characters after 成 that make it a word, not tenths: 成长, 成为, 成本, 成都, 一成不变 …
_NOT_TENTHS = "长为本交立果员分绩功熟就品都不效型人年材"
_YEAR = r"(?:19|20)\d{2}"
_MONEY_AFTER = r"(?:新台币|人民币|港币)?(?:美元|港元|日元|欧元|元)"
_MONTHS = r"\d{1,2} ?月? ?(?:-|~|—|–|至|到) ?\d{1,2} ?月|\d{1,2} ?月份?(?:\d{1,2}日)?"
_YEAR_PART = rf"末|底|初|上半年|下半年|前三季度|第[一二三四]季度|{_MONTHS}"


def _token_pattern() -> re.Pattern[str]:
    before = _alternation(qualifiers()["before"])
    after = _alternation(qualifiers()["after"])
    date = rf"(?P<date>(?<!\d){_YEAR}[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9])(?!\d))"
    year_range = (
        rf"(?P<yrange>(?<!\d)(?P<y1>{_YEAR}) ?年? ?(?:-|~|—|至|到) ?(?P<y2>{_YEAR}) ?年度?)"
    )
    # 2023全年, 2024上半年: the year before its part, its 年 left out
    year = rf"(?P<year>(?<!\d)(?P<y>{_YEAR}) ?(?:年度?|(?=[全上下]半?年))(?P<ypart>{_YEAR_PART})?)"
    # brokerage notes' quarters and halves: 2025H1, 25Q3, 24Q4 (a two-digit year is 20xx)
    fiscal = (
        r"(?P<fiscal>(?<![\d.A-Za-z])(?P<fy>(?:19|20)?\d{2}) ?"
        r"(?P<fpart>Q[1-4]|H[12])(?![\dA-Za-z]))"
    )
    # Taiwan's official years (民国): 114年 is 2025; not a span of years (100年来, 连续110年)
    roc_year = (
        r"(?P<roc>(?<![\d.近逾续过超])(?P<ry>1[0-2]\d) ?年度?"
        rf"(?!代|来|以来|间|内|之|历史|前|后|左右)(?P<rpart>{_YEAR_PART})?)"
    )
    recent = r"(?P<recent>近 ?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3}) ?年)"
    # a part of the year without its year: 1-5月份, 前7个月, 首九个月 (Hong Kong's), 8月, 7月19日
    months = (
        r"(?P<months>(?<![\d.])(?:[前首] ?(?P<first_n>\d{1,2}|[一二两三四五六七八九十]{1,2}) ?个月"
        r"|\d{1,2} ?月? ?(?:-|~|—|–|至|到) ?\d{1,2} ?月份?|\d{1,2} ?月份?(?: ?\d{1,2} ?日)?)(?!\d))"
    )
    number = (
        rf"(?:百分之(?P<pct_cn>{_CN}|{_NUM})"
        # 3兆7,431亿元 (Taiwan's 兆 is 10¹²): trillions and the 亿 after them are one figure
        rf"|(?<![\d.A-Za-z])(?=[\d,.]{{1,12}} ?兆)(?P<zhao>{_NUM}) ?兆 ?"
        rf"(?:(?P<zhao_yi>{_NUM}) ?(?=亿)|(?={_MONEY_AFTER}))"
        # 20万1,313人, 5万3126人 (Taiwan's counts): ten-thousands and the rest are one figure
        rf"|(?<![\d.,A-Za-z])(?P<wan>[1-9]\d{{0,3}}) ?万 ?"
        rf"(?P<wan_rest>\d,\d{{3}}|\d{{1,4}})(?![\d,.])(?= ?(?:{_UNIT}))"
        # 九成二, 8成, 一成半: tenths (成) of a whole, a share or a rate in percent
        rf"|(?<![\d.])(?P<tenths>[1-9一二两三四五六七八九])成(?P<tenths2>[1-9一二三四五六七八九]|半)?"
        rf"(?![{_NOT_TENTHS}])"
        rf"|(?<![\d.A-Za-z])(?P<sign>-(?=\d))?(?P<num>{_NUM})"
        # a range is A-B, A - B or A~B; "A -B" (a space before the dash only) is A, then -B
        rf"(?:(?P<pct1>%)?(?: ?~ ?|- ?| - )(?P<num2>{_NUM})|(?P<sep_to>至)(?P<num2b>{_NUM}))?"
        rf"|(?<!第)(?P<cn>{_CN})(?= ?(?:余|多)?(?:{_MAG})?(?:{_UNIT}))"
        # 突破千亿元, 首破万亿: a round mark written by its magnitude alone, only after a hedge
        # (the group `prefix` matched): 万亿级产业 is a scale, not a figure
        rf"|(?(prefix)(?<![{CN_DIGITS}\d.,数几上近成])(?P<round>[百千万])(?=[万亿])(?!万万)|(?!)))"
    )
    quantity = (
        # 出超/入超 (a surplus, a deficit) are words, not the hedge 超 before a figure; 收入超过X
        # is a hedge all the same
        rf"(?P<qty>(?:(?:(?<![出入])|(?=超[过出]))(?P<prefix>{before}) ?)?{number}"
        rf"(?P<q1>余|多)?(?: ?(?P<mag>{_MAG}))?(?P<q2>余|多)? ?(?P<unit>{_UNIT})?"
        rf"(?P<post>{after})?)"
    )
    # USD$20.5B, US$ 1.2 billion: an amount written with a currency sign and a Latin magnitude
    dollars = (
        rf"(?P<fx>(?P<fx_code>{_alternation(FX_CODES)})\$ ?(?P<fx_num>{_NUM}) ?"
        rf"(?P<fx_mag>{_alternation(LATIN_MAGNITUDES)})?(?![A-Za-z]))"
    )
    # 翻番, 翻了一番, 翻两番, 翻了一倍: a value doubled (twice doubled …), with no digit
    # and 增长逾倍 (more than doubled): a bound, after its verb
    doubling = (
        r"(?P<doubling>翻(?:了)?(?:(?P<doublings>一|两|二|三)番|番|一倍|1倍)"
        r"|(?<=增长|成长|上升|增加|上涨)(?P<over_double>逾|超)倍)"
    )
    parts = [date, year_range, fiscal, year, roc_year, recent, months, dollars, doubling, quantity]
    return re.compile("|".join(parts))


def _first_characters() -> str:
    """Every character a token can start with: digits, '-', 近, 百(分之), Chinese numerals and
    the first character of each hedge word before a figure."""
    firsts = (
        set("0123456789-近百前翻")  # 千亿 alone is a figure only after a hedge, which starts it
        | {code[0] for code in FX_CODES}
        | set(_CN_FIRST)
        | {w[0] for w in qualifiers()["before"]}
    )
    return "".join(re.escape(c) for c in sorted(firsts))


@lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    # The lookahead rejects most positions with one class test before any branch is tried:
    # eight times faster than letting every branch fail at every character.
    return re.compile(f"(?=[{_first_characters()}])(?:{_token_pattern().pattern})")
