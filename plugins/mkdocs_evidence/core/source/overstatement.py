"""Claims more certain than their sources or their ratings.

Two rules:

* **Absolute words** ("all", "every", "always", "proven", "cures", "guaranteed", "no risk" ...)
  in a cited claim are overstated when a sentence of a cited source that is about the same
  thing (at least two content words in common) hedges ("most", "some", "may", ...) without
  using the claim's absolute word itself, or when the claim's rating is below high.
* **Rated statements** use GRADE's own wording: high "...does", moderate "probably", low
  "may", very low "we are very uncertain". A statement whose strongest hedge is more certain
  than its rating allows is overstated (a moderate rating stated with no hedge). A statement
  more cautious than its rating is not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..bib.references import Reference
from .source_text import source_sentences
from .wording import content_words

__all__ = ["Overstatement", "absolute_words", "hedge_rank", "overstated", "rating_wording"]

_ABSOLUTE = re.compile(
    r"\b(?<!at )(?:all(?! of the)|every|everyone|always|proven|proves?|cures?|cured|guarantee[sd]?|"
    r"no[ -]risks?|risk[ -]free|"
    r"never fails?|completely safe|100% (?:effective|safe))\b",
    re.IGNORECASE,
)
_SOURCE_HEDGE = re.compile(
    r"\b(?:most|some|may|might|could|majority|several|possibly|probably|likely|suggests?|suggested|"
    r"partly|partially|not all|in part|few|uncertain|unclear|inconclusive)\b",
    re.IGNORECASE,
)
# GRADE levels by rank (high 3 ... very low 0) and the hedges that state each certainty.
_LEVEL_RANK = {"high": 3, "moderate": 2, "low": 1, "very-low": 0}
_HEDGES = (
    (
        0,
        re.compile(
            r"\b(?:very uncertain|not sure|do not know|don't know|unclear|uncertain|unknown|"
            r"(?:we )?found no (?:trials?|studies|research|evidence|reviews?)|"
            r"no (?:trials?|studies) (?:have|has)|too few (?:trials|studies)|little (?:research|evidence))\b",
            re.IGNORECASE,
        ),
    ),
    (1, re.compile(r"\b(?:may|might|could|possibly)\b", re.IGNORECASE)),
    (2, re.compile(r"\b(?:probably|likely|seems? to)\b", re.IGNORECASE)),
)
_WORDING = {3: "'...does' (no hedge)", 2: "'probably'", 1: "'may'", 0: "'we are very uncertain'"}
_MARKERS = re.compile(r"\[[^\]]*@[^\]]*\]|\{rating:[^}]*\}")


@dataclass(frozen=True, slots=True)
class Overstatement:
    """Why a claim is overstated: the words (offsets into the claim) and the reason."""

    start: int
    end: int
    word: str
    reason: str
    source: str = ""  # the hedging source sentence, when a source is the reason


def absolute_words(claim: str) -> list[re.Match[str]]:
    return list(_ABSOLUTE.finditer(_MARKERS.sub(lambda m: " " * len(m.group(0)), claim)))


def hedge_rank(text: str) -> int:
    """The certainty a sentence's wording states: 0 (very low) ... 3 (high, no hedge)."""
    for rank, pattern in _HEDGES:
        if pattern.search(text):
            return rank
    return 3


def rating_wording(statement: str, level: str) -> Overstatement | None:
    """A rated statement whose wording is more certain than its GRADE level."""
    rank = _LEVEL_RANK.get(level)
    if rank is None or not statement.strip():
        return None
    stated = hedge_rank(_MARKERS.sub(" ", statement))
    if stated <= rank:
        return None
    absolute = absolute_words(statement)
    first = absolute[0] if absolute else None
    start, end = (first.start(), first.end()) if first else (0, 0)
    name = level.replace("-", " ")
    return Overstatement(
        start,
        end,
        first.group(0) if first else "",
        f"rated {name} but worded as {_WORDING[stated]}; GRADE's wording for {name} is {_WORDING[rank]}",
    )


def overstated(claim: str, references: Sequence[Reference], level: str | None = None) -> Overstatement | None:
    """An absolute word in ``claim`` that its sources hedge, or that its rating does not allow."""
    found = absolute_words(claim)
    if not found:
        return None
    first = found[0]
    word = first.group(0)
    if level is not None and _LEVEL_RANK.get(level, 3) < 3:
        return Overstatement(
            first.start(), first.end(), word, f"'{word}' in a claim rated {level.replace('-', ' ')}, below high"
        )
    claim_keys = {w.key for w in content_words(claim)}
    for reference in references:
        for sentence in source_sentences(reference):
            if sentence.origin == "figures":
                continue
            shared = claim_keys & {w.key for w in content_words(sentence.text)}
            if len(shared) < 2 or re.search(rf"\b{re.escape(word)}\b", sentence.text, re.IGNORECASE):
                continue
            hedge = _SOURCE_HEDGE.search(sentence.text)
            if hedge:
                return Overstatement(
                    first.start(),
                    first.end(),
                    word,
                    f"'{word}' where {sentence.where} says '{hedge.group(0)}'",
                    sentence.text,
                )
    return None
