"""Evidence rating scales and study designs, loaded from ``scales.yml``.

Scales are data, not code branches: adding or correcting a scale means editing the YAML, and
:func:`parse_scales` checks that every scale is complete (every design has a level, ranks are
unique) so a mistake fails loudly at load time rather than silently passing a rating.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

__all__ = [
    "DEFAULT_SCALE",
    "INHERIT",
    "NO_EVIDENCE_DESIGN",
    "UNGRADED",
    "Catalogue",
    "Design",
    "DowngradeReason",
    "Level",
    "Scale",
    "UpgradeReason",
    "get_scale",
    "load_catalogue",
    "normalise_id",
    "parse_scales",
    "scale_names",
]

INHERIT = "inherit"
"""Design level value: the source carries its own grade (guidelines), so it does not cap."""
UNGRADED = "none"
"""Design level value: not graded evidence on this scale; counts like expert opinion."""
NO_EVIDENCE_DESIGN = "expert-opinion"
"""A rating with no usable citations rests on expert opinion."""
DEFAULT_SCALE = "grade"

_ID_NOISE = re.compile(r"[\s_]+")


def normalise_id(value: object) -> str:
    """Fold case, spaces and underscores so ``Very low`` and ``very_low`` match ``very-low``."""
    return _ID_NOISE.sub("-", str(value).strip().lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Design:
    """One study design from the controlled list, with plain-word names for patients."""

    id: str
    name: str
    plural: str
    explanation: str
    observational: bool = False
    synthesis: bool = False
    aliases: tuple[str, ...] = ()

    def count_label(self, count: int) -> str:
        """``1 randomised trial`` / ``2 randomised trials``."""
        return f"{count} {self.name if count == 1 else self.plural}"


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a scale. ``rank`` orders levels: higher is stronger evidence."""

    id: str
    rank: int
    name: str
    label: str
    explanation: str
    icon: str
    css_class: str
    wording: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UpgradeReason:
    """A declared reason that lifts a rating one step (GRADE only)."""

    id: str
    label: str
    explanation: str


@dataclass(frozen=True, slots=True)
class DowngradeReason:
    """A reason to rate the certainty down (GRADE's five), recorded per outcome in YAML."""

    id: str
    label: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Scale:
    """A rating scale: its levels (strongest first) and the ceiling each design allows."""

    id: str
    name: str
    short_name: str
    url: str
    summary: str
    levels: tuple[Level, ...]
    design_levels: tuple[tuple[str, str], ...]
    lowers: tuple[str, ...] = ()
    upgrade_reasons: tuple[UpgradeReason, ...] = ()
    max_upgrade_steps: int = 0
    downgrade_reasons: tuple[DowngradeReason, ...] = ()
    surrogate_level: str | None = None
    badge_shows_label: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def top(self) -> Level:
        return self.levels[0]

    @property
    def bottom(self) -> Level:
        return self.levels[-1]

    @property
    def allows_upgrades(self) -> bool:
        return self.max_upgrade_steps > 0 and bool(self.upgrade_reasons)

    def level(self, value: object) -> Level | None:
        """The level named by ``value`` (id or alias, any case), or ``None``."""
        wanted = normalise_id(value)
        for level in self.levels:
            if wanted == normalise_id(level.id) or wanted in level.aliases:
                return level
        return None

    def by_rank(self, rank: int) -> Level:
        """The level at ``rank``, clamped to the scale so upgrades cannot run off the top."""
        rank = max(self.bottom.rank, min(self.top.rank, rank))
        return next(level for level in self.levels if level.rank == rank)

    def design_level(self, design: str) -> str:
        """The raw design-level value: a level id, :data:`INHERIT` or :data:`UNGRADED`."""
        return dict(self.design_levels)[design]

    def downgrade_reason(self, value: str) -> DowngradeReason | None:
        wanted = normalise_id(value)
        return next((r for r in self.downgrade_reasons if r.id == wanted), None)

    def upgrade_reason(self, value: str) -> UpgradeReason | None:
        wanted = normalise_id(value)
        return next((r for r in self.upgrade_reasons if r.id == wanted), None)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All designs and scales shipped with the package."""

    designs: Mapping[str, Design]
    scales: Mapping[str, Scale]

    def design(self, value: object) -> Design | None:
        """The design named by ``value`` (id or alias, any case), or ``None`` if unknown."""
        if value is None:
            return None
        wanted = normalise_id(value)
        if wanted in self.designs:
            return self.designs[wanted]
        return next((d for d in self.designs.values() if wanted in d.aliases), None)

    def scale(self, name: object = DEFAULT_SCALE) -> Scale:
        """The scale named by ``name`` (id or alias); raises ``ValueError`` for config errors."""
        wanted = normalise_id(name)
        for scale in self.scales.values():
            if wanted == scale.id or wanted in scale.aliases:
                return scale
        known = ", ".join(sorted(self.scales))
        raise ValueError(f"unknown rating scale {name!r}; use one of: {known}")


def _str_tuple(values: Any) -> tuple[str, ...]:
    return tuple(normalise_id(v) for v in (values or ()))


def _parse_design(raw: Mapping) -> Design:
    return Design(
        id=normalise_id(raw["id"]),
        name=str(raw["name"]),
        plural=str(raw["plural"]),
        explanation=str(raw["explanation"]),
        observational=bool(raw.get("observational", False)),
        synthesis=bool(raw.get("synthesis", False)),
        aliases=_str_tuple(raw.get("aliases")),
    )


def _parse_levels(raw: Mapping, scale_id: str) -> tuple[Level, ...]:
    raw_levels = list(raw["levels"])
    levels = tuple(
        Level(
            id=str(item["id"]),
            rank=len(raw_levels) - position,
            name=str(item["name"]),
            label=str(item["label"]),
            explanation=str(item["explanation"]),
            icon=str(item["icon"]),
            css_class=str(item["css_class"]),
            wording=str(item.get("wording", "")),
            aliases=_str_tuple(item.get("aliases")),
        )
        for position, item in enumerate(raw_levels)
    )
    level_ids = {normalise_id(level.id) for level in levels}
    if len(level_ids) != len(levels) or not levels:
        raise ValueError(f"scale {scale_id!r}: level ids must be unique and non-empty")
    return levels


def _parse_design_levels(
    raw: Mapping, scale_id: str, design_ids: frozenset[str], ids_by_norm: Mapping[str, str]
) -> tuple[tuple[str, str], ...]:
    mapping = {normalise_id(k): str(v) for k, v in dict(raw["design_levels"]).items()}
    if set(mapping) != design_ids:
        missing = sorted(design_ids - set(mapping))
        extra = sorted(set(mapping) - design_ids)
        raise ValueError(f"scale {scale_id!r}: design_levels missing {missing}, unknown {extra}")
    design_levels: list[tuple[str, str]] = []
    for design, value in mapping.items():
        if value in (INHERIT, UNGRADED):
            design_levels.append((design, value))
        elif normalise_id(value) in ids_by_norm:
            design_levels.append((design, ids_by_norm[normalise_id(value)]))
        else:
            raise ValueError(f"scale {scale_id!r}: design {design!r} maps to unknown level {value!r}")
    return tuple(design_levels)


def _parse_scale(raw: Mapping, design_ids: frozenset[str]) -> Scale:
    scale_id = normalise_id(raw["id"])
    levels = _parse_levels(raw, scale_id)
    ids_by_norm = {normalise_id(level.id): level.id for level in levels}
    design_levels = _parse_design_levels(raw, scale_id, design_ids, ids_by_norm)
    surrogate = raw.get("surrogate_level")
    if surrogate is not None:
        if normalise_id(surrogate) not in ids_by_norm:
            raise ValueError(f"scale {scale_id!r}: unknown surrogate_level {surrogate!r}")
        surrogate = ids_by_norm[normalise_id(surrogate)]
    reasons = tuple(
        UpgradeReason(normalise_id(r["id"]), str(r["label"]), str(r["explanation"]))
        for r in raw.get("upgrade_reasons") or ()
    )
    downgrades = tuple(
        DowngradeReason(normalise_id(r["id"]), str(r["label"]), str(r["explanation"]))
        for r in raw.get("downgrade_reasons") or ()
    )
    lowers = tuple(str(x) for x in raw.get("lowers") or ()) or tuple(r.explanation for r in downgrades)
    return Scale(
        id=scale_id,
        name=str(raw["name"]),
        short_name=str(raw.get("short_name", raw["name"])),
        url=str(raw.get("url", "")),
        summary=" ".join(str(raw.get("summary", "")).split()),
        levels=levels,
        design_levels=design_levels,
        lowers=lowers,
        upgrade_reasons=reasons,
        downgrade_reasons=downgrades,
        max_upgrade_steps=int(raw.get("max_upgrade_steps", 0)),
        surrogate_level=surrogate,
        badge_shows_label=bool(raw.get("badge_shows_label", False)),
        aliases=_str_tuple(raw.get("aliases")),
    )


def parse_scales(data: Mapping) -> Catalogue:
    """Validate and freeze the parsed ``scales.yml`` data; raises ``ValueError`` on bad data."""
    designs = {d.id: d for d in (_parse_design(raw) for raw in data["designs"])}
    design_ids = frozenset(designs)
    scales = {s.id: s for s in (_parse_scale(raw, design_ids) for raw in data["scales"])}
    if NO_EVIDENCE_DESIGN not in designs or DEFAULT_SCALE not in scales:
        raise ValueError(f"scales data must define {NO_EVIDENCE_DESIGN!r} and {DEFAULT_SCALE!r}")
    return Catalogue(MappingProxyType(designs), MappingProxyType(scales))


@cache
def load_catalogue() -> Catalogue:
    """The shipped designs and scales (read once; the result is immutable)."""
    text = resources.files(__package__).joinpath("scales.yml").read_text(encoding="utf-8")
    return parse_scales(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def get_scale(name: object = DEFAULT_SCALE) -> Scale:
    """The shipped scale named ``name`` (``grade``, ``ocebm``/``oxford``, ``sort``)."""
    return load_catalogue().scale(name)


def scale_names() -> tuple[str, ...]:
    """Ids of the shipped scales, for config validation and help text."""
    return tuple(load_catalogue().scales)
