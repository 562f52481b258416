"""One vocabulary for numbers in prose: number words, number grammar, hedges, and their values.

Used by the statistics finder (:mod:`..claims.statistics`) and the figure matcher
(:mod:`..figures`), so both read "twenty-five", "1,046", "4.7 million" and "about 20%" alike.
The grammar is regex source text (strings); each user compiles what it needs.
"""

from __future__ import annotations

import re

__all__ = [
    "DIGNUM",
    "HEDGES",
    "MONTHS",
    "NUM",
    "NUMBER_WORDS",
    "OPT_SPACES",
    "PCT",
    "RANGE_SEP",
    "SCALE_BIG",
    "SCALE_MULTIPLIERS",
    "SNUM",
    "SPACE",
    "SPACES",
    "WORDNUM",
    "alternation",
    "number_value",
]

# Month names: a number next to one is a date, not a statistic (and a capitalised month is not a name).
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

# Number words and their values.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12,
}
SCALE_MULTIPLIERS: dict[str, float] = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "dozen": 12.0,
}

# Hedges before a number and the comparison each states ("=" when it only belongs to the span:
# "only 6%", "between 20% and 30%"). The figure matcher widens a match by the comparator.
HEDGES: dict[str, str] = {
    "about": "~", "around": "~", "approximately": "~", "approx.": "~", "approx": "~",
    "roughly": "~", "some": "~", "an estimated": "~", "estimated": "~", "close to": "~",
    "circa": "~", "ca.": "~", "~": "~", "\u2248": "~", "in the region of": "~",
    "on average": "~", "an average of": "~",
    "more than": ">", "over": ">", "above": ">", "just over": ">", "well over": ">",
    "in excess of": ">", "upwards of": ">", ">": ">", "at least": ">=", "\u2265": ">=",
    "nearly": "<", "almost": "<", "fewer than": "<", "less than": "<", "under": "<",
    "just under": "<", "below": "<", "<": "<", "up to": "<=", "at most": "<=",
    "as many as": "<=", "\u2264": "<=",
    "as few as": "=", "only": "=", "between": "=", "barely": "=", "nearly all": "=",
    "almost exactly": "=", "exactly": "=", "just": "=", "more": "=", "less": "=",
    "fewer": "=", "nearly half of": "=",
}

SPACE = "[ \\t\\u00a0\\u2009\\u202f\\u3000]"  # horizontal space incl. no-break, thin and ideographic spaces
SPACES = SPACE + "+"
OPT_SPACES = SPACE + "*"


def alternation(words) -> str:
    """Regex alternation, longest first so "seventeen" is tried before "seven"."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_UNITS = alternation(w for w, v in NUMBER_WORDS.items() if 0 < v < 20)
_UNITS19 = alternation(w for w, v in NUMBER_WORDS.items() if 0 < v < 10)
_TENS = alternation(w for w, v in NUMBER_WORDS.items() if 20 <= v <= 90)
SCALE_BIG = "(?:million|billion|trillion)"
# Digits: comma- or space-grouped thousands, or a plain run; optional decimal part.
# \d is Unicode-aware, so Arabic-Indic digits work; U+066B is the Arabic decimal separator.
DIGNUM = (
    "(?:\\d{1,3}(?:,\\d{3})++(?!\\d|,\\d)"
    "|\\d{1,3}(?:[ \\u00a0\\u2009\\u202f]\\d{3})++(?!\\d|,\\d)"
    "|\\d++)(?:[.\\u066b]\\d++)?"
)
WORDNUM = (
    f"(?:{_TENS}(?:[- ]{_UNITS19})?|{_UNITS}"
    f"|an?{SPACES}(?:dozen|hundred|thousand|{SCALE_BIG})|dozen|hundred|thousand)\\b"
)
NUM = f"(?:{DIGNUM}|{WORDNUM})"
SNUM = f"(?:[-\\u2212\\u2013]?{DIGNUM}|[-\\u2212]?[.]\\d++)"  # signed, or a bare ".5"
PCT = "(?:%|\\uff05|\\u066a|per[ -]?cent\\b|percentage" + SPACES + "points?\\b|pc\\b)"
RANGE_SEP = f"(?:{OPT_SPACES}[-\\u2010\\u2011\\u2013\\u2014]{OPT_SPACES}|{SPACES}to{SPACES}|{SPACES}and{SPACES})"

_WORD_SPLIT = re.compile("[-\\s]+")


def number_value(token: str) -> float | None:
    """The value of a number token: digits (any script, grouped) or words ("twenty-five",
    "a dozen", "two million"); None when it is not a number."""
    if not isinstance(token, str):
        return None
    words = _WORD_SPLIT.split(token.strip().lower())
    if not words or not words[0]:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in ("a", "an"):
            current = current or 1.0
            continue
        if word in SCALE_MULTIPLIERS:
            current = (current or 1.0) * SCALE_MULTIPLIERS[word]
            if SCALE_MULTIPLIERS[word] >= 1000:
                total, current = total + current, 0.0
            seen = True
            continue
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
            seen = True
            continue
        digits = word.replace(",", "").replace("\u00a0", "").replace("\u2009", "")
        digits = digits.replace("\u202f", "").replace("\u066b", ".").replace("\u2212", "-")
        try:
            current += float(digits)
        except ValueError:
            return None
        seen = True
    return total + current if seen else None
