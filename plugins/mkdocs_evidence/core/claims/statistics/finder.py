"""The statistics finder's scan: anchors, candidate patterns, longest accepted match.

Linear time: one anchor scan finds the few places where a statistic can start (a digit that
does not continue a word or number, a number word, a currency sign, a measure name) and the
anchored patterns tried there are bounded or possessive. Spans never overlap; the longest
accepted match at an anchor wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.numbers import NUM, NUMBER_WORDS, OPT_SPACES
from . import context as cx
from . import rules
from .broad import broad_candidates
from .lexicon import LEXICON
from .patterns import BY_FOLLOW, BY_WORD, CURRENCY, FRACTION, Pattern
from .scan import TextContext

__all__ = ["KINDS", "Statistic", "find_statistics"]


@dataclass(frozen=True, slots=True)
class Statistic:
    """One statistic: ``text == source[start:end]``; ``kind`` is one of :data:`KINDS`;
    ``pattern`` names the pattern that found it (:data:`.patterns.PATTERNS`).

    ``certainty`` is "sure" (a statistic: an uncited one is an error) or "uncertain" (probably
    one: a warning); ``reason`` says why an uncertain one was flagged, in words for an editor.
    """

    start: int
    end: int
    kind: str
    text: str
    pattern: str = ""
    certainty: str = "sure"
    reason: str = ""


KINDS = (
    "percentage", "percent-range", "natural-frequency", "rate", "multiple", "relative-measure",
    "p-value", "confidence-interval", "effect-size", "mean-median-sd", "study-count",
    "participant-count", "outcome-count", "burden", "duration-finding", "cost-finding",
    # found by the second pass (:mod:`.broad`)
    "count", "proportion", "rank", "age-group", "comparison", "number",
)

# Where a statistic can start. Pass one finds digits and currency signs (a character-set
# scan that runs in C); pass two finds number words and measure names.
_DIGIT_ANCHOR = re.compile("\\d(?<![\\w.,/\u066b]\\d)")
_CURRENCY_ANCHOR = re.compile("[\u00a3$\u20ac]")
_NUMBER_WORD_SET = frozenset(w for w in NUMBER_WORDS if w != "zero")
# The token after a number decides which patterns are worth trying.
_FOLLOW = re.compile(OPT_SPACES + "([%\uff05\u066a\u00b1\\-\u2010\u2011\u2013\u2014]|\\+/?-|[^\\W\\d_]+)")
_NUM_AT = re.compile(NUM, re.IGNORECASE)
# First words (lower-case) that can follow a number in a count, rate or duration pattern.
_COUNT_FIRST = frozenset(
    w.split()[0].split("-")[0].lower()
    for w in LEXICON.participant_nouns + LEXICON.participant_adjectives + LEXICON.study_nouns
    + LEXICON.study_adjectives + LEXICON.event_nouns + LEXICON.time_words + ("new",)
)
# Kinds that a term's definition states without reporting a finding ("acute means less than 6 weeks").
_DEFINABLE = frozenset((
    "duration-finding", "participant-count", "outcome-count", "mean-median-sd", "percentage",
    "percent-range",
))
_SCALE_WORDS = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
# What may stand between a statistic and the age group it describes ("1 in 3 people over 65").
_GROUP_GAP = re.compile("[ \t\u00a0]*(?:(?:people|adults|women|men|patients|children|those|Americans|Australians)[ \t\u00a0]+)?")
_NOT_GROUPS = frozenset(("rank", "proportion", "comparison", "multiple", "age-group"))
_DASHES = frozenset("-\u2010\u2011\u2013\u2014")


def _after_number(text: str, pos: int) -> tuple[Pattern, ...]:
    """Patterns worth trying for a number at ``pos``, chosen by the token after it."""
    m = _NUM_AT.match(text, pos)
    if m is None:
        return ()
    follow = _FOLLOW.match(text, m.end())
    if follow is None:
        return ()
    token = follow.group(1).lower()
    found = BY_FOLLOW.get(token)
    if found is not None:
        return found
    if token[0] in _DASHES:
        return BY_FOLLOW["dash"]
    if token.startswith("fold"):
        return BY_FOLLOW["fold"]
    if token.startswith("\u00b0"):
        return BY_FOLLOW["unit"]
    if token in _SCALE_WORDS:
        return BY_FOLLOW["scale"]
    if token in _COUNT_FIRST:
        return BY_FOLLOW["count"]
    return ()


def _anchors(text: str, ctx: TextContext):
    """(position, anchor group, word) of every place a statistic can start, in order; the
    words come from the one word scan of the text (:class:`.scan.TextContext`)."""
    digits = [(m.start(), "num", "") for m in _DIGIT_ANCHOR.finditer(text)]
    money = [(m.start(), "cur", "") for m in _CURRENCY_ANCHOR.finditer(text)]
    words = [(start, "word", word) for start, word in ctx.finder_words]
    return sorted(digits + money + words)  # one C sort beats a Python-level merge


def _candidates(text: str, pos: int, group: str, word: str) -> tuple[Pattern, ...]:
    if group == "num":
        return _after_number(text, pos)
    if group == "cur":
        return CURRENCY
    low = word.lower()
    if low in _NUMBER_WORD_SET or low in ("a", "an"):
        return _after_number(text, pos) + FRACTION
    return BY_WORD.get(low, ())


def _extend_back(text: str, start: int, floor: int, kind: str) -> int:
    """Include a hedge ("about", "up to") and, for durations, the preposition before it."""
    window_start = max(floor, start - 40)
    window = text[window_start:start]
    if kind == "duration-finding":
        m = cx.DUR_PREP_BACK.search(window)
        if m:
            start = window_start + m.start()
            window = text[window_start:start]
    m = cx.HEDGE_REV.match(window[::-1])
    if m:
        start -= m.end()
    return start


def _best_at(text: str, pos: int, group: str, word: str) -> tuple[int, str, str] | None:
    """(end, kind, pattern name) of the longest accepted match at one anchor, or None."""
    best: tuple[int, str, str] | None = None
    for pattern in _candidates(text, pos, group, word):
        m = pattern.regex.match(text, pos)
        if m is None or (best is not None and m.end() <= best[0]):
            continue
        hit = rules.Hit.of(m, text, group)
        if rules.is_label(hit) or (pattern.kind in _DEFINABLE and rules.is_definition(hit)):
            continue
        final = pattern.accept(hit, pattern.kind)
        if final is not None:
            best = (m.end(), final, pattern.name)
    return best


def find_statistics(text: str) -> list[Statistic]:
    """All statistics in ``text`` (already masked prose), in order, without overlaps."""
    if not isinstance(text, str) or not text:
        return []
    found: list[Statistic] = []
    last_end = 0
    ctx = TextContext(text)
    for pos, group, word in _anchors(text, ctx):
        if pos < last_end:
            continue
        best = _best_at(text, pos, group, word)
        if best is None:
            continue
        end, kind, name = best
        while end > pos and text[end - 1] in " \t\u00a0\u2009\u202f":
            end -= 1
        start = _extend_back(text, pos, last_end, kind)
        found.append(Statistic(start, end, kind, text[start:end], name))
        last_end = end
    return _with_broad(ctx, found)


def _with_broad(ctx: TextContext, found: list[Statistic]) -> list[Statistic]:
    """The precise statistics plus what the second pass finds between them, in order."""
    text = ctx.text
    extra = []
    for c in broad_candidates(ctx, [(s.start, s.end) for s in found]):
        end = c.end
        while end > c.start and text[end - 1] in " \t\u00a0\u2009\u202f":
            end -= 1
        extra.append(Statistic(c.start, end, c.kind, text[c.start:end], c.pattern, c.certainty, c.reason))
    if not extra:
        return found
    return _merge_age_groups(text, sorted(found + extra, key=lambda s: s.start))


def _merge_age_groups(text: str, found: list[Statistic]) -> list[Statistic]:
    """An age group right after a statistic describes its group ("one in three people over
    65", "5.6 million aged 65 and older"): one statistic, not two."""
    out: list[Statistic] = []
    for s in found:
        last = out[-1] if out else None
        if (
            last is not None and s.kind == "age-group" and last.kind not in _NOT_GROUPS
            and 0 <= s.start - last.end <= 24
            and _GROUP_GAP.fullmatch(text, last.end, s.start)
        ):
            out[-1] = Statistic(last.start, s.end, last.kind, text[last.start : s.end], last.pattern,
                                last.certainty, last.reason)
            continue
        out.append(s)
    return out
