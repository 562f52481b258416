"""Rating ceilings: the highest level the designs of the cited sources allow, and why.

A rating is an editor's judgement of how sure we can be that a treatment changes an outcome.
The tool cannot make that judgement, but it can compute a *ceiling*: the highest level that the
designs of the cited sources allow (see ``scales.yml``). A rating above its ceiling is an
over-claim. The tool only ever lowers or confirms: it never raises a rating by itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..bib.references import Reference
from .model import Ceiling
from .scales import (
    INHERIT,
    NO_EVIDENCE_DESIGN,
    UNGRADED,
    Catalogue,
    Design,
    Level,
    Scale,
    load_catalogue,
    normalise_id,
)

SURROGATE_OUTCOME_TYPES = frozenset({"disease", "disease-oriented", "surrogate"})

# A cited source placed on the scale: (reference, design, kind of mapping, level).
Placed = tuple[Reference, Design, str, Level]


def join_words(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def keys_text(keys: Iterable[str]) -> str:
    return ", ".join(keys)


def unique_references(references: Iterable[Reference]) -> list[Reference]:
    """``references`` without repeated keys, first occurrence kept."""
    seen: set[str] = set()
    unique = []
    for reference in references:
        if reference.key not in seen:
            seen.add(reference.key)
            unique.append(reference)
    return unique


def _with_article(name: str) -> str:
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _design_phrase(design: Design, count: int) -> str:
    """``a case series`` / ``cohort studies``: for reasons that read as a sentence."""
    return _with_article(design.name) if count == 1 else design.plural


def _is_surrogate(reference: Reference) -> bool:
    return normalise_id(reference.fields.get("outcome_type", "")) in SURROGATE_OUTCOME_TYPES


def _source_level(scale: Scale, design: Design, reference: Reference) -> tuple[str, Level]:
    """(kind, level) for one source: kind is the raw mapping (level id, inherit or none)."""
    raw = scale.design_level(design.id)
    if raw == INHERIT:
        level = scale.top
    elif raw == UNGRADED:
        level = scale.bottom
    else:
        level = scale.level(raw) or scale.bottom
    if scale.surrogate_level and _is_surrogate(reference):
        cap = scale.level(scale.surrogate_level) or scale.bottom
        if cap.rank < level.rank:
            return "surrogate", cap
    return _source_cap(scale, reference, raw, level)


def _source_cap(scale: Scale, reference: Reference, raw: str, level: Level) -> tuple[str, Level]:
    """The source's own limits: the certainty it gave its evidence (``certainty = {low}``) and
    the design of the studies a review pooled (``pooled_design = {case-series}``)."""
    own = scale.level(reference.fields.get("certainty", "")) if reference.fields.get("certainty") else None
    if own is not None and own.rank < level.rank:
        raw, level = "certainty", own
    pooled = normalise_id(reference.fields.get("pooled_design", ""))
    if pooled and pooled in dict(scale.design_levels):
        value = scale.design_level(pooled)
        cap = scale.bottom if value == UNGRADED else scale.level(value) if value != INHERIT else None
        if cap is not None and cap.rank < level.rank:
            raw, level = f"pooled:{pooled}", cap
    return raw, level


def _place(scale: Scale, references: Sequence[Reference], catalogue: Catalogue) -> tuple[list[Placed], list[str]]:
    """Each known-design source on the scale, and the keys of sources with no known design."""
    placed: list[Placed] = []
    undesigned: list[str] = []
    for reference in unique_references(references):
        design = catalogue.design(reference.design)
        if design is None:
            undesigned.append(reference.key)
            continue
        kind, level = _source_level(scale, design, reference)
        placed.append((reference, design, kind, level))
    return placed, undesigned


def _top_reason(top: list[Placed], placed: list[Placed], catalogue: Catalogue, refs: str) -> str:
    """Why the best sources set the ceiling, as the end of "Rated X but ..."."""
    designs_at_top = {d.id for _, d, _, _ in top}
    kinds_at_top = {kind for _, _, kind, _ in top}
    if kinds_at_top == {INHERIT}:
        return f"it rests on {_design_phrase(top[0][1], len(top))}{refs}, whose own grade we carry over"
    if kinds_at_top == {"surrogate"}:
        return f"its best sources{refs} measured only test results, not outcomes patients feel"
    if kinds_at_top == {"certainty"}:
        return f"its best sources{refs} rated their own evidence as {top[0][3].name.lower()}"
    if len(kinds_at_top) == 1 and next(iter(kinds_at_top)).startswith("pooled:"):
        pooled = catalogue.design(next(iter(kinds_at_top)).split(":", 1)[1])
        return f"its best sources{refs} pool {pooled.plural if pooled else 'weaker studies'}, not randomised trials"
    if len(designs_at_top) == 1:
        design = top[0][1]
        if len(top) == len(placed):
            return f"it cites only {_design_phrase(design, len(top))}{refs}"
        return f"the strongest evidence it cites is {_design_phrase(design, len(top))}{refs}"
    per_design: dict[str, tuple[Design, int]] = {}
    for _, design, _, _ in top:
        per_design[design.id] = (design, per_design.get(design.id, (design, 0))[1] + 1)
    phrases = [_design_phrase(d, n) for d, n in per_design.values()]
    return f"the strongest evidence it cites is {join_words(phrases)}{refs}"


def compute_ceiling(
    scale: Scale, references: Sequence[Reference], *, catalogue: Catalogue | None = None
) -> Ceiling:
    """The highest level the designs of ``references`` (the cited, known sources) allow.

    Sources with no or an unknown design do not count as evidence, and neither do designs the
    scale does not grade; with nothing left the claim rests on expert opinion.
    """
    catalogue = catalogue or load_catalogue()
    placed, undesigned = _place(scale, references, catalogue)
    graded = [p for p in placed if p[2] != UNGRADED]
    studies = len(graded)
    primary = sum(1 for _, d, kind, _ in graded if not d.synthesis and kind != INHERIT)
    observational = bool(graded) and all(d.observational for _, d, _, _ in graded)

    if not placed:
        level = no_evidence_level(scale, catalogue)
        if undesigned:
            reason = f"its sources{{ ({keys_text(undesigned)})}} have no known study design, so it rests on expert opinion"
        else:
            reason = "it cites no sources, so it rests on expert opinion"
        return _ceiling(level.id, reason, (), False, 0, 0)

    best = max(level.rank for *_, level in placed)
    top = [p for p in placed if p[3].rank == best]
    keys = tuple(r.key for r, *_ in top)
    reason = _top_reason(top, placed, catalogue, f"{{ ({keys_text(keys)})}}")
    if undesigned:
        verb = "has" if len(undesigned) == 1 else "have"
        reason += f"{{; {keys_text(undesigned)} {verb} no known study design}}"
    return _ceiling(top[0][3].id, reason, keys, observational, studies, primary)


_KEYED = re.compile(r"\{([^{}]*)\}")


def _ceiling(level: str, template: str, keys: tuple[str, ...], observational: bool, studies: int, primary: int) -> Ceiling:
    """Build both wordings from one template: ``{...}`` parts name keys, for editors only."""
    reason = _KEYED.sub(r"\1", template)
    plain = _KEYED.sub("", template)
    return Ceiling(level, reason, plain, keys, observational, studies, primary)


def no_evidence_level(scale: Scale, catalogue: Catalogue) -> Level:
    """The level of a claim with no graded evidence (expert opinion on this scale)."""
    design = catalogue.designs[NO_EVIDENCE_DESIGN]
    return _source_level(scale, design, Reference(key=""))[1]
