"""The record the second pass's modules hand back to the finder."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Candidate"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A statistic found by the second pass (converted to a ``Statistic`` by the finder)."""

    start: int
    end: int
    kind: str
    pattern: str
    certainty: str
    reason: str
