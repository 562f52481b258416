"""Source map: the line and column of every key and value of a YAML document, by path.

The YAML is composed (``SafeLoader``) before it is constructed, so every value keeps where it
came from; duplicate keys are reported here, located.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from .records import ContentError

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


class TimestampTextLoader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as text, so an impossible date is a schema error
    with a location instead of a ``ValueError`` from the YAML constructor."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise yaml.constructor.ConstructorError(None, None, "a date must be a single value", node.start_mark)
    return loader.construct_scalar(node)


TimestampTextLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def build_map(
    node: yaml.Node | None, loader: TimestampTextLoader, path: str, text: str, errors: list[ContentError]
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
                            path, line, column, field_name(child_loc),
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


def key_mark(source: SourceMap | None, loc: Loc) -> tuple[int, int]:
    return source.locate(loc) if source else (0, 0)


def value_mark(source: SourceMap | None, loc: Loc) -> tuple[int, int]:
    if source is None:
        return (0, 0)
    return source.values.get(loc) or source.locate(loc)


def field_name(loc: Loc) -> str:
    """``('care', 0, 'level')`` -> ``care[0].level``."""
    out = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out

