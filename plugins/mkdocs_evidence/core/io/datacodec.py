"""A data-only encoding of the plugin's records, for caches that cannot run code.

Caches may come from shared storage (a CI cache restored from another job), so reading one
must never run code: ``pickle`` can call any function named in the file. This codec writes
JSON with tagged values and rebuilds only plain data on load: numbers, strings, lists,
tuples, dicts, sets, dates, paths, enum members, and instances of *this package's* frozen
records (dataclasses and pydantic models), rebuilt by setting their fields, without calling
any of their methods. A file that names anything else, or cannot be parsed, is rejected
(``CacheFormatError``): the caller rebuilds the cache, so a bad file only costs time.

Every non-JSON value is a list whose first item is a tag:
``["T", ...]`` tuple, ``["L", ...]`` list, ``["M", k, v, ...]`` dict, ``["F", ...]`` frozenset,
``["S", ...]`` set, ``["P", "a/b"]`` path, ``["d", "2024-01-31"]`` date, ``["E", "mod:Cls", value]``
enum member, ``["D", "mod:Cls", name, value, ...]`` dataclass, ``["B", "mod:Cls", fields_set,
private, name, value, ...]`` pydantic model, ``["H", "..."]`` markupsafe ``Markup``.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from datetime import date, datetime
from enum import Enum
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

__all__ = ["CacheFormatError", "decode", "dumps", "encode", "loads"]

PACKAGE = "mkdocs_evidence"


class CacheFormatError(ValueError):
    """The cache file is not one this codec wrote: rebuild it."""


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _encode_dataclass(value: Any) -> list:
    out: list = ["D", _name(type(value))]
    for item in dataclasses.fields(value):
        out.append(item.name)
        out.append(encode(getattr(value, item.name)))
    return out


def _encode_model(value: Any) -> list:
    private = getattr(value, "__pydantic_private__", None) or {}
    out: list = ["B", _name(type(value)), sorted(value.model_fields_set), encode(dict(private))]
    for name, item in value.__dict__.items():
        out.append(name)
        out.append(encode(item))
    return out


def encode(value: Any) -> Any:
    """``value`` as JSON-ready data; TypeError for anything that is not a plain record."""
    kind = type(value)
    if value is None or kind in (str, int, float, bool):
        return value
    if kind is tuple:
        return ["T", *[encode(item) for item in value]]
    if kind is list:
        return ["L", *[encode(item) for item in value]]
    if kind is dict:
        out: list = ["M"]
        for key, item in value.items():
            out.append(encode(key))
            out.append(encode(item))
        return out
    if kind in (frozenset, set):
        return ["F" if kind is frozenset else "S", *[encode(item) for item in value]]
    if isinstance(value, Enum):
        return ["E", _name(kind), encode(value.value)]
    if isinstance(value, str):  # markupsafe.Markup and other str subclasses
        return ["H", str(value)] if kind.__name__ == "Markup" else str(value)
    if isinstance(value, datetime):
        raise TypeError("datetimes are not cached")
    if isinstance(value, date):
        return ["d", value.isoformat()]
    if isinstance(value, PurePosixPath | PureWindowsPath):
        return ["P", str(value)]
    if dataclasses.is_dataclass(value) and kind.__module__.startswith(PACKAGE):
        return _encode_dataclass(value)
    if hasattr(value, "model_fields_set") and kind.__module__.startswith(PACKAGE):
        return _encode_model(value)
    raise TypeError(f"cannot cache a {kind.__module__}.{kind.__qualname__}")


_CLASSES: dict[str, type] = {}  # names already looked up (and checked): a cache holds thousands of records
_FIELDS: dict[type, list[str]] = {}


def _record_class(name: Any) -> type:
    """One of this package's own classes, by name; nothing else is ever looked up."""
    if type(name) is str and name in _CLASSES:
        return _CLASSES[name]
    found = _look_up(name)
    _CLASSES[name] = found
    return found


def _look_up(name: Any) -> type:
    if not isinstance(name, str) or ":" not in name:
        raise CacheFormatError(f"bad class name {name!r}")
    module_name, qualname = name.split(":", 1)
    if module_name != PACKAGE and not module_name.startswith(PACKAGE + "."):
        raise CacheFormatError(f"{name} is not one of this package's records")
    try:
        found: Any = importlib.import_module(module_name)
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError) as error:
        raise CacheFormatError(f"unknown record {name}") from error
    if not isinstance(found, type):
        raise CacheFormatError(f"{name} is not a class")
    return found


def _decode_dataclass(item: list) -> Any:
    cls = _record_class(item[1])
    if not dataclasses.is_dataclass(cls):
        raise CacheFormatError(f"{item[1]} is not a record")
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = [f.name for f in dataclasses.fields(cls)]
    if item[2::2] != names:  # every field, in order: a record is never half-built
        raise CacheFormatError(f"{item[1]} does not have the fields {names}")
    obj = object.__new__(cls)
    for index, name in enumerate(names):
        object.__setattr__(obj, name, decode(item[3 + 2 * index]))
    return obj


def _decode_model(item: list) -> Any:
    cls = _record_class(item[1])
    fields_of = getattr(cls, "model_fields", None)
    if not isinstance(fields_of, dict) or not hasattr(cls, "model_construct"):
        raise CacheFormatError(f"{item[1]} is not a model")
    values = {}
    for index in range(4, len(item) - 1, 2):
        name = item[index]
        if name not in fields_of:
            raise CacheFormatError(f"{item[1]} has no field {name!r}")
        values[name] = decode(item[index + 1])
    fields_set = item[2]
    if not isinstance(fields_set, list) or not all(isinstance(name, str) for name in fields_set):
        raise CacheFormatError("bad fields set")
    obj = cls.model_construct(_fields_set=set(fields_set), **values)
    private = decode(item[3])
    if not isinstance(private, dict):
        raise CacheFormatError("bad private attributes")
    known = getattr(cls, "__private_attributes__", {})
    if private:
        if any(name not in known for name in private):
            raise CacheFormatError("unknown private attribute")
        object.__setattr__(obj, "__pydantic_private__", private)
    return obj


def _pairs(item: list) -> dict:
    if len(item) % 2 != 1:
        raise CacheFormatError("odd mapping")
    return {decode(item[index]): decode(item[index + 1]) for index in range(1, len(item), 2)}


def _enum(item: list) -> Any:
    cls = _record_class(item[1])
    if not issubclass(cls, Enum):
        raise CacheFormatError(f"{item[1]} is not an enum")
    return cls(decode(item[2]))


def _markup(item: list) -> Any:
    from markupsafe import Markup

    return Markup(item[1])


_DECODERS = {
    "T": lambda item: tuple(decode(x) for x in item[1:]),
    "L": lambda item: [decode(x) for x in item[1:]],
    "M": _pairs,
    "F": lambda item: frozenset(decode(x) for x in item[1:]),
    "S": lambda item: {decode(x) for x in item[1:]},
    "P": lambda item: Path(item[1]),
    "d": lambda item: date.fromisoformat(item[1]),
    "E": _enum,
    "D": _decode_dataclass,
    "B": _decode_model,
    "H": _markup,
}


def decode(data: Any) -> Any:
    """The value ``encode`` was given; CacheFormatError for anything else."""
    if type(data) is not list:
        if data is None or type(data) in (str, int, float, bool):
            return data
        raise CacheFormatError(f"unexpected {type(data).__name__}")
    if not data or type(data[0]) is not str or data[0] not in _DECODERS:
        raise CacheFormatError("untagged list")
    try:
        return _DECODERS[data[0]](data)
    except CacheFormatError:
        raise
    except (TypeError, ValueError, IndexError, KeyError, AttributeError) as error:
        raise CacheFormatError(str(error)) from error


def dumps(value: Any, header: Any) -> bytes:
    """``header`` and ``value`` as one JSON document (TypeError if a value cannot be cached)."""
    return json.dumps([encode(header), encode(value)], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes) -> tuple[Any, Any]:
    """(header, value) from ``dumps``; CacheFormatError for a file that is not one of ours."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise CacheFormatError(f"not a cache file: {error}") from error
    if type(document) is not list or len(document) != 2:
        raise CacheFormatError("not a cache file")
    try:
        return decode(document[0]), decode(document[1])
    except RecursionError as error:
        raise CacheFormatError("too deeply nested") from error
