"""Paragraphs dense with one-decimal percentages, and the natural frequencies to offer instead.

"44.7% ... 21.9% ... 16.7%" reads like a results section. Plain-language guidance (the CDC
Clear Communication Index, item 3.3; NHS and Cochrane plain-language standards) prefers whole
numbers and natural frequencies: "about 4 in 10". This module finds such paragraphs in prose
(already masked: code, links and markers blanked) and words the suggestion; the pipeline in
``check`` turns each into an info finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MIN_DECIMALS", "DenseDecimals", "find_dense_decimals", "natural_frequency"]

MIN_DECIMALS = 3  # one-decimal percentages in one paragraph before we suggest rounding
_DECIMAL_PERCENT = re.compile(r"(?<![\w.,])(\d{1,3}\.\d)\s?(?:%|per ?cent\b)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class DenseDecimals:
    """A paragraph with many one-decimal percentages; offsets of the first and last figure."""

    start: int
    end: int
    text: str
    figures: tuple[str, ...]
    message: str


def natural_frequency(percent: float) -> str:
    """``44.7`` -> ``about 4 in 10``; small percentages use 100 or 1,000 people."""
    if percent >= 10:
        return f"about {round(percent / 10)} in 10"
    if percent >= 1:
        return f"about {round(percent)} in 100"
    return f"about {max(round(percent * 10), 1)} in 1,000"


def _paragraphs(text: str):
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        yield start, text[start : brk.start()]
        start = brk.end()
    yield start, text[start:]


def find_dense_decimals(prose: str) -> list[DenseDecimals]:
    """Each paragraph (not a table) with :data:`MIN_DECIMALS` or more one-decimal percentages."""
    found = []
    for offset, paragraph in _paragraphs(prose):
        if paragraph.count("%") + paragraph.count("cent") < MIN_DECIMALS:
            continue  # cheap: most paragraphs have no percentages at all
        if paragraph.lstrip().startswith("|"):
            continue  # a table: figures side by side are what a table is for
        hits = list(_DECIMAL_PERCENT.finditer(paragraph))
        if len(hits) < MIN_DECIMALS:
            continue
        figures = tuple(m.group(0) for m in hits)
        offers = "; ".join(f"{m.group(0)} is {natural_frequency(float(m.group(1)))}" for m in hits[:4])
        message = (
            f"{len(hits)} figures with decimals in one paragraph ({', '.join(figures[:4])}"
            f"{', ...' if len(hits) > 4 else ''}); for patients, round them or give natural frequencies: {offers}"
        )
        first, last = hits[0], hits[-1]
        found.append(DenseDecimals(offset + first.start(), offset + last.end(), first.group(0), figures, message))
    return found
