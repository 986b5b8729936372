"""enumeration: a count stated right after the names it counts, an agreement claim.

甲区、乙区和丙县3个县 / 甲、乙、丙共3家 / 甲、乙、丙、丁等6个: the names listed before the count
number as many as it says. Two readings are honest, one at a time:
- 等 may close the list or say that there are more (甲、乙等5家): with it, the count is at least the
  names listed;
- a name holding 和/及/与 may be one name (批发和零售业) or two (甲和乙): each such word allows one
  more name.
Where 等, 共 or 这 ties the count to the names, a count below the names listed fits no reading: an
error. With no such word the last "name" may hold a verb (在甲、乙新开3家门店 counts shops), so
only a count that fits is claimed. A count above every reading with no 等 may be of the things in
those kinds (三级医院、二级医院共12家 counts hospitals, not kinds): no claim. A count of one (一个)
is mostly an article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.claims.agreement import Agreement
from checks.claims.base import Claim, fmt
from checks.document import Document
from checks.facts import Fact, facts
from checks.quantities import INF, Interval, Quantity

NAME = "agreement"
_CLAUSE_END = re.compile(r"[,，;；。:：!！?？\n]")
# between the last name and its count: 等 (etc., or the close of the list), 共/合计 (in all), 这
_GLUE = re.compile(r"(?P<etc>等)?(?P<all>共计|合计|总共|共|这|计)?\s*$")
_JOINED = re.compile(r"和|及|与|以及")
_FIGURE = re.compile(r"[0-9０-９]")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
MAX_NAME = 12  # characters of a listed name; the first segment may also hold the clause's lead
MAX_LEAD = 20


class Enumeration:
    name = NAME
    columns = Agreement.columns

    def find(self, doc: Document) -> Iterator[Claim]:
        if "、" not in doc.view:
            return  # no list of names
        for fact in facts(doc):
            if fact.quantity.kind == "count" and not fact.quantity.is_range:
                claim = _counted_names(doc, fact)
                if claim is not None:
                    yield claim

    def explain(self, claim: Claim) -> str:
        return explain(claim)


def _counted_names(doc: Document, fact: Fact) -> Claim | None:
    count = fact.quantity
    if count.value != int(count.value) or count.value < 2 or count.qualifier != "exact":
        return None  # 约10个, 10余家, 一个: no count of a list
    sentence = doc.sentences[doc.sentence_at(count.start)][0] if doc.sentences else 0
    if "、" not in doc.between(sentence, count.start):
        return None  # no list of names before the count
    start = _clause_start(doc, sentence, count.start)
    clause = doc.between(start, count.start)
    glue = _GLUE.search(clause)
    listed = clause[: glue.start()]
    names = _top_level_names(listed)
    if names is None or len(names) < 2:
        return None
    joined = sum(len(_JOINED.findall(name)) for name in names)
    low = float(len(names))
    high = INF if glue.group("etc") else low + joined
    if count.value > high:
        return None  # more than the names: things of those kinds, not the kinds
    if count.value < low and not (glue.group("etc") or glue.group("all")):
        return None  # nothing ties the count to the names
    offset = len(listed) - len(listed.lstrip())
    stated = _names_quantity(start + offset, start + len(listed), listed.strip(), low, high)
    claim = Claim(NAME, doc.source, {"names": stated, "count": count})
    claim.facts = {
        "relation": "enumeration",
        "key": "names counted",
        "names": len(names),
        "etc": bool(glue.group("etc")),
        "joined": joined,
        "reasons": [],
        "strict": True,
    }
    claim.row = derive(claim)
    return claim


def _clause_start(doc: Document, floor: int, at: int) -> int:
    """Where the clause ending at `at` begins: after the last clause mark outside brackets."""
    text = doc.between(floor, at)
    depth, start = 0, 0
    for i, char in enumerate(text):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and _CLAUSE_END.match(char):
            start = i + 1
    return floor + start


def _top_level_names(listed: str) -> list[str] | None:
    """The names split at 、 outside brackets, or None where a name holds a figure (a list of
    figures, not of names) or runs too long to be a name."""
    bare = _BRACKETED.sub("", listed)
    if "(" in bare or "（" in bare or _FIGURE.search(bare):
        return None
    names = [name.strip() for name in bare.split("、")]
    if any(not name for name in names):
        return None
    first, rest = names[0], names[1:]
    if len(first) > MAX_LEAD or any(len(name) > MAX_NAME for name in rest):
        return None
    return names


def _names_quantity(start: int, end: int, text: str, low: float, high: float) -> Quantity:
    """The listed names as a figure: how many they are, read both ways."""
    readings = Interval(low, high)
    return Quantity(
        start,
        end,
        low,
        "",
        "count",
        readings,
        readings,
        "range" if high > low else "exact",
        text,
        True,
        is_range=high > low,
        number_start=start,
    )


def derive(claim: Claim) -> dict[str, float | None]:
    names, count = claim.inputs["names"], claim.inputs["count"]
    scale = max(count.value, 1.0)
    counted = Interval.point(count.value)  # a count of names is a whole number, no rounding
    return {
        "statements": 2.0,
        "strict_gap": counted.gap(names.strict) / scale,
        "strict_lenient_gap": counted.gap(names.lenient) / scale,
    }


def explain(claim: Claim) -> str:
    text = claim.source.text
    names, count = claim.inputs["names"], claim.inputs["count"]
    facts = claim.facts
    head = f"{facts['names']} names are listed before the count {count.shown(text)}"
    readings = []
    if facts["etc"]:
        readings.append("等 may close the list or say there are more: at least the names listed")
    if facts["joined"]:
        readings.append(
            f"{facts['joined']} name(s) holding 和/及/与 may each be two: up to "
            f"{fmt(names.strict.hi)} names"
        )
    return head + ("; " + "; ".join(readings) if readings else "")
