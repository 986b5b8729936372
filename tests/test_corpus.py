"""Issue 13: the real-text corpus scorer, run in CI. The floors are what figcheck has reached;
raise them as it improves, never lower them."""

from __future__ import annotations

import functools
import importlib.util
import re
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
MIN_DIRECT_RECALL = 0.87  # 331 of 379 direct relations found with the right verdict
MIN_DERIVED_RECALL = 0.76  # 50 of 65 derived relations (rebuilt from rates)
MIN_CAUGHT = 0.915  # of the mutants that break a relation (1,783 of 1,945)
MAX_FALSE_WARNINGS = 5  # the limit, for warnings of any kind
# a warning the scorer counts as false because it shares figures with consistent relations, yet
# is the finding of a real error of its page (an inconsistent gold claim of that document and
# type, found), is explained; no other false warning is allowed
MAX_UNEXPLAINED_FALSE_WARNINGS = 0
_FALSE_WARNING = re.compile(r"false warning \('(\w+):(\w+):")
_FOUND_ERROR = re.compile(r"^  (\w+)-c\d+  ok  (\w+)  inconsistent", re.MULTILINE)
_FALSE_ERROR = re.compile(r"false error on a mutant that stays consistent: (\S+) (\S+) (\S+)")


def _score() -> str:
    done = subprocess.run(
        [
            sys.executable,
            str(CORPUS / "score.py"),
            str(CORPUS),
            "--mutate",
            "--show",
            "all",
            "--figcheck",
            f"{sys.executable} -m checks",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.stdout.strip(), done.stderr
    return done.stdout


def _gold_claim(gold: dict, claim_ids: str) -> dict:
    """The first of the gold claims a mutant line names (med02-c3,med02-c4 → med02-c3)."""
    return next(c for c in gold["claims"] if c["id"] == claim_ids.split(",")[0])


def _inside_a_longer_figure(gold: dict, claim_ids: str, operand: str) -> bool:
    """Whether the scorer changed this operand where its digits are part of another printed
    figure ("9" found inside "56.9"): that mutant changes a figure the claim does not use, so an
    error there is no false error. The scorer finds the spot as done here."""
    claim = _gold_claim(gold, claim_ids)
    text = (CORPUS / "docs" / f"{claim['doc']}.txt").read_text(encoding="utf-8")
    printed = str(claim["operands"][operand])
    quote = next(q for q in claim["quotes"] if printed in q and q.count(printed) == 1)
    return digits_inside(text, text.find(quote) + quote.find(printed), printed)


def unexplained_warnings(output: str) -> list[tuple[str, str]]:
    """The scorer's false warnings that find no real error: (document, claim type) pairs with
    no inconsistent gold claim of that document and type found."""
    found = set(_FOUND_ERROR.findall(output))
    return [w for w in _FALSE_WARNING.findall(output) if w not in found]


@functools.lru_cache(maxsize=1)
def _scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _breaks_another_relation(gold: dict, claim_ids: str, operand: str, tag: str) -> bool:
    """Whether the changed figure is also an operand of another consistent gold relation that
    the change breaks. The scorer judges a mutant only by relations in which the figure is
    printed once among their quotes, so it misses such a break (a rate that is both an
    industry's growth and, printed again, its contribution); an error there is no false one."""
    score = _scorer()
    claim = _gold_claim(gold, claim_ids)
    text = (CORPUS / "docs" / f"{claim['doc']}.txt").read_text(encoding="utf-8")
    printed = str(claim["operands"][operand])
    quote = next(q for q in claim["quotes"] if printed in q and q.count(printed) == 1)
    at = text.find(quote) + quote.find(printed)
    new = dict(score._mutants(printed))[tag]
    for other in gold["claims"]:
        if other["doc"] != claim["doc"] or other["id"] == claim["id"] or "check" not in other:
            continue
        if other["verdict"] != "consistent":
            continue
        for name, value in other.get("operands", {}).items():
            if str(value) != printed or not _printed_at(text, other["quotes"], printed, at):
                continue
            changed = dict(other["operands"]) | {name: new}
            if not score.holds(other["check"], changed, other.get("hedged") or ()):
                return True
    return False


# what follows a whole count as printed (48个, 320家): figcheck reads such a count as exactly
# what it prints, where the scorer reads every figure as ±half its last digit
_COUNT_UNIT = re.compile(r"^\s*(?:个|家|人|件|张|台|辆|所|座|项|名|位|例|只|头|户|個|張|臺|輛|項)")


def _breaks_with_whole_counts(gold: dict, claim_ids: str, operand: str, tag: str) -> bool:
    """Whether the changed relation breaks once its whole counts are read as the whole numbers
    they are (N hospitals is not N − 0.5 to N + 0.5): the scorer's ±0.5 lets such a
    mutant hold only at the edge of the intervals, and an error there is no false one."""
    score = _scorer()
    claim = _gold_claim(gold, claim_ids)
    if "~" not in claim["check"]:
        return False
    new = dict(score._mutants(str(claim["operands"][operand])))[tag]
    operands = dict(claim["operands"]) | {operand: new}
    intervals = {}
    for name, value in operands.items():
        printed = str(claim["operands"][name])
        after = next(
            (q[q.find(printed) + len(printed) :] for q in claim["quotes"] if printed in q), ""
        )
        whole = "." not in str(value) and _COUNT_UNIT.match(after)
        number = float(str(value).replace(",", "").replace(" ", ""))
        intervals[name] = (number, number) if whole else score.interval(str(value))
    lhs, rhs = claim["check"].split("~")
    a, b = score._range(lhs, intervals), score._range(rhs, intervals)
    return not (a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9)


def _printed_at(text: str, quotes: list[str], printed: str, at: int) -> bool:
    """Whether one of the quotes holds `printed` at position `at` of the text."""
    for quote in quotes:
        start = text.find(quote)
        inside = 0 <= start <= at and at + len(printed) <= start + len(quote)
        if inside and text[at : at + len(printed)] == printed:
            return True
    return False


def digits_inside(text: str, at: int, printed: str) -> bool:
    """Whether `printed`, standing at `at`, continues a longer number on either side."""
    before, after = text[at - 1 : at] if at else "", text[at + len(printed) : at + len(printed) + 2]
    return (
        before.isdigit()
        or before in (".", ",")
        and at > 1
        and text[at - 2].isdigit()
        or bool(re.match(r"\d|[.,]\d", after))
    )


@pytest.mark.skipif(not (CORPUS / "score.py").exists(), reason="../shared/corpus is not beside")
def test_the_corpus_scores_at_least_the_floor():
    output = _score()
    summary = output.strip().splitlines()[-1]
    found = re.search(r"direct (\d+)/(\d+)", summary)
    caught = re.search(r"mutants caught (\d+)/(\d+)", summary)
    assert int(found.group(1)) / int(found.group(2)) >= MIN_DIRECT_RECALL, summary
    derived = re.search(r"derived (\d+)/(\d+)", summary)
    assert int(derived.group(1)) / int(derived.group(2)) >= MIN_DERIVED_RECALL, summary
    assert int(caught.group(1)) / int(caught.group(2)) >= MIN_CAUGHT, summary
    assert re.search(r"false alarms 0\b", summary), summary
    warnings = int(re.search(r"false warnings (\d+)", summary).group(1))
    assert warnings <= MAX_FALSE_WARNINGS, summary
    assert len(unexplained_warnings(output)) <= MAX_UNEXPLAINED_FALSE_WARNINGS, summary
    gold = yaml.safe_load((CORPUS / "gold.yaml").read_text(encoding="utf-8"))
    false_errors = [
        m.groups()
        for m in _FALSE_ERROR.finditer(output)
        if not _inside_a_longer_figure(gold, m.group(1), m.group(2))
        and not _breaks_another_relation(gold, *m.groups())
        and not _breaks_with_whole_counts(gold, *m.groups())
    ]
    assert false_errors == [], summary


@pytest.mark.skipif(not (CORPUS / "score.py").exists(), reason="../shared/corpus is not beside")
def test_only_a_mutant_that_breaks_with_whole_counts_is_excused():
    """Counts of hospitals whose sum misses its total by a few holds only by the scorer's ±0.5 on each count;
    a money total whose last digit moves within rounding breaks nothing, whole counts or not."""
    gold = yaml.safe_load((CORPUS / "gold.yaml").read_text(encoding="utf-8"))
    counts = next(c for c in gold["claims"] if c["id"] == "health06-c2")
    money = next(c for c in gold["claims"] if c["id"] == "med02-c1")
    assert _breaks_with_whole_counts(gold, counts["id"], "c", "lastdigit+3")
    assert not _breaks_with_whole_counts(gold, money["id"], "t", "lastdigit+3")


def test_a_digit_inside_another_figure_is_told_apart():
    """The rule that excuses a mutant must not excuse one that changes the operand itself."""
    text = (
        "对亚洲出口56.9万吨,其中对韩国、东盟和日本出口分别为17.2万吨、9.3万吨和9万吨,出口1,205万吨"
    )
    assert digits_inside(text, text.find("56.9") + 3, "9")  # the 9 of 56.9
    assert not digits_inside(text, text.find("和9万吨") + 1, "9")  # the figure 9 itself
    assert not digits_inside(text, text.find("17.2"), "17.2")
    assert digits_inside(text, text.find("1,205") + 2, "205")  # 205 inside 1,205
    assert digits_inside(text, text.find("1,205"), "1")


def test_a_figure_shared_by_two_relations_is_found_in_both():
    """The second excuse: the changed figure must stand, at the changed spot, inside a quote of
    the other relation, not merely be printed alike elsewhere."""
    text = "第一产业增加值70.0亿元,增长3.5%。第一、二、三产业的贡献率分别为3.5%、60.0%、36.5%。"
    at = text.find("3.5%")
    assert _printed_at(text, ["第一产业增加值70.0亿元,增长3.5%"], "3.5", at)
    assert not _printed_at(text, ["贡献率分别为3.5%、60.0%、36.5%"], "3.5", at)
    assert not _printed_at(text, ["第一产业增加值70.0亿元"], "3.5", at)


def test_a_warning_that_finds_a_real_error_is_explained():
    output = (
        "  d1-c1  ok  growth  inconsistent  …\n"
        "  d2-c1  missed  share  inconsistent  …\n"
        "  false warning ('d1:growth:1-9', 'growth', 'warning', ['d1-c2'])\n"
        "  false warning ('d2:share:1-9', 'share', 'warning', ['d2-c2'])\n"
        "  false warning ('d1:share:1-9', 'share', 'warning', ['d1-c3'])\n"
    )
    assert unexplained_warnings(output) == [("d2", "share"), ("d1", "share")]
