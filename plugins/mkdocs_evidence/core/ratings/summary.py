"""What a reader is shown about a rating: designs, sources, participants, ceiling, in plain words."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..bib.references import Reference
from . import rate_down
from .ceiling import compute_ceiling, join_words, unique_references
from .model import DesignCount, Rating, RatingSummary, SourceItem
from .scales import Catalogue, Level, Scale, load_catalogue

_PARTICIPANTS = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:\w+\s+)?"
    r"(?:participants|patients|people|persons|subjects|adults|children|individuals|women|men)\b",
    re.IGNORECASE,
)


def participant_count(reference: Reference) -> int | None:
    """Best-effort participant count from a ``figures`` item such as ``815 participants``."""
    counts = [
        int(match.group(1).replace(",", ""))
        for figure in reference.figures
        for match in _PARTICIPANTS.finditer(figure)
    ]
    return max(counts) if counts else None


def reference_label(reference: Reference) -> str:
    """``Prenton et al. 2016``: a short label for links; falls back to the key."""
    if not reference.authors:
        return f"{reference.key}" if not reference.year else f"{reference.key} ({reference.year})"
    first = reference.authors[0].strip()
    surname = first.split(",")[0].strip() if "," in first else (first.split() or [first])[-1]
    if len(reference.authors) > 1:
        surname += " et al."
    return f"{surname} {reference.year}" if reference.year else surname


def _sources(cited: Sequence[Reference], catalogue: Catalogue) -> tuple[tuple[SourceItem, ...], tuple[DesignCount, ...], list[str]]:
    """The badge's source list, the count per design, and the designs as labels."""
    counts: dict[str, int] = {}
    unknown_designs = 0
    sources = []
    for reference in cited:
        design = catalogue.design(reference.design)
        if design is None:
            unknown_designs += 1
        else:
            counts[design.id] = counts.get(design.id, 0) + 1
        sources.append(
            SourceItem(
                key=reference.key,
                label=reference_label(reference),
                year=reference.year,
                design=design.id if design else None,
                design_name=design.name if design else "study type not recorded",
            )
        )
    design_counts = tuple(DesignCount(d, n, catalogue.designs[d].count_label(n)) for d, n in counts.items())
    labels = [c.label for c in design_counts]
    if unknown_designs:
        labels.append(f"{unknown_designs} {'source' if unknown_designs == 1 else 'sources'} of unknown type")
    return tuple(sources), design_counts, labels


def _participants(cited: Sequence[Reference], catalogue: Catalogue) -> int | None:
    """A lower bound: the larger of any one review's count and the sum over the individual
    studies, because a review usually includes the trials also cited beside it."""
    syntheses: list[int] = []
    primaries: list[int] = []
    for reference in cited:
        count = participant_count(reference)
        design = catalogue.design(reference.design)
        if count is not None:
            (syntheses if design is not None and design.synthesis else primaries).append(count)
    return max([*syntheses, sum(primaries)]) if syntheses or primaries else None


def _level_words(rating: Rating, scale: Scale, level: Level | None) -> tuple[str, str, str, str, str, str]:
    """(name, label, explanation, icon, css class, badge text) of the rated level."""
    if level is None:
        return f"Rating {rating.level!r}", "Rating not recognised", "", "?", "evidence--unknown", "Rating not recognised"
    badge_text = f"{level.name}: {level.label}" if scale.badge_shows_label else level.name
    return level.name, level.label, level.explanation, level.icon, level.css_class, badge_text


def rating_summary(
    rating: Rating,
    scale: Scale,
    references_by_key: Mapping[str, Reference],
    *,
    catalogue: Catalogue | None = None,
) -> RatingSummary:
    """What a reader is shown about ``rating``. Never raises, even for an unknown level."""
    catalogue = catalogue or load_catalogue()
    cited = unique_references(references_by_key[k] for k in rating.citations if k in references_by_key)
    level = scale.level(rating.level)
    sources, design_counts, labels = _sources(cited, catalogue)
    years = [r.year for r in cited if r.year]
    ceiling = compute_ceiling(scale, cited, catalogue=catalogue)
    ceiling_level = scale.level(ceiling.level) or scale.bottom
    upgrades = tuple(
        reason.label for reason in (scale.upgrade_reason(r) for r in rating.upgrade_reasons) if reason
    )
    name, label, explanation, icon, css_class, badge_text = _level_words(rating, scale, level)
    ceiling_text = ceiling.plain_reason[0].upper() + ceiling.plain_reason[1:] if ceiling.plain_reason else ""
    return RatingSummary(
        scale_id=scale.id,
        scale_name=scale.short_name,
        level=level.id if level else rating.level,
        known_level=level is not None,
        name=name,
        label=label,
        explanation=explanation,
        icon=icon,
        css_class=css_class,
        badge_text=badge_text,
        treatment=rating.treatment,
        outcome=rating.outcome,
        designs=design_counts,
        designs_text=join_words(labels),
        sources=sources,
        source_count=len(cited),
        participants=_participants(cited, catalogue),
        newest_year=max(years) if years else None,
        oldest_year=min(years) if years else None,
        ceiling=ceiling,
        ceiling_name=ceiling_level.name,
        ceiling_text=ceiling_text,
        upgrades=upgrades,
        upgrade_note=rating.upgrade_note,
        why_not_higher=rate_down.why_not_higher(scale, level, ceiling_level, rating.rated_down),
    )
