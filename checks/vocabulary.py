"""Words of movement shared by every stage: one list of rise and fall verbs, used everywhere.

Claims (growth, direction, cagr), keys (an earlier value is no level) and the document model
(a change is no level) all read these, so a verb added here is understood everywhere.
"""

from __future__ import annotations

import re

UP = "增长|增加|提高|上升|上涨|扩大|提升|成长|攀升|跃升|飙升|暴增|上修|上调|高出|多出|增|升|高|多"
DOWN = "负增长|下降|减少|降低|下滑|回落|回调|下修|下调|缩小|下跌|衰退|低于|降|减|跌|低|少"
# words of manner before a movement verb: 略降至, 小幅回调至, 快速扩大至, 恢复增长至
MANNER = r"(?:略|小幅|大幅|快速|稳步|持续|进一步|再恢复|恢复|再|继续|逐步|明显|显著|一路)?"


def falls(verb: str) -> bool:
    """Whether a direction verb states a fall (下降, 回落 …), not a rise."""
    return bool(verb) and re.fullmatch(DOWN, verb) is not None


# 从/由 right before a value: the start of "从A增至B"
FROM_BEFORE = re.compile(r"(?:从|由)\s*$")
# what may follow A in "从A增至B": an optional direction verb, then 到/至
TO_AFTER = re.compile(rf"^\s*{MANNER}(?P<verb>{UP}|{DOWN})?了?(?:到|至)")
# a verb right before an amount: "增加约2000家" is the size of a change
CHANGE_BEFORE = re.compile(rf"(?:{UP}|{DOWN})了?\s*$")
