"""Small pickle caches on disk: loaded whole, written atomically, rebuilt when corrupt.

Caches hold only what this package wrote itself (under ``.cache/plugin/evidence`` next to
``mkdocs.yml``); a file that cannot be read, or was written by another version, is ignored and
replaced. Losing a cache only costs time.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .atomic import atomic_write_bytes

CACHE_VERSION = 5  # bump when a cached record's shape changes


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pickling many small objects triggers the cyclic collector again and again; pausing
    it makes loading a 10,000-entry cache several times faster."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_pickle(path: Path | None, default: Any) -> Any:
    """The cached value, or ``default`` when there is none or it cannot be trusted."""
    if path is None or not path.is_file():
        return default
    try:
        with path.open("rb") as handle, gc_paused():
            version, value = pickle.load(handle)  # noqa: S301 - our own cache file
    except Exception:  # corrupt, truncated or foreign: rebuilt, never trusted
        path.unlink(missing_ok=True)
        return default
    if version != CACHE_VERSION or (default is not None and type(value) is not type(default)):
        return default
    return value


def save_pickle(path: Path | None, value: Any) -> None:
    if path is None:
        return
    try:
        with gc_paused():
            data = pickle.dumps((CACHE_VERSION, value), protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write_bytes(path, data)
    except OSError:
        pass  # a cache that cannot be written only costs time
