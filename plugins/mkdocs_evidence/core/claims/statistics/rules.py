"""Acceptance rules: one small function per rule, deciding whether an anchored match is a
statistic and of which public kind (``None``: it is not one).

Each rule receives a :class:`Hit` (the match and its surroundings) and the pattern's public
kind. The policy behind each rule is in the docstring of :mod:`..statistics`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.numbers import number_value
from . import context as cx

__all__ = [
    "Hit",
    "always",
    "bare_outcome",
    "change",
    "cost",
    "count",
    "duration",
    "event_count",
    "fraction",
    "frequency_in",
    "frequency_of",
    "is_definition",
    "is_label",
    "on_average",
    "percentage",
    "rate",
    "rate_per_year",
]


@dataclass(frozen=True, slots=True)
class Hit:
    """One anchored match: ``back`` is the reversed 40 characters before it; ``first`` the
    number it starts with (for digit and word anchors), ``first_word`` that number when it is
    written in words, lower-case."""

    match: re.Match[str]
    text: str
    back: str
    first: str
    first_word: str

    @classmethod
    def of(cls, match: re.Match[str], text: str, anchor: str) -> Hit:
        start = match.start()
        first = ""
        if anchor in ("num", "word"):
            token = cx.NUM_TOKEN.match(text, start)
            first = token.group(0) if token else ""
        first_word = first.split()[0].lower() if first and not first[0].isdigit() else ""
        return cls(match, text, text[max(0, start - 40) : start][::-1], first, first_word)

    @property
    def span(self) -> str:
        return self.match.group(0)

    def before(self, width: int) -> str:
        """The ``width`` characters before the match, in reading order."""
        start = self.match.start()
        return self.text[max(0, start - width) : start]


def _is_year(token: str) -> bool:
    return bool(cx.YEAR_TOKEN.fullmatch(token))


_ON_AVERAGE = re.compile("[ \\t]+on[ \\t]+average\\b", re.IGNORECASE)
# A difference in cost between groups is a finding ("cost $580 USD more").
_COST_DIFFERENCE = re.compile("\\b(?:more|less|extra|higher|lower|cheaper|dearer)$", re.IGNORECASE)
# A target or goal is a policy, not a finding ("aims for 85% by 2020", "Target: 36% by 2030").
_TARGET = re.compile(
    "\\b(?:aims?|aiming|targets?|goals?|ambition)\\b(?:\\s*:|\\s+(?:for|of|to|is|was|are|were|set\\s+at)\\b)"
    "[^.!?\\n;]{0,40}$",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    "\\b(?:means|is\\s+defined\\s+as|are\\s+defined\\s+as|defined\\s+as|refers\\s+to|is\\s+called|"
    "(?:were|was|are|is)\\s+called\\s+[\\w-]+\\s+if)\\b"
    "[^.!?\\n]{0,60}$",
    re.IGNORECASE,
)


def is_definition(hit: Hit) -> bool:
    """A number inside a term's definition ("acute means it has lasted less than six weeks")."""
    return _DEFINITION.search(hit.before(80)) is not None


def is_label(hit: Hit) -> bool:
    """A number right after a label or code ("page 3", "GB34") is never a statistic."""
    return bool(hit.first) and cx.LABEL_REV.match(hit.back) is not None


def always(hit: Hit, kind: str) -> str | None:
    """The pattern alone makes a statistic ("95% CI 1.1 to 2.3", "2.4-fold")."""
    return kind


def percentage(hit: Hit, kind: str) -> str | None:
    """Not a concentration ("5% dextrose"); "20% and 30%" is a range only after "between"."""
    if cx.DRUG_AFTER.match(hit.text, hit.match.end()) or cx.DRUG_BACK_REV.match(hit.back):
        return None
    if kind == "percent-range" and " and" in hit.span.lower() and not cx.BETWEEN_REV.match(hit.back):
        return None
    if _TARGET.search(hit.before(60)):
        return None  # "the strategy aims for 85% linkage to care": a policy target
    return kind


def frequency_in(hit: Hit, kind: str) -> str | None:
    """"1 in 5", but not "1 in 2019" nor "1 in 3 days" (a schedule)."""
    tail = hit.span.split()[-1]
    if _is_year(tail) or cx.FOLLOW_TIME_OR_DOSE.match(hit.text, hit.match.end()):
        return None
    return kind


def frequency_of(hit: Hit, kind: str) -> str | None:
    """"48 of 60 children", "two out of three"; not one person's score ("7 out of 10")."""
    span = hit.span
    parts = cx.OF_SPLIT.split(span, maxsplit=1)
    second = cx.NUM_TOKEN.search(parts[1]) if len(parts) == 2 else None
    if second is None:
        return None
    a, b = number_value(hit.first), number_value(second.group(0))
    if a is None or b is None or a > b or b == 0:
        return None
    if cx.FOLLOW_TIME_OR_DOSE.match(hit.text, hit.match.end()) or _is_year(second.group(0)):
        return None
    counted = cx.COUNT_NOUN_END.search(span) is not None
    if not counted and cx.SCORE_REV.match(hit.back):
        return None  # "her pain was 7 out of 10": a score for one person
    words_only = not hit.first[:1].isdigit() and not second.group(0)[:1].isdigit()
    if words_only and "out" not in parts[0].lower() and not counted:
        return None
    return kind


def rate(hit: Hit, kind: str) -> str | None:
    """"14 per 100,000": the denominator is at least 10; not an age ("people over 65 per")."""
    if cx.AGE_REV.match(hit.back):
        return None
    denominator = cx.DENOMINATOR.search(hit.span)
    value = number_value(denominator.group(1)) if denominator else None
    if value is None or value < 10:
        return None
    return kind


def rate_per_year(hit: Hit, kind: str) -> str | None:
    """"12,000 strokes a year"; not after an age."""
    return None if cx.AGE_REV.match(hit.back) else kind


def fraction(hit: Hit, kind: str) -> str | None:
    """"a third of patients", "half of"; not "half of the tablet" nor "a third the first"."""
    span, end = hit.span, hit.match.end()
    low = span.lower()
    if not cx.FRAC_QUANT.match(span) and not low.startswith("half"):
        return None
    if cx.ORDINAL_NEXT.match(hit.text, end):
        return None
    if low.rstrip().endswith("of") or low.rstrip().endswith("the"):
        after = hit.text[end : end + 20].lstrip().lower()
        if cx.MEASURE_AFTER_OF.match(after):
            return None  # "half of the tablet", "a third of a mile"
        if not low.rstrip().endswith("of") and not after[:1].isalpha():
            return None
    return kind


def change(hit: Hit, kind: str) -> str | None:
    """A measurement after a change verb ("improved by 0.15 m/s") is an effect."""
    return kind if cx.CHANGE_BACK.search(hit.before(60)) else None


def bare_outcome(hit: Hit, kind: str) -> str | None:
    """"61 improved", "12 died"; not a year."""
    if _is_year(hit.first) or (number_value(hit.first) or 0) < 1:
        return None
    return kind


def on_average(hit: Hit, kind: str) -> str | None:
    """"on average, people walked 1.2 km" (needs the "on")."""
    return kind if cx.ON_REV.match(hit.back) else None


def event_count(hit: Hit, kind: str) -> str | None:
    """"14 falls" (at least 10 events); 1,000 or more, or scaled, is a burden."""
    if cx.AGE_REV.match(hit.back) or (_is_year(hit.first) and cx.YEAR_REV.match(hit.back)):
        return None
    token = cx.NUM_TOKEN.match(hit.span)
    value = number_value(token.group(0)) if token else 0
    if (value or 0) < 10:
        return None  # "he had 2 falls last month": one person's history
    return "burden" if (value or 0) >= 1000 or cx.SCALE_BIG_RE.search(hit.span) else kind


def count(hit: Hit, kind: str) -> str | None:
    """Counts of studies, participants and burden ("11 trials", "815 participants",
    "1.3 million people"); not "one study", "two people", ages or years, and a count of
    people under 10 only with an outcome verb or a study context."""
    scaled = cx.SCALE_BIG_RE.search(hit.span) is not None
    value = number_value(hit.first)
    if not scaled and (value == 1 or (kind != "study-count" and hit.first_word == "two")):
        return None  # "one study", "a trial", "two people": not counts worth citing
    if kind != "study-count" and cx.AGE_REV.match(hit.back):
        return None
    if _is_year(hit.first) and cx.YEAR_REV.match(hit.back):
        return None
    if kind == "burden" or scaled:
        return "burden"
    if kind == "participant-count" and cx.OUTCOME_END.search(hit.span):
        return "outcome-count"
    if kind == "participant-count" and (value or 0) < 10 and not cx.STUDY_CONTEXT_REV.match(hit.back):
        return None  # "three people can help you": guidance, not a finding
    return kind


def duration(hit: Hit, kind: str) -> str | None:
    """A duration after an outcome word ("recovered within 4 months"), not a schedule."""
    wider = hit.before(80)
    if _ON_AVERAGE.match(hit.text, hit.match.end()) and not cx.DUR_GUIDANCE.search(wider):
        return kind  # "took 6 weeks on average": a mean
    prep = cx.DUR_PREP_BACK.search(wider)
    context_end = len(wider) - (len(prep.group(0)) if prep else 0)
    found = cx.DUR_CONTEXT.search(wider, 0, context_end)
    if not found or cx.DUR_SCHEDULE.search(wider, 0, context_end):
        return None
    if cx.DUR_GUIDANCE.search(wider, 0, context_end) or cx.DUR_AROUND_EVENT.match(hit.text, hit.match.end()):
        return None  # "see a GP if it lasts more than 6 weeks", "her walking improved over 3 months"
    return kind


def cost(hit: Hit, kind: str) -> str | None:
    """Money per unit or at population scale, or next to the health service; not a price."""
    span = hit.span
    tail = span[1:] if span[:1] in "\u00a3$\u20ac" else span[3:]
    if cx.SCALE_IN.search(tail) or cx.COST_CONTEXT.search(hit.before(80)) or _COST_DIFFERENCE.search(tail):
        return kind
    return None
