"""Compatibility shim: the statistics finder lives in :mod:`.claims.statistics`."""

from __future__ import annotations

from .claims.statistics import KINDS, NUMBER_WORDS, Statistic, find_statistics, number_value

__all__ = ["KINDS", "NUMBER_WORDS", "Statistic", "find_statistics", "number_value"]
