"""The typed view of one bibliography entry that every check reads.

Parsing lives in :mod:`.bibliography`; this module has no I/O so that checks and tests can
build references directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Reference",
    "split_figures",
]


@dataclass(frozen=True, slots=True)
class Reference:
    """One BibTeX entry, with the fields our checks read already decoded to plain text.

    ``figures`` holds the figures the source records (the ``figures`` field split on ``;``);
    ``design`` is the study design from the controlled list (or what the entry said, unchecked).
    ``path`` and ``line`` locate the entry in its ``.bib`` file for messages.
    """

    key: str
    entry_type: str = "article"
    title: str = ""
    authors: tuple[str, ...] = ()
    year: int | None = None
    journal: str = ""
    design: str | None = None
    figures: tuple[str, ...] = ()
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    path: str = ""
    line: int = 0
    fields: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def split_figures(raw: str) -> tuple[str, ...]:
    """Split a ``figures`` field on ``;`` into trimmed, non-empty figure texts."""
    return tuple(part.strip() for part in raw.split(";") if part.strip())
