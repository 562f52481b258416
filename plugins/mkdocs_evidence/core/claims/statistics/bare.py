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

from ...text.numbers import DIGNUM, NUMBER_WORDS, OPT_SPACES, RANGE_SEP, SPACES, number_value
from . import context as cx
from .candidate import Candidate
from .lexicon import COUNT_NOUNS
from .scan import TextContext

__all__ = ["DIGITS", "NUMBER_AT", "number_candidate", "unknown_number"]

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
    "(?:\\b0" + _S0 + "(?:to|-|\u2013)" + _S0 + "|\\b(?:out" + _S + "of|at|score|scored|rated|graded|grade|of|from|firmware|model|"
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
    floor = max(0, start - 12)  # a line's number opens it: look back a few characters only
    newline = text.rfind("\n", floor, start)
    line_start = newline + 1 if newline >= 0 or floor == 0 else floor
    if (newline >= 0 or floor == 0) and _LINE_START.fullmatch(text, line_start, start) and _SECTION_NEXT.match(text, end):
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


# Bare numbers: the negative lexicon, then the decision.
NUMBER_AT = re.compile(DIGNUM + "|(?:" + "|".join(
    sorted((w for w, v in NUMBER_WORDS.items() if v >= 2), key=len, reverse=True)) + ")\\b", _F)
DIGITS = re.compile("\\d(?<![\\w.,/\u066b]\\d)")
_UNIT_AFTER = re.compile(
    _S0 + "(?:[-\u2010\u2011](?!fold|plus)[a-z]|(?:mg|g|kg|mcg|\u00b5g|ug|iu|IU|units?|mmol|ml|mL|l|L|mm|cm|m|km|"
    "ft|feet|foot|inch(?:es)?|in\\.|lbs?|pounds?|stone|kcal|cal(?:ories)?|mmHg|mm" + _S + "Hg|bpm|"
    "beats|degrees?|\u00b0|am|pm|AM|PM|a\\.m\\.|p\\.m\\.|o'clock|Hz|dB|mph|km/h|times|x|steps|"
    "tablets?|pills?|capsules?|doses?|drops?|puffs?|servings?|portions?|glasses|cups?|"
    "seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|decades?|"
    "sessions?|sets?|reps?|repetitions?|metres?|meters?|miles?|litres?|liters?|grams?|"
    "kilos?|kilograms?|pages?|words?|percentile)\\b|%|[:/]\\d|[.]\\d\\d?" + _S0 + "(?:am|pm)\\b)"
)
_YEAR_LIKE = re.compile("(?:1[89]|20)\\d\\d(?:s|['\u2019]s)?")
_GROUP_NOUN = re.compile(
    _S + "(?:[\\w-]+" + _S + "){0,3}?(?P<noun>[A-Za-z-]+s|people|men|women|children|feet)\\b", _F
)
_COUNT_NOUNS = COUNT_NOUNS
_NOT_COUNT_NOUNS = frozenset((
    "times", "tablets", "pills", "capsules", "doses", "drops", "sessions", "sets", "reps",
    "steps", "minutes", "hours", "seconds", "days", "weeks", "months", "years", "nights",
    "pages", "items", "questions", "tips", "ways", "things", "exercises", "stretches", "foods",
    "servings", "glasses", "cups", "units", "options", "signs", "symptoms", "stages", "parts",
    "sizes", "colours", "colors", "rooms", "beds", "braces", "products", "pairs",
))
_PER_TIME = re.compile(
    _S + "(?:a|per|each|every)" + _S + "(?:day|week|month|year|decade)\\b|" + _S
    + "(?:daily|weekly|annually|yearly)\\b", _F
)
_IN_DIGIT_RUN = re.compile(_S + "\\d")
_DIGIT_RUN_AFTER = re.compile(_S + "\\d{3,}\\b")
_COUNT_WITH_PERCENT = re.compile(_S0 + "\\(" + _S0 + "\\d{1,3}(?:[.]\\d+)?" + _S0 + "%")
_PER_REV = re.compile(_S + "rep\\b", _F)
_COUNT_NEXT = re.compile(_S + "(?:[a-z-]+" + _S + "){0,2}?(?:" + "|".join(sorted(COUNT_NOUNS, key=len, reverse=True)) + ")\\b", _F)
_EMERGENCY = frozenset(("999", "111", "911", "112", "101", "000", "116", "119"))


_BEFORE_NOT_A_COUNT = frozenset("-\u2010\u2011\u2013\u2014#/:$\u00a3\u20ac\u00d7")


def _not_a_finding(ctx: TextContext, start: int, end: int, token: str) -> bool:
    """Negative lexicon for a bare number: labels and codes, units and doses, phone numbers,
    identifiers, years, adjectives ("12-week"), ages, reference-list entries."""
    text = ctx.text
    if (token in _EMERGENCY and not _COUNT_NEXT.match(text, end)) or (
        token[:1] == "0" and len(token) > 1 and "." not in token
    ):
        return True  # phone numbers and codes
    if token.isdigit() and (len(token) >= 5 or _YEAR_LIKE.fullmatch(token)):
        return True  # an identifier (PMID, record number) or a year
    if start and (text[start - 1] in _BEFORE_NOT_A_COUNT or text[start - 1].isalpha()):
        return True
    after = text[end : end + 6]
    if after[:1] in ("-", "\u2010", "\u2011") and after[1:2].isalpha() and after[1:5] != "plus":
        return True  # "12-week", "5-year": an adjective, not a count
    back = text[max(0, start - 40) : start][::-1]
    if cx.LABEL_REV.match(back) or cx.AGE_REV.match(back) or _UNIT_AFTER.match(text, end):
        return True
    if _IN_DIGIT_RUN.match(back) or _DIGIT_RUN_AFTER.match(text, end) or _PER_REV.match(back):
        return True  # "020 7219 2840": a phone number; "per 100,000": a rate's unit
    return ctx.in_reference(start)


def number_candidate(ctx: TextContext, start: int, end: int, token: str) -> Candidate | None:
    """Decide one bare number (digits or words) that no precise pattern took."""
    if len(token) == 1 and token in "01":
        return None  # nothing below 2 is flagged on its own
    value = number_value(token)
    decimal = token[:1].isdigit() and "." in token
    if value is None or (value < 2 and not decimal) or _not_a_finding(ctx, start, end, token):
        return None
    text = ctx.text
    grouped = "," in token or any(c in token for c in " \u00a0\u2009\u202f")
    noun = _GROUP_NOUN.match(text, end)
    noun_word = noun.group("noun").lower() if noun else ""
    if (noun_word in _NOT_COUNT_NOUNS and not grouped) or ctx.case(start):
        return None
    if _COUNT_WITH_PERCENT.match(text, end):
        return Candidate(start, end, "count", "count-percent", "sure", "")
    guidance = ctx.guidance(start) and not (grouped and value >= 1000 and not ctx.imperative(start))
    if noun and noun_word in _COUNT_NOUNS and (value >= 10 or grouped):
        return None if guidance else Candidate(start, noun.end(), "count", "count", "sure", "")
    if guidance:
        return None
    if _PER_TIME.match(text, end):
        return Candidate(start, end, "rate", "per-time", "uncertain",
                         "a number per day or year: a rate, unless it is a schedule")
    if grouped:
        return Candidate(start, end, "count", "big-number", "sure", "")
    if unknown_number(text, start, end, token, value):
        return Candidate(start, end, "number", "number", "uncertain",
                         "a number of an unknown kind in a sentence that states a finding")
    return None

