"""The statistics finder's word lists, read once from ``lexicon.yml`` (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from importlib import resources

import yaml

__all__ = ["LEXICON", "Lexicon", "load_lexicon"]


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


def load_lexicon(text: str) -> Lexicon:
    """Parse and check lexicon YAML: every field present, each a list of non-empty strings."""
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(raw, dict):
        raise ValueError("lexicon.yml: expected a mapping of list names to word lists")
    names = [f.name for f in fields(Lexicon)]
    unknown = sorted(set(raw) - set(names))
    missing = [n for n in names if n not in raw]
    if unknown or missing:
        raise ValueError(f"lexicon.yml: unknown lists {unknown}, missing lists {missing}")
    values = {}
    for name in names:
        words = raw[name]
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise ValueError(f"lexicon.yml: '{name}' must be a list of non-empty strings")
        values[name] = tuple(words)
    return Lexicon(**values)


LEXICON = load_lexicon(resources.files(__package__).joinpath("lexicon.yml").read_text(encoding="utf-8"))
