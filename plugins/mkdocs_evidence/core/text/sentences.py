"""Split masked Markdown prose into sentences, the unit in which a claim must cite.

The spans returned partition the text: they start at 0, end at ``len(text)``, and each one
starts where the previous one ends, so whitespace between sentences belongs to the sentence
before it (strip a span's text before showing it). Block structure comes first: a blank
line, a list-item start, a table row ("|...") and a heading always end a sentence, so a
citation can never be borrowed from the next bullet or row. Inside a block a sentence ends at
``.``, ``!``, ``?`` or an ellipsis followed by space and a capital, digit, quote or bracket,
unless the word before the full stop is an abbreviation ("et al.", "e.g.", "Dr.", "vs.",
"approx.", "Fig.", "p.", "No.") or a single initial ("J. Smith"). Decimals ("23.1%") never
split because no space follows the point.

Linear time: one pass over lines, one regex pass per block; terminator runs are matched
possessively and only from their first character.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "split_sentences"]

ABBREVIATIONS = frozenset((
    "et al", "al", "e.g", "i.e", "eg", "ie", "dr", "mr", "mrs", "ms", "mx", "prof", "vs", "v",
    "approx", "fig", "figs", "p", "pp", "no", "nos", "vol", "vols", "cf", "st", "jr", "sr",
    "ltd", "inc", "co", "ca", "c", "eq", "ref", "refs", "dept", "univ", "min", "max", "est",
    "incl", "excl", "ed", "eds", "ch", "sec", "para", "n.b", "nb", "mt", "ft", "gen", "col",
    "lt", "sgt", "rev", "hon", "assoc", "aprox", "resp", "viz", "a.k.a", "aka", "ibid", "op",
    "cit", "esp", "wk", "wks", "mo", "mos", "yr", "yrs", "hr", "hrs", "tab", "tbl", "app",
    "suppl", "supp", "chap", "pt", "pts", "sp", "spp", "ver", "nr", "tel", "ext", "int",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
))

_HEADING = re.compile(" {0,3}#{1,6}(?:[ \\t]|$)")
_TABLE_ROW = re.compile("[ \\t]*\\|")
_LIST_ITEM = re.compile("[ \\t]*(?:[-*+\\u2022]|\\d{1,9}[.)])[ \\t]+")
_TERMINATOR = re.compile(
    "(?<![.!?\\u2026])(?:\\.\\.\\.|\\u2026|[.!?])++[\"'\\u201d\\u2019)\\]*_]*+"
    "(?=[ \\t\\u00a0\\u2009\\u202f\\n]++[\"'\\u201c\\u2018(\\[*_]*+[A-Z0-9\\u00c0-\\u024f"
    "\\u0370-\\u03ff\\u0400-\\u04ff\\u0660-\\u0669])"
)
_WORD_BEFORE = re.compile("[\\w.'\\u2019-]*\\w\\.?$|$")


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial."""
    window = text[max(floor, dot - 12) : dot]
    word = window.rsplit(None, 1)[-1] if window.strip() else ""
    word = word.lstrip("([\"'\u201c\u2018").rstrip(".")
    if not word:
        return False
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    if low == "al" or window.endswith("et al"):
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial, "J. Smith"
    if "." in word and all(len(part) <= 2 and part.isalpha() for part in word.split(".")):
        return True  # "e.g", "U.K", "a.m"
    return False


def _units(text: str):
    """(start, kind) of each block unit; kind is "text", "list", "row" or "heading"."""
    units: list[tuple[int, str]] = []
    pos = 0
    length = len(text)
    previous = "blank"
    while pos < length:
        newline = text.find("\n", pos)
        line_end = length if newline < 0 else newline + 1
        line = text[pos:line_end]
        if not line.strip():
            kind = "blank"
        elif _HEADING.match(line):
            kind = "heading"
        elif _TABLE_ROW.match(line):
            kind = "row"
        elif _LIST_ITEM.match(line):
            kind = "list"
        else:
            kind = "text"
        if kind != "blank" and (
            kind in ("heading", "row", "list") or previous in ("blank", "heading", "row")
        ):
            units.append((pos, kind))
        if kind != "blank" or previous in ("heading", "row"):
            previous = kind if kind != "list" else "text"
        else:
            previous = "blank"
        pos = line_end
    return units


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` partitioning ``text``; see the module docstring."""
    if not isinstance(text, str) or not text:
        return []
    starts: list[int] = [0]
    units = _units(text)
    bounds = [u[0] for u in units] + [len(text)]
    for index, (unit_start, kind) in enumerate(units):
        unit_end = bounds[index + 1]
        if unit_start > starts[-1]:
            starts.append(unit_start)
        if kind in ("heading", "row"):
            continue
        content_start = unit_start
        if kind == "list":
            marker = _LIST_ITEM.match(text, unit_start)
            content_start = marker.end() if marker else unit_start
        for m in _TERMINATOR.finditer(text, content_start, unit_end):
            if m.group(0)[0] == "." and len(m.group(0).rstrip("\"'\u201d\u2019)]*_")) == 1:
                if _is_abbreviation(text, m.start(), unit_start):
                    continue
            cut = m.end()
            nxt = cut
            while nxt < unit_end and text[nxt] in " \t\u00a0\u2009\u202f\n":
                nxt += 1
            if unit_start < nxt < unit_end and nxt > starts[-1]:
                starts.append(nxt)
    return [(start, end) for start, end in zip(starts, [*starts[1:], len(text)], strict=False)]
