"""Why a rating is lower than its sources' designs allow: GRADE's five reasons to rate down.

An outcome in a treatment file may record them (``rated_down: [{reason: imprecision, why:
"..."}]``). The reasons themselves are data in ``scales.yml`` (``downgrade_reasons``). This
module validates a reason, words the badge's "Why not higher" and says when a rating below its
ceiling gives no reason. It knows nothing of findings or templates: ``ratings`` uses it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from .scales import DowngradeReason, Level, Scale, get_scale, normalise_id

__all__ = ["RATED_DOWN_KIND", "downgrade_reason_error", "missing_reason", "why_not_higher"]

RATED_DOWN_KIND = "rating-lowered-without-reason"
_CONTENT_SCALE = "grade"  # the YAML field names GRADE's reasons, whatever scale the site shows


def _did_you_mean(value: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(normalise_id(value), list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


def downgrade_reason_error(value: str, scale: Scale | None = None) -> str | None:
    """A plain-words problem with a ``rated_down`` reason, or ``None`` when it is one of the
    scale's reasons (id, any case or spacing)."""
    scale = scale or get_scale(_CONTENT_SCALE)
    ids = [reason.id for reason in scale.downgrade_reasons]
    if scale.downgrade_reason(value) is not None:
        return None
    hint = _did_you_mean(value, ids)
    return f"'{value}' is not a reason to rate down; {hint}{'Use' if hint else 'use'} one of: {', '.join(ids)}"


def _reasons(scale: Scale, rated_down: Sequence[tuple[str, str]]) -> list[tuple[DowngradeReason | None, str]]:
    return [
        (scale.downgrade_reason(reason) or get_scale(_CONTENT_SCALE).downgrade_reason(reason), why)
        for reason, why in rated_down
    ]


def why_not_higher(
    scale: Scale, level: Level | None, ceiling: Level, rated_down: Sequence[tuple[str, str]] | None
) -> tuple[str, ...]:
    """ "Why not higher", one plain sentence a reason, when ``level`` is below the ceiling."""
    if not rated_down or level is None or level.rank >= ceiling.rank:
        return ()
    out = []
    for reason, why in _reasons(scale, rated_down):
        why = " ".join(why.split())
        out.append(f"{reason.label}. {why}" if reason else why)
    return tuple(out)


def missing_reason(
    scale: Scale, level: Level | None, ceiling: Level, rated_down: Sequence[tuple[str, str]] | None
) -> str | None:
    """The message of a rating below its ceiling that records no reason, else ``None``.

    ``rated_down`` is ``None`` where reasons cannot be recorded (an inline marker)."""
    if rated_down is None or rated_down or level is None or level.rank >= ceiling.rank or not scale.downgrade_reasons:
        return None
    ids = ", ".join(reason.id for reason in scale.downgrade_reasons)
    return (
        f"Rated {level.name!r} although the sources' designs allow {ceiling.name!r}, and no reason is "
        f"recorded; add rated_down with one or more of: {ids}."
    )
