"""The records of evidence ratings: a rating, its ceiling, and what a badge shows of it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rating:
    """One rated treatment x outcome claim, from YAML content or an inline marker.

    ``upgrade_declared`` is set when an upgrade was written with no reason (``up:`` alone, or
    a YAML ``upgrade`` block without ``reasons``), so that the omission can be reported.
    ``end_line``/``end_column`` default to the start line and one past the text.
    """

    level: str
    treatment: str
    outcome: str
    citations: tuple[str, ...] = ()
    upgrade_reasons: tuple[str, ...] = ()
    upgrade_note: str = ""
    upgrade_declared: bool = False
    path: str = ""
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    text: str = ""
    sentence: str = ""
    rated_down: tuple[tuple[str, str], ...] | None = None  # (reason, why); None: cannot record them

    @property
    def has_upgrade(self) -> bool:
        return bool(self.upgrade_reasons) or self.upgrade_declared or bool(self.upgrade_note)


@dataclass(frozen=True, slots=True)
class Ceiling:
    """The highest level the cited designs allow, and why, in plain words.

    ``reason`` completes "Rated X but ..." (e.g. ``it cites only a case series (aprile2005)``);
    ``plain_reason`` is the same without citation keys, for readers.
    ``keys`` are the sources that set the ceiling. ``observational`` says whether the graded
    body is all observational, the only case where GRADE allows an upgrade.
    """

    level: str
    reason: str
    plain_reason: str = ""
    keys: tuple[str, ...] = ()
    observational: bool = False
    studies: int = 0
    primary_studies: int = 0


@dataclass(frozen=True, slots=True)
class DesignCount:
    """How many cited sources have one design; ``label`` is e.g. ``2 randomised trials``."""

    design: str
    count: int
    label: str


@dataclass(frozen=True, slots=True)
class SourceItem:
    """A cited source as the badge lists it."""

    key: str
    label: str
    year: int | None
    design: str | None
    design_name: str


@dataclass(frozen=True, slots=True)
class RatingSummary:
    """Everything a badge or table row shows about one rating, already in plain words."""

    scale_id: str
    scale_name: str
    level: str
    known_level: bool
    name: str
    label: str
    explanation: str
    icon: str
    css_class: str
    badge_text: str
    treatment: str
    outcome: str
    designs: tuple[DesignCount, ...]
    designs_text: str
    sources: tuple[SourceItem, ...]
    source_count: int
    participants: int | None
    newest_year: int | None
    oldest_year: int | None
    ceiling: Ceiling
    ceiling_name: str
    ceiling_text: str
    upgrades: tuple[str, ...]
    upgrade_note: str
    why_not_higher: tuple[str, ...] = ()



@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One treatment x outcome row of a condition's comparison table."""

    treatment: str
    treatment_href: str | None
    summary: RatingSummary
