"""Read a finder's ``lexicon.yml`` into a frozen record of word lists (one loader for both)."""

from __future__ import annotations

from dataclasses import fields
from importlib import resources
from typing import TypeVar

import yaml

__all__ = ["load_word_lists", "parse_word_lists"]

T = TypeVar("T")


def parse_word_lists(text: str, record: type[T], source: str = "lexicon.yml") -> T:
    """Parse lexicon YAML into ``record``: every field present, each a list of non-empty
    strings; fields typed ``frozenset`` become sets, the others tuples (order kept)."""
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(raw, dict):
        raise ValueError(f"{source}: expected a mapping of list names to word lists")
    kinds = {f.name: str(f.type) for f in fields(record)}  # type: ignore[arg-type]
    unknown, missing = sorted(set(raw) - set(kinds)), [n for n in kinds if n not in raw]
    if unknown or missing:
        raise ValueError(f"{source}: unknown lists {unknown}, missing lists {missing}")
    values: dict[str, tuple[str, ...] | frozenset[str]] = {}
    for name, kind in kinds.items():
        words = raw[name]
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise ValueError(f"{source}: '{name}' must be a list of non-empty strings")
        values[name] = frozenset(words) if kind.startswith("frozenset") else tuple(words)
    return record(**values)


def load_word_lists(package: str, record: type[T]) -> T:
    """``lexicon.yml`` of ``package``, parsed into ``record``."""
    text = resources.files(package).joinpath("lexicon.yml").read_text(encoding="utf-8")
    return parse_word_lists(text, record, f"{package.replace('.', '/')}/lexicon.yml")
