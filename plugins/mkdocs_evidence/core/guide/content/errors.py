"""Schema and YAML errors in plain words, each located at its key for an editor."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ValidationError

from .records import ContentError
from .sourcemap import Loc, SourceMap, field_name


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()}; YAML reads yes, no, on and off this way)"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})" if len(value) <= 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (for "allowed fields" hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated or origin in (tuple, list):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if options else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation


def _plain_message(error: Mapping[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = [n for n in parent.model_fields] if parent else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1) if allowed else []
        hint = f"; did you mean '{close[0]}'?" if close else ""
        if allowed:
            hint += f" (allowed here: {', '.join(allowed)})"
        return f"unknown field '{loc[-1]}'{hint}"
    if kind == "string_type":
        if value is None:
            return "is empty; write the text after the colon"
        quote_hint = "; put the value in quotes" if isinstance(value, (bool, int, float)) else ""
        return f"expected text, found {_describe(value)}{quote_hint}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list (one '- ' line per item, or [a, b]), found {_describe(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a group of 'name: value' fields, found {_describe(value)}"
    if kind in ("enum", "literal_error"):
        return f"{value!r} is not allowed here; use one of {ctx.get('expected', '')}"
    if kind == "too_short":
        return f"has {ctx.get('actual_length')} item(s); needs at least {ctx.get('min_length')}"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} items; allows at most {ctx.get('max_length')}"
    message = str(error.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def validation_errors(exc: ValidationError, model: type[BaseModel], source: SourceMap) -> list[ContentError]:
    out: list[ContentError] = []
    errors = exc.errors(include_url=False)
    locs = [tuple(error["loc"]) for error in errors]
    for error in errors:
        loc = tuple(error["loc"])
        # A list whose items failed also reports a bogus length error; the item errors say it.
        if error["type"] in ("too_short", "too_long") and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in locs
        ):
            continue
        line, column = source.locate(loc)
        out.append(ContentError(source.path, line, column, field_name(loc) or "(file)", _plain_message(error, model)))
    return sorted(out, key=lambda e: (e.line, e.column))


_YAML_PROBLEMS = (
    ("found character '\\t'", "a tab character is used for indentation; YAML needs spaces"),
    ("mapping values are not allowed", "a ': ' inside a value; put the whole value in quotes"),
    ("could not find expected ':'", "a line is missing its ':' or is indented wrongly"),
    ("found undefined alias", "an alias (*name) points to no anchor (&name)"),
    ("expected a single document", "the file holds more than one YAML document (---); keep one"),
    ("found unknown escape character", "an unknown backslash escape in a double-quoted value; use single quotes"),
)


def yaml_error(exc: Exception, path: str) -> ContentError:
    """One located error for a file YAML cannot parse."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if isinstance(exc, yaml.reader.ReaderError):
        return ContentError(
            path, 1, 1, "", f"the file contains a character YAML does not allow ({exc.character!r}) "
            f"at character {exc.position}"
        )
    raw = " ".join(str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part)
    raw = raw or str(exc)
    for needle, plain in _YAML_PROBLEMS:
        if needle in raw:
            return ContentError(path, line, column, "", f"YAML syntax: {plain}")
    return ContentError(path, line, column, "", f"YAML syntax: {raw}")

