"""A total (who or what a study included) given as the frame of a result: "in 23 people with
MS, walking got faster", "across 37 trials with 9,446 people, home checks lowered blood
pressure". Used by the ``subgroup-total`` rule of :mod:`.context`.

The frame is honest when the source states that result for everyone it counted. So the
source's *result sentence* is found (the sentence sharing the claim's result word, or a
result word and a topic word) and read:

* no source sentence states the result: the total is attached to a result the source lacks;
* the result sentence gives its own count ("n = 11", "11 studies", "40% of the exercise
  group"): the result is about part of the total;
* the claim compares ("better than", "faster with A than with B") where the source found no
  difference ("no worse than", "did not differ").

Otherwise the result is the whole study's, and the frame agrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .context_parts import content

__all__ = ["RESULT_STEMS", "frame_verdict", "is_frame", "no_difference"]

RESULT_STEMS = frozenset(
    {
        "cut", "eas", "reliev", "prevent", "improv", "increas", "reduc", "faster", "better", "help",
        "recov", "benefit", "effect", "lower", "higher", "gain", "decreas", "worse",
        "=recovery", "success", "cure", "easier", "favour", "favor", "further", "longer", "shorter",
        "slower", "quicker", "fell", "rose", "best",
    }
)  # fmt: skip
# The figure introduced by a preposition in its clause: "In 23 people", "across 37 trials
# with 9,446 people", "in an analysis of 89 studies", "that followed 49 people".
_FRAME = re.compile(
    r"\b(?:in|across|among|of|from|followed|with|and|over|pooling|pooled)\s+(?:(?:a|an|the|all|over|about|"
    r"nearly|almost|more than)\s+)*$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[,;:]\s*")
# A count inside the result sentence: "n = 11", "(11 studies", "19 studies;", "9 of 20", a share
_OWN_COUNT = re.compile(
    r"\bn\s*=\s*\d|\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?"
    r"(?:stud(?:y|ies)|trials?|rcts?|patients|participants|people|subjects|cases)\b"
    r"|\b\d+\s+of\s+(?:the\s+)?\d+\b|\d\s*%\s+of\b|\b\d+\s*\(\s*\d+(?:\.\d+)?\s*%\s*\)",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:not|no|never|neither|nor|did ?n[o']t|does ?n[o']t|unclear|inconclusive)\b", re.IGNORECASE
)
# A sentence saying what the study set out to do states no result.
_AIM = re.compile(
    r"^\s*(?:[a-z]+\s+(?:and|&)\s+)?(?:objectives?|purpose|aims?|background|methods?|design|study selection|"
    r"eligibility|data sources)\s*[:.]|"
    r"\b(?:to (?:compare|assess|test|find|examine|measure|evaluate|determine|investigate)|aimed|set out)\b",
    re.IGNORECASE,
)
_COMPARES = re.compile(r"\b(?:better|worse|more|less|faster|slower|higher|lower|bigger|greater)\s+(?:\w+\s+){0,6}?than\b", re.IGNORECASE)
_NO_DIFFERENCE = re.compile(
    r"\bno\s+(?:\w+\s+){0,2}differences?\b|\bdid\s+not\s+differ|\bno\s+(?:better|worse)\s+than\b|"
    r"\b(?:not|no)\s+(?:\w+\s+)?(?:different|superior|inferior)\b|\bsimilar\s+(?:improvements|gains|results|effects)\b|"
    r"\bas\s+much\s+as\b|\bequally\b",
    re.IGNORECASE,
)


def is_frame(claim: str, stat_start: int) -> bool:
    """Whether the figure at ``stat_start`` frames the claim's result ("In 23 people, ...")
    rather than being its subject ("23 people recovered")."""
    head = claim[:stat_start]
    clause = head[max((m.end() for m in _CLAUSE_START.finditer(head)), default=0) :]
    return bool(_FRAME.search(clause))


def no_difference(claim: str, sentences: Iterable[str], claim_keys: set[str]) -> str:
    """A source sentence finding no difference where the claim compares: "" when none."""
    if not _COMPARES.search(claim):
        return ""
    for sentence in sentences:
        if _NO_DIFFERENCE.search(sentence) and _topic_keys(sentence) & claim_keys:
            return sentence
    return ""


def _topic_keys(sentence: str) -> set[str]:
    return {k for w in content(sentence) for k in w.keys} - RESULT_STEMS


def frame_verdict(claim: str, claim_keys: set[str], sentences: Iterable[str], *, shares: bool = False) -> str:
    """Why a total framing the claim's result disagrees with the source, or "" when the source
    states that result for everyone. ``shares``: the claim gives its result as a share ("65%
    recovered"), so a share in the result sentence is that result, not a part of the total."""
    results = claim_keys & RESULT_STEMS
    topic = claim_keys - RESULT_STEMS
    best, score = "", (0, 0)
    for sentence in sentences:
        if _AIM.search(sentence):
            continue
        keys = {k for w in content(sentence) for k in w.keys}
        shared = len(keys & topic)
        if not (keys & results or (keys & RESULT_STEMS and shared)):
            continue
        if (len(keys & results), shared) > score:
            best, score = sentence, (len(keys & results), shared)
    if not best:
        return "the source gives this figure as a total (who or what was included) and states no such result"
    if _NEGATED.search(best) and not _NEGATED.search(claim):
        return f'the source states the result for this total only negated: "{best}"'
    counts = _OWN_COUNT.findall(best)
    if any(c for c in counts if not (shares and "%" in c)):
        return f'the source gives the result for part of this total: "{best}"'
    return ""
