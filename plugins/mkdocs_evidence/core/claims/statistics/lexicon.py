"""The statistics finder's word lists, read once from ``lexicon.yml`` (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass

from ..wordlists import load_word_lists

__all__ = ["COUNT_NOUNS", "LEXICON", "Lexicon"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Each field is one list of ``lexicon.yml`` (see the comments there)."""

    participant_nouns: tuple[str, ...]
    participant_adjectives: tuple[str, ...]
    study_nouns: tuple[str, ...]
    study_adjectives: tuple[str, ...]
    event_nouns: tuple[str, ...]
    drug_words: tuple[str, ...]
    labels: tuple[str, ...]
    codes: tuple[str, ...]
    fraction_words: tuple[str, ...]
    multiple_words: tuple[str, ...]
    measure_keywords: tuple[str, ...]
    measure_abbreviations: tuple[str, ...]
    outcome_words: tuple[str, ...]
    time_words: tuple[str, ...]
    participant_outcome_verbs: tuple[str, ...]
    cost_nouns: tuple[str, ...]
    year_context: tuple[str, ...]
    score_context: tuple[str, ...]
    study_context: tuple[str, ...]
    other_count_nouns: tuple[str, ...]


LEXICON = load_word_lists(__package__, Lexicon)
# What a number counts when it reports a finding (lower-case): people, events, studies and others.
COUNT_NOUNS = frozenset(
    w.lower() for w in LEXICON.participant_nouns + LEXICON.event_nouns + LEXICON.study_nouns
    + LEXICON.other_count_nouns
)
