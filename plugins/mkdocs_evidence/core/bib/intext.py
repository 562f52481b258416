"""What an in-text citation shows of each cited source: number, first author and year, the
prefix and locator as written. Pure data for the templates that render citations.

Author names follow the common rule of numbered and author-date styles alike: one author
"Aprile", two "Aprile and Rossi", three or more "Aprile et al."; an organisation as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..text.citations import CitationGroup, anchor_for
from .references import Reference

__all__ = ["InTextItem", "author_names", "in_text_items"]


@dataclass(frozen=True, slots=True)
class InTextItem:
    """One cited key as the text shows it. ``number`` is None for a key the bibliography lacks."""

    key: str
    anchor: str
    number: int | None
    names: str = ""
    year: str = ""
    prefix: str = ""
    locator: str = ""
    suppress_author: bool = False

    @property
    def resolved(self) -> bool:
        return self.number is not None


def _surname(author: str) -> str:
    """``Aprile, Irene`` -> ``Aprile``; a name without a comma (an organisation) as written."""
    author = author.strip()
    return author.split(",", 1)[0].strip() if "," in author else author


def author_names(reference: Reference) -> str:
    """The authors as a citation names them; the title's first words when there are none."""
    names = [_surname(a) for a in reference.authors if a.strip()]
    if not names:
        words = reference.title.split()
        return " ".join(words[:4]) + (" ..." if len(words) > 4 else "") if words else reference.key
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def in_text_items(
    group: CitationGroup, references: Mapping[str, Reference], numbers: Mapping[str, int]
) -> tuple[InTextItem, ...]:
    """Each item of ``group`` with what the text shows of it; ``numbers`` numbers known keys."""
    items = []
    for item in group.items:
        reference = references.get(item.key)
        if reference is None:
            items.append(InTextItem(item.key, anchor_for(item.key), None, prefix=item.prefix, locator=item.locator))
            continue
        items.append(
            InTextItem(
                key=item.key,
                anchor=anchor_for(item.key),
                number=numbers.get(item.key),
                names=author_names(reference),
                year=str(reference.year) if reference.year else "n.d.",
                prefix=item.prefix,
                locator=item.locator,
                suppress_author=item.suppress_author,
            )
        )
    return tuple(items)
