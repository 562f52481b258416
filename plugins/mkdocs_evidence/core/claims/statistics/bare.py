"""The last word on a bare number that no pattern and no count rule took ("for 59 they were
higher", "1.89 in children", "More than 600 can be treated").

Every number in the prose is a candidate: one in a sentence that states a finding is flagged
as uncertain, with the reason, unless its own context says what else it is. This module holds
that negative context for bare numbers, each test reading a bounded window: dates ("May 10",
"29th"), numbers glued to letters ("3D", "25(OH)D", "8MM"), section and list numbers at the
start of a line and page numbers at its end, scores ("3 out of 5"), clock times ("at 6 in the
morning"), phone numbers, journal volumes ("39 (1): 54"), versions ("2.0.1") and ranges whose
end carries a unit ("0.5-1 mg"). Small whole numbers (under 10) are not flagged on their own.
"""

from __future__ import annotations

import re

from ...text.numbers import DIGNUM, OPT_SPACES, RANGE_SEP, SPACES
from .lexicon import COUNT_NOUNS

__all__ = ["unknown_number"]

_S, _S0 = SPACES, OPT_SPACES
_F = re.IGNORECASE
_MONTHS = (
    "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile("\\b" + _MONTHS + "[.]?" + _S0 + "[-,]?" + _S0 + "$", _F)
_AFTER = re.compile(
    "(?:st|nd|rd|th)\\b"  # an ordinal: "29th", "the 37th parallel"
    "|" + _S0 + "(?:of" + _S + ")?" + _MONTHS + "\\b"  # "29 October"
    "|[A-Za-z(\u00ae\u2122]"  # glued to letters: "3D", "25(OH)D", "8MM", "Simple 7®"
    "|[-.]\\d+[-.]\\d"  # "507-284-5005", "2.0.1"
    "|" + _S0 + "\\(\\d+\\)" + _S0 + ":"  # "39 (1): 54"
    "|" + _S + "(?:out" + _S + ")?of" + _S + "\\d"  # "3 out of 5": a score or "page 1 of 4"
    "|" + _S0 + "(?:a[.]m[.]|p[.]m[.]|am\\b|pm\\b|o'clock|in" + _S + "the" + _S
    + "(?:morning|afternoon|evening))"
    "|" + _S + "(?:upvotes?|likes?|views?|comments?|replies|shares|votes?|stars?)\\b"
    "|" + _S0 + "[a-z\u00b5]{1,5}/"  # a unit per unit: "32 ng/mL", "600 mg/day"
    "|" + _S + "when" + _S + "(?:he|she|I)\\b"  # "was 23 when he": one person's age
    # a noun that is not a count of people or events: "31 injections", "10 electrode pads"
    "|" + _S + "(?:(?!(?:the|an?|of|in|and|or|to|for|with|on|at|by|than|were|was|are|is)\\b)"
    "[a-z-]+" + _S + "){0,2}?(?!(?:" + "|".join(sorted(COUNT_NOUNS, key=len, reverse=True))
    + ")\\b)[a-z-]{3,}s\\b"
    "|" + _S + "(?-i:[A-Z][a-z])",  # a name: "508 Accommodation", "EGb 761 Extract"
    _F,
)
_BEFORE = re.compile(
    "(?:\\b(?:out" + _S + "of|at|score|scored|rated|graded|grade|of|from|firmware|model|"
    "issue|vol|no|ext|tel|room)" + _S0 + "[(:.]?" + _S0 + "|[(\\[;]" + _S0 + ")$",
    _F,
)
# A unit or a dose after the end of a range ("0.5-1 mg", "10 to 15 pounds", "30-60 minutes").
_RANGE_THEN = re.compile(RANGE_SEP + DIGNUM + _S0 + "(?:[a-zA-Z\u00b5%]|$)")
_CITATION = re.compile("[\\[(]" + _S0 + "\\d{1,3}(?:" + _S0 + "[-,\u2013]" + _S0 + "\\d{1,3})*" + _S0 + "[\\])]")
_NAME_COMMA = re.compile("\\b[A-Z][a-z]+," + _S0 + "$")
_LINE_START = re.compile("(?:#+|[-*+>|]|\\d{1,3}[.)])?" + _S0 + "$")
_SECTION_NEXT = re.compile("(?:[.)]|[.]\\d|" + _S + "[A-Z])")
_LINE_END = re.compile(_S0 + "(?:\\||\n|$)")


def _at_line_edge(text: str, start: int, end: int) -> bool:
    """A section or list number opening a line ("6 Physical activity", "9.1. Introduction")
    or a page number closing a contents line ("Sleep research methods 5")."""
    line_start = text.rfind("\n", 0, start) + 1
    if _LINE_START.fullmatch(text, line_start, start) and _SECTION_NEXT.match(text, end):
        return True
    if _LINE_END.match(text, end):
        before = text[max(line_start, start - 2) : start]
        return before[-1:] == " " and (before[:1].isalpha() or before[:1] in "?!")
    return False


def unknown_number(text: str, start: int, end: int, token: str, value: float) -> bool:
    """True when a bare number that nothing else decided is still a candidate statistic."""
    decimal = token[:1].isdigit() and "." in token
    if not token[:1].isdigit():
        return False  # number words: "two main types", "four grants", "No two strokes"
    if value < 10 and not decimal:
        return False
    if _AFTER.match(text, end) or _RANGE_THEN.match(text, end):
        return False
    window = text[max(0, start - 14) : start]
    if _MONTH_BEFORE.search(window) or _BEFORE.search(window):
        return False
    if text[end : end + 1] == "," and _NAME_COMMA.search(window):
        return False  # "Maria, 67, noticed": one person's age
    for m in _CITATION.finditer(text, max(0, start - 12), min(len(text), end + 12)):
        if m.start() < start and end < m.end():
            return False
    return not _at_line_edge(text, start, end)
