"""Evidence ratings: ceilings from study designs, rating findings, the inline marker, summaries.

A rating is an editor's judgement of how sure we can be that a treatment changes an outcome.
The tool cannot make that judgement, but it can compute a *ceiling*: the highest level that the
designs of the cited sources allow (see ``scales.yml``). A rating above its ceiling is an
over-claim. The tool only ever lowers or confirms: it never raises a rating by itself.

Everything here is pure: ``today`` is passed in, scales come from :mod:`.scales`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import jinja2

from .bib.references import Reference
from .findings import Finding, make_finding
from .ratings import rate_down
from .ratings.scales import (
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
from .templating import template_environment as package_environment
from .text.citations import KEY_PATTERN, reference_href

"""Package templates; load ours as ``evidence/badge.html`` etc. from here."""

SURROGATE_OUTCOME_TYPES = frozenset({"disease", "disease-oriented", "surrogate"})


# --------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class Rating:
    """One rated treatment x outcome claim, from YAML content or an inline marker.

    ``upgrade_declared`` is set when an upgrade was written with no reason (``up:`` alone, or
    a YAML ``upgrade`` block without ``reasons``), so that the omission can be reported.
    ``end_line``/``end_column`` default to the start line and one past the text.
    """

    level: str
    treatment: str
    outcome: str
    citations: tuple[str, ...] = ()
    upgrade_reasons: tuple[str, ...] = ()
    upgrade_note: str = ""
    upgrade_declared: bool = False
    path: str = ""
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    text: str = ""
    sentence: str = ""
    rated_down: tuple[tuple[str, str], ...] | None = None  # (reason, why); None: cannot record them

    @property
    def has_upgrade(self) -> bool:
        return bool(self.upgrade_reasons) or self.upgrade_declared or bool(self.upgrade_note)


@dataclass(frozen=True, slots=True)
class Ceiling:
    """The highest level the cited designs allow, and why, in plain words.

    ``reason`` completes "Rated X but ..." (e.g. ``it cites only a case series (aprile2005)``);
    ``plain_reason`` is the same without citation keys, for readers.
    ``keys`` are the sources that set the ceiling. ``observational`` says whether the graded
    body is all observational, the only case where GRADE allows an upgrade.
    """

    level: str
    reason: str
    plain_reason: str = ""
    keys: tuple[str, ...] = ()
    observational: bool = False
    studies: int = 0
    primary_studies: int = 0


@dataclass(frozen=True, slots=True)
class DesignCount:
    """How many cited sources have one design; ``label`` is e.g. ``2 randomised trials``."""

    design: str
    count: int
    label: str


@dataclass(frozen=True, slots=True)
class SourceItem:
    """A cited source as the badge lists it."""

    key: str
    label: str
    year: int | None
    design: str | None
    design_name: str


@dataclass(frozen=True, slots=True)
class RatingSummary:
    """Everything a badge or table row shows about one rating, already in plain words."""

    scale_id: str
    scale_name: str
    level: str
    known_level: bool
    name: str
    label: str
    explanation: str
    icon: str
    css_class: str
    badge_text: str
    treatment: str
    outcome: str
    designs: tuple[DesignCount, ...]
    designs_text: str
    sources: tuple[SourceItem, ...]
    source_count: int
    participants: int | None
    newest_year: int | None
    oldest_year: int | None
    ceiling: Ceiling
    ceiling_name: str
    ceiling_text: str
    upgrades: tuple[str, ...]
    upgrade_note: str
    why_not_higher: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# Ceilings


def _join(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _keys(keys: Iterable[str]) -> str:
    return ", ".join(keys)


def _with_article(name: str) -> str:
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _design_phrase(design: Design, count: int) -> str:
    """``a case series`` / ``cohort studies``: for reasons that read as a sentence."""
    return _with_article(design.name) if count == 1 else design.plural


def _is_surrogate(reference: Reference) -> bool:
    return normalise_id(reference.fields.get("outcome_type", "")) in SURROGATE_OUTCOME_TYPES


def _unique(references: Iterable[Reference]) -> list[Reference]:
    seen: set[str] = set()
    unique = []
    for reference in references:
        if reference.key not in seen:
            seen.add(reference.key)
            unique.append(reference)
    return unique


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


def compute_ceiling(
    scale: Scale, references: Sequence[Reference], *, catalogue: Catalogue | None = None
) -> Ceiling:
    """The highest level the designs of ``references`` (the cited, known sources) allow.

    Sources with no or an unknown design do not count as evidence, and neither do designs the
    scale does not grade; with nothing left the claim rests on expert opinion.
    """
    catalogue = catalogue or load_catalogue()
    placed: list[tuple[Reference, Design, str, Level]] = []
    undesigned: list[str] = []
    for reference in _unique(references):
        design = catalogue.design(reference.design)
        if design is None:
            undesigned.append(reference.key)
            continue
        kind, level = _source_level(scale, design, reference)
        placed.append((reference, design, kind, level))

    graded = [p for p in placed if p[2] != UNGRADED]
    studies = len(graded)
    primary = sum(1 for _, d, kind, _ in graded if not d.synthesis and kind != INHERIT)
    observational = bool(graded) and all(d.observational for _, d, _, _ in graded)

    if not placed:
        level = _no_evidence_level(scale, catalogue)
        if undesigned:
            reason = f"its sources{{ ({_keys(undesigned)})}} have no known study design, so it rests on expert opinion"
        else:
            reason = "it cites no sources, so it rests on expert opinion"
        return _ceiling(level.id, reason, (), False, 0, 0)

    best = max(level.rank for *_, level in placed)
    top = [p for p in placed if p[3].rank == best]
    keys = tuple(r.key for r, *_ in top)
    refs = f"{{ ({_keys(keys)})}}"
    designs_at_top = {d.id for _, d, _, _ in top}
    kinds_at_top = {kind for _, _, kind, _ in top}

    if kinds_at_top == {INHERIT}:
        reason = f"it rests on {_design_phrase(top[0][1], len(top))}{refs}, whose own grade we carry over"
    elif kinds_at_top == {"surrogate"}:
        reason = f"its best sources{refs} measured only test results, not outcomes patients feel"
    elif kinds_at_top == {"certainty"}:
        reason = f"its best sources{refs} rated their own evidence as {top[0][3].name.lower()}"
    elif len(kinds_at_top) == 1 and next(iter(kinds_at_top)).startswith("pooled:"):
        pooled = catalogue.design(next(iter(kinds_at_top)).split(":", 1)[1])
        reason = f"its best sources{refs} pool {pooled.plural if pooled else 'weaker studies'}, not randomised trials"
    elif len(designs_at_top) == 1:
        design = top[0][1]
        if len(top) == len(placed):
            reason = f"it cites only {_design_phrase(design, len(top))}{refs}"
        else:
            reason = f"the strongest evidence it cites is {_design_phrase(design, len(top))}{refs}"
    else:
        per_design: dict[str, tuple[Design, int]] = {}
        for _, design, _, _ in top:
            per_design[design.id] = (design, per_design.get(design.id, (design, 0))[1] + 1)
        phrases = [_design_phrase(d, n) for d, n in per_design.values()]
        reason = f"the strongest evidence it cites is {_join(phrases)}{refs}"
    if undesigned:
        verb = "has" if len(undesigned) == 1 else "have"
        reason += f"{{; {_keys(undesigned)} {verb} no known study design}}"
    return _ceiling(top[0][3].id, reason, keys, observational, studies, primary)


_KEYED = re.compile(r"\{([^{}]*)\}")


def _ceiling(level: str, template: str, keys: tuple[str, ...], observational: bool, studies: int, primary: int) -> Ceiling:
    """Build both wordings from one template: ``{...}`` parts name keys, for editors only."""
    reason = _KEYED.sub(r"\1", template)
    plain = _KEYED.sub("", template)
    return Ceiling(level, reason, plain, keys, observational, studies, primary)


def _no_evidence_level(scale: Scale, catalogue: Catalogue) -> Level:
    design = catalogue.designs[NO_EVIDENCE_DESIGN]
    return _source_level(scale, design, Reference(key=""))[1]


# --------------------------------------------------------------------------------------------
# Checks


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
    names = _join([r.id for r in scale.upgrade_reasons])
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
        body = f"cites {_join(list(cited))}" if cited else "cites no studies"
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
    cited = _unique(references_by_key[k] for k in rating.citations if k in references_by_key)
    findings: list[Finding] = []

    def add(kind: str, message: str, citations: Sequence[str] = (), **data) -> None:
        findings.append(_finding(rating, kind, message, tuple(citations) or rating.citations, data))

    level = scale.level(rating.level)
    if level is None:
        ids = ", ".join(lv.id for lv in scale.levels)
        add("invalid-rating", f"{rating.level!r} is not a level of the {scale.short_name} scale; use one of: {ids}.")

    for reference in cited:
        if reference.design is None or not str(reference.design).strip():
            add("missing-design", f"{reference.key} has no study design, so it cannot support the rating.", [reference.key])
        elif catalogue.design(reference.design) is None:
            add(
                "missing-design",
                f"{reference.key} has design {reference.design!r}, which is not on the controlled list.",
                [reference.key],
            )

    ceiling = compute_ceiling(scale, cited, catalogue=catalogue)
    upgrade = _check_upgrade(rating, scale, ceiling, _designs_text(cited, catalogue))
    for problem in upgrade.problems:
        add("invalid-rating", problem[0].upper() + problem[1:] + ".")

    if level is not None:
        ceiling_level = scale.level(ceiling.level) or scale.bottom
        allowed = scale.by_rank(ceiling_level.rank + upgrade.steps)
        if level.rank > allowed.rank:
            if upgrade.steps:
                tail = f"so even with the upgrade ({_join(list(upgrade.labels))}) the most it can be is {allowed.name!r}"
            else:
                tail = f"so the most it can be is {allowed.name!r}"
            add(
                "rating-above-evidence",
                f"Rated {level.name!r} but {ceiling.reason}, {tail}.",
                ceiling.keys,
                level=level.id,
                ceiling=ceiling.level,
                allowed=allowed.id,
            )
        # Only when the rating is otherwise allowed: an over-rating error already covers it.
        elif level.rank == scale.top.rank and ceiling.studies == 1 and ceiling.primary_studies == 1:
            add(
                "rating-single-study",
                f"Rated {level.name!r} on one study ({_keys(ceiling.keys)}); the top rating needs a body of evidence.",
                ceiling.keys,
            )
        lowered = rate_down.missing_reason(scale, level, ceiling_level, rating.rated_down)
        if lowered:
            add(rate_down.RATED_DOWN_KIND, lowered, ceiling.keys)

    if max_age_years is not None:
        dated = [r for r in cited if r.year]
        if dated:
            newest = max(dated, key=lambda r: r.year or 0)
            age = today.year - (newest.year or 0)
            if age > max_age_years:
                add(
                    "rating-old-evidence",
                    f"The newest source ({newest.key}) is from {newest.year}, {age} years ago; "
                    f"every source is older than {max_age_years} years.",
                    [r.key for r in dated],
                    newest_year=newest.year,
                )
    return findings


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


# --------------------------------------------------------------------------------------------
# Inline marker: {rating: LEVEL [up: REASON, REASON] | TREATMENT -> OUTCOME | @key; @key}

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


# --------------------------------------------------------------------------------------------
# Summary for rendering

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


def rating_summary(
    rating: Rating,
    scale: Scale,
    references_by_key: Mapping[str, Reference],
    *,
    catalogue: Catalogue | None = None,
) -> RatingSummary:
    """What a reader is shown about ``rating``. Never raises, even for an unknown level.

    Participants are a lower bound: the larger of any one review's count and the sum over the
    individual studies, because a review usually includes the trials also cited beside it.
    """
    catalogue = catalogue or load_catalogue()
    cited = _unique(references_by_key[k] for k in rating.citations if k in references_by_key)
    level = scale.level(rating.level)

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
    design_counts = tuple(
        DesignCount(d, n, catalogue.designs[d].count_label(n)) for d, n in counts.items()
    )
    labels = [c.label for c in design_counts]
    if unknown_designs:
        labels.append(f"{unknown_designs} {'source' if unknown_designs == 1 else 'sources'} of unknown type")

    syntheses: list[Any] = []
    primaries: list[Any] = []
    for reference in cited:
        count = participant_count(reference)
        design = catalogue.design(reference.design)
        if count is not None:
            (syntheses if design is not None and design.synthesis else primaries).append(count)
    participants = max([*syntheses, sum(primaries)]) if syntheses or primaries else None

    years = [r.year for r in cited if r.year]
    ceiling = compute_ceiling(scale, cited, catalogue=catalogue)
    ceiling_level = scale.level(ceiling.level) or scale.bottom
    upgrades = tuple(
        reason.label for reason in (scale.upgrade_reason(r) for r in rating.upgrade_reasons) if reason
    )
    if level is None:
        name, label, explanation = f"Rating {rating.level!r}", "Rating not recognised", ""
        icon, css_class, badge_text = "?", "evidence--unknown", "Rating not recognised"
    else:
        name, label, explanation = level.name, level.label, level.explanation
        icon, css_class = level.icon, level.css_class
        badge_text = f"{level.name}: {level.label}" if scale.badge_shows_label else level.name
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
        designs_text=_join(labels),
        sources=tuple(sources),
        source_count=len(cited),
        participants=participants,
        newest_year=max(years) if years else None,
        oldest_year=min(years) if years else None,
        ceiling=ceiling,
        ceiling_name=ceiling_level.name,
        ceiling_text=ceiling_text,
        upgrades=upgrades,
        upgrade_note=rating.upgrade_note,
        why_not_higher=rate_down.why_not_higher(scale, level, ceiling_level, rating.rated_down),
    )


# --------------------------------------------------------------------------------------------
# Rendering (templates escape their own output, whatever the environment's autoescape)


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One treatment x outcome row of a condition's comparison table."""

    treatment: str
    treatment_href: str | None
    summary: RatingSummary


def template_environment() -> jinja2.Environment:
    """A private environment over the package templates, for the CLI, tests and Zensical."""
    return package_environment()


def default_href(key: str) -> str:
    """The in-page anchor of a reference in the reference list (the list's own ``id``)."""
    return reference_href(key)


def render_badge(
    env: jinja2.Environment,
    summary: RatingSummary,
    *,
    hrefs: Mapping[str, str] | None = None,
    how_we_rate_href: str | None = None,
    expandable: bool = True,
) -> str:
    """The evidence badge: a keyboard- and no-JS-friendly ``<details>``, or a static ``<span>``.

    The expandable badge is block-level HTML: put it after the paragraph, not inside a ``<p>``.
    ``hrefs`` maps citation keys to link targets (default ``#ref-KEY``).
    """
    links = [
        {"href": (hrefs or {}).get(s.key, default_href(s.key)), "source": s} for s in summary.sources
    ]
    return env.get_template("evidence/badge.html").render(
        summary=summary, links=links, how_we_rate_href=how_we_rate_href, expandable=expandable
    ).strip()


def render_comparison(
    env: jinja2.Environment,
    *,
    caption: str,
    rows: Sequence[ComparisonRow],
    how_we_rate_href: str | None = None,
) -> str:
    """A condition's comparison table: treatment, outcome, rating (text badge), sources."""
    return env.get_template("evidence/comparison.html").render(
        caption=caption, rows=list(rows), how_we_rate_href=how_we_rate_href
    ).strip()


def render_how_we_rate(
    env: jinja2.Environment,
    scale: Scale,
    *,
    condition: str = "",
    max_age_years: int | None = 10,
    catalogue: Catalogue | None = None,
) -> str:
    """The Markdown page "How we rate evidence" for ``scale``, generated from the scale data."""
    catalogue = catalogue or load_catalogue()
    design_rows = []
    for design in catalogue.designs.values():
        raw = scale.design_level(design.id)
        if raw == INHERIT:
            ceiling = "We use the guideline's own rating"
        elif raw == UNGRADED:
            ceiling = f"Not counted as a study: {scale.bottom.name}"
        else:
            ceiling = (scale.level(raw) or scale.bottom).name
        design_rows.append({"design": design, "ceiling": ceiling})
    no_evidence = _no_evidence_level(scale, catalogue)
    surrogate = scale.level(scale.surrogate_level) if scale.surrogate_level else None
    # Markdown is whitespace-sensitive, so fix the block trimming whatever ``env`` uses.
    page_env = env.overlay(trim_blocks=True, lstrip_blocks=True, autoescape=True)
    text = page_env.get_template("evidence/how-we-rate.md").render(
        scale=scale,
        design_rows=design_rows,
        no_evidence=no_evidence,
        surrogate=surrogate,
        condition=condition,
        max_age_years=max_age_years,
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
