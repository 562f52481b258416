"""The numbers of a cited sentence that the statistics finder does not read as statistics.

The finder decides which numbers must carry a citation; it leaves out many that a cited
sentence still states as figures ("climbed the stairs 3.6 seconds faster", "followed for
about 6 months", "lowered by 2.63 mm Hg"). Once a sentence cites a source, each of these is
compared with the source's figures too (:func:`.source_check.verify`), except numbers that are
clearly not figures:

* labels and codes: "table 2", "type 2 diabetes", "stage 3", "L5", "COVID-19", list numbers;
* doses: "300 mg", "2 tablets";
* dates: "in 2019", "published from 1990 to 2010", "12 March";
* the top of a scale or a rate's denominator: "12 points out of 100", "7/10", "per 1,000";
* the name of a test: "the 10-metre walk", "a 6-minute walk test";
* a list's first items: "at 6, 12 and 18 months" is read as "12 and 18 months";
* "one" alone ("one trial", "in one arm"): a word, not a figure; a number word after "the"
  ("the two devices"): which ones, not how many.

Each number keeps its hedge ("about 6 months"), its range ("6 to 18 weeks"), its percent sign
and its unit word ("weeks", "mm Hg"), so the figure matcher reads it as the prose states it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.numbers import HEDGES, MONTHS, NUM, PCT, RANGE_SEP

__all__ = ["CitedNumber", "unread_numbers"]

_HEDGE = "(?:" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True) if h[0].isalpha()) + ")"
_UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|"
    r"metres?|meters?|m/s|cm/s|cm|mm\s?Hg|mm2|square\s+millimet(?:re|er)s?|mm|km|kg|points?|steps?|sessions?)"
)
_FIGURE = re.compile(
    rf"(?:\b{_HEDGE}\s+)?(?<![\w.,/\u2010\u2011])(?<!\w-)(?P<n>{NUM})(?:{RANGE_SEP}{NUM})?"
    rf"(?:\s*{PCT}|(?:\s*|-)(?P<u>{_UNIT})\b)?",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(
    r"\b(?:table|tables|figure|figures|fig|appendix|section|chapter|page|pages|p|pp|step|phase|type|"
    r"stage|grade|level|version|class|item|question|number|no|line|arm|group|wave|round|"
    r"visit|session|week|day|month|year|model|score|scale|step|trial|part|box)\.?\s*$",
    re.IGNORECASE,
)
_DOSE_AFTER = re.compile(r"\s*(?:mg|mcg|\u00b5g|ug|g|ml|mL|iu|units?|tablets?|pills?|capsules?|doses?|drops?)\b", re.IGNORECASE)
_MONTHS = "(?:" + "|".join(MONTHS) + ")"  # compiled case-insensitive
_DATE = re.compile(rf"^\s*{_MONTHS}\b", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"\b{_MONTHS}\s*$", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_SCALE_TOP = re.compile(r"(?:\bout\s+of|/|\bper|\bevery|\bin\s+every)\s*$", re.IGNORECASE)
_TEST_NAME = re.compile(r"[\s-]*(?:walk|walking|run|stair|step|sit-to-stand)\b|[\s-]*test\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"\s*,\s*\d")
_LIST = re.compile(r"^\s*(?:[-*+]\s*)?$")
_DEFINITE = re.compile(r"\b(?:the|these|those|its|their|both|all)\s+$", re.IGNORECASE)
_WINDOW = 48
_SKIP_WORDS = frozenset({"one", "a dozen", "dozen", "hundred", "thousand", "a hundred", "a thousand"})


@dataclass(frozen=True, slots=True)
class CitedNumber:
    """One number of a sentence as the prose states it: ``text == sentence[start:end]``."""

    start: int
    end: int
    text: str


MAX_NUMBERS = 40  # a sentence with more numbers is a table or a list of data, not a claim to read


def unread_numbers(sentence: str, read: Sequence[tuple[int, int]] = (), limit: int = MAX_NUMBERS) -> list[CitedNumber]:
    """The numbers of ``sentence`` outside the ``read`` spans (the finder's statistics) that
    are not clearly labels, doses, dates or scale tops; at most ``limit`` (linear time: each
    number's context is read from a bounded window around it)."""
    out: list[CitedNumber] = []
    for m in _FIGURE.finditer(sentence):
        start, end = m.start(), m.end()
        if any(a < end and start < b for a, b in read) or not _is_figure(sentence, m):
            continue
        out.append(CitedNumber(start, end, m.group(0)))
        if len(out) >= limit:
            break
    return out


def _is_figure(sentence: str, m: re.Match[str]) -> bool:
    number = m.group("n")
    before = sentence[max(0, m.start("n") - _WINDOW) : m.start("n")]
    after = sentence[m.end() : m.end() + _WINDOW]
    if number.lower() in _SKIP_WORDS:
        return False
    if number[0].isalpha() and _DEFINITE.search(before):
        return False  # "the two devices", "both three-month checks": which ones, not how many
    if _LABEL_BEFORE.search(before) or _SCALE_TOP.search(before) or _DATE_BEFORE.search(before):
        return False
    if m.start("n") < _WINDOW and _LIST.match(sentence[: m.start("n")]) and re.match(r"[.)]\s", sentence[m.end("n") : m.end("n") + 2]):
        return False  # "1. Walk daily": a list number
    if m.group("u") and _TEST_NAME.match(after):
        return False  # "the 10-metre walk", "a 6-minute walk test": the name of a test
    if not m.group("u") and (_DOSE_AFTER.match(after) or _DATE.match(after) or _LIST_ITEM.match(after)):
        return False
    return not (_YEAR.fullmatch(number) and not m.group("u") and "%" not in m.group(0))
