"""Both sentences of a context comparison as its rules read them (:mod:`.context`,
:mod:`.context_outcome`): the claim with its figure, the source sentence with its figure, and
the words of each."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .context_parts import claim_clause
from .source_text import SourceSentence
from .wording import Word

__all__ = ["POPULATIONS", "TOPIC", "Found", "Sides", "is_duration", "own_clause", "shifted"]

# Words naming who a study is about (the population rule; never another figure's outcome)
POPULATIONS = frozenset(
    {
        "=stroke",
        "=multiple sclerosis",
        "=cerebral palsy",
        "=child",
        "=man",
        "=woman",
        "=total hip arthroplasty",
        "=total knee arthroplasty",
        "diabet",
        "older",
        "elder",
        "young",
        "athlet",
        "pregnant",
        "infant",
        "cancer",
        "spinal cord",
    }
)
TOPIC = re.compile(
    r"\b(?:looked at|studied|measured|examined|assessed|evaluated|investigated|whether|"
    r"what (?:predicted|affected|changed))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sides:
    """Both sentences as the rules read them."""

    claim: str
    stat_span: tuple[int, int] | None
    claim_words: Sequence[Word]
    claim_keys: set[str]
    source: SourceSentence
    span: tuple[int, int] | None
    source_keys: set[str]
    label: tuple[Word, ...]
    rest: Sequence[str]
    near_keys: set[str]  # the claim's words and its previous sentence's

    @property
    def shares_claimed(self) -> bool:
        """Whether the claim states its result as a share (a percentage or fraction)."""
        rest = self.claim[: self.stat_span[0]] + self.claim[self.stat_span[1] :] if self.stat_span else self.claim
        return bool(re.search(r"\d\s*%|\bper\s*cent\b|\bpercent\b|\b(?:half|thirds?|quarters?)\b|\b(?:most|many|some|few|all)\s+of\s+them\b", rest, re.IGNORECASE))

    @property
    def missing(self) -> list[Word]:
        return [w for w in self.label if w.key not in self.near_keys]


Found = tuple[str, str, Sequence[Word]] | None


def is_duration(x: Sides) -> bool:
    """Whether the claim's figure is itself a time ("30 weeks", "the 6-month check")."""
    return bool(x.stat_span and DURATION.search(x.claim[x.stat_span[0] : x.stat_span[1]]))



DURATION = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?|minutes?)\b", re.IGNORECASE)


def shifted(x: Sides) -> tuple[int, int] | None:
    """The figure's span inside :func:`_own_clause`."""
    if x.stat_span is None:
        return None
    at = x.claim.find(own_clause(x))
    return (x.stat_span[0] - at, x.stat_span[1] - at)


def own_clause(x: Sides) -> str:
    """The claim's words about this figure: its clause when the claim states other figures
    ("in a study of 31 people, about half (48%) recovered fully": "fully" is the 48%'s)."""
    if x.stat_span is None or not re.search(r"\d", x.claim[: x.stat_span[0]] + x.claim[x.stat_span[1] :]):
        return x.claim
    (lo, hi), *_ = claim_clause(x.claim, x.stat_span)
    return x.claim[lo:hi]
