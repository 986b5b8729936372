"""sum: listed components against a stated total.

Only lists known to be complete, because categories often overlap ("firms able to make class
I / II / III devices" need not add up to all firms):
  A x、B y 和 C z,合计/共计/总计 T       an explicit total after the list
  总量 T,其中 A x、B y                   only when A, B cover a partition in data/partitions.yaml
  前三季度T。其中,一季度a,二季度b,三季度c  stretches that cover the whole's period exactly
and, from the fact table, partitions, structures, announced breakdowns that fill their whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from checks.claims.base import (
    RELATION_COLUMNS,
    Claim,
    amount_text,
    as_printed,
    fmt,
    has_total_marker,
    interval_text,
    loose_row,
    loosely,
    quote_apart,
    relation_row,
    same_unit,
    signed_total,
    total_of,
)
from checks.claims.part_whole import is_flow, one_flow, signed_flow
from checks.claims.share import combined_shares
from checks.document import AMOUNT_KINDS, Document
from checks.facts import facts, read_label, vocabulary
from checks.facts.labels import names_a_loss
from checks.facts.partitions import (
    complete_breakdowns,
    compositions,
    contribution_lists,
    named_once,
    names,
    partition_groups,
    partitions_of,
    rest_after,
    where_change_lists,
    where_lists,
)
from checks.facts.periods import months, year_of
from checks.facts.table import Fact, FactTable, structures
from checks.quantities import Interval, Quantity

NAME = "sum"
WHOLE = Interval.point(100.0)  # what the shares of a structure add up to
_TOTAL_AFTER = re.compile(r"(?:合计|共计|总计|总共|一共|加总)(?:为|达到|达|约)?\s*")
_WHERE = re.compile(r"其中\s*[,:]?")
_LIST_GLUE = re.compile(r"^[\s、,,和及与以及分别为]*[^\d,,。;]{0,14}$")


def partitions(path: Path | None = None) -> list[list[str]]:
    return [parts for parts, _ in partition_groups(path)]


class Sum:
    name = NAME
    columns = RELATION_COLUMNS

    def find(self, doc: Document) -> Iterator[Claim]:
        yield from self._listed_then_total(doc)
        yield from self._total_then_partition(doc)
        yield from _partitions_from_facts(doc)
        yield from _structures(doc)
        yield from _partition_shares(doc)
        yield from _contributions_whole(doc)
        yield from _announced(doc)
        yield from _signed_changes(doc)
        yield from _profits_with_losses(doc)
        yield from _top_members(doc)
        yield from _sub_periods(doc)
        yield from _shares_and_the_rest(doc)
        yield from _members_shares(doc)
        yield from _pulls_of_a_rate(doc)

    def explain(self, claim: Claim) -> str:
        return explain(claim)

    def _listed_then_total(self, doc: Document) -> Iterator[Claim]:
        for match in _TOTAL_AFTER.finditer(doc.view):
            found = doc.quantities_in(match.end(), match.end() + 10)
            if not found or found[0].start != match.end() and found[0].number_start != match.end():
                continue
            total = found[0]
            start = doc.sentences[doc.sentence_at(match.start())][0]
            components = _contiguous(doc, doc.quantities_in(start, match.start()), total)
            if len(components) >= 2:
                yield _claim(doc, total, components, "listed")

    def _total_then_partition(self, doc: Document) -> Iterator[Claim]:
        for index in range(len(doc.sentences)):
            amounts = [q for q in doc.sentence_quantities(index) if q.kind in AMOUNT_KINDS]
            if len(amounts) < 2:  # a partition has two parts at least
                continue
            for unit in {q.unit for q in amounts}:
                parts = _partition_cover(doc, [q for q in amounts if q.unit == unit])
                total = parts and _total_before(doc, parts[0], index)
                if total:
                    yield _claim(doc, total, parts, "partition")


def _partitions_from_facts(doc: Document) -> Iterator[Claim]:
    """Parts whose labels cover a partition, and the total they belong to, found by label in
    their paragraph or the one before: "进出口总额T……其中,出口额X……;进口额M", or
    "注册备案产品总量T。……境内注册A,进口注册B"; or named by the total itself: "产值(含A、B)T"."""
    table = facts(doc)
    for found in partitions_of(table) + compositions(table):
        if found.total is not None:
            parts = [p.quantity for p in sorted(found.parts, key=lambda f: f.index)]
            yield _claim(doc, found.total.quantity, parts, "partition")


def _announced(doc: Document) -> Iterator[Claim]:
    """出口额T。分品类看,A a;B b;C c / T,其中A a;B b: items announced as a breakdown, or listed
    after 其中, that fill their whole within rounding are the whole's complete list (short of it,
    part_whole checks them)."""
    table = facts(doc)
    for found in complete_breakdowns(table):
        whole, parts = found.total, list(found.parts)
        yield _claim(doc, whole.quantity, [p.quantity for p in parts], "announced")
        shares = [_own_share(table, p) for p in parts]
        if all(s is not None for s in shares):  # 星河S7交付A,占比a%,…: a complete list's shares
            yield quote_apart(doc, _of_a_hundred(doc, [s.quantity for s in shares]))


def _signed_changes(doc: Document) -> Iterator[Claim]:
    """净减少T,其中A净减少a,B净减少b,C净增加c: changes of the items, each signed by its verb
    against the whole's, that add up to the whole's change, or are named by the words of a
    partition (省内, 省外, 境外), are its complete list; short of it, items may be left out, and
    nothing is claimed."""
    for whole, items in where_change_lists(facts(doc)):
        parts = [f.quantity for f in items]
        signs = [item.direction * whole.direction for item in items]
        fills = signed_total(parts, signs, as_printed).meet(whole.quantity.strict) is not None
        if not fills and not _a_partition(items):
            continue  # a list short of its change may leave items out
        yield quote_apart(doc, _claim(doc, whole.quantity, parts, "signed changes", signs))


def _a_partition(items: list[Fact]) -> bool:
    """Items named one each by the words of a partition group (省内, 省外, 境外): all of it."""
    return any(
        len(words) == len(items) and named_once(items, words, total_word) is not None
        for words, total_word in partition_groups()
    )


def _profits_with_losses(doc: Document) -> Iterator[Claim]:
    """净利润T,其中A利润a,B利润b,投资亏损c: a profit's listed items, its losses taken away,
    that add up to it are its complete list; short of it, nothing is claimed."""
    table = facts(doc)
    for whole, items in where_lists(table):
        if not signed_flow(whole):
            continue
        signs = [-1 if names_a_loss(f.label.text) else 1 for f in items]
        if names_a_loss(whole.label.text) or -1 not in signs or 1 not in signs:
            continue
        parts = [f.quantity for f in items]
        if signed_total(parts, signs, as_printed).meet(whole.quantity.strict) is None:
            continue
        yield quote_apart(doc, _claim(doc, whole.quantity, parts, "profit and losses", signs))


# 前五大企业, 前三家, 前十名, 前4强: the first N of a ranking, together
_TOP_N = re.compile(
    r"前\s*(?P<n>1\d|[2-9]|十[一二三四五]|[二两三四五六七八九十])\s*(?:大|家|名|位|强)"
)
_CN_COUNT = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
_LIST_STOP = re.compile(r"[。\n]")


def _top_members(doc: Document) -> Iterator[Claim]:
    """前五大企业合计市场份额为s。其中,A公司为a,B公司为b,…: the first N's figure together, and
    exactly N figures of its kind listed after 其中, each named: the list is the whole of them."""
    table = facts(doc)
    for whole in table:
        found = _TOP_N.search(whole.clause) if "前" in whole.clause else None
        if found is None or whole.quantity.is_range:
            continue
        members = _listed_after_where(table, whole)
        if len(members) != _count(found.group("n")) or not all(f.label.text for f in members):
            continue
        claim = _claim(doc, whole.quantity, [f.quantity for f in members], "top")
        yield quote_apart(doc, claim)


def _count(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 2:  # 十一 … 十五
        return 10 + _CN_COUNT[text[1]]
    return _CN_COUNT[text]


def _listed_after_where(table: FactTable, whole: Fact) -> list[Fact]:
    """The figures of the whole's kind, unit and role after the 其中 that follows it in its
    sentence or opens the next, up to the full stop."""
    doc = table.doc
    last = min(whole.sentence + 1, len(doc.sentences) - 1)
    where = _WHERE.search(doc.view, whole.quantity.end, doc.sentences[last][1])
    if where is None or doc.sentence_at(where.start()) > last:
        return []
    stop = _LIST_STOP.search(doc.view, where.end())
    end = stop.start() if stop else len(doc.view)
    roles = {"share", "ratio"} if whole.role in ("share", "ratio") else {whole.role}
    return [
        f
        for f in table.facts[whole.index + 1 :]
        if where.end() <= f.quantity.start
        and f.quantity.end <= end
        and f.role in roles
        and f.quantity.kind == whole.quantity.kind
        and f.quantity.unit == whole.quantity.unit
        and not f.quantity.is_range
    ]


_PULL = re.compile(r"拉动|贡献|带动|拖累|下拉")
_PULLS_DOWN = re.compile(r"向下拉动|负拉动|拖累|下拉|负贡献")


def _pulls_of_a_rate(doc: Document) -> Iterator[Claim]:
    """GDP增长g%。最终消费支出拉动经济增长a个百分点,资本形成总额拉动b个百分点,货物和服务净出口
    向下拉动c个百分点: the pulls of every member of a group of components, one each, add up to
    the rate before them (data/labels.yaml, growth_components); a pull down counts against."""
    table = facts(doc)
    words = vocabulary()
    pulls = [f for f in table if f.role == "pp" and _PULL.search(f.clause)]
    named = {f.index: _named_before(table, f) for f in pulls}
    for group in words.growth_components if pulls else ():
        members = [_member_pulls(pulls, named, spellings) for spellings in group]
        if any(len(found) != 1 for found in members):
            continue
        found = [m[0] for m in members]
        rate = _rate_pulled(table, min(found, key=lambda f: f.index), words.growth_totals)
        if rate is None:
            continue
        signs = [-1 if _PULLS_DOWN.search(f.clause) else 1 for f in found]
        yield quote_apart(
            doc, _claim(doc, rate.quantity, [f.quantity for f in found], "pulls", signs)
        )


def _named_before(table: FactTable, pull: Fact) -> str:
    """What a pull is of: the words of its sentence since the figure before it (国外净需求(即
    净出口)拉动增长a; 国内需求方面,合计贡献b)."""
    doc = table.doc
    start = doc.sentences[pull.sentence][0]
    before = table.get(pull.index - 1)
    if before is not None and before.sentence == pull.sentence:
        start = before.quantity.end
    return doc.between(start, pull.quantity.start)


def _member_pulls(
    pulls: list[Fact], named: dict[int, str], spellings: tuple[str, ...]
) -> list[Fact]:
    """The member's pulls; one stated again as printed before counts once."""
    found = [f for f in pulls if any(word in named[f.index] for word in spellings)]
    return found[:1] if len({f.quantity.printed for f in found}) == 1 else found


def _rate_pulled(table: FactTable, first: Fact, totals: tuple[str, ...]) -> Fact | None:
    """The nearest year-on-year rate before the first pull that names what the pulls are of."""
    for fact in reversed(table.facts[: first.index]):
        if fact.role == "rate" and not fact.monthly and any(w in fact.clause for w in totals):
            return fact
    return None


def _members_shares(doc: Document) -> Iterator[Claim]:
    """甲和乙两款车型占比s … 甲,占比a;乙,占比b: shares of one whole add up to the members'
    combined share."""
    for found in combined_shares(doc):
        shares = [m.share.quantity for m in found.members]
        yield quote_apart(doc, _claim(doc, found.share.quantity, shares, "combined shares"))


def _own_share(table: FactTable, part: Fact) -> Fact | None:
    """The share stated with an item (A,占比a%) that names no other whole."""
    return next((f for f in table.shares_of(part) if f.whole_label is None), None)


def _structures(doc: Document) -> Iterator[Claim]:
    """4.8:38.6:56.6 is a whole split in shares: its members add up to 100."""
    for members in structures(facts(doc)):
        yield _of_a_hundred(doc, [m.quantity for m in members])


def _partition_shares(doc: Document) -> Iterator[Claim]:
    """城镇人口比重为62.5% … 乡村人口比重为37.5%: the shares of a partition's parts, one each,
    add up to 100."""
    table = facts(doc)
    by_paragraph: dict[int, list[Fact]] = {}
    for fact in table:
        if fact.role == "share" and not fact.quantity.is_range:
            by_paragraph.setdefault(fact.paragraph, []).append(fact)
    groups = partition_groups()
    for first in (f for shares in by_paragraph.values() if len(shares) > 1 for f in shares):
        shares = by_paragraph[first.paragraph]
        for words, _ in groups:
            if not names(first.label.text, words[0]):
                continue
            rest = rest_after(first.label.text, _word_in(first))  # once, not per share
            chosen = [
                next((f for f in shares if _share_names(f, first, word, rest)), None)
                for word in words
            ]
            if any(f is None for f in chosen) or chosen[0] is not first:
                continue
            if len({f.index for f in chosen}) != len(words):
                continue
            yield quote_apart(doc, _of_a_hundred(doc, [f.quantity for f in chosen]))


def _share_names(share: Fact, first: Fact, word: str, rest: str) -> bool:
    """A share of the same paragraph and period as the first, of the same whole, named by
    exactly this partition word and followed by what follows the first's (`rest`)."""
    return (
        share.paragraph == first.paragraph
        and share.period == first.period
        and share.index >= first.index
        and (share.whole_label or None) == (first.whole_label or None)
        and names(share.label.text, word)
        and rest_after(share.label.text, word) == rest
    )


def _word_in(fact: Fact) -> str:
    for words, _ in partition_groups():
        for word in words:
            if names(fact.label.text, word):
                return word
    return ""


def _contributions_whole(doc: Document) -> Iterator[Claim]:
    """The contribution rates of a whole partition's parts (贡献率分别为a、b、c) make 100."""
    for members, _, _ in contribution_lists(facts(doc)):
        yield _of_a_hundred(doc, [m.quantity for m in members])


# 其他占比c%: the share of all the rest (其他地区 after 甲类 would be of another dimension)
_REST = re.compile(r"^(?:其他|其它|其余|剩余)(?:类|产品|业务)?占比$")
SHARES_WITH_REST = 3  # the shares a list ending in 其他 holds at least


def _shares_and_the_rest(doc: Document) -> Iterator[Claim]:
    """甲占比a%,乙占比b%,丙占比c%,其他占比d%: shares of one whole stated clause by clause in a
    sentence, the last of all the rest, make the whole: they add up to 100."""
    if "其" not in doc.view:
        return
    table = facts(doc)
    run: list[Fact] = []
    for fact in table:
        if fact.role in ("pp", "rate", "change") and run and fact.sentence == run[-1].sentence:
            continue  # 甲占比a%,同比提高d个百分点,乙占比b%: a share's own change
        if not _a_named_share(fact) or (run and fact.sentence != run[-1].sentence):
            run = [fact] if _a_named_share(fact) else []
            continue
        run.append(fact)
        if _REST.match(fact.label.text) and len(run) >= SHARES_WITH_REST:
            if len({f.whole_label.text if f.whole_label else "" for f in run}) == 1:
                yield quote_apart(doc, _of_a_hundred(doc, [f.quantity for f in run]))
            run = []


def _a_named_share(fact: Fact) -> bool:
    """A share named by what it is the share of (免疫诊断占比), no member of a list."""
    return (
        fact.role == "share"
        and fact.quantity.kind == "percent"
        and not fact.quantity.is_range
        and fact.listed is None
        and bool(fact.label.text)
    )


def _of_a_hundred(doc: Document, parts: list[Quantity]) -> Claim:
    """Shares of one whole (a structure, a partition's shares, contributions) add up to 100."""
    claim = Claim(NAME, doc.source, {f"part{i + 1}": q for i, q in enumerate(parts)})
    claim.facts = {"shape": "structure", "parts": len(parts)}
    claim.row = derive(claim)
    return claim


def _total_before(doc: Document, first: Quantity, index: int) -> Quantity | None:
    """The nearest same-unit amount before the parts that is marked as a total or by 其中."""
    floor = doc.sentences[max(index - 1, 0)][0]
    for candidate in reversed(doc.quantities_in(floor, first.start)):
        if not same_unit(candidate, first) or candidate.is_range:
            continue
        after = doc.between(candidate.end, candidate.end + 4)
        if read_label(doc.label(candidate)).head in vocabulary().balance:
            return None  # 顺差T,其中出口A,进口B: a balance is its parts' difference
        if has_total_marker(doc.label(candidate)) or _WHERE.match(after.lstrip(", ")):
            return candidate
        return None
    return None


def _contiguous(doc: Document, before: list[Quantity], total: Quantity) -> list[Quantity]:
    """Same-unit amounts listed right before the total, with only labels between them."""
    components: list[Quantity] = []
    for quantity in reversed(before):
        if not same_unit(quantity, total) or quantity.is_range:
            break
        if components and not _LIST_GLUE.match(doc.between(quantity.end, components[-1].start)):
            break
        components.append(quantity)
    return list(reversed(components))


def _partition_cover(doc: Document, amounts: list[Quantity]) -> list[Quantity]:
    if len(amounts) < 2:  # a partition has two members at least
        return []
    groups = _groups_in(doc)
    if not groups:
        return []
    labelled = [(q, doc.label(q)) for q in amounts]
    labelled = [(q, label) for q, label in labelled if not has_total_marker(label)]
    parts, labels = [q for q, _ in labelled], [label for _, label in labelled]
    for group in groups:
        chosen = []
        for member in group:
            matches = [
                (q, label) for q, label in zip(parts, labels, strict=True) if member in label
            ]
            if len(matches) != 1:
                break
            chosen.append((matches[0][0], rest_after(matches[0][1], member)))
        else:
            if len({rest for _, rest in chosen}) == 1:  # 境内注册 + 进口备案 split no one whole
                return sorted((q for q, _ in chosen), key=lambda q: q.start)
    return []


def _groups_in(doc: Document) -> list[list[str]]:
    """The partition groups every word of which the text holds: no other can be covered."""
    return doc.memo(
        "sum groups", lambda: [g for g in partitions() if all(m in doc.view for m in g)]
    )


def _sub_periods(doc: Document) -> Iterator[Claim]:
    """前三季度出口T。其中,一季度A,二季度B,三季度C: flows over stretches that follow one another
    and cover the whole's period exactly, stated right after it, add up to it."""
    table = facts(doc)
    for whole in table:
        span = months(whole.period)
        if not is_flow(whole) or span is None or whole.forecast:
            continue
        parts = _covering(table, whole, span)
        if parts:
            yield quote_apart(
                doc, _claim(doc, whole.quantity, [p.quantity for p in parts], "periods")
            )


def _covering(table: FactTable, whole: Fact, span: tuple[int, int]) -> list[Fact]:
    """The levels right after the whole (past its rate and change), in its paragraph or the
    next, whose stretches run on from the whole's first month to its last."""
    parts: list[Fact] = []
    expected = span[0]
    for fact in table.facts[whole.index + 1 :]:
        if fact.attached_to is not None and fact.role != "level":
            continue  # a part's own rate, change or share
        if fact.role != "level" or not fact.same_unit(whole) or fact.forecast:
            return []
        if fact.paragraph != whole.paragraph and fact.sentence > whole.sentence + 2:
            return []
        own = months(fact.period)
        if own is None or own[0] != expected or own == span:
            return []
        if year_of(fact.period) and year_of(fact.period) != year_of(whole.period):
            return []
        named = fact.label.text not in ("", *vocabulary().lead)  # 其中一季度A names nothing
        if named and not one_flow(fact, whole):
            return []
        parts.append(fact)
        expected = own[1] + 1
        if own[1] == span[1]:
            return parts if len(parts) >= 2 else []
    return []


def _claim(
    doc: Document,
    total: Quantity,
    components: list[Quantity],
    shape: str,
    signs: list[int] | None = None,
) -> Claim:
    """A sum claim; `signs` count a component against the total (a loss, a fall, a pull down)."""
    inputs = {f"part{i + 1}": q for i, q in enumerate(components)} | {"total": total}
    claim = Claim(NAME, doc.source, inputs)
    claim.facts = {"shape": shape, "parts": len(components)}
    if signs is not None:
        claim.facts["signs"] = signs
    claim.row = derive(claim)
    return claim


def _parts(claim: Claim) -> list[Quantity]:
    return [claim.inputs[f"part{i + 1}"] for i in range(claim.facts["parts"])]


def derive(claim: Claim) -> dict[str, float | None]:
    parts = _parts(claim)
    if "total" not in claim.inputs:  # a structure's shares make a whole: 100
        strict, lenient = total_of(parts), total_of(parts, loosely)
        return relation_row(WHOLE, strict, WHOLE, lenient, 100.0)
    total = claim.inputs["total"]
    signs = claim.facts.get("signs") or [1] * len(parts)
    return loose_row(
        total.strict,
        total.lenient,
        parts,
        lambda read: signed_total(parts, signs, read),
        abs(total.value) or 1.0,
    )


def explain(claim: Claim) -> str:
    text = claim.source.text
    parts = _parts(claim)
    implied = Interval(claim.row["implied_lo"], claim.row["implied_hi"])
    point = sum(q.value for q in parts)
    if "total" not in claim.inputs:
        return (
            f"{' : '.join(q.shown(text) for q in parts)} are shares of one whole: they add up "
            f"to {fmt(point)} [from the printed figures {implied.format(3)}], against 100"
        )
    total = claim.inputs["total"]
    signs = claim.facts.get("signs") or [1] * len(parts)
    point = sum(sign * q.value for sign, q in zip(signs, parts, strict=True))
    formula = parts[0].shown(text) if signs[0] > 0 else f"−{parts[0].shown(text)}"
    for sign, q in zip(signs[1:], parts[1:], strict=True):
        formula += f" {'+' if sign > 0 else '−'} {q.shown(text)}"
    return (
        f"{formula} = {amount_text(point, total)} "
        f"[from the printed figures {interval_text(implied, total)}]; stated total "
        f"{total.shown(text)} means {interval_text(total.strict, total)}"
    )
