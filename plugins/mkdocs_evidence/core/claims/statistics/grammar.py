"""Regex building blocks (source strings) of the statistics finder, built from the lexicon.

Nothing is compiled here: :mod:`.context` compiles the look-backs the rules use and
:mod:`.patterns` compiles the anchored patterns. Every pattern built from these pieces is
bounded or possessive, so no input makes it backtrack over more than a short window.
"""

from __future__ import annotations

import re

from ...text.numbers import SPACES, alternation
from ...text.regex import trie
from .lexicon import LEXICON

__all__ = [
    "COST_NOUN",
    "DOSE_UNIT",
    "DRUG",
    "EVENT_NOUN",
    "OUTCOME_VERB",
    "PARTICIPANT_ADJ",
    "PARTICIPANT_NOUN",
    "STUDY_ADJ",
    "STUDY_NOUN",
    "TIME_UNIT",
    "WordScan",
    "cased",
    "reversed_words",
    "trie",
]

TIME_UNIT = (
    "(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|times?|"
    "sessions?|sets?|reps?|repetitions?)"
)
DOSE_UNIT = "(?:tablets?|pills?|capsules?|doses?|mg|ml|g|kg|drops?|puffs?|sachets?)"
PARTICIPANT_NOUN = alternation(LEXICON.participant_nouns)
PARTICIPANT_ADJ = alternation(LEXICON.participant_adjectives)
STUDY_NOUN = alternation(LEXICON.study_nouns)
STUDY_ADJ = alternation(LEXICON.study_adjectives)
EVENT_NOUN = alternation(LEXICON.event_nouns)
OUTCOME_VERB = alternation(LEXICON.participant_outcome_verbs)
COST_NOUN = alternation(LEXICON.cost_nouns)
DRUG = alternation(LEXICON.drug_words)




def cased(words) -> list[str]:
    """Each word as written, lower-case and Capitalised (the keyword scan is case-sensitive,
    which lets the regex engine fail fast on the first letter)."""
    out: set[str] = set()
    for w in words:
        out.update((w, w[:1].upper() + w[1:]))
    return sorted(out, key=len, reverse=True)


def reversed_words(phrases) -> str:
    """Alternation of ``phrases`` written backwards, spaces allowing any horizontal run, to
    match look-backs as an anchored ``match`` on the reversed window (no scanning)."""
    out = []
    for phrase in sorted(phrases, key=len, reverse=True):
        out.append(SPACES.join(re.escape(word[::-1]) for word in reversed(phrase.split())))
    return "(?:" + "|".join(out) + ")"


class WordScan:
    """Find the words of a ``\\b``-led word regex fast: the regex engine skips ahead to a
    non-word character (a character-set scan in C) instead of testing a word boundary at every
    position. ``finditer`` yields ``(start, end, word)`` exactly as ``\\b`` + ``body`` would."""

    def __init__(self, body: str, flags: int = 0) -> None:
        self._lead = re.compile("\\W(?:" + body + ")", flags)
        self._first = re.compile("(?:" + body + ")", flags)

    def finditer(self, text: str):
        first = self._first.match(text)
        begin = 0
        if first is not None and first.end() > 0:
            begin = 1
            yield 0, first.end(), first.group(0)
        for m in self._lead.finditer(text, begin):
            yield m.start() + 1, m.end(), m.group(0)[1:]
