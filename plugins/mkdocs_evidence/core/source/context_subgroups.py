"""Subgroup rules of the context check (:mod:`.context`): the source gives the figure for part
of what the claim says it is about.

* ``share_of_total``: "70% of the 46 people" where the source's 70% is "16 participants (70%)";
* ``paired_count``: "7 trials with 815 people" where the source's 815 are from 5 trials;
* ``qualified``: the figure is for one grade of a contrast ("severe", "partial", "mechanical",
  "at night") that the claim leaves out, or the claim names another grade;
* ``everyone``: a figure "of all the patients" given to one group.
"""

from __future__ import annotations

import re

from ..text.numbers import NUMBER_WORDS, number_value
from .context_parts import claim_clause
from .context_sides import Found, Sides, own_clause

__all__ = ["everyone", "paired_count", "qualified", "share_of_total"]

_SHARE_OF = re.compile(r"(\d+(?:\.\d+)?)\s*%\s+of\s+(?:the\s+|all\s+|these\s+)?(\d[\d,]*)\b")
_COUNT_SHARE = re.compile(r"(\d[\d,]*)\s+(?:[A-Za-z-]+\s+){0,2}\(\s*(\d+(?:\.\d+)?)\s*%")


def share_of_total(x: Sides) -> Found:
    """ "70% of the 46 people" where the source's 70% is "16 participants (70%)": 16 of 46 is
    not 70%, so the share is of a subgroup, not of the claim's total."""
    if x.span is None or x.stat_span is None:
        return None
    claimed = next(
        (m for m in _SHARE_OF.finditer(x.claim) if m.start() <= x.stat_span[1] and x.stat_span[0] <= m.end()), None
    )
    given = next(
        (m for m in _COUNT_SHARE.finditer(x.source.text) if m.start(2) < x.span[1] and x.span[0] < m.end(2)), None
    )
    if claimed is None or given is None:
        return None
    share, total = float(claimed.group(1)), float(claimed.group(2).replace(",", ""))
    count = float(given.group(1).replace(",", ""))
    if total > 0 and abs(100.0 * count / total - share) > max(1.5, share * 0.05):
        count_text, total_text = given.group(1), claimed.group(2)
        reason = f"the source's {given.group(2)}% is {count_text} people, and {count_text} of {total_text} is not that"
        return "subgroup-total", reason, []
    return None


def paired_count(x: Sides) -> Found:
    """ "7 trials with 815 people" where the source's 815 people are "5 synthesised trials with
    815 participants": the claim puts the total with another count of studies."""
    if x.span is None or x.stat_span is None:
        return None
    mine = _STUDIES_BEFORE.search(x.claim, 0, x.stat_span[0])
    theirs = _STUDIES_BEFORE.search(x.source.reading or x.source.text, 0, x.span[0])  # "Thirty-six" read as 36
    if not (mine and theirs):
        return None
    a, b = number_value(mine.group("n")), number_value(theirs.group("n"))
    if a is None or b is None or a == b:
        return None
    figure = x.claim[x.stat_span[0] : x.stat_span[1]]
    reason = f'the claim puts {figure} with {mine.group("n").lower()} studies; in the source they are from {theirs.group("n").lower()}'
    return "subgroup-total", reason, []


_STUDIES_BEFORE = re.compile(
    r"(?<![\w-])(?P<n>\d[\d,]*|(?:[a-z]+-)?(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:trials?|studies|rcts?|papers|reports)\s*(?:with|and|involving|including|of|covering|giving|\(\s*n\s*=)"
    r"\s*(?:data\s+(?:for|from|on)\s+)?(?:a\s+total\s+of\s+|over\s+|about\s+|more\s+than\s+|almost\s+|nearly\s+)?$",
    re.IGNORECASE,
)


# Grades of one contrast, each a family of word forms
_QUALIFIERS = (
    (r"severe(?:ly)?", r"major", r"moderate(?:ly)?", r"mild(?:ly)?", r"minor"),
    (r"partial(?:ly)?|incomplete(?:ly)?", r"complete(?:ly)?"),
    (r"sudden(?:ly)?", r"gradual(?:ly)?|slow(?:ly)?"),
    (r"acute", r"subacute", r"chronic"),
    (r"bioprosthetic|tissue|biological|plastic", r"mechanical|metal"),
    (r"daytime|during\s+the\s+day|by\s+day", r"night-?time|at\s+night|nocturnal|overnight"),
)
_LEADING = re.compile(r"^\s*(?:(?:by|in)\s+contrast,\s*|however,\s*)?(?:after|in|among|for|with|of)\b[^,;]{0,60},", re.IGNORECASE)


def _found(family: str, text: str) -> str:
    """The words of ``family`` as ``text`` writes them ("" when absent)."""
    m = re.search(rf"\b(?:{family})\b", text, re.IGNORECASE)
    return m.group(0) if m else ""


def _has(family: str, text: str) -> bool:
    return re.search(rf"\b(?:{family})\b", text, re.IGNORECASE) is not None


def _subject_grade(family: str, x: Sides, lo: int) -> bool:
    """Whether the sentence names ``family`` before the figure's clause with no figure after it
    (the sentence's subject: "people with severe knee OA ... walking at moderate intensity"),
    rather than as another figure's grade ("cramp by day (7.5%) and at night (18.4%)")."""
    mention = list(re.finditer(rf"\b(?:{family})\b", x.source.text[:lo], re.IGNORECASE))
    return bool(mention) and not any(mention[-1].end() <= f.start < lo for f in x.source.figures)


def qualified(x: Sides) -> Found:
    """A figure the source gives for one grade of a contrast the claim leaves out: "HR 8.3 for
    strokes leaving severe deficits" (and 2.9 for major ones) against "a stroke made death 8
    times more likely"; "after a partial palsy, full recovery was 87.3%" (and after a complete
    one ...). A clause comparing two grades is not one grade's."""
    if x.span is None:
        return None
    (lo, hi), *_ = claim_clause(x.source.text, x.span)
    lead = _LEADING.match(x.source.text)
    if lead and (lead.end() > lo or any(lead.end() <= f.start < lo for f in x.source.figures)):
        lead = None  # the opening phrase is another figure's
    own = (x.source.text[: lead.end()] if lead else "") + " " + x.source.text[lo:hi]
    elsewhere = " ".join((*x.rest[1:], x.source.text[:lo], x.source.text[hi:]))
    for group in _QUALIFIERS:
        here = [f for f in group if _has(f, own)]
        if len(here) != 1:
            continue
        said = [f for f in group if _has(f, x.claim)]
        if said and here[0] not in said and not _subject_grade(said[0], x, lo):
            word, theirs = _found(said[0], x.claim), _found(here[0], own)
            return "subgroup-total", f'the claim says "{word}" where the source\'s figure is for "{theirs}"', []
        if said:
            continue
        others = [f for f in group if f != here[0] and _has(f, elsewhere)]
        if others:
            word, other = _found(here[0], own), _found(others[0], elsewhere)
            reason = f'the source gives this figure only for "{word}" (another for "{other}"), which the claim does not say'
            return "subgroup-total", reason, []
    return None


_EVERYONE = re.compile(
    r"\b(?:of|in)\s+all\s+(?:the\s+)?(?:\w+\s+)?(?:patients|participants|people|subjects)\b|\bboth\s+groups\b|\beveryone\b",
    re.IGNORECASE,
)
_ONE_GROUP = re.compile(
    r"\b(?:given|treated\s+with|who\s+(?:had|took|received|got|were\s+given)|in\s+the\s+[\w-]+\s+(?:group|arm)|"
    r"[\w-]+\s+group)\b",
    re.IGNORECASE,
)


def everyone(x: Sides) -> Found:
    """ "two thirds of all the patients" given to one group: "two thirds of the people given
    robot practice"."""
    if x.span is None or not _EVERYONE.search(x.source.text[x.span[0] : x.span[1] + 30]):
        return None
    if _ONE_GROUP.search(own_clause(x)):
        return "subgroup-total", "the source's figure is for all the patients; the claim gives it to one group", []
    return None
