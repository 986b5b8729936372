"""Scan a matching view into Period and Quantity tokens, each with its interval."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from checks.quantities.grammar import (
    FX_CODES,
    LATIN_MAGNITUDES,
    MAGNITUDES,
    UNITS,
    qualifiers,
    token_pattern,
)
from checks.quantities.interval import INF, Interval

_EXCLUDED_BEFORE = set("第表图附[每")  # 每十万人口: a denominator, no figure
_RANKED = ("大", "家", "名", "位", "强")  # after 前N: a ranking's first N
_CURRENCY_BEFORE = (("新台币", "TWD"), ("港币", "HKD"), ("澳门元", "MOP"), ("澳门币", "MOP"))
MONTH_DASH = re.compile(r"[~—–至到]")  # 1—9月, 1~9月, 1至9月 are all 1-9月


@dataclass(frozen=True)
class Period:
    """A year, a year range, 近N年, or a part of a year alone (1-5月). `first`/`last` are None
    for 近N年 (a span only) and for a part alone."""

    start: int
    end: int
    first: int | None
    last: int | None
    span_years: int | None = None
    part: str = ""  # 末, 底, 1-11月 …


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float  # scaled by magnitude and sign
    unit: str  # canonical: %, pp, CNY, USD, 家, 人, 倍 …
    kind: str  # money, count, people, percent, pp, multiple, duration, age, number
    strict: Interval  # every printed digit significant, hedge at its usual width
    lenient: Interval  # trailing zeros as rounding, truncation, wider hedges
    qualifier: str  # the hedge rule: exact, approx, floor, above, below, near_below, range
    printed: str  # the number as printed, before magnitude
    whole: bool  # an exact integer count as printed: no magnitude, no hedge, no decimals
    is_range: bool = False
    number_start: int = -1  # where the figure starts, after any hedge word

    def same_unit(self, other: Quantity) -> bool:
        """The same unit and kind: 亿元 with 亿元, not with 亿美元 or with 家."""
        return self.unit == other.unit and self.kind == other.kind

    @property
    def printed_number(self) -> float | None:
        """The number as printed, before magnitude and sign (34.1 in 34.1亿元); None where it is
        not written in digits (四成)."""
        try:
            return float(self.printed.replace(",", "").replace(" ", ""))
        except ValueError:
            return None

    def shown(self, text: str) -> str:
        """The figure as printed in `text`, without a leading hedge word."""
        return text[max(self.start, self.number_start) : self.end]


Token = Period | Quantity


def scan(view: str) -> list[Token]:
    """All tokens of a view, in order. The view must be the same length as the source text."""
    tokens: list[Token] = []
    for match in token_pattern().finditer(view):
        token = _token(match, view)
        if token is not None:
            tokens.append(token)
    return _precise_beside_peers(view, _currency_carried(view, tokens))


_SENTENCE_BOUND = re.compile(r"[。!?\n]")


def _precise_beside_peers(view: str, tokens: list[Token]) -> list[Token]:
    """收入2374百万元,较上年2100百万元: a figure ending in zeros may be rounded to its last
    non-zero digit, unless its sentence prints another exact figure of its unit and size to a
    finer digit; then the writer printed every figure to that digit (see `_printed_as_peers`)."""
    bounds = [m.start() for m in _SENTENCE_BOUND.finditer(view)]
    by_sentence: dict[int, list[int]] = {}
    for at, token in enumerate(tokens):
        if isinstance(token, Quantity):
            by_sentence.setdefault(bisect_left(bounds, token.start), []).append(at)
    for members in by_sentence.values():
        if len(members) >= 2:
            read = _printed_as_peers([tokens[at] for at in members])  # type: ignore[misc]
            for at, quantity in zip(members, read, strict=True):
                tokens[at] = quantity
    return tokens


def _printed_as_peers(quantities: list[Quantity]) -> list[Quantity]:
    """Figures printed together (a sentence; a total and its parts): one ending in zeros is no
    longer read as rounded to its last non-zero digit where another exact figure of its unit
    and size shows a finer digit. 2100 beside 2374 is 2100, not anything from 2050 to 2150;
    only the truncation of its own last digit stays a lenient reading."""
    read = list(quantities)
    for at, quantity in enumerate(quantities):
        if quantity.qualifier != "exact" or quantity.kind in _RATE_KINDS:
            continue
        coarse = _absolute(quantity, _trailing_zero_unit(quantity.printed))
        unit = _absolute(quantity, _last_digit_unit(quantity.printed))
        if coarse <= unit:
            continue
        if any(_shows_finer(peer, quantity, coarse) for peer in quantities if peer is not quantity):
            lenient = Interval(quantity.strict.lo, quantity.strict.hi + unit / 2)
            read[at] = replace(quantity, lenient=lenient)
    return read


def _absolute(quantity: Quantity, digit_unit: float) -> float:
    """A printed digit's unit in the figure's scaled value: 1 in '2374' of 2374百万元 is 10⁶."""
    number = quantity.printed_number
    return abs(quantity.value / number) * digit_unit if number else 0.0


def _shows_finer(peer: Quantity, quantity: Quantity, coarse: float) -> bool:
    """A figure of the same unit and within ten times the size, its last non-zero digit finer
    than the rounding a trailing-zero reading would give `quantity`."""
    if peer.qualifier != "exact" or not peer.same_unit(quantity) or peer.is_range:
        return False
    if not quantity.value / 10 <= peer.value <= quantity.value * 10:
        return False
    shown = _absolute(peer, _last_nonzero_unit(peer.printed))
    return 0 < shown < coarse


def _currency_carried(view: str, tokens: list[Token]) -> list[Token]:
    """新台币2,400亿元,较上年的2,200亿元: a currency named before a figure holds for the bare 元
    figures after it, up to the end of the paragraph or a figure naming 人民币."""
    carried, paragraph = "", -1
    for i, token in enumerate(tokens):
        if not isinstance(token, Quantity) or token.kind != "money":
            continue
        starts = view.rfind("\n", 0, token.start)
        if starts != paragraph:
            carried, paragraph = "", starts
        if token.unit in ("TWD", "HKD", "MOP") and _named_before(view, token):
            carried = token.unit
        elif token.unit == "CNY" and carried and "人民币" not in view[token.start : token.end + 3]:
            tokens[i] = replace(token, unit=carried)
        elif token.unit == "CNY":
            carried = ""
    return tokens


ROC_OFFSET = 1911  # 民国 year 1 is 1912
TRILLION = 1e12  # 兆 in Taiwan's usage


def _named_before(view: str, token: Quantity) -> bool:
    return _currency_before(view, token.start) is not None


def _currency_before(view: str, start: int) -> str | None:
    """The currency a word right before a figure names (新台币2,400亿元), if any."""
    return next((code for word, code in _CURRENCY_BEFORE if view.endswith(word, 0, start)), None)


def _token(match: re.Match[str], view: str) -> Token | None:
    if match.group("date"):
        return None
    if match.group("yrange"):
        first, last = int(match.group("y1")), int(match.group("y2"))
        return Period(match.start(), match.end(), first, last) if first < last else None
    if match.group("fiscal"):
        year = int(match.group("fy"))
        year += 2000 if year < 100 else 0
        return Period(match.start(), match.end(), year, year, part=match.group("fpart"))
    if match.group("year"):
        year = int(match.group("y"))
        part = MONTH_DASH.sub("-", (match.group("ypart") or "").replace(" ", ""))
        return Period(match.start(), match.end(), year, year, part=part)
    if match.group("roc"):
        year = int(match.group("ry")) + ROC_OFFSET
        part = MONTH_DASH.sub("-", (match.group("rpart") or "").replace(" ", ""))
        return Period(match.start(), match.end(), year, year, part=part)
    if match.group("fx"):
        return _dollars(match)
    if match.group("doubling"):
        return _doubling(match, view)
    if match.group("months"):
        return Period(match.start(), match.end(), None, None, part=_months(match))
    if match.group("recent"):
        years = _cn_or_int(match.group("n"))
        return Period(match.start(), match.end(), None, None, span_years=years) if years else None
    return _quantity(match, view)


def _dollars(match: re.Match[str]) -> Quantity | None:
    """USD$20.5B: 20.5 × 10⁹ US dollars, rounded at its last printed digit."""
    printed = match.group("fx_num")
    number = _decimal(printed)
    if number is None:
        return None
    magnitude = LATIN_MAGNITUDES.get(match.group("fx_mag") or "", 1.0)
    half = _last_digit_unit(printed) / 2
    strict = Interval(number - half, number + half).scale(magnitude)
    return Quantity(
        start=match.start(),
        end=match.end(),
        value=number * magnitude,
        unit=FX_CODES[match.group("fx_code")],
        kind="money",
        strict=strict,
        lenient=strict,
        qualifier="exact",
        printed=printed,
        whole=False,
        number_start=match.start("fx_num"),
    )


_DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3}
# 近翻番, 超过翻番, 基本翻番: a doubling hedged has no bounds worth checking
_HEDGED_DOUBLING = re.compile(r"(?:近|接近|将近|几近|超|超过|逾|约|基本|大约|大致|多)$")
DOUBLING = "doubling"  # the qualifier of a doubling: its interval is of the ratio B / A


def _doubling(match: re.Match[str], view: str) -> Quantity | None:
    """翻番 is B = 2A, 翻两番 B = 4A: read as the ratio, from the doubling to a quarter more
    (2A to 2.5A: a value two and a half times as large has risen 1.5倍, not doubled), loosely
    from a little short of it to half more; 翻番多 or a hedge before it bounds nothing."""
    start, end = match.start(), match.end()
    if _HEDGED_DOUBLING.search(view, max(0, start - 2), start) or view.startswith("多", end):
        return None
    factor = 2.0 ** _DOUBLINGS.get(match.group("doublings") or "一", 1)
    if match.group("over_double"):  # 增长逾倍: more than doubled, by how much unsaid
        strict = Interval(factor, INF)
        return _doubled(match, strict, Interval(factor * 0.95, INF), factor)
    strict = Interval(factor, factor * 1.25)
    return _doubled(match, strict, Interval(factor * 0.95, factor * 1.5), factor)


def _doubled(match: re.Match[str], strict: Interval, lenient: Interval, factor: float) -> Quantity:
    start, end = match.start(), match.end()
    return Quantity(
        start=start,
        end=end,
        value=factor,
        unit="倍",
        kind="multiple",
        strict=strict,
        lenient=lenient,
        qualifier=DOUBLING,
        printed=match.group("doubling"),
        whole=False,
        number_start=start,
    )


def _months(match: re.Match[str]) -> str:
    if first := match.group("first_n"):
        return f"1-{int(first if first.isdigit() else _cn2an(first) or 0)}月"
    text = re.sub(r"\d{1,2} ?日$", "", match.group("months").replace(" ", ""))
    return MONTH_DASH.sub("-", text.replace("份", "")).replace("月-", "-")


_SPANS_COUNTED = ("月", "季度", "星期", "小时", "工作日", "交易日")
# 股息率4.6厘, 息率约5厘: a yield in 厘 is in percent (Hong Kong usage); elsewhere 厘 is a
# thousandth of a 元, or of an interest rate's principal
_YIELD_BEFORE = re.compile(r"息率(?:为|达|约|仅|有|逾|近|只有)?\s*$")


def _quantity(match: re.Match[str], view: str) -> Quantity | None:
    start = match.start()
    if start > 0 and view[start - 1] in _EXCLUDED_BEFORE:
        return None
    unit_word = match.group("unit") or ""
    end = match.end()
    in_li = not unit_word and view.startswith("厘", end) and _yields_before(view, start)
    if in_li:
        end += 1
    if not unit_word and view.startswith("季", end):
        return None  # 1季度, 前3季度: a quarter, not a figure
    if (
        not unit_word
        and start > 0
        and view[start - 1] in "(（"
        and view[end : end + 2] in (")日", "）日")
    ):
        return None  # 经济部今(20)日发布: a day of the month, not a figure
    if (
        start > 0
        and view[start - 1] == "前"
        and (unit_word in _RANKED or view[end : end + 1] in _RANKED)
    ):
        return None  # 前5大企业, 前3家, 前10名: the first of a ranking, not a figure
    if unit_word == "个" and view.startswith(_SPANS_COUNTED, end):
        return None  # 前3个月, 连续5个季度: a span of time, not a count of things
    if not unit_word and end < len(view) and view[end].isascii() and view[end].isalpha():
        return None  # 5G, 3.0T: a model name, not a quantity
    parsed = _number(match)
    if parsed is None:
        return None
    low, high, printed, unit_size = parsed
    latin = unit_word in ("x", "X")  # 14.2x
    kind, unit = UNITS.get(unit_word, ("multiple", "倍") if latin else ("number", ""))
    if unit == "CNY":  # 新台币2,400亿元: the currency named before the figure
        unit = _currency_before(view, start) or unit
    if match.group("cn") and unit == "CNY" and not match.group("mag") and high < 10:
        return None  # 三元电池, 二元结构, 多元: a word, not a sum of a few yuan
    if match.group("pct1") or match.group("pct_cn") is not None or match.group("tenths") or in_li:
        kind, unit = "percent", "%"
    magnitude = MAGNITUDES.get(match.group("mag") or "", 1.0)
    if match.group("zhao") is not None and match.group("zhao_yi") is None:
        magnitude = TRILLION  # 3兆元
    sign = -1.0 if match.group("sign") else 1.0
    rule, spec = _rule(match)
    is_range = low != high
    strict, lenient = _intervals(low, high, unit_size, printed, kind, rule, spec)
    strict, lenient = strict.scale(magnitude * sign), lenient.scale(magnitude * sign)
    value = sign * magnitude * (low + high) / 2
    if not all(math.isfinite(v) for v in (value, strict.lo if strict.lo > -INF else 0.0)):
        return None
    whole = rule == "exact" and not is_range and magnitude == 1.0 and "." not in printed
    whole = whole and kind in ("count", "people")
    if whole:  # 48个, 320家: a count of things is a whole number, so it is what it prints
        strict = Interval(low * sign, high * sign)
    return Quantity(
        start=start,
        end=end,
        value=value,
        unit=unit,
        kind=kind,
        strict=strict,
        lenient=lenient,
        qualifier="range" if is_range else rule,
        printed=printed,
        whole=whole,
        is_range=is_range,
        number_start=_number_start(match),
    )


_ROUND = {"百": 100.0, "千": 1000.0, "万": 10000.0}


def _yields_before(view: str, start: int) -> bool:
    return bool(_YIELD_BEFORE.search(view, max(0, start - 8), start))


def _number_start(match: re.Match[str]) -> int:
    for group in ("pct_cn", "zhao", "wan", "tenths", "sign", "num", "cn", "round"):
        if match.group(group) is not None:
            return match.start(group) - (3 if group == "pct_cn" else 0)
    return match.start()


def _number(match: re.Match[str]) -> tuple[float, float, str, float] | None:
    """(low, high, printed, unit of the last printed digit), before magnitude."""
    if match.group("pct_cn") is not None:
        text = match.group("pct_cn")
        value = _cn_or_decimal(text)
        return None if value is None else (value, value, text, _last_digit_unit(text))
    if match.group("cn") is not None:
        value = _cn_or_int(match.group("cn"))
        return None if value is None else (float(value), float(value), match.group("cn"), 1.0)
    if match.group("round") is not None:
        value = _ROUND[match.group("round")]
        return value, value, match.group("round"), value
    if match.group("zhao") is not None:
        return _trillions(match)
    if match.group("wan") is not None:
        rest = match.group("wan_rest")
        value = float(match.group("wan")) * 1e4 + float(rest.replace(",", ""))
        return value, value, match.group("wan") + "万" + rest, 1.0
    if match.group("tenths") is not None:
        return _tenths(match)
    text = match.group("num")
    second = match.group("num2") or match.group("num2b")
    low = _decimal(text)
    high = _decimal(second) if second else low
    if low is None or high is None or high < low:
        return None
    return low, high, text, min(_last_digit_unit(text), _last_digit_unit(second or text))


_SIMPLE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _tenths(match: re.Match[str]) -> tuple[float, float, str, float]:
    """四成 is 40% to the nearest tenth, 四成七 47% to the nearest point, 一成半 15% to the
    nearest half tenth."""
    first, second = match.group("tenths"), match.group("tenths2")
    tens = int(first) if first.isdigit() else _SIMPLE_DIGITS[first]
    printed = match.group("tenths") + "成" + (second or "")
    if second is None:
        return tens * 10.0, tens * 10.0, printed, 10.0
    if second == "半":
        return tens * 10.0 + 5, tens * 10.0 + 5, printed, 5.0
    units = int(second) if second.isdigit() else _SIMPLE_DIGITS[second]
    value = tens * 10.0 + units
    return value, value, printed, 1.0


def _trillions(match: re.Match[str]) -> tuple[float, float, str, float] | None:
    """3兆7,431亿 is 37,431 (亿), precise to its last printed digit; 3兆 alone is 3 × 10¹² and
    takes that magnitude in _quantity."""
    trillions = _decimal(match.group("zhao"))
    if trillions is None:
        return None
    rest = match.group("zhao_yi")
    if rest is None:
        return trillions, trillions, match.group("zhao"), _last_digit_unit(match.group("zhao"))
    hundred_millions = _decimal(rest)
    if hundred_millions is None or hundred_millions >= TRILLION / 1e8:
        return None
    value = trillions * TRILLION / 1e8 + hundred_millions
    return value, value, rest, _last_digit_unit(rest)


def _decimal(text: str) -> float | None:
    cleaned = text.replace(",", "").replace(" ", "")
    try:
        value = float(Decimal(cleaned))
    except (InvalidOperation, ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def _cn_or_int(text: str) -> int | None:
    if text.isdigit():
        return int(text) if len(text) < 6 else None
    value = _cn2an(text)
    return int(value) if value is not None and float(value).is_integer() else None


def _cn_or_decimal(text: str) -> float | None:
    return _decimal(text) if text[0].isdigit() else _cn2an(text)


def _cn2an(text: str) -> float | None:
    import cn2an

    try:  # cn2an raises KeyError as well as ValueError on odd tokens
        return float(cn2an.cn2an(text, "smart"))
    except (KeyError, ValueError, IndexError, TypeError, AttributeError):
        return None


def _last_digit_unit(text: str) -> float:
    """Unit of the last printed digit: 0.01 for '3.25', 1 for '4817' and for '5300'."""
    cleaned = text.replace(",", "").replace(" ", "")
    if "." in cleaned:
        return 10.0 ** -len(cleaned.split(".", 1)[1])
    return 1.0


def _last_nonzero_unit(printed: str) -> float:
    """'3000多' spans 3000 to 4000 and '250余' spans 250 to 260: the last non-zero digit."""
    cleaned = printed.replace(",", "").replace(" ", "")
    if "." in cleaned or not cleaned.isdigit() or set(cleaned) == {"0"}:
        return _last_digit_unit(cleaned) if cleaned[:1].isdigit() else 1.0
    return 10.0 ** (len(cleaned) - len(cleaned.rstrip("0")))


def _trailing_zero_unit(printed: str) -> float:
    """'5300' may be rounded to hundreds; at least two significant figures are kept."""
    cleaned = printed.replace(",", "").replace(" ", "")
    digits = len(cleaned.lstrip("0")) if cleaned.isdigit() else 2
    return min(_last_nonzero_unit(printed), 10.0 ** max(digits - 2, 0))


def _rule(match: re.Match[str]) -> tuple[str, dict]:
    """The strongest hedge among prefix, 余/多 and suffix; plain 'exact' when none."""
    table = qualifiers()
    found: list[dict] = []
    if match.group("prefix"):
        found.append(table["before"][match.group("prefix")])
    if match.group("q1") or match.group("q2"):
        found.append(table["after"]["余"])
    if match.group("post"):
        found.append(table["after"][match.group("post")])
    hedges = [spec for spec in found if spec["rule"] != "exact"]
    if not hedges:
        return "exact", {}
    return hedges[-1]["rule"], hedges[-1]


# Rates print their units digit: '30%' means [29.5, 30.5], not [25, 35]; so do ‰ and points.
_RATE_KINDS = frozenset({"percent", "pp", "permille", "ppt"})


def _intervals(
    low: float, high: float, unit: float, printed: str, kind: str, rule: str, spec: dict
) -> tuple[Interval, Interval]:
    coarse = unit if kind in _RATE_KINDS else max(unit, _trailing_zero_unit(printed))
    rounded = Interval(low - unit / 2, high + unit / 2)
    rounded_lenient = Interval(low - coarse / 2, high + max(coarse / 2, unit))
    if rule == "exact":
        return rounded, rounded_lenient
    if rule == "floor":
        span = max(unit, _last_nonzero_unit(printed))
        return Interval(low, high + span), Interval(low, high + span)
    if rule == "above":
        return Interval(low, INF), Interval(low - coarse / 2, INF)
    if rule == "below":
        floor = 0.0 if low >= 0 else -INF
        return Interval(floor, high), Interval(floor, high + coarse / 2)
    if rule == "near_below":
        strict = Interval(low * (1 - spec["relative"]), high)
        lenient = Interval(low * (1 - spec["lenient_relative"]), high + coarse / 2)
        return strict, lenient
    # approx: the printed rounding or the relative width, whichever is wider
    strict = rounded.hull(Interval(low * (1 - spec["relative"]), high * (1 + spec["relative"])))
    lenient = rounded_lenient.hull(
        Interval(low * (1 - spec["lenient_relative"]), high * (1 + spec["lenient_relative"]))
    )
    return strict, lenient
