"""Quantity words of the second pass that compare groups or say how much of a group ("more
likely ... than", "more than any other", "put together", "mostly", "not a single", "a
handful of", "none were").

Each rule is one small function that reads a bounded window around its anchor word (found by
the shared word scan of :mod:`.broad`) and returns a :class:`~.candidate.Candidate` or None.
Bare comparatives ("higher risk", "more likely to break") stay unflagged: the corpus rules count
a comparison only when it names both sides ("than men"), reports a study's group ("were more
likely") or ranks against all others ("than any other").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from ...text.numbers import OPT_SPACES, SPACES
from .candidate import Candidate

__all__ = ["WORDS", "comparison_candidate", "superlative_of_all"]

_S, _S0 = SPACES, OPT_SPACES
_F = re.IGNORECASE
_END = "[.;!?\n]"


class _Sentence(Protocol):
    text: str

    def guidance(self, pos: int) -> bool: ...

    def case(self, pos: int) -> bool: ...


_THAN_ALL = re.compile(
    "than" + _S + "(?:(?:on" + _S + "|in" + _S + "|for" + _S + ")?(?:any" + _S + "other|all"
    + _S + "(?:the" + _S + ")?other(?:s)?|ever" + _S + "before)\\b(?:" + _S + "[\\w-]+){0,2}"
    "|[^.;!?\n]{1,70}?\\b(?:put" + _S + "together|combined)\\b)",
    _F,
)
_GROUP = (
    "(?:men|women|boys|girls|males|females|adults|children|people|patients|whites|blacks|"
    "controls|non-smokers|smokers|others|those|peers)"
)
_COUNT_BEFORE = re.compile(
    "\\b(?:(?:far|many|slightly|much|significantly)" + _S + ")?(?:more|fewer)" + _S + "(?:[\\w-]+"
    + _S + ")?" + _GROUP + _S + "(?:[\\w-]+" + _S + "){0,5}?$",
    _F,
)
_THAN_GROUP = re.compile("than" + _S + "(?:in" + _S + ")?(?:the" + _S + ")?(?:[\\w-]+" + _S + ")?" + _GROUP + "\\b", _F)
# A copula and a comparative before "than" or "among": a result comparing groups.
_COPULA_COMPARATIVE = re.compile(
    "\\b(?:was|were|is|are|remained|remain)" + _S + "(?:(?:slightly|much|far|significantly|"
    "substantially|considerably|even|still)" + _S + ")?(?P<cmp>higher|lower|highest|lowest|greater|"
    "greatest|smaller|larger)" + _S + "$",
    _F,
)
_NEXT_WORDS = re.compile("\\w+(?:" + _S + "[\\w-]+){1,2}")
_ABOVE_BELOW = re.compile(
    "\\b(?:above|below|under|over)" + _S + "the" + _S + "(?:[A-Z][\\w.-]*" + _S + "|national" + _S
    + "|UK" + _S + "|US" + _S + "|European" + _S + ")?$"
)
_SENTENCE_END = re.compile("[.!?\n]")
_THAN_WORD = re.compile("than" + _S + "[\\w-]+", _F)
_LIKELY_BEFORE = re.compile(
    "\\b(?P<past>(?:were|was)" + _S + ")?(?:(?:much|far|slightly|significantly|substantially)"
    + _S + ")?(?:more|less)" + _S + "$",
    _F,
)
_THAN_SOON = re.compile("[^.;!?\n]{0,60}?\\bthan\\b", _F)
# "mostly" before a word, but not "mostly used when" (how a treatment is used) nor "mostly fine".
_MOSTLY_NEXT = re.compile(_S0 + "(?:[,;:.)]|" + _S + "(?!(?:used|fine|true|right|because)\\b)[\\w-]+)", _F)
_NONE = re.compile(
    "none" + _S + "(?:were|was|had|died|needed|reported|of" + _S + "(?:the|them|these)"
    + _S + "(?:[\\w-]+" + _S + ")?(?:patients|people|participants|women|men|children|"
    "adults|trials|studies))\\b",
    _F,
)
_SINGLE_BEFORE = re.compile("\\bnot" + _S + "a" + _S + "$", _F)
_SINGLE = re.compile("single" + _S + "(?:[\\w-]+" + _S + "){0,2}?[\\w-]+\\b", _F)
_HANDFUL = re.compile("handful" + _S + "of\\b(?:" + _S + "[\\w-]+){0,3}", _F)
_SUPERLATIVE_OF_ALL = re.compile(
    "(?:the|its)" + _S + "(?:highest|lowest|largest|smallest|biggest|greatest|best|worst)"
    + "(?:" + _S + "[\\w-]+)?" + _S + "(?:of" + _S + "any|since" + _S + "(?:the" + _S
    + ")?(?:19|20)\\d\\d(?:s|['\u2019]s)?|on" + _S + "record|ever" + _S + "recorded|in" + _S + "the" + _S
    + "world)\\b(?:" + _S + "[\\w-]+)?",
    _F,
)


def _question(text: str, pos: int) -> bool:
    """The sentence holding ``pos`` asks a question ("Why do more women than men get it?")."""
    end = _SENTENCE_END.search(text, pos, pos + 300)  # bounded: linear on a long line
    return end is not None and end.group(0) == "?"


def _between_groups(ctx: _Sentence, pos: int) -> Candidate | None:
    """"incidence was higher among Black adults", "counts were lower than provisional ones"."""
    text = ctx.text
    window = text[max(0, pos - 50) : pos]
    if "er " not in window and "est " not in window:
        return None  # no comparative before the anchor: skip the regex
    back = _COPULA_COMPARATIVE.search(text, max(0, pos - 50), pos)
    if back is None or ctx.guidance(pos) or ctx.case(pos) or _question(text, pos):
        return None
    after = _NEXT_WORDS.match(text, pos)
    end = after.end() if after else pos
    return Candidate(back.start("cmp"), end, "comparison", "between-groups", "uncertain",
                     "a comparison between groups: a finding that needs a source")


def _than(ctx: _Sentence, pos: int) -> Candidate | None:
    """"more than any other", "than all the other cancers put together"; "more women than men"."""
    text = ctx.text
    m = _THAN_ALL.match(text, pos)
    if m is not None:
        return Candidate(pos, m.end(), "rank", "than-all", "sure", "")
    groups = _between_groups(ctx, pos)
    if groups is not None:
        return groups
    window = text[max(0, pos - 60) : pos].lower()
    if ("more" not in window and "fewer" not in window) or ctx.guidance(pos) or _question(text, pos):
        return None
    back = _COUNT_BEFORE.search(text, max(0, pos - 60), pos)
    if back is None:
        return None
    g = _THAN_GROUP.match(text, pos) or _THAN_WORD.match(text, pos)
    if g is None:
        return None
    return Candidate(back.start(), g.end(), "comparison", "more-than", "uncertain",
                     "a comparison between groups: a finding that needs a source")


def _likely(ctx: _Sentence, pos: int) -> Candidate | None:
    """"women are more likely to get it than men"; "men who ... were less likely"."""
    text = ctx.text
    back = _LIKELY_BEFORE.search(text, max(0, pos - 40), pos)
    if back is None or ctx.guidance(pos) or ctx.case(pos):
        return None
    if back.group("past") is None and _THAN_SOON.match(text, pos + 6) is None:
        return None  # "makes it more likely", "more likely to break": no finding about a group
    start = back.start("past") + len(back.group("past")) if back.group("past") else back.start()
    return Candidate(start, pos + 6, "comparison", "likely", "uncertain",
                     "a comparison between groups: a finding that needs a source")


def _average(ctx: _Sentence, pos: int) -> Candidate | None:
    """"life expectancy stayed above the EU average": a comparison with a population's mean."""
    text = ctx.text
    back = _ABOVE_BELOW.search(text, max(0, pos - 40), pos)
    if back is None or ctx.guidance(pos) or ctx.case(pos):
        return None
    return Candidate(back.start(), pos + 7, "comparison", "above-average", "uncertain",
                     "a comparison with an average: a finding that needs a source")


def _mostly(ctx: _Sentence, pos: int) -> Candidate | None:
    """"cases, mostly in men", "sciatica mostly clears up": most of a group, in words."""
    if ctx.case(pos) or ctx.guidance(pos) or _MOSTLY_NEXT.match(ctx.text, pos + 6) is None:
        return None
    return Candidate(pos, pos + 6, "proportion", "mostly", "uncertain",
                     "a proportion in words: say how many and cite the source")


def _none(ctx: _Sentence, pos: int) -> Candidate | None:
    m = _NONE.match(ctx.text, pos)
    if m is None or ctx.case(pos):
        return None
    return Candidate(pos, m.end(), "proportion", "none", "uncertain",
                     "'none' of a group: a finding that needs a source")


def _single(ctx: _Sentence, pos: int) -> Candidate | None:
    """"not a single adverse event"."""
    text = ctx.text
    back = _SINGLE_BEFORE.search(text, max(0, pos - 8), pos)
    m = _SINGLE.match(text, pos)
    if back is None or m is None or ctx.guidance(pos):
        return None
    return Candidate(back.start(), m.end(), "count", "not-a-single", "sure", "")


def _handful(ctx: _Sentence, pos: int) -> Candidate | None:
    """"a handful of small trials"."""
    m = _HANDFUL.match(ctx.text, pos)
    if m is None or ctx.guidance(pos):
        return None
    return Candidate(pos, m.end(), "count", "handful", "uncertain",
                     "a count in words ('a handful'): say how many and cite the source")


def superlative_of_all(text: str, pos: int) -> Candidate | None:
    """"the highest of any", "its smallest since 1950": a rank against all others (at "the")."""
    m = _SUPERLATIVE_OF_ALL.match(text, pos)
    if m is None:
        return None
    return Candidate(pos, m.end(), "rank", "superlative-of-all", "sure", "")


_RULES: dict[str, Callable[[_Sentence, int], Candidate | None]] = {
    "than": _than, "likely": _likely, "mostly": _mostly, "none": _none, "single": _single,
    "handful": _handful, "among": _between_groups, "average": _average,
}
# The anchor words (lower-case) this module decides, for the shared word scan.
WORDS = tuple(_RULES)


def comparison_candidate(ctx: _Sentence, word: str, pos: int) -> Candidate | None:
    """Decide one anchor word of this module at ``pos`` (``word`` as written)."""
    rule = _RULES.get(word.lower())
    return rule(ctx, pos) if rule is not None else None
