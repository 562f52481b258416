"""Condition-guide content: pydantic models of ``guide.yml`` and ``treatments/*.yml``.

The YAML is composed (``SafeLoader``) before it is constructed so that every value keeps the
line and column it came from. That serves two readers: an editor, who gets every schema error
as ``file:line:column: field: message`` in plain words, and the claim checker, which checks each
prose field at its own place in the YAML file (see :meth:`Guide.iter_prose`).

Location notes for prose fields (``ProseField``):

* block scalars (``|`` and ``>``): the text starts at the first content line below the
  indicator; literal (``|``) scalars map every offset exactly;
* plain and quoted scalars: the text starts at the scalar itself (after the opening quote);
* folded text (``>`` scalars and multi-line plain or quoted scalars) joins lines with spaces,
  so :meth:`ProseField.position` re-finds each source line (each run between quote escapes)
  in the text. That is exact for ordinary prose, including the real foot-drop content; it is
  approximate only *inside* an escape (``\\n``, ``\\u00e9``, ``''``), where the offset maps
  to the run before it, and across a ``\\`` line continuation.

I/O happens only in :func:`load_guide`; everything else is pure.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, ClassVar
from urllib.parse import urlsplit

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from .findings import Finding, make_finding
from .io.yamldepth import first_too_deep
from .text.citations import KEY_PATTERN
from .text.inert import MAX_LOOSE_BRACKETS, loose_brackets

__all__ = [
    "CareLevel",
    "Category",
    "CitationKey",
    "ContentError",
    "Guide",
    "GuideLoad",
    "ProseField",
    "RatingEntry",
    "Treatment",
    "load_guide",
    "load_guide_file",
    "load_treatment_file",
    "parse_guide",
    "parse_treatment",
]

# --------------------------------------------------------------------------------------
# Field types
# --------------------------------------------------------------------------------------

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The one citation-key grammar, shared with prose citations and rating markers (core/text/citations.py).
CITATION_KEY_RE = re.compile(rf"^(?:{KEY_PATTERN})$")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be empty")
    return value


def _matches(pattern: re.Pattern[str], kind: str, message: str) -> Callable[[str], str]:
    """A validator: the value must match ``pattern``; ``message`` names it as ``{value}``."""

    def validate(value: str) -> str:
        if not pattern.match(value):
            raise PydanticCustomError(kind, message, {"value": value})
        return value

    return validate


_slug = _matches(
    SLUG_RE, "slug", "'{value}' is not a valid slug; use lower-case letters, digits and hyphens, for example foot-drop"
)
_level_id = _matches(
    SLUG_RE, "level_id", "'{value}' is not a valid id; use lower-case letters and hyphens, for example very-low"
)
_citation_key = _matches(
    CITATION_KEY_RE,
    "citation_key",
    "'{value}' is not a citation key; write the bare key without @ or brackets, for example prenton2016",
)


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise PydanticCustomError(
            "http_url",
            "'{value}' is not a web address; it must start with https:// (or http://) and "
            "contain no spaces",
            {"value": value},
        )
    return value


def _yaml_date(value: Any) -> date:
    """Accept only a real calendar date written YYYY-MM-DD (numbers are not dates)."""
    if isinstance(value, date) and type(value) is date:
        return value
    if isinstance(value, str) and ISO_DATE_RE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError(
        "invalid_date",
        "{value} is not a valid date; write a real date as YYYY-MM-DD, for example 2026-11-01",
        {"value": repr(value) if isinstance(value, str) else str(value)},
    )


Text = Annotated[str, AfterValidator(_not_blank)]
"""Plain text (names, titles): escaped when rendered."""
def _few_loose_brackets(value: str) -> str:
    count = loose_brackets(value)
    if count > MAX_LOOSE_BRACKETS:
        raise PydanticCustomError(
            "loose_brackets",
            "{count} square brackets here are not links or citations (at most {limit}); remove them",
            {"count": count, "limit": MAX_LOOSE_BRACKETS},
        )
    return value


Markdown = Annotated[str, AfterValidator(_not_blank), AfterValidator(_few_loose_brackets)]
"""Author Markdown: inserted as-is into pages and checked by the claim checker."""
Slug = Annotated[str, AfterValidator(_slug)]
LevelId = Annotated[str, AfterValidator(_level_id)]
CitationKeyStr = Annotated[str, AfterValidator(_citation_key)]
HttpUrl = Annotated[str, AfterValidator(_http_url)]
YamlDate = Annotated[date, BeforeValidator(_yaml_date)]


class CareLevel(str, Enum):
    """How quickly to get help; drives the care card's style and order."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    NON_URGENT = "non-urgent"


class Category(str, Enum):
    """Treatment families, used to group the comparison table."""

    DEVICES = "devices"
    EXERCISE = "exercise"
    ELECTRICAL = "electrical"
    MEDICINES = "medicines"
    INJECTIONS = "injections"
    SURGERY = "surgery"
    COMPLEMENTARY = "complementary"
    SELF_CARE = "self-care"


class _Model(BaseModel):
    """Frozen, closed models: a misspelt field is an error, not silently ignored."""

    # defer_build: validators are built on first validation, not at import; a build that takes
    # its guides from the cache (unpickled) never builds them (60 ms saved).
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)

    # Names of fields holding author Markdown (a string or a tuple of strings).
    PROSE: ClassVar[frozenset[str]] = frozenset()
    # Plain-text fields that reach a page (names, titles, actions): checked as shown.
    PLAIN: ClassVar[frozenset[str]] = frozenset()


# --------------------------------------------------------------------------------------
# guide.yml
# --------------------------------------------------------------------------------------


class Symptoms(_Model):
    PROSE: ClassVar[frozenset[str]] = frozenset({"intro", "items"})
    intro: Markdown
    items: Annotated[tuple[Markdown, ...], Field(min_length=1)]


class CauseItem(_Model):
    PROSE: ClassVar[frozenset[str]] = frozenset({"text"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"name"})
    name: Text
    text: Markdown


class CauseGroup(_Model):
    PROSE: ClassVar[frozenset[str]] = frozenset({"intro"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"name"})
    name: Text
    intro: Markdown | None = None
    items: Annotated[tuple[CauseItem, ...], Field(min_length=1)]


class Causes(_Model):
    PROSE: ClassVar[frozenset[str]] = frozenset({"intro", "risk_factors"})
    intro: Markdown
    groups: Annotated[tuple[CauseGroup, ...], Field(min_length=1)]
    risk_factors: tuple[Markdown, ...] = ()


class CareCard(_Model):
    """When to get help. ``title`` and ``action`` are plain text; ``when`` bullets are Markdown."""

    PROSE: ClassVar[frozenset[str]] = frozenset({"when"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"title", "action"})
    level: CareLevel
    title: Text
    action: Text
    when: Annotated[tuple[Markdown, ...], Field(min_length=1, max_length=5)]


class DiagnosisStep(_Model):
    PROSE: ClassVar[frozenset[str]] = frozenset({"text"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"name"})
    name: Text
    text: Markdown


class Diagnosis(_Model):
    PROSE: ClassVar[frozenset[str]] = frozenset({"intro"})
    intro: Markdown
    steps: Annotated[tuple[DiagnosisStep, ...], Field(min_length=1)]


class LivingWithItem(_Model):
    PROSE: ClassVar[frozenset[str]] = frozenset({"text"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"title"})
    title: Text
    text: Markdown


class SupportItem(_Model):
    PROSE: ClassVar[frozenset[str]] = frozenset({"description"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"name"})
    name: Text
    description: Markdown
    url: HttpUrl | None = None


class GlossaryItem(_Model):
    PROSE: ClassVar[frozenset[str]] = frozenset({"definition"})
    PLAIN: ClassVar[frozenset[str]] = frozenset({"term"})
    term: Text
    definition: Markdown


class Person(_Model):
    name: Text
    qualifications: Text


class HistoryEntry(_Model):
    PLAIN: ClassVar[frozenset[str]] = frozenset({"changes"})
    version: Text
    date: YamlDate
    changes: Text


class Review(_Model):
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


class _Located(_Model):
    """A model loaded from a file: it remembers where each value came from."""

    _source: SourceMap | None = PrivateAttr(default=None)

    @property
    def source_path(self) -> str:
        return self._source.path if self._source else ""

    def value_position(self, *loc: str | int) -> tuple[int, int]:
        """Line and column of the value at ``loc`` (else its nearest enclosing key)."""
        return _value_mark(self._source, tuple(loc))

    def iter_prose(self) -> Iterator[ProseField]:
        """Every Markdown prose string, located in its YAML file, for the claim checker."""
        for loc, text, markup in _walk_prose(self, ()):
            yield _prose_field(self._source, loc, text, markup)

    def iter_citation_keys(self) -> Iterator[CitationKey]:
        """Every key listed under a ``citations:`` field, located."""
        for loc, key in _walk_citations(self, ()):
            mark = _value_mark(self._source, loc)
            yield CitationKey(key, self.source_path, mark[0], mark[1], _field_name(loc))


class Guide(_Located):
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


# --------------------------------------------------------------------------------------
# treatments/*.yml
# --------------------------------------------------------------------------------------


class Upgrade(_Model):
    """A declared reason to rate above the design ceiling (GRADE); the ratings module judges it."""

    PROSE: ClassVar[frozenset[str]] = frozenset({"note"})
    reasons: Annotated[tuple[LevelId, ...], Field(min_length=1)]
    note: Markdown


def _downgrade_reason(value: str) -> str:
    from .ratings.rate_down import downgrade_reason_error  # the reasons are data in scales.yml

    problem = downgrade_reason_error(value)
    if problem:
        raise PydanticCustomError("downgrade_reason", "{problem}", {"problem": problem})
    return value


class RatedDown(_Model):
    """One of GRADE's reasons to rate the certainty down, with why it applies, in plain words."""

    PROSE: ClassVar[frozenset[str]] = frozenset({"why"})
    reason: Annotated[str, AfterValidator(_downgrade_reason)]
    why: Markdown


class Benefit(_Model):
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


class Treatment(_Located):
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
            line, column = _key_mark(self._source, loc)
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
                field=_field_name(loc),
            )


# --------------------------------------------------------------------------------------
# Located records
# --------------------------------------------------------------------------------------


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

    def _documents(self) -> list[_Located]:
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


# --------------------------------------------------------------------------------------
# Source map: YAML paths -> positions
# --------------------------------------------------------------------------------------

Loc = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class ScalarSpan:
    """Where a scalar sits in the source (0-based indexes into the normalised text)."""

    line: int  # 1-based line of the node start (the indicator for block scalars)
    column: int  # 1-based
    style: str | None  # None (plain), "'", '"', "|", ">"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Positions of every key and value of one YAML document, by path."""

    path: str
    text: str
    keys: Mapping[Loc, tuple[int, int]]
    values: Mapping[Loc, tuple[int, int]]
    scalars: Mapping[Loc, ScalarSpan]

    def locate(self, loc: Loc) -> tuple[int, int]:
        """Best position for a message about ``loc``: its key, else the nearest enclosing one."""
        for size in range(len(loc), 0, -1):
            prefix = tuple(loc[:size])
            if prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return self.values.get((), (1, 1))


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as text, so an impossible date is a schema error
    with a location instead of a ``ValueError`` from the YAML constructor."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build_map(
    node: yaml.Node | None, loader: _Loader, path: str, text: str, errors: list[ContentError]
) -> SourceMap:
    keys: dict[Loc, tuple[int, int]] = {}
    values: dict[Loc, tuple[int, int]] = {}
    scalars: dict[Loc, ScalarSpan] = {}
    active: set[int] = set()

    def walk(current: yaml.Node, loc: Loc) -> None:
        values.setdefault(loc, _mark(current))
        if id(current) in active:  # recursive alias: stop
            return
        if isinstance(current, yaml.ScalarNode):
            scalars.setdefault(
                loc,
                ScalarSpan(*_mark(current), current.style, current.start_mark.index, current.end_mark.index),
            )
        elif isinstance(current, yaml.SequenceNode):
            active.add(id(current))
            for index, child in enumerate(current.value):
                walk(child, (*loc, index))
            active.discard(id(current))
        elif isinstance(current, yaml.MappingNode):
            active.add(id(current))
            seen: set[Any] = set()
            for key_node, value_node in current.value:
                try:
                    key = loader.construct_object(key_node, deep=True)
                except Exception:
                    key = getattr(key_node, "value", None)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    key = str(key)
                child_loc = (*loc, key)
                if key in seen:
                    line, column = _mark(key_node)
                    errors.append(
                        ContentError(
                            path, line, column, _field_name(child_loc),
                            "this field appears twice in the same place; only the last one counts, "
                            "so remove or rename one",
                        )
                    )
                seen.add(key)
                keys[child_loc] = _mark(key_node)
                walk(value_node, child_loc)
            active.discard(id(current))

    if node is not None:
        walk(node, ())
    return SourceMap(path, text, keys, values, scalars)


# --------------------------------------------------------------------------------------
# Prose positions
# --------------------------------------------------------------------------------------


_DOUBLE_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")


def _pieces(content: str, style: str | None) -> list[tuple[int, str]]:
    """The literal runs of one source line (between quote escapes), with their offsets."""
    if style == "'":
        pattern = re.compile("''")
    elif style == '"':
        pattern = _DOUBLE_ESCAPE
    else:
        return [(0, content)]
    pieces, start = [], 0
    for match in pattern.finditer(content):
        if match.start() > start:
            pieces.append((start, content[start : match.start()]))
        start = match.end()
    if start < len(content):
        pieces.append((start, content[start:]))
    return pieces


def _prose_segments(source: SourceMap, span: ScalarSpan, value: str) -> tuple[tuple[int, int, int], ...]:
    """Re-find each source line of a scalar in its value to map offsets back to the file."""
    raw = source.text[span.start : span.end]
    lines = raw.split("\n")
    segments: list[tuple[int, int, int]] = []
    cursor = 0
    block = span.style in ("|", ">")
    for number, source_line in enumerate(lines):
        if block and number == 0:
            continue  # the indicator line (| or > with chomping/indent hints)
        file_line = span.line + number
        base_column = span.column if number == 0 else 1
        content = source_line.lstrip(" \t")
        lead = len(source_line) - len(content)
        if number == 0 and span.style in ("'", '"'):
            content, lead = content[1:], lead + 1
        content = content.rstrip(" \t")
        if number == len(lines) - 1 and span.style in ("'", '"') and content.endswith(span.style):
            content = content[:-1]
        if span.style == '"' and content.endswith("\\"):
            content = content[:-1]
        if not content:
            continue
        for piece_offset, piece in _pieces(content, span.style):
            found = value.find(piece, cursor)
            if found >= 0:
                segments.append((found, file_line, base_column + lead + piece_offset))
                cursor = found + len(piece)
    return tuple(segments)


def _prose_field(source: SourceMap | None, loc: Loc, text: str, markup: str = "yaml") -> ProseField:
    name = _field_name(loc)
    if source is None:
        return ProseField(text, "", 0, 0, name, markup=markup)
    span = source.scalars.get(loc)
    if span is None:
        line, column = source.locate(loc)
        return ProseField(text, source.path, line, column, name, markup=markup)
    segments = _prose_segments(source, span, text)
    if segments and segments[0][0] == 0:
        line, column = segments[0][1], segments[0][2]
    elif segments:
        # Leading blank lines of a block scalar: the first text line is the line above.
        first_offset, first_line, first_column = segments[0]
        line, column = first_line, first_column
        newlines = text.count("\n", 0, first_offset)
        segments = ((0, first_line - newlines, first_column), *segments)
    else:
        quoted = span.style in ("'", '"')
        line, column = span.line, span.column + (1 if quoted else 0)
        segments = ((0, line, column),)
    return ProseField(text, source.path, line, column, name, segments, markup)


def _walk_prose(model: _Model, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    """(location, text, markup) of every prose and plain-text field that reaches a page."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*loc, name)
        if name in model.PROSE or name in model.PLAIN:
            markup = "yaml" if name in model.PROSE else "plain"
            if isinstance(value, str):
                yield here, value, markup
            elif isinstance(value, tuple):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield (*here, index), item, markup
            continue
        if isinstance(value, _Model):
            yield from _walk_prose(value, here)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, _Model):
                    yield from _walk_prose(item, (*here, index))


def _walk_citations(model: _Model, loc: Loc) -> Iterator[tuple[Loc, str]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*loc, name)
        if name == "citations" and isinstance(value, tuple):
            for index, key in enumerate(value):
                yield (*here, index), key
        elif isinstance(value, _Model):
            yield from _walk_citations(value, here)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, _Model):
                    yield from _walk_citations(item, (*here, index))


def _key_mark(source: SourceMap | None, loc: Loc) -> tuple[int, int]:
    return source.locate(loc) if source else (0, 0)


def _value_mark(source: SourceMap | None, loc: Loc) -> tuple[int, int]:
    if source is None:
        return (0, 0)
    return source.values.get(loc) or source.locate(loc)


def _field_name(loc: Loc) -> str:
    """``('care', 0, 'level')`` -> ``care[0].level``."""
    out = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# --------------------------------------------------------------------------------------
# Errors in plain words
# --------------------------------------------------------------------------------------


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()}; YAML reads yes, no, on and off this way)"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})" if len(value) <= 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (for "allowed fields" hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated or origin in (tuple, list):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if options else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation


def _plain_message(error: Mapping[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = [n for n in parent.model_fields] if parent else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1) if allowed else []
        hint = f"; did you mean '{close[0]}'?" if close else ""
        if allowed:
            hint += f" (allowed here: {', '.join(allowed)})"
        return f"unknown field '{loc[-1]}'{hint}"
    if kind == "string_type":
        if value is None:
            return "is empty; write the text after the colon"
        quote_hint = "; put the value in quotes" if isinstance(value, (bool, int, float)) else ""
        return f"expected text, found {_describe(value)}{quote_hint}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list (one '- ' line per item, or [a, b]), found {_describe(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a group of 'name: value' fields, found {_describe(value)}"
    if kind in ("enum", "literal_error"):
        return f"{value!r} is not allowed here; use one of {ctx.get('expected', '')}"
    if kind == "too_short":
        return f"has {ctx.get('actual_length')} item(s); needs at least {ctx.get('min_length')}"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} items; allows at most {ctx.get('max_length')}"
    message = str(error.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def _validation_errors(exc: ValidationError, model: type[BaseModel], source: SourceMap) -> list[ContentError]:
    out: list[ContentError] = []
    errors = exc.errors(include_url=False)
    locs = [tuple(error["loc"]) for error in errors]
    for error in errors:
        loc = tuple(error["loc"])
        # A list whose items failed also reports a bogus length error; the item errors say it.
        if error["type"] in ("too_short", "too_long") and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in locs
        ):
            continue
        line, column = source.locate(loc)
        out.append(ContentError(source.path, line, column, _field_name(loc) or "(file)", _plain_message(error, model)))
    return sorted(out, key=lambda e: (e.line, e.column))


_YAML_PROBLEMS = (
    ("found character '\\t'", "a tab character is used for indentation; YAML needs spaces"),
    ("mapping values are not allowed", "a ': ' inside a value; put the whole value in quotes"),
    ("could not find expected ':'", "a line is missing its ':' or is indented wrongly"),
    ("found undefined alias", "an alias (*name) points to no anchor (&name)"),
    ("expected a single document", "the file holds more than one YAML document (---); keep one"),
    ("found unknown escape character", "an unknown backslash escape in a double-quoted value; use single quotes"),
)


def _yaml_error(exc: Exception, path: str) -> ContentError:
    """One located error for a file YAML cannot parse."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if isinstance(exc, yaml.reader.ReaderError):
        return ContentError(
            path, 1, 1, "", f"the file contains a character YAML does not allow ({exc.character!r}) "
            f"at character {exc.position}"
        )
    raw = " ".join(str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part)
    raw = raw or str(exc)
    for needle, plain in _YAML_PROBLEMS:
        if needle in raw:
            return ContentError(path, line, column, "", f"YAML syntax: {plain}")
    return ContentError(path, line, column, "", f"YAML syntax: {raw}")


# --------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------

M = typing.TypeVar("M", Guide, Treatment)


def _decode(data: bytes, path: str) -> tuple[str | None, ContentError | None]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, ContentError(
            path, line, column, "", f"the file is not UTF-8 text (byte {data[exc.start]:#04x}); save it as UTF-8"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _first_alias(text: str) -> tuple[int, int] | None:
    """Where the first YAML alias is, if any. Aliases are refused: nested ones expand
    exponentially ("billion laughs") and content has no need for them. Scanning events is
    linear and expands nothing."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + 1, event.start_mark.column + 1
    except (yaml.YAMLError, RecursionError):
        return None  # the loader below reports the syntax error with its line
    return None


_CHARACTER_NAMES = {"\x00": "NUL", "\x0b": "vertical tab", "\x0c": "form feed", "\x7f": "DEL"}


def _first_control_character(text: str, path: str) -> ContentError | None:
    """A character YAML refuses (NUL, form feed, DEL...), located, with how to fix it."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found is None:
        return None
    char = found.group()
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    name = _CHARACTER_NAMES.get(char, "a control character")
    return ContentError(path, line, column, "", f"U+{ord(char):04X} ({name}) is not allowed in YAML; delete it (often pasted from another program)")


MAX_DEPTH = 32  # guide.yml needs five; PyYAML and the source map are quadratic in depth


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the document first nests deeper than ``MAX_DEPTH`` (a linear scan: PyYAML itself
    is quadratic in nesting, see ``core/io/yamldepth.py``)."""
    return first_too_deep(text, MAX_DEPTH)


def _parse(model: type[M], text: str, path: str) -> tuple[M | None, list[ContentError]]:
    """Parse and validate one document; never raises on bad input."""
    errors: list[ContentError] = []
    control = _first_control_character(text, path)
    if control is not None:
        return None, [control]
    deep = _too_deep(text)
    if deep is not None:
        return None, [ContentError(path, deep[0], deep[1], "", f"values are nested more than {MAX_DEPTH} levels deep; content needs a few levels at most")]
    alias = _first_alias(text)
    if alias is not None:
        line, column = alias
        return None, [
            ContentError(path, line, column, "", "YAML aliases (*name) are not allowed in content files; write the value out in full")
        ]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        source = _build_map(node, loader, path, text, errors)
    except yaml.YAMLError as exc:
        return None, [_yaml_error(exc, path)]
    except (ValueError, TypeError, RecursionError) as exc:
        return None, [ContentError(path, 1, 1, "", f"the YAML cannot be read: {exc}")]
    finally:
        loader.dispose()
    if data is None:
        return None, [ContentError(path, 1, 1, "", "the file is empty")]
    try:
        document = model.model_validate(data)
    except ValidationError as exc:
        return None, errors + _validation_errors(exc, model, source)
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. unhashable odd input
        return None, [*errors, ContentError(path, 1, 1, "", f"the content cannot be read: {exc}")]
    document._source = source
    return document, errors


def parse_guide(text: str, path: str = "guide.yml") -> tuple[Guide | None, list[ContentError]]:
    """Validate ``guide.yml`` text; ``path`` is only used in messages and locations."""
    return _parse(Guide, text.replace("\r\n", "\n").replace("\r", "\n"), path)


def parse_treatment(text: str, path: str = "treatment.yml") -> tuple[Treatment | None, list[ContentError]]:
    """Validate one treatment file's text."""
    return _parse(Treatment, text.replace("\r\n", "\n").replace("\r", "\n"), path)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _load_file(model: type[M], file: Path, root: Path) -> tuple[M | None, list[ContentError]]:
    shown = _relative(file, root)
    try:
        data = file.read_bytes()
    except OSError as exc:
        return None, [ContentError(shown, 1, 1, "", f"the file cannot be read: {exc.strerror or exc}")]
    text, error = _decode(data, shown)
    if error is not None or text is None:
        return None, [error] if error else []
    return _parse(model, text, shown)


def load_guide_file(file: Path, root: Path) -> tuple[Guide | None, list[ContentError]]:
    return _load_file(Guide, file, root)


def load_treatment_file(file: Path, root: Path) -> tuple[Treatment | None, list[ContentError]]:
    return _load_file(Treatment, file, root)


def load_guide(folder: Path, root: Path) -> GuideLoad:
    """Load ``<folder>/guide.yml`` and ``<folder>/treatments/*.yml``; never raises on bad input.
    ``.yaml`` is read as well as ``.yml`` (both are YAML; neither is ever skipped).

    A failing treatment does not stop the others. Besides the schema, it checks that the
    guide's slug names its folder and each treatment's slug names its file, because page URLs
    come from slugs and a mismatch would confuse editors.
    """
    errors: list[ContentError] = []
    guide_file = folder / "guide.yml"
    if not guide_file.is_file() and (folder / "guide.yaml").is_file():
        guide_file = folder / "guide.yaml"
    guide: Guide | None = None
    if guide_file.is_file():
        guide, found = load_guide_file(guide_file, root)
        errors += found
        if guide is not None and guide.slug != folder.name:
            line, column = guide._source.locate(("slug",)) if guide._source else (1, 1)
            errors.append(
                ContentError(
                    guide.source_path, line, column, "slug",
                    f"slug '{guide.slug}' does not match the folder name '{folder.name}'; make them the same",
                )
            )
    else:
        errors.append(ContentError(_relative(guide_file, root), 1, 1, "", "guide.yml is missing from this folder"))

    treatments: list[Treatment] = []
    seen: dict[str, str] = {}
    treatment_dir = folder / "treatments"
    files = sorted([*treatment_dir.glob("*.yml"), *treatment_dir.glob("*.yaml")]) if treatment_dir.is_dir() else []
    for file in files:
        treatment, found = load_treatment_file(file, root)
        errors += found
        if treatment is None:
            continue
        line, column = treatment._source.locate(("slug",)) if treatment._source else (1, 1)
        if treatment.slug != file.stem:
            errors.append(
                ContentError(
                    treatment.source_path, line, column, "slug",
                    f"slug '{treatment.slug}' does not match the file name '{file.name}'; make them the same",
                )
            )
        if treatment.slug in seen:
            errors.append(
                ContentError(
                    treatment.source_path, line, column, "slug",
                    f"slug '{treatment.slug}' is already used by {seen[treatment.slug]}",
                )
            )
            continue
        seen[treatment.slug] = treatment.source_path
        treatments.append(treatment)
    return GuideLoad(guide, treatments, errors)

