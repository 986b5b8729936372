"""What every claim type shares: the document model, the Claim record and small text helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checks.document import AMOUNT_KINDS, Document
from checks.quantities import INF, Interval, Quantity
from checks.quantities.grammar import CURRENCY_WORDS
from checks.read import Source

if TYPE_CHECKING:
    from checks.facts import Fact

RELATION_COLUMNS = ("stated_lo", "stated_hi", "implied_lo", "implied_hi", "gap", "lenient_gap")
TOTAL_MARKERS = ("总", "共计", "合计", "全部")
_STRICT_RULES = {"overlap_low", "overlap_high", "strict"}  # rules a looser reading may pass


@dataclass(frozen=True)
class Evidence:
    source: str
    span: tuple[int, int]
    quote: str


@dataclass
class Claim:
    """One checkable relation. `row` holds the derived columns that GX validates."""

    type: str
    source: Source
    inputs: dict[str, Quantity]
    facts: dict[str, object] = field(default_factory=dict)
    row: dict[str, float | None] = field(default_factory=dict)
    verdict: str = "unverifiable"
    severity: str | None = None
    failed_rules: list[dict] = field(default_factory=list)
    _explanation: str | None = field(default=None, repr=False, compare=False)
    suite: str = ""  # the suite that judges it; the type's own suite when empty
    input_sources: dict[str, Source] | None = None  # set when inputs come from several passages
    fixed_id: str = ""
    acknowledgement: dict | None = None  # the editor's entry when this finding was accepted
    cue: tuple[int, int] | None = None  # the words stating the relation (前四大), quoted too

    @property
    def explanation(self) -> str:
        """The arithmetic and the verdict in words, written when first read, after validation:
        a corpus run prints only a few hundred of its claims."""
        if self._explanation is None:
            from checks.claims import explain  # the claim modules import this one

            self._explanation = f"{explain(self)}{self._sharper_whole()}: {self.verdict_phrase()}"
        return self._explanation

    def _sharper_whole(self) -> str:
        """How a coarse whole was read closer, from its stated parts (sharper_whole)."""
        parts = [q for key, q in self.inputs.items() if key.startswith("whole_part")]
        whole = self.inputs.get("whole") or self.inputs.get("after")
        if not parts or whole is None:
            return ""
        text = self.source.text
        shown = " + ".join(q.shown(text) for q in parts)
        known = interval_text(whole.strict, parts[0])
        return f" (the whole {whole.shown(text)} read as {shown}: {known})"

    def verdict_phrase(self) -> str:
        """The verdict in words, from the worst rule the claim failed in its suite."""
        if self.verdict == "consistent":
            return "consistent"
        phrase = f"{self.verdict} ({self.severity})"
        worst = next((f for f in self.failed_rules if f["severity"] == self.severity), None)
        if worst is not None:
            phrase += f": {worst['description']}"
        failed = {f["rule_id"].rsplit(".", 1)[-1] for f in self.failed_rules}
        if failed & _STRICT_RULES and "lenient" not in failed:
            phrase += "; a looser reading of the figures fits"
        return phrase

    @property
    def suite_name(self) -> str:
        return self.suite or self.type

    @property
    def span(self) -> tuple[int, int]:
        """From the first to the last figure the relation is of; a whole's parts quoted only to
        show how it is known (whole_part1 …) stretch no claim over its neighbours' ids."""
        if self.input_sources is not None:
            quantities = [self.first_input]
        else:
            quantities = [q for k, q in self.inputs.items() if not k.startswith("whole_part")]
        return min(q.start for q in quantities), max(q.end for q in quantities)

    @property
    def first_input(self) -> Quantity:
        return next(iter(self.inputs.values()))

    @property
    def id(self) -> str:
        if self.fixed_id:
            return self.fixed_id
        start, end = self.span
        return f"{self.source.id}:{self.type}:{start}-{end}"

    def source_of(self, role: str) -> Source:
        return self.input_sources[role] if self.input_sources else self.source

    @property
    def evidence(self) -> list[Evidence]:
        if self.input_sources is None:
            start, end = self.span
            if self.cue is not None:
                start, end = min(start, self.cue[0]), max(end, self.cue[1])
            return [Evidence(self.source.id, (start, end), self.source.text[start:end])]
        found = [
            Evidence(
                self.source_of(role).id,
                (q.start, q.end),
                self.source_of(role).text[q.start : q.end],
            )
            for role, q in self.inputs.items()
        ]
        cue = self.cue_evidence
        return found if cue is None else [*found, cue]

    @property
    def cue_evidence(self) -> Evidence | None:
        """The words stating the relation (前四大, 仍居首位), quoted at their own place."""
        if self.cue is None:
            return None
        return Evidence(self.source.id, self.cue, self.source.text[slice(*self.cue)])


def quote_apart(doc: Document, claim: Claim) -> Claim:
    """A claim whose inputs stand in different sentences quotes each input at its own place, so
    its evidence is the figures, not every sentence between them."""
    sentences = {doc.sentence_at(q.start) for q in claim.inputs.values()}
    if len(sentences) > 1:
        start, end = claim.span
        claim.fixed_id = f"{claim.source.id}:{claim.type}:{start}-{end}"
        claim.input_sources = {role: claim.source for role in claim.inputs}
    return claim


def percent_after(doc: Document, pos: int, limit: int, kinds=("percent",)) -> Quantity | None:
    """The first quantity of `kinds` starting within `limit` characters after `pos`."""
    for q in doc.quantities_in(pos, pos + limit + 12):
        if q.start - pos <= limit and q.kind in kinds:
            return q
        if q.kind not in kinds:
            return None
    return None


def same_unit(a: Quantity, b: Quantity) -> bool:
    return a.same_unit(b)


BARE_MAGNITUDE = 1e4  # 1,200亿 / 8.4万: a bare figure this large left its unit unsaid


def unit_fits(whole: Quantity, part: Quantity) -> bool:
    """The same unit, or a bare figure with a magnitude word (在社区卫生机构工作的人员8.4万,
    占1,200亿总收入) against an amount: the bare figure's unit is the amount's, unsaid."""
    if whole.same_unit(part):
        return True
    bare = whole.kind == "number" and abs(whole.value) >= BARE_MAGNITUDE
    return bare and part.kind in AMOUNT_KINDS


def with_magnitude(quantity: Quantity) -> bool:
    """A bare figure printed with a magnitude word (8.4万, 1.2亿): a count or an amount whose
    unit the label names, not an index or a code."""
    printed = quantity.printed_number
    return quantity.kind == "number" and printed is not None and printed != quantity.value


def has_total_marker(label: str) -> bool:
    return any(marker in label for marker in TOTAL_MARKERS)


def fmt(value: float, digits: int = 2) -> str:
    """A number for explanations: thousands separators, trailing zeros dropped."""
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "-∞"
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def amount_text(value: float, like: Quantity) -> str:
    """An amount in the magnitude and unit word of a sample quantity: 8,000,000,000 -> 80亿元."""
    divisor, word = _magnitude_words(like)
    return f"{fmt(value / divisor)}{word}"


def interval_text(interval: Interval, like: Quantity, digits: int = 3) -> str:
    divisor, word = _magnitude_words(like)
    return interval.scale(1 / divisor).format(digits, word)


def _magnitude_words(like: Quantity) -> tuple[float, str]:
    unit = CURRENCY_WORDS.get(like.unit, like.unit)
    for divisor, word, floor in ((1e8, "亿", 1e8), (1e4, "万", 1e6)):
        if abs(like.value) >= floor:
            return divisor, f"{word}{unit}"
    return 1.0, unit


def relation_row(
    stated: Interval,
    implied: Interval,
    stated_lenient: Interval,
    implied_lenient: Interval,
    scale: float = 1.0,
) -> dict[str, float | None]:
    """The columns every relation suite checks: both intervals and their gaps. Amounts pass a
    scale (the stated value), so their gaps are relative and one tolerance fits every size."""
    return _row(stated, implied, float_safe(implied_lenient).gap(stated_lenient), scale)


def _row(
    stated: Interval, implied: Interval, lenient_gap: float, scale: float
) -> dict[str, float | None]:
    implied = float_safe(implied)
    return {
        "stated_lo": stated.lo,
        "stated_hi": stated.hi,
        "implied_lo": implied.lo,
        "implied_hi": implied.hi,
        "gap": implied.gap(stated) / scale,
        "lenient_gap": lenient_gap / scale,
    }


_FLOAT_ERROR = 1e-9  # relative: 290 / 2000 × 100 is 14.499999999999998 in binary floating point


def float_safe(interval: Interval) -> Interval:
    """An interval widened by the error of floating-point arithmetic, no more: whole counts
    give point intervals, and a quotient exactly on a rounding edge must touch it."""
    return Interval(
        interval.lo - _FLOAT_ERROR * max(1.0, abs(interval.lo)),
        interval.hi + _FLOAT_ERROR * max(1.0, abs(interval.hi)),
    )


Reading = Callable[[Quantity], Interval]  # how a figure is read: as printed, or loosely


def as_printed(quantity: Quantity) -> Interval:
    return quantity.strict


def loosely(quantity: Quantity) -> Interval:
    return quantity.lenient


def at_printed_value(quantity: Quantity) -> Interval:
    """The figure as the one value printed: for explanations, not for verdicts."""
    return Interval.point(quantity.value)


def signed(quantity: Quantity, sign: int, read: Reading) -> Interval:
    """A figure read by `read`, negated where its verb says it falls (下降5% is −5%)."""
    return -read(quantity) if sign < 0 else read(quantity)


def signed_hull(quantities: list[Quantity], signs: list[int], read: Reading) -> Interval:
    """The smallest interval holding every figure, each read by `read` and signed."""
    found = signed(quantities[0], signs[0], read)
    for quantity, sign in zip(quantities[1:], signs[1:], strict=True):
        found = found.hull(signed(quantity, sign, read))
    return found


def signed_total(quantities: list[Quantity], signs: list[int], read: Reading) -> Interval:
    """The figures' sum, each read by `read` and signed (a pull down taken away)."""
    found = signed(quantities[0], signs[0], read)
    for quantity, sign in zip(quantities[1:], signs[1:], strict=True):
        found = found + signed(quantity, sign, read)
    return found


def verb_sign(fact: Fact) -> int:
    """−1 for a rate its verb says falls (同比下降a%), else +1."""
    return -1 if fact.role == "rate" and fact.direction < 0 else 1


def signed_rate(rate: Quantity, sign: int, read: Reading) -> Interval:
    """A rate read by `read`, falling when its verb says so (下降5%); a printed sign stands."""
    return read(rate).scale(sign) if rate.value >= 0 else read(rate)


def before_the_rate(figure: Quantity, rate: Quantity, sign: int, read: Reading) -> Interval:
    """The figure's value a period before: the figure over (1 + its rate)."""
    return read(figure) / signed_rate(rate, sign, read).scale(0.01).shift(1)


def total_of(parts: list[Quantity], read: Reading = as_printed) -> Interval:
    """The sum of figures, each read by `read`."""
    return sum((read(q) for q in parts[1:]), read(parts[0]))


def loose_row(
    stated: Interval,
    stated_loose: Interval,
    figures: list[Quantity],
    implied: Callable[[Reading], Interval],
    scale: float = 1.0,
) -> dict[str, float | None]:
    """The relation row of a stated figure against what `figures` imply, every figure read as
    printed, with the lenient gap of one loose reading at a time (see `one_loose_reading`)."""
    loose = one_loose_reading(stated, stated_loose, figures, implied)
    return _row(stated, implied(as_printed), loose, scale)


def one_loose_reading(
    stated: Interval,
    stated_loose: Interval,
    figures: list[Quantity],
    implied: Callable[[Reading], Interval | None],
    scale: float = 1.0,
) -> float:
    """The smallest gap between the stated figure and what the others imply, with one figure
    read loosely (the stated one, or one other: trailing zeros as rounding, truncation) and
    every other as printed. A claim that fits only with two loose readings at once fits no
    honest reading. `implied` may answer None where a reading leaves nothing to compute."""
    alternatives = [(implied(as_printed), stated_loose)]
    for loose in figures:

        def read(quantity: Quantity, loose: Quantity = loose) -> Interval:
            return quantity.lenient if quantity is loose else quantity.strict

        alternatives.append((implied(read), stated))
    gaps = [float_safe(i).gap(s) for i, s in alternatives if i is not None]
    return min(gaps, default=INF) / scale
