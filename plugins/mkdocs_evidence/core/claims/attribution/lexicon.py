"""The attribution finder's word lists, read once from ``lexicon.yml`` (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass

from ..wordlists import load_word_lists

__all__ = ["LEXICON", "Lexicon"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Each field is one list of ``lexicon.yml`` (see the comments there)."""

    plural_heads: tuple[str, ...]
    singular_heads: tuple[str, ...]
    modifiers: frozenset[str]
    definite_modifiers: frozenset[str]
    nationalities: frozenset[str]
    collectives: frozenset[str]
    singular_determiners: frozenset[str]
    negators: frozenset[str]
    standalone_modifiers: frozenset[str]
    standalone_heads: frozenset[str]
    gapless_heads: frozenset[str]
    adverbs: tuple[str, ...]
    verbs: tuple[str, ...]
    finding_verbs: tuple[str, ...]
    gap_starters: tuple[str, ...]
    organisations: tuple[str, ...]
    organisation_suffixes: tuple[str, ...]
    non_source_acronyms: tuple[str, ...]
    study_method_words: frozenset[str]
    eponyms: tuple[str, ...]
    places: tuple[str, ...]


LEXICON = load_word_lists(__package__, Lexicon)
