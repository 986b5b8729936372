"""The words in front of a figure, read into a label: subject + measure, without the clause's
connectives, verbs, hedges and period words. The vocabulary is data (data/labels.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from checks import paths
from checks.document import BULLET_MARKS
from checks.vocabulary import DOWN, MANNER, UP

_PERIOD_IN_LABEL = re.compile(
    r"(?:(?:19|20)\d{2} ?年? ?[-~—–至到] ?)?(?:19|20)\d{2} ?年(?:度)?"  # 2025-2027年 too
    r"(?:\d{1,2} ?[-~—–至到] ?\d{1,2} ?月|\d{1,2} ?月份?)?"
    r"|\d{1,2} ?[-~—–至到] ?\d{1,2} ?月(?:份)?|\d{1,2} ?月份?|第 ?[1-4] ?季度?"
    r"|(?<![\dA-Za-z])(?:(?:19|20)?\d{2} ?)?[QH][1-4](?: ?[-~—–至到] ?[QH]?[1-4])?"  # Q1-Q4 too
    r"|(?<!\d)[1-4] ?季度"  # 今年1季度我国进口大麦: the first quarter, no part of the name
    r"|(?:上|去|前|本|今|当)年(?:同期)?"
    r"|(?<!\d)1[0-2]\d ?年(?![代来间内])"  # Taiwan's 民国 years: 112年产值 is 2023's
)
# 市场规模小幅回调至X, 快速扩大至X: the movement that reached the figure names nothing
_MOVED_TO = re.compile(rf"{MANNER}(?:{UP}|{DOWN})了?(?:至|到|为)$")
_CLAUSE_MARK = re.compile(r"[,,;;::、。]")
_PUNCTUATION = re.compile(r"[\s\"“”‘’《》〈〉「」『』*·]")


@dataclass(frozen=True)
class BalanceOf:
    plus: str  # 出口, 收入
    minus: str  # 进口, 支出
    sign: int  # +1 for a surplus, −1 for a deficit
    scoped: bool  # the balance must name the subject of its plus and minus


@dataclass(frozen=True)
class Vocabulary:
    heads: dict[str, str]  # written variant -> canonical measure
    balance: dict[str, BalanceOf]  # canonical measure -> what it is the difference of
    lead: tuple[str, ...]
    link: tuple[str, ...]
    period_parts: tuple[str, ...]
    total_markers: tuple[str, ...]
    scope: tuple[str, ...]
    real_growth: tuple[str, ...]
    margins: dict[str, tuple[str, str, str]]  # 毛利率 -> (毛利, 收入, 成本)
    compounds: dict[str, tuple[str, ...]]  # 产销 -> (产量, 销量): one word naming two measures
    verbs: tuple[str, ...]  # measures written as verbs before their object (进口粮食)
    not_flows: tuple[str, ...]  # stocks, prices, per-unit values: no flow over a period
    signed: tuple[str, ...]  # flows that may be negative in part of a period (利润)
    losses: tuple[str, ...] = ()  # items counting against a profit (投资亏损, 减值损失)
    averages: tuple[str, ...] = ()  # fixed-weight means (指数): a whole between its parts
    per_head: tuple[str, ...] = ()  # per-head figures (人均): no fixed-weight mean of parts
    counters: tuple[str, ...] = ()  # 人次, 人数: a measure counting what the word before names
    subsets: tuple[str, ...] = ()  # 规模以上: a qualifier naming part of what the rest names
    vital_rates: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # the components whose pulls (拉动/贡献…个百分点) add up to a growth rate: each group a
    # tuple of members, each member its spellings
    growth_components: tuple[tuple[tuple[str, ...], ...], ...] = ()
    growth_totals: tuple[str, ...] = ()  # what such a rate is of: 国内生产总值, GDP, 经济增长
    better_higher: tuple[str, ...] = ()  # ratios that improve by rising (ROE, 毛利率)
    better_lower: tuple[str, ...] = ()  # ratios that improve by falling (费用率, 负债率)


@lru_cache(maxsize=4)
def vocabulary(path: Path | None = None) -> Vocabulary:
    with open(path or paths.DATA / "labels.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    heads = {
        variant: canonical
        for canonical, variants in (data.get("heads") or {}).items()
        for variant in variants
    }

    def longest_first(words) -> tuple[str, ...]:
        return tuple(sorted(words or [], key=len, reverse=True))

    return Vocabulary(
        heads=dict(sorted(heads.items(), key=lambda kv: len(kv[0]), reverse=True)),
        balance={
            str(k): BalanceOf(v["plus"], v["minus"], int(v["sign"]), bool(v.get("scoped")))
            for k, v in (data.get("balance") or {}).items()
        },
        lead=longest_first(data.get("lead")),
        link=longest_first(data.get("link")),
        period_parts=longest_first(data.get("period_parts")),
        total_markers=longest_first(data.get("total_markers")),
        scope=longest_first(data.get("scope")),
        real_growth=longest_first(data.get("real_growth")),
        margins={
            str(k): (str(v["part"]), str(v["whole"]), str(v.get("less", "")))
            for k, v in sorted((data.get("margins") or {}).items(), key=lambda kv: -len(kv[0]))
        },
        compounds={str(k): tuple(v) for k, v in (data.get("compounds") or {}).items()},
        verbs=tuple(data.get("verbs") or ()),
        not_flows=tuple(data.get("not_flows") or ()),
        signed=tuple(data.get("signed") or ()),
        losses=longest_first(data.get("losses")),
        averages=tuple(data.get("averages") or ()),
        per_head=tuple(data.get("per_head") or ()),
        subsets=longest_first(data.get("subsets")),
        counters=longest_first(data.get("counters")),
        growth_components=tuple(
            tuple(tuple(longest_first(m.split("|"))) for m in group)
            for group in (data.get("growth_components") or {}).get("groups") or []
        ),
        growth_totals=longest_first((data.get("growth_components") or {}).get("totals")),
        better_higher=longest_first(data.get("better_higher")),
        better_lower=longest_first(data.get("better_lower")),
        vital_rates={
            str(k): (str(v["rate"]), longest_first(v.get("counts")))
            for k, v in (data.get("vital_rates") or {}).items()
        },
    )


@dataclass(frozen=True)
class Label:
    text: str  # the normalised label: subject + canonical measure
    head: str  # the canonical measure it ends in, or ''
    subject: str  # what stands before the measure
    period_words: str  # period words the label held (上半年, 1-9月 …)
    total: bool  # announced as a total (总额, 合计 …)


def read_label(raw: str, words: Vocabulary | None = None) -> Label:
    """Normalise the clause text in front of a figure."""
    if words is None:
        return _read_label_cached(raw)
    return _read_label(raw, words)


@lru_cache(maxsize=65536)
def _read_label_cached(raw: str) -> Label:
    # clauses repeat across a corpus; the default vocabulary is loaded once
    return _read_label(raw, vocabulary())


def _read_label(raw: str, words: Vocabulary) -> Label:
    text = _PUNCTUATION.sub("", _CLAUSE_MARK.split(raw)[-1]).lstrip(BULLET_MARKS)  # a bullet's mark
    found_periods = [m.group(0) for m in _PERIOD_IN_LABEL.finditer(text)]
    text = _PERIOD_IN_LABEL.sub("", text)
    for part in words.period_parts:
        if part in text:
            found_periods.append(part)
            text = text.replace(part, "")
    moved = _MOVED_TO.sub("", text)  # before the links: 升至 of 一路上升至 is one of them
    text = _strip(_MOVED_TO.sub("", _strip(moved, words, keep_heads=True)), words, keep_heads=True)
    for verb in words.verbs:  # 进口了大豆 names what 进口大豆 names
        text = text.replace(verb + "了", verb)
    # "境内注册共计A件" is no total of anything: only a marker inside the label counts
    total = any(marker in text for marker in words.total_markers)
    head, subject = "", text
    for variant, canonical in words.heads.items():
        if text.endswith(variant):
            head = canonical
            subject = _strip(text[: -len(variant)], words).removesuffix("贸易").removesuffix("的")
            text = subject + canonical
            break
    return Label(text, head, subject, "".join(found_periods), total)


def measure_named(text: str) -> Label:
    """The label of `text`, or where it does not end in a measure, of the text up to the end of
    the first measure in it: 支出首次突破千亿元 → 支出, 出口已连续三个月站稳 → 出口."""
    label = read_label(text)
    if label.head:
        return label
    heads = vocabulary().heads
    ends = [text.find(variant) + len(variant) for variant in heads if variant in text]
    return read_label(text[: min(ends)]) if ends else label


# words that open with a connective and are none: 不过夜旅客 (same-day visitors) is no 不过 + 夜旅客
_NO_LEAD = ("不过夜",)


def _strip(text: str, words: Vocabulary, keep_heads: bool = False) -> str:
    """Drop connectives from the front and verbs, hedges and particles from the end, repeatedly;
    never into a measure word (出超 is a measure, not 出 + the hedge 超)."""
    changed = True
    while changed and text:
        changed = False
        at_measure = keep_heads and any(text.startswith(variant) for variant in words.heads)
        for word in () if at_measure else words.lead:  # 累计结存 is a measure, not 累计 + 结存
            if text.startswith(word) and not text.startswith(_NO_LEAD):  # 预计 names nothing
                text, changed = text[len(word) :], True
                break
        if keep_heads and any(text.endswith(variant) for variant in words.heads):
            break
        if text.endswith(words.per_head):
            break  # 人均收入: the 均 of 人均 is no "all" to drop
        for word in words.link:
            if text.endswith(word):
                text, changed = text[: -len(word)], True
                break
    return text


def core_name(text: str, words: Vocabulary | None = None) -> str:
    """A label without its total markers and the scope words that name the reporter's own
    territory (全国, 我省 …): 占同期全省进出口总值 and 全省进出口 name the same whole."""
    if words is None:
        return _core_name_cached(text)
    return _core_name(text, words)


@lru_cache(maxsize=65536)
def _core_name_cached(text: str) -> str:
    return _core_name(text, vocabulary())


def _core_name(text: str, words: Vocabulary) -> str:
    for word in sorted((*words.scope, *words.total_markers), key=len, reverse=True):
        text = text.replace(word, "")  # 全部 before 全: longest first
    return _measure_last(_strip(text, words), words)


_HAN = re.compile(r"[\u4e00-\u9fff]")


def names_a_loss(text: str) -> bool:
    """投资亏损, 减值损失: an item counting against a profit; 扭亏为盈 turns one around."""
    return "扭亏" not in text and any(word in text for word in vocabulary().losses)


def han_characters(text: str) -> int:
    """How many Chinese characters a text holds: two or more name something."""
    return len(_HAN.findall(text))


def unknown_measure_length(name: str) -> int:
    """How many characters a measure the vocabulary does not know takes at the end of a name:
    two (企业数 … 产能), or a counter with the two before it (门诊人次, 出院人次)."""
    counter = next((c for c in vocabulary().counters if name.endswith(c)), "")
    return len(counter) + 2 if counter and len(name) >= len(counter) + 2 else 2


def counted_item(text: str) -> tuple[str, str]:
    """A label ending in a counted measure split into what it counts of and that measure:
    医院门诊人次 → (医院, 门诊人次), 住院人次 → ("", 住院人次); ("", "") for any other label."""
    name = core_name(text)
    if not any(name.endswith(c) for c in vocabulary().counters):
        return "", ""
    length = unknown_measure_length(name)
    return (name[:-length], name[-length:]) if len(name) >= length else ("", "")


def _measure_last(text: str, words: Vocabulary) -> str:
    """ "我国进口粮食" names what "我国粮食进口" names: a measure before its object goes last.
    Only for matching names; a label keeps its words (进口注册 is no 注册进口)."""
    for variant, canonical in words.heads.items():
        if canonical not in words.verbs:
            continue  # 生产企业 are firms, not 企业产量
        at = text.find(variant)
        rest = text[at + len(variant) :] if at >= 0 else ""
        if at >= 0 and han_characters(rest) >= 2:
            return text[:at] + rest + canonical
    return text


def without_total(text: str) -> str:
    """A label without its total markers, scope words kept: 占全国进出口总值 and 占全国外贸 name
    one whole, 占全省 another."""
    for marker in vocabulary().total_markers:
        text = text.replace(marker, "")
    return text


def names_whole(candidate: Label, name: Label) -> bool:
    """Whether a label names the whole a share names: the same measure, of one territory, and
    subjects of which one ends the other (占中国外贸总值 names 进出口总值; 占出口总值 does not name
    进出口; 占全国出口的 does not name 全省出口)."""
    if candidate.head or name.head:
        if candidate.head != name.head or _two_territories(candidate.text, name.text):
            return False
        a, b = core_name(candidate.subject), core_name(name.subject)
        return not a or not b or a.endswith(b) or b.endswith(a)
    a, b = core_name(candidate.text), core_name(name.text)
    return len(a) >= 2 and len(b) >= 2 and (a.endswith(b) or b.endswith(a))


def restates(name: str, earlier: str) -> bool:
    """The same name, or a shorter one that ends it (市场规模 after 体外诊断市场规模): a later
    sentence need not repeat what the measure is of."""
    if len(name) < 2:
        return False
    if name == earlier:
        return True
    # 非直接护理人手 is what 直接护理人手 is not
    return len(name) >= 4 and earlier.endswith(name) and not earlier.endswith("非" + name)


def common_ending(texts: list[str]) -> str:
    """The longest ending every text shares ('' for none)."""
    ending = texts[0]
    for text in texts[1:]:
        while ending and not text.endswith(ending):
            ending = ending[1:]
    return ending


# 占整体, 占总体, 占全部: a whole named by no measure, whatever its sentence is about
GENERIC_WHOLE = re.compile(r"整体|总体|全部|总量|总数|总额|总计|合计")
# 占整体市场的, 占总体的: the overall of the measure, named by no item
OVERALL = re.compile(r"整体|总体|整个|全部")

_NATION = ("全国", "我国", "中国")
_LOCALITY = (
    "全省",
    "我省",
    "本省",
    "全市",
    "我市",
    "本市",
    "全区",
    "我区",
    "本区",
    "全县",
    "全港",
    "全澳",
    "全台",
)


def territory(text: str) -> str:
    """Whether words name the nation, a locality or neither ("nation", "local", ""): scope
    words drop out of names, so this reads them from the words as printed."""
    if any(word in text for word in _NATION):
        return "nation"
    return "local" if any(word in text for word in _LOCALITY) else ""


def _two_territories(a: str, b: str) -> bool:
    """全省出口 and 全国出口: one measure over the nation and over a part of it."""
    return len({territory(a), territory(b)} - {""}) > 1


def siblings(a: str, b: str) -> bool:
    """Two labels of one pattern naming another item: 二级医院 / 三级医院, 第二产业 / 第三产业 (the
    same length, apart in one or two characters)."""
    if len(a) != len(b) or len(a) < 3 or a == b:
        return False
    apart = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    # 出口监护仪 against 便携监护仪 is a measure against a kind, and 全市医疗卫生机构 against
    # 基层医疗卫生机构 the territory's whole against a kind: not two items of one pattern
    words = vocabulary()
    if any(
        "".join(pair[side] for pair in apart) in (*words.heads, *words.scope) for side in (0, 1)
    ):
        return False
    # 品牌 against S7 is a whole against one of its items, not two items of one pattern
    return len(apart) <= 2 and all(x.isascii() == y.isascii() for x, y in apart)


def compatible(a: str, b: str) -> bool:
    """Two subjects that may name one thing: either is unsaid, or one holds the other (中国 and
    中国货物); 对美 and 对德 name two."""
    if not a or not b or a in b or b in a or _abbreviates(a, b) or _abbreviates(b, a):
        return True
    return _partner(a) is not None and _partner(a) == _partner(b)


_PARTNER = re.compile(r"^(?P<scope>.*?)(?:对|自|从|向)(?P<name>[\u4e00-\u9fff]{2,})$")


def _partner(subject: str) -> str | None:
    """对甲国, 自甲国, 从甲国, 向甲国: trade with one partner, whichever way the goods go; the
    scope before it (全省) may be said or not."""
    found = _PARTNER.match(subject)
    return found.group("name") if found else None


def _abbreviates(short: str, long: str) -> bool:
    """居民医保基金 for 城乡居民基本医疗保险基金: a name of four or more characters that keeps
    the long one's characters in order and ends as it does is its short form."""
    if len(short) < 4 or len(short) >= len(long) or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(char in rest for char in short)
