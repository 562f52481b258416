"""Field types of the content schema: validated strings, dates, slugs, keys, and the enums."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Annotated, Any, ClassVar
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

from ...text.citations import KEY_PATTERN
from ...text.inert import MAX_LOOSE_BRACKETS, loose_brackets

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


class ContentModel(BaseModel):
    """Frozen, closed models: a misspelt field is an error, not silently ignored."""

    # defer_build: validators are built on first validation, not at import; a build that takes
    # its guides from the cache (unpickled) never builds them (60 ms saved).
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)

    # Names of fields holding author Markdown (a string or a tuple of strings).
    PROSE: ClassVar[frozenset[str]] = frozenset()
    # Plain-text fields that reach a page (names, titles, actions): checked as shown.
    PLAIN: ClassVar[frozenset[str]] = frozenset()

