"""Inline rating markers: ``{rating: LEVEL [up: REASON, REASON] | TREATMENT -> OUTCOME | @key; @key}``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Finding, make_finding
from ..text.citations import KEY_PATTERN
from .model import Rating
from .scales import normalise_id

# The body cannot hold braces, so each scan stops at the next brace: linear in the text.
_MARKER = re.compile(
    r"\{[ \t]*rating\b(?P<body>[^{}]*?)(?:(?P<close>\})|(?=\{)|(?=\n[ \t]*\n)|\Z)",
    re.IGNORECASE,
)
_UP = re.compile(r"[\[(]?\s*\bup\s*:", re.IGNORECASE)
_ARROW = re.compile(r"\s*(?:->|→)\s*")
_KEY = re.compile(r"@(?P<key>" + KEY_PATTERN + ")")  # the one key grammar (core/text/citations.py)
_SYNTAX = "write {rating: LEVEL | TREATMENT -> OUTCOME | @key; @key}"


@dataclass(frozen=True, slots=True)
class RatingMarker:
    """A well-formed inline rating; ``start``/``end`` are offsets into the text (end exclusive)."""

    start: int
    end: int
    raw: str
    level: str
    treatment: str
    outcome: str
    citations: tuple[str, ...] = ()
    upgrade_reasons: tuple[str, ...] = ()
    upgrade_declared: bool = False


@dataclass(frozen=True, slots=True)
class MalformedRatingMarker:
    """An inline rating that cannot be read; ``problem`` says what is wrong, in plain words."""

    start: int
    end: int
    raw: str
    problem: str


def find_rating_markers(text: str) -> list[RatingMarker | MalformedRatingMarker]:
    """All ``{rating: ...}`` markers in ``text``, in order, well-formed or not. Never raises."""
    markers: list[RatingMarker | MalformedRatingMarker] = []
    for match in _MARKER.finditer(text):
        raw = match.group(0).rstrip()
        start, end = match.start(), match.start() + len(raw)
        if match.group("close") is None:
            markers.append(MalformedRatingMarker(start, end, raw, f"the rating has no closing brace; {_SYNTAX}"))
            continue
        markers.append(_parse_marker(start, end, raw, match.group("body")))
    return markers


def _parse_marker(start: int, end: int, raw: str, body: str) -> RatingMarker | MalformedRatingMarker:
    def bad(problem: str) -> MalformedRatingMarker:
        return MalformedRatingMarker(start, end, raw, problem)

    body = body.strip()
    if not body.startswith(":"):
        return bad(f"'rating' must be followed by a colon; {_SYNTAX}")
    parts = [part.strip() for part in body[1:].split("|")]
    if len(parts) not in (2, 3):
        return bad(f"a rating has a level, a claim and citations separated by '|'; {_SYNTAX}")

    level_part = parts[0]
    reasons: tuple[str, ...] = ()
    declared = False
    up = _UP.search(level_part)
    if up:
        declared = True
        reasons_text = level_part[up.end():].strip().rstrip("])").strip()
        reasons = tuple(normalise_id(r) for r in re.split(r"[,;]", reasons_text) if r.strip())
        level_part = level_part[: up.start()]
    level = " ".join(level_part.split())
    if not level:
        return bad(f"the rating has no level; {_SYNTAX}")

    claim = _ARROW.split(parts[1], maxsplit=1)
    if len(claim) != 2 or not claim[0].strip() or not claim[1].strip():
        return bad(f"the claim must read TREATMENT -> OUTCOME; {_SYNTAX}")
    treatment, outcome = (" ".join(side.split()) for side in claim)

    citations: list[str] = []
    if len(parts) == 3:
        for item in re.split(r"[;,]", parts[2].strip().strip("[]")):
            item = item.strip()
            if not item:
                continue
            key = _KEY.fullmatch(item)
            if key is None:
                return bad(f"{item!r} is not a citation; write each source as @key, separated by ';'")
            if key.group("key") not in citations:
                citations.append(key.group("key"))
    return RatingMarker(start, end, raw, level, treatment, outcome, tuple(citations), reasons, declared)


def rating_from_marker(
    marker: RatingMarker,
    *,
    path: str,
    line: int,
    column: int,
    end_line: int,
    end_column: int,
    sentence: str = "",
) -> Rating:
    """The :class:`Rating` a well-formed marker declares, located by the caller's line index."""
    return Rating(
        level=marker.level,
        treatment=marker.treatment,
        outcome=marker.outcome,
        citations=marker.citations,
        upgrade_reasons=marker.upgrade_reasons,
        upgrade_declared=marker.upgrade_declared,
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=marker.raw,
        sentence=sentence,
    )


def malformed_marker_finding(
    marker: MalformedRatingMarker,
    *,
    path: str,
    line: int,
    column: int,
    end_line: int,
    end_column: int,
    sentence: str = "",
) -> Finding:
    """An ``invalid-rating`` finding for a marker that cannot be read."""
    return make_finding(
        "invalid-rating",
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=marker.raw,
        sentence=sentence or marker.raw,
        message=marker.problem[0].upper() + marker.problem[1:] + ".",
        citations=(),
    )

