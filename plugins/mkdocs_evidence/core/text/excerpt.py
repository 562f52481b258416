"""The sentence a finding shows: the whole sentence, or a bounded excerpt around the claim.

A finding used to carry its whole sentence; a 1 MB line holding 60,000 statistics gave 60,000
findings each with a megabyte of text to write into the report, the SARIF file and the cache
(24 GB at peak). A sentence longer than ``MAX_SENTENCE`` characters is shown as the part around
the claim, marked with "…" where it is cut, so memory and output grow with the number of
findings, not with findings times sentence length. Real sentences are far shorter.
"""

from __future__ import annotations

__all__ = ["MAX_SENTENCE", "sentence_excerpt"]

MAX_SENTENCE = 400
_CONTEXT = MAX_SENTENCE // 2


def _clean(text: str) -> str:
    return " ".join(text.split())


def sentence_excerpt(text: str, start: int, end: int, focus: int, focus_end: int | None = None) -> str:
    """The sentence ``text[start:end]``, whitespace collapsed; if it is long, the part of it
    around ``text[focus:focus_end]``. Reads at most about ``2 * MAX_SENTENCE`` characters."""
    if end - start <= 2 * MAX_SENTENCE:
        cleaned = _clean(text[start:end])
        if len(cleaned) <= MAX_SENTENCE:
            return cleaned
    focus_end = focus if focus_end is None else max(focus, focus_end)
    left = max(start, focus - _CONTEXT)
    right = min(end, focus_end + _CONTEXT)
    if focus_end - focus > MAX_SENTENCE:
        right = min(end, focus + MAX_SENTENCE)
    return ("… " if left > start else "") + _clean(text[left:right]) + (" …" if right < end else "")
