"""The pydantic models of ``guide.yml`` and ``treatments/*.yml``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, PrivateAttr
from pydantic_core import PydanticCustomError

from .fields import (
    CareLevel,
    Category,
    CitationKeyStr,
    ContentModel,
    HttpUrl,
    LevelId,
    Markdown,
    Slug,
    Text,
    YamlDate,
)
from .positions import prose_field, walk_citations, walk_prose
from .records import CitationKey, ProseField, RatingEntry
from .sourcemap import SourceMap, field_name, key_mark, value_mark


class Symptoms(ContentModel):
    PROSE: ClassVar[frozenset[str]] = frozenset({"intro", "items"})
    intro: Markdown
    items: Annotated[tuple[Markdown, ...], Field(min_length=1)]


class CauseItem(ContentModel):
    PROSE: ClassVar[frozenset[str]] = frozenset({"text"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"name"})
    name: Text
    text: Markdown


class CauseGroup(ContentModel):
    PROSE: ClassVar[frozenset[str]] = frozenset({"intro"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"name"})
    name: Text
    intro: Markdown | None = None
    items: Annotated[tuple[CauseItem, ...], Field(min_length=1)]


class Causes(ContentModel):
    PROSE: ClassVar[frozenset[str]] = frozenset({"intro", "risk_factors"})
    intro: Markdown
    groups: Annotated[tuple[CauseGroup, ...], Field(min_length=1)]
    risk_factors: tuple[Markdown, ...] = ()


class CareCard(ContentModel):
    """When to get help. ``title`` and ``action`` are plain text; ``when`` bullets are Markdown."""

    PROSE: ClassVar[frozenset[str]] = frozenset({"when"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"title", "action"})
    level: CareLevel
    title: Text
    action: Text
    when: Annotated[tuple[Markdown, ...], Field(min_length=1, max_length=5)]


class DiagnosisStep(ContentModel):
    PROSE: ClassVar[frozenset[str]] = frozenset({"text"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"name"})
    name: Text
    text: Markdown


class Diagnosis(ContentModel):
    PROSE: ClassVar[frozenset[str]] = frozenset({"intro"})
    intro: Markdown
    steps: Annotated[tuple[DiagnosisStep, ...], Field(min_length=1)]


class LivingWithItem(ContentModel):
    PROSE: ClassVar[frozenset[str]] = frozenset({"text"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"title"})
    title: Text
    text: Markdown


class SupportItem(ContentModel):
    PROSE: ClassVar[frozenset[str]] = frozenset({"description"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"name"})
    name: Text
    description: Markdown
    url: HttpUrl | None = None


class GlossaryItem(ContentModel):
    PROSE: ClassVar[frozenset[str]] = frozenset({"definition"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"term"})
    term: Text
    definition: Markdown


class Person(ContentModel):
    name: Text
    qualifications: Text


class HistoryEntry(ContentModel):
    PLAIN: ClassVar[frozenset[str]] = frozenset({"changes"})
    version: Text
    date: YamlDate
    changes: Text


class Review(ContentModel):
    """Provenance shown on every page; dates feed the review-overdue check."""

    PLAIN: ClassVar[frozenset[str]] = frozenset({"funding", "conflicts"})

    authors: Annotated[tuple[Person, ...], Field(min_length=1)]
    # Empty until a named clinician has checked the guide: the pages then say so plainly, and
    # show the newest version's date as "Last updated", never as "Last reviewed".
    clinical_reviewer: Person | None = None
    last_reviewed: YamlDate | None = None
    next_review_due: YamlDate | None = None
    funding: Text
    conflicts: Text
    history: Annotated[tuple[HistoryEntry, ...], Field(min_length=1)]


class LocatedModel(ContentModel):
    """A model loaded from a file: it remembers where each value came from."""

    _source: SourceMap | None = PrivateAttr(default=None)

    @property
    def source_path(self) -> str:
        return self._source.path if self._source else ""

    def value_position(self, *loc: str | int) -> tuple[int, int]:
        """Line and column of the value at ``loc`` (else its nearest enclosing key)."""
        return value_mark(self._source, tuple(loc))

    def iter_prose(self) -> Iterator[ProseField]:
        """Every Markdown prose string, located in its YAML file, for the claim checker."""
        for loc, text, markup in walk_prose(self, ()):
            yield prose_field(self._source, loc, text, markup)

    def iter_citation_keys(self) -> Iterator[CitationKey]:
        """Every key listed under a ``citations:`` field, located."""
        for loc, key in walk_citations(self, ()):
            mark = value_mark(self._source, loc)
            yield CitationKey(key, self.source_path, mark[0], mark[1], field_name(loc))


class Guide(LocatedModel):
    """A condition guide (``guide.yml``)."""

    PROSE: ClassVar[frozenset[str]] = frozenset(
        {"summary", "key_messages", "what_it_is", "outlook", "without_treatment", "unknowns", "questions"}
    )
    PLAIN: ClassVar[frozenset[str]] = frozenset({"title", "also_called"})
    slug: Slug
    title: Text
    also_called: tuple[Text, ...] = ()
    summary: Markdown
    key_messages: Annotated[tuple[Markdown, ...], Field(min_length=2, max_length=5)]
    what_it_is: Markdown
    symptoms: Symptoms
    causes: Causes
    care: Annotated[tuple[CareCard, ...], Field(min_length=1)]
    diagnosis: Diagnosis
    outlook: Markdown
    without_treatment: Markdown
    living_with: Annotated[tuple[LivingWithItem, ...], Field(min_length=1)]
    unknowns: tuple[Markdown, ...] = ()
    questions: Annotated[tuple[Markdown, ...], Field(min_length=1)]
    support: tuple[SupportItem, ...] = ()
    glossary: tuple[GlossaryItem, ...] = ()
    review: Review


# treatments/*.yml


class Upgrade(ContentModel):
    """A declared reason to rate above the design ceiling (GRADE); the ratings module judges it."""

    PROSE: ClassVar[frozenset[str]] = frozenset({"note"})
    reasons: Annotated[tuple[LevelId, ...], Field(min_length=1)]
    note: Markdown


def _downgrade_reason(value: str) -> str:
    from ...ratings.rate_down import downgrade_reason_error  # the reasons are data in scales.yml

    problem = downgrade_reason_error(value)
    if problem:
        raise PydanticCustomError("downgrade_reason", "{problem}", {"problem": problem})
    return value


class RatedDown(ContentModel):
    """One of GRADE's reasons to rate the certainty down, with why it applies, in plain words."""

    PROSE: ClassVar[frozenset[str]] = frozenset({"why"})
    reason: Annotated[str, AfterValidator(_downgrade_reason)]
    why: Markdown


class Benefit(ContentModel):
    # ``outcome`` is not in PLAIN: it labels a rated claim ("leg pain at 4 to 12 months") whose
    # sources are the benefit's ``citations``, which the ratings checks read.
    PROSE: ClassVar[frozenset[str]] = frozenset({"statement", "unknowns"})
    outcome: Text
    rating: LevelId
    upgrade: Upgrade | None = None
    rated_down: tuple[RatedDown, ...] = ()
    statement: Markdown
    unknowns: Markdown | None = None
    # May be empty: "we found no studies" is a rating too; the ratings module judges it.
    citations: tuple[CitationKeyStr, ...]


class Treatment(LocatedModel):
    """One treatment (``treatments/<slug>.yml``)."""

    PROSE: ClassVar[frozenset[str]] = frozenset(
        {"summary", "what_it_is", "how_it_may_help", "what_it_involves", "risks", "not_for", "daily_life"}
    )
    PLAIN: ClassVar[frozenset[str]] = frozenset({"name"})
    slug: Slug
    name: Text
    category: Category
    summary: Markdown
    what_it_is: Markdown
    how_it_may_help: Markdown
    what_it_involves: Markdown
    benefits: tuple[Benefit, ...] = ()
    risks: Annotated[tuple[Markdown, ...], Field(min_length=1)]
    not_for: tuple[Markdown, ...] = ()
    daily_life: Markdown

    def iter_ratings(self) -> Iterator[RatingEntry]:
        """Each benefit's rating, located at its ``rating:`` key, for the ratings checks."""
        for index, benefit in enumerate(self.benefits):
            loc = ("benefits", index, "rating")
            line, column = key_mark(self._source, loc)
            yield RatingEntry(
                treatment=self.name,
                treatment_slug=self.slug,
                outcome=benefit.outcome,
                level=benefit.rating,
                upgrade=benefit.upgrade.reasons if benefit.upgrade else (),
                upgrade_note=benefit.upgrade.note if benefit.upgrade else None,
                rated_down=tuple((item.reason, item.why) for item in benefit.rated_down),
                citations=benefit.citations,
                statement=benefit.statement,
                path=self.source_path,
                line=line,
                column=column,
                field=field_name(loc),
            )

