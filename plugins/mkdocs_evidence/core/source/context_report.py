"""Turn a context comparison into a finding the editor report can show side by side.

The finding's message quotes the source sentence. Its ``data`` holds both sentences cut into
parts (``[text, mark]`` pairs, ``mark`` one of ``""``, ``"figure"``, ``"differs"``), so the
report template marks the figure and the words that differ without building HTML in Python.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Finding, make_finding
from .context import Comparison

__all__ = ["context_finding", "marked_parts", "side_by_side"]

_NOT_MARKED = frozenset({"=trial", "=participant"})  # "a study found": not what differs
_KIND_WORDS = {
    "unit": "counts something else",
    "population": "is about other people",
    "outcome": "counts another outcome",
    "time-point": "is at another time",
    "subgroup-total": "mixes a total and a subgroup",
    "other": "says something else",
}


def marked_parts(text: str, marks: Sequence[tuple[int, int, str]]) -> list[list[str]]:
    """``text`` cut at ``marks`` (start, end, mark), overlapping marks dropped, in order."""
    parts: list[list[str]] = []
    at = 0
    for start, end, mark in sorted(marks):
        if start < at or end <= start:
            continue
        if start > at:
            parts.append([text[at:start], ""])
        parts.append([text[start:end], mark])
        at = end
    if at < len(text):
        parts.append([text[at:], ""])
    return parts


def side_by_side(comparison: Comparison) -> dict:
    """The two sentences, marked, as the report shows them (JSON-safe)."""
    claim = comparison.claim
    where = claim.find(comparison.statistic)
    claim_marks = [(w.start, w.end, "differs") for w in comparison.extra if w.key not in _NOT_MARKED]
    claim_marks = [m for m in claim_marks if m[1] <= len(claim) and claim[m[0] : m[1]].strip()]
    if where >= 0:
        claim_marks.append((where, where + len(comparison.statistic), "figure"))
    source = comparison.source
    source_marks = [(w.start, w.end, "differs") for w in comparison.missing if w.end <= len(source.text)]
    if comparison.span is not None:
        source_marks.append((*comparison.span, "figure"))
    return {
        "kind": comparison.kind,
        "reason": comparison.reason,
        "claim_parts": marked_parts(claim, claim_marks),
        "source_parts": marked_parts(source.text, source_marks),
        "source": source.text,
        "source_where": source.where,
    }


def context_finding(comparison: Comparison, span: dict, citations: tuple[str, ...]) -> Finding:
    """A ``figure-context-mismatch`` warning quoting the source sentence."""
    source = comparison.source
    what = _KIND_WORDS.get(comparison.kind, "says something else")
    message = (
        f"'{comparison.statistic}' is in {source.where}, but the source's figure {what} "
        f'({comparison.kind}: {comparison.reason}). The source says: "{source.text}"'
    )
    return make_finding(
        "figure-context-mismatch",
        **span,
        text=comparison.statistic,
        sentence=comparison.claim,
        message=message,
        citations=citations,
        data={"context": side_by_side(comparison)},
    )
