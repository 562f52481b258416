"""Rating checks: an invalid level or upgrade, missing designs, over-rating, old evidence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..bib.references import Reference
from ..findings import Finding, make_finding
from . import rate_down
from .ceiling import compute_ceiling, join_words, keys_text, unique_references
from .model import Ceiling, Rating
from .scales import Catalogue, Design, Level, Scale, load_catalogue


@dataclass(frozen=True, slots=True)
class _Problem:
    """One finding to make about a rating; empty ``citations`` means the rating's own."""

    kind: str
    message: str
    citations: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Upgrade:
    """Steps an upgrade may add, and the problems found in declaring it."""

    steps: int
    labels: tuple[str, ...]
    problems: tuple[str, ...]


def _check_upgrade(rating: Rating, scale: Scale, ceiling: Ceiling, cited: Sequence[str]) -> _Upgrade:
    if not rating.has_upgrade:
        return _Upgrade(0, (), ())
    if not scale.allows_upgrades:
        return _Upgrade(0, (), (f"the {scale.short_name} scale does not allow upgrades; remove the upgrade",))
    names = join_words([r.id for r in scale.upgrade_reasons])
    if not rating.upgrade_reasons:
        return _Upgrade(0, (), (f"an upgrade needs a reason: {names}",))
    problems: list[str] = []
    valid: list[str] = []
    labels: list[str] = []
    for raw in rating.upgrade_reasons:
        reason = scale.upgrade_reason(raw)
        if reason is None:
            problems.append(f"{raw!r} is not an upgrade reason; use {names}")
        elif reason.id in valid:
            problems.append(f"{reason.id!r} is listed twice; each reason lifts a rating one step, once")
        else:
            valid.append(reason.id)
            labels.append(reason.label.lower())
    if len(valid) > scale.max_upgrade_steps:
        problems.append(
            f"{len(valid)} upgrade steps declared; upgrades lift a rating at most "
            f"{scale.max_upgrade_steps} steps"
        )
    if not ceiling.observational:
        body = f"cites {join_words(list(cited))}" if cited else "cites no studies"
        problems.append(f"upgrades apply only to a body of observational studies, but this rating {body}")
        return _Upgrade(0, tuple(labels), tuple(problems))
    return _Upgrade(min(len(valid), scale.max_upgrade_steps), tuple(labels), tuple(problems))


def _designs_text(references: Sequence[Reference], catalogue: Catalogue) -> list[str]:
    """``["2 randomised trials", "1 cohort study"]`` for the designs among ``references``."""
    counts: dict[str, tuple[Design, int]] = {}
    for design in (catalogue.design(r.design) for r in references):
        if design is not None:
            counts[design.id] = (design, counts.get(design.id, (design, 0))[1] + 1)
    return [design.count_label(n) for design, n in counts.values()]

def _design_problems(cited: Sequence[Reference], catalogue: Catalogue) -> list[_Problem]:
    problems = []
    for reference in cited:
        if reference.design is None or not str(reference.design).strip():
            problems.append(
                _Problem("missing-design", f"{reference.key} has no study design, so it cannot support the rating.", (reference.key,))
            )
        elif catalogue.design(reference.design) is None:
            problems.append(
                _Problem(
                    "missing-design",
                    f"{reference.key} has design {reference.design!r}, which is not on the controlled list.",
                    (reference.key,),
                )
            )
    return problems


def _level_problems(rating: Rating, scale: Scale, level: Level, ceiling: Ceiling, upgrade: _Upgrade) -> list[_Problem]:
    """Over-rating, a top rating on one study, and a lowered rating with no reason to rate down."""
    problems = []
    ceiling_level = scale.level(ceiling.level) or scale.bottom
    allowed = scale.by_rank(ceiling_level.rank + upgrade.steps)
    if level.rank > allowed.rank:
        if upgrade.steps:
            tail = f"so even with the upgrade ({join_words(list(upgrade.labels))}) the most it can be is {allowed.name!r}"
        else:
            tail = f"so the most it can be is {allowed.name!r}"
        problems.append(
            _Problem(
                "rating-above-evidence",
                f"Rated {level.name!r} but {ceiling.reason}, {tail}.",
                ceiling.keys,
                {"level": level.id, "ceiling": ceiling.level, "allowed": allowed.id},
            )
        )
    # Only when the rating is otherwise allowed: an over-rating error already covers it.
    elif level.rank == scale.top.rank and ceiling.studies == 1 and ceiling.primary_studies == 1:
        problems.append(
            _Problem(
                "rating-single-study",
                f"Rated {level.name!r} on one study ({keys_text(ceiling.keys)}); the top rating needs a body of evidence.",
                ceiling.keys,
            )
        )
    lowered = rate_down.missing_reason(scale, level, ceiling_level, rating.rated_down)
    if lowered:
        problems.append(_Problem(rate_down.RATED_DOWN_KIND, lowered, ceiling.keys))
    return problems


def _age_problems(cited: Sequence[Reference], today: date, max_age_years: int) -> list[_Problem]:
    dated = [r for r in cited if r.year]
    if not dated:
        return []
    newest = max(dated, key=lambda r: r.year or 0)
    age = today.year - (newest.year or 0)
    if age <= max_age_years:
        return []
    return [
        _Problem(
            "rating-old-evidence",
            f"The newest source ({newest.key}) is from {newest.year}, {age} years ago; "
            f"every source is older than {max_age_years} years.",
            tuple(r.key for r in dated),
            {"newest_year": newest.year},
        )
    ]


def check_rating(
    rating: Rating,
    scale: Scale,
    references_by_key: Mapping[str, Reference],
    *,
    today: date,
    max_age_years: int | None = 10,
    catalogue: Catalogue | None = None,
) -> list[Finding]:
    """Findings for one rating: invalid level or upgrade, missing designs, over-rating, warnings.

    Citation keys missing from ``references_by_key`` are reported by the citation check; here
    they are skipped and do not count as evidence. ``max_age_years=None`` disables the age check.
    """
    catalogue = catalogue or load_catalogue()
    cited = unique_references(references_by_key[k] for k in rating.citations if k in references_by_key)
    problems: list[_Problem] = []
    level = scale.level(rating.level)
    if level is None:
        ids = ", ".join(lv.id for lv in scale.levels)
        problems.append(
            _Problem("invalid-rating", f"{rating.level!r} is not a level of the {scale.short_name} scale; use one of: {ids}.")
        )
    problems += _design_problems(cited, catalogue)
    ceiling = compute_ceiling(scale, cited, catalogue=catalogue)
    upgrade = _check_upgrade(rating, scale, ceiling, _designs_text(cited, catalogue))
    problems += [_Problem("invalid-rating", problem[0].upper() + problem[1:] + ".") for problem in upgrade.problems]
    if level is not None:
        problems += _level_problems(rating, scale, level, ceiling, upgrade)
    if max_age_years is not None:
        problems += _age_problems(cited, today, max_age_years)
    return [
        _finding(rating, p.kind, p.message, p.citations or rating.citations, p.data) for p in problems
    ]


def _finding(rating: Rating, kind: str, message: str, citations: tuple[str, ...], data: dict) -> Finding:
    text = rating.text or f"{rating.treatment} -> {rating.outcome}: {rating.level}"
    end_line = rating.end_line if rating.end_line is not None else rating.line
    end_column = rating.end_column if rating.end_column is not None else rating.column + max(1, len(text))
    return make_finding(
        kind,
        path=rating.path,
        line=rating.line,
        column=rating.column,
        end_line=end_line,
        end_column=end_column,
        text=text,
        sentence=rating.sentence or text,
        message=message,
        citations=citations,
        data=data,
    )

