"""Located records of loaded content: errors, prose fields, rated benefits, citation keys."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...findings import Finding, make_finding

if typing.TYPE_CHECKING:
    from .schema import Guide, LocatedModel, Treatment

@dataclass(frozen=True, slots=True)
class ContentError:
    """A content file that cannot be read or does not match the schema, located for an editor."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def to_finding(self) -> Finding:
        """The same problem as a ``content-error`` finding for the report and the build."""
        return make_finding(
            "content-error",
            path=self.path,
            line=self.line,
            column=self.column,
            end_line=self.line,
            end_column=self.column + 1,
            text=self.field,
            sentence="",
            message=f"{self.field}: {self.message}" if self.field else self.message,
        )


@dataclass(frozen=True, slots=True)
class ProseField:
    """A Markdown string from a content file, with where its text starts (1-based).

    ``segments`` maps text offsets back to the file: each ``(offset, line, column)`` says
    that text from ``offset`` on starts at that line and column. Use :meth:`position`.
    """

    text: str
    path: str
    line: int
    column: int
    field: str
    segments: tuple[tuple[int, int, int], ...] = ()
    markup: str = "yaml"  # "yaml" (Markdown prose) or "plain" (a name or title, shown as written)

    def position(self, offset: int) -> tuple[int, int]:
        """File line and column of a character offset into ``text`` (see module notes)."""
        best = (0, self.line, self.column)
        for segment in self.segments:
            if segment[0] <= offset:
                best = segment
            else:
                break
        start, line, column = best
        return line, column + (offset - start)


@dataclass(frozen=True, slots=True)
class RatingEntry:
    """One rated benefit, as the ratings module needs it, located at its ``rating:`` key."""

    treatment: str
    treatment_slug: str
    outcome: str
    level: str
    upgrade: tuple[str, ...]
    upgrade_note: str | None
    citations: tuple[str, ...]
    statement: str
    path: str
    line: int
    column: int
    field: str
    rated_down: tuple[tuple[str, str], ...] = ()  # (reason id, why) pairs


@dataclass(frozen=True, slots=True)
class CitationKey:
    """One key of a ``citations:`` list, located at the list item."""

    key: str
    path: str
    line: int
    column: int
    field: str


@dataclass(frozen=True, slots=True)
class GuideLoad:
    """The result of loading a condition folder: whatever validated, and every error."""

    guide: Guide | None
    treatments: list[Treatment] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.guide is not None and not self.errors

    def _documents(self) -> list[LocatedModel]:
        return ([self.guide] if self.guide else []) + list(self.treatments)

    def iter_prose(self) -> Iterator[ProseField]:
        for document in self._documents():
            yield from document.iter_prose()

    def iter_ratings(self) -> Iterator[RatingEntry]:
        for treatment in self.treatments:
            yield from treatment.iter_ratings()

    def iter_citation_keys(self) -> Iterator[CitationKey]:
        for document in self._documents():
            yield from document.iter_citation_keys()

