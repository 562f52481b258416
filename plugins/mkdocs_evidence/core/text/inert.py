"""Author prose from YAML made inert: Markdown, but no raw HTML and no attribute lists.

Structured content is often edited by people who do not write HTML, and it reaches many pages,
so it may hold Markdown (emphasis, links, lists, code, citations) but nothing that adds
elements or attributes: ``<`` becomes ``&lt;`` (a tag, or a script, shows as text) and ``{``
becomes ``&#123;`` (an attribute list such as ``{: onerror="..." }`` shows as text), except in
code, which Markdown shows as written (so ``a < b`` in a code span stays ``a < b``), and in
rating markers (``{rating: ...}``), which the plugin renders itself. Square brackets that cannot
be link or citation syntax (unmatched, or nested more than two deep) become ``&#91;``/``&#93;``:
Python-Markdown takes minutes on 100,000 nested ``[``. What a reader sees is the text the author
typed, which is also the text the claim checker reads.
"""

from __future__ import annotations

from .prose import code_spans

__all__ = ["MAX_LOOSE_BRACKETS", "inert_prose", "loose_brackets"]

_RATING = "{rating"
MAX_BRACKET_DEPTH = 2  # "[see [@a]](url)" is as deep as prose goes
# Python-Markdown's inline processing is quadratic in the number of inline elements: 40,000
# loose brackets took a minute even as character references. Content never needs this many.
MAX_LOOSE_BRACKETS = 1000


def _kept(text: str) -> list[bool]:
    """For each character: is it a bracket that can be link or citation syntax?"""
    keep = [False] * len(text)
    stack: list[int] = []
    for index, char in enumerate(text):
        if char == "[":
            stack.append(index)
        elif char == "]" and stack:
            opener = stack.pop()
            if len(stack) < MAX_BRACKET_DEPTH:
                keep[opener] = keep[index] = True
    return keep


def loose_brackets(text: str) -> int:
    """How many square brackets in ``text`` cannot be link or citation syntax (linear)."""
    if "[" not in text and "]" not in text:
        return 0
    keep = _kept(text)
    return sum(1 for index, char in enumerate(text) if char in "[]" and not keep[index])


def _tame_brackets(text: str) -> str:
    """Brackets that are not syntax, as character references; one pass, linear."""
    if "[" not in text and "]" not in text:
        return text
    keep = _kept(text)
    out = []
    for index, char in enumerate(text):
        if char in "[]" and not keep[index] and (index == 0 or text[index - 1] != "\\"):
            out.append("&#91;" if char == "[" else "&#93;")
        else:
            out.append(char)
    return "".join(out)


def _escape(text: str) -> str:
    out = _tame_brackets(text).replace("<", "&lt;")  # entities the author typed ("&amp;") stay entities
    if "{" not in out:
        return out
    parts = out.split("{")
    pieces = [parts[0]]
    for part in parts[1:]:
        pieces.append(("{" if ("{" + part).startswith(_RATING) else "&#123;") + part)
    return "".join(pieces)


def inert_prose(value: str | None) -> str:
    """``value`` stripped, with raw HTML and attribute lists shown as text outside code."""
    text = (value or "").strip()
    if "<" not in text and "{" not in text and "[" not in text and "]" not in text:
        return text
    out: list[str] = []
    position = 0
    for start, end in code_spans(text):
        out.append(_escape(text[position:start]))
        out.append(text[start:end])
        position = end
    out.append(_escape(text[position:]))
    return "".join(out)
