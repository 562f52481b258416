"""Small data-only caches on disk: loaded whole, written atomically, rebuilt when corrupt.

Caches live under ``.cache/plugin/evidence`` next to ``mkdocs.yml`` and may be restored from
shared storage (a CI cache), so they are data, never code: ``core/io/datacodec.py`` writes tagged
JSON and rebuilds only this package's own records, without calling any of their methods. A
file that cannot be read, names anything else, or was written by another version, is ignored
and replaced: a bad cache only costs time.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from .atomic import atomic_write_bytes
from .datacodec import CacheFormatError, dumps, loads

CACHE_VERSION = 7  # bump when a cached record's shape changes
PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent


def tree_signature(folders: Iterable[Path]) -> tuple:
    """(path, digest of the bytes) of every file under the folders: equal signatures, equal
    contents. Contents, not modification times: a fresh clone (a CI job that restores
    ``.cache``) has new times but the same files, and must find its records."""
    files = []
    for folder in folders:
        for directory, subdirs, names in os.walk(folder):
            subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
            for name in sorted(names):
                path = os.path.join(directory, name)
                try:
                    with open(path, "rb") as handle:
                        digest = hashlib.sha1(handle.read()).hexdigest()
                except OSError:
                    continue
                files.append((path, digest))
    return tuple(files)


@lru_cache(maxsize=1)
def code_signature() -> str:
    """A digest of this package's own files (code, templates, scales): output cached by an
    older version of the plugin, or before a template was edited, is never reused."""
    return hashlib.sha1(repr(tree_signature([PACKAGE_DIR])).encode()).hexdigest()


def writable_dir(path: Path) -> Path | None:
    """``path``, created if needed, or None when it cannot be written (a read-only checkout):
    a cache that cannot be written only costs time."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building many small objects triggers the cyclic collector again and again; pausing it
    makes loading a 10,000-entry cache several times faster."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_cache(path: Path | None, default: Any) -> Any:
    """The cached value, or ``default`` when there is none or it cannot be trusted. Never runs
    code from the file and never raises: a truncated, garbage or foreign file is deleted."""
    if path is None or not path.is_file():
        return default
    try:
        data = path.read_bytes()
        with gc_paused():
            version, value = loads(data)
    except (OSError, CacheFormatError, MemoryError):
        path.unlink(missing_ok=True)
        return default
    if version != _version() or (default is not None and type(value) is not type(default)):
        return default
    return value


def save_cache(path: Path | None, value: Any) -> None:
    if path is None:
        return
    try:
        with gc_paused():
            data = dumps(value, _version())
    except (TypeError, ValueError, RecursionError):
        path.unlink(missing_ok=True)  # not plain data: not cached (never stale)
        return
    try:
        atomic_write_bytes(path, data)
    except OSError:
        pass  # a cache that cannot be written only costs time


def save_blob(path: Path | None, header: Any, blob: bytes) -> None:
    """A header record (the codec's JSON, on the first line) and a JSON text of plain values
    after it, written as they are: a large cache read with one ``json.loads`` of its own."""
    if path is None:
        return
    try:
        atomic_write_bytes(path, dumps(header, _version()) + b"\n" + blob)
    except (OSError, TypeError, ValueError):
        pass  # a cache that cannot be written only costs time


def load_blob(path: Path | None) -> tuple[Any, bytes] | None:
    """(header, blob) from :func:`save_blob`, or None (the file is deleted if it is not one)."""
    if path is None or not path.is_file():
        return None
    try:
        data = path.read_bytes()
        head, newline, blob = data.partition(b"\n")
        version, header = loads(head)
    except (OSError, CacheFormatError, MemoryError):
        path.unlink(missing_ok=True)
        return None
    if not newline or version != _version():
        return None
    return header, blob


# The old names, for callers written before the caches stopped being pickles.
load_pickle = load_cache
save_pickle = save_cache


def _version() -> tuple[int, str]:
    return CACHE_VERSION, code_signature()


class RecordStore:
    """Records kept in memory for the plugin's life (all `serve` rebuilds) and in one data-only
    file between builds.

    A record read or written since the last save is *used*; saving keeps only used records,
    so the file holds what the last build needed and never grows with old versions of pages.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.records: dict = load_cache(path, {})
        self.used: set = set()
        self.changed = False

    def get(self, key: Hashable) -> Any:
        """The record, or None."""
        value = self.records.get(key)
        if value is not None:
            self.used.add(key)
        return value

    def put(self, key: Hashable, value: Any) -> Any:
        self.records[key] = value
        self.used.add(key)
        self.changed = True
        return value

    def save(self, *, prune: bool = True) -> None:
        """Drop the records this build did not use, and write the file if anything changed."""
        if prune and self.used != self.records.keys():
            self.records = {key: self.records[key] for key in self.used}
            self.changed = True
        if self.changed:
            save_cache(self.path, self.records)
        self.used = set()
        self.changed = False
