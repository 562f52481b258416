"""A tiny progress bar for long checks, on stderr, only when a person is watching.

Silent when stderr is not a terminal, ``TERM=dumb``, or a CI variable is set, so logs and
piped output (``--format json``) stay clean. No dependency: a bar is a dozen lines.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import TextIO, TypeVar

T = TypeVar("T")

_CI_VARS = ("CI", "CONTINUOUS_INTEGRATION", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "TF_BUILD")


def progress_enabled(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to draw: a TTY, a capable terminal, and no CI marker."""
    env = os.environ if environ is None else environ
    if any(env.get(name, "").strip().lower() not in ("", "0", "false", "no") for name in _CI_VARS):
        return False
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):  # closed stream
        return False


class Progress:
    """``with Progress(total, "Checking") as bar: bar.advance()``; redraws at most 10 times a second."""

    width = 28

    def __init__(
        self,
        total: int,
        label: str = "",
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.total = max(int(total), 0)
        self.label = label
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = progress_enabled(self.stream, environ) if enabled is None else enabled
        self._last_draw = 0.0
        self._drawn = False

    def __enter__(self) -> Progress:
        self._draw(force=True)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def advance(self, n: int = 1, *, item: str = "") -> None:
        self.done = min(self.done + n, self.total) if self.total else self.done + n
        self._draw(force=self.done == self.total, item=item)

    def line(self, item: str = "") -> str:
        """The bar as text (pure; tests read it)."""
        if self.total:
            filled = round(self.width * self.done / self.total)
            bar = "#" * filled + "-" * (self.width - filled)
            text = f"{self.label} [{bar}] {self.done}/{self.total}"
        else:
            text = f"{self.label} {self.done}"
        return f"{text} {item}".rstrip()

    def _draw(self, *, force: bool = False, item: str = "") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            columns = 80
        self.stream.write("\r\x1b[2K" + self.line(item)[: max(columns - 1, 10)])
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Erase the bar, so the summary printed next starts on a clean line."""
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False


def track(items: Iterable[T], total: int, label: str = "", **kwargs: object) -> Iterator[T]:
    """Iterate ``items`` with a bar: ``for page in track(pages, len(pages), "Checking")``."""
    with Progress(total, label, **kwargs) as bar:  # type: ignore[arg-type]
        for item in items:
            yield item
            bar.advance()
