"""Evidence ratings: ceilings from study designs, rating findings, the inline marker, summaries.

A rating is an editor's judgement of how sure we can be that a treatment changes an outcome;
the tool computes a *ceiling* from the designs of the cited sources and reports a rating above
it. Everything here is pure: ``today`` is passed in, scales come from :mod:`..scales`.

The package's parts, one job each: ``model`` (the records), ``ceiling`` (the ceiling and its
reason), ``checks`` (rating findings), ``marker`` (the inline ``{rating: ...}`` syntax),
``summary`` (what a badge shows, in plain words) and ``render`` (badge, table and "How we
rate" through the package templates).
"""

from __future__ import annotations

from .ceiling import SURROGATE_OUTCOME_TYPES, compute_ceiling
from .checks import check_rating
from .marker import (
    MalformedRatingMarker,
    RatingMarker,
    find_rating_markers,
    malformed_marker_finding,
    rating_from_marker,
)
from .model import Ceiling, ComparisonRow, DesignCount, Rating, RatingSummary, SourceItem
from .render import default_href, render_badge, render_comparison, render_how_we_rate, template_environment
from .summary import participant_count, rating_summary, reference_label

__all__ = [
    "SURROGATE_OUTCOME_TYPES",
    "Ceiling",
    "ComparisonRow",
    "DesignCount",
    "MalformedRatingMarker",
    "Rating",
    "RatingMarker",
    "RatingSummary",
    "SourceItem",
    "check_rating",
    "compute_ceiling",
    "default_href",
    "find_rating_markers",
    "malformed_marker_finding",
    "participant_count",
    "rating_from_marker",
    "rating_summary",
    "reference_label",
    "render_badge",
    "render_comparison",
    "render_how_we_rate",
    "template_environment",
]
