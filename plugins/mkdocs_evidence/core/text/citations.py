"""Parse pandoc-style citations (``[@key]``, ``[@a; @b]``, ``[see @key, p. 3]``, ``@key``) from prose.

The parser works on text already passed through :func:`.prose.mask_non_prose`, so code, URLs,
e-mail addresses and HTML attributes are blank and cannot produce citations. A bracket followed
by ``(`` or ``[`` is a link, not a citation (``[@handle](https://...)`` stays a link).

This module holds the one citation-key grammar of the package (:data:`KEY_PATTERN`), used by
prose citations, the ``{rating: ... | @key}`` marker parser and the YAML schema, and the one
anchor of a reference in a reference list (:func:`anchor_for`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "KEY_PATTERN",
    "KEY_RE",
    "CitationGroup",
    "CitationItem",
    "anchor_for",
    "blank_citation_markers",
    "find_citations",
    "is_citation_key",
    "reference_href",
]

# Pandoc's key grammar: a key starts with a letter, digit or _ (any script: "müller2019") and may
# hold the punctuation : . # $ % & - + ? < > ~ / inside, so it ends in a letter, digit or _.
# Trailing punctuation belongs to the sentence, not the key ("[@key.]" cites "key").
KEY_PATTERN = r"\w(?:[\w:.#$%&+?<>~/-]*\w)?"
KEY_RE = re.compile(KEY_PATTERN)
_KEY = KEY_RE
_ANCHOR_UNSAFE = re.compile(r"[^\w.-]")
# A bracket without brackets or newlines inside; find_citations keeps those holding an "@".
# (Requiring the "@" in the pattern made it backtrack over every "@" of an unclosed bracket.)
_GROUP = re.compile(r"(?<![!\]\\])\[([^\[\]\n]*)\](?![(\[:])")
# A narrative (author-in-text) citation "@key", not inside a word ("a@b" is not one), with an
# optional locator in brackets right after it ("@key [p. 33]"). Brackets and braces around it
# are handled by find_citations: "[@key]" is a bracketed citation, "{rating: ... @key}" a marker.
_NARRATIVE = re.compile(r"(?<![\w@\\-])@(" + KEY_PATTERN + r")(?:[ \t]?\[([^\[\]@\n]*)\](?![(\[:]))?")
_ENCLOSED = re.compile(r"\[[^\[\]\n]*\]|\{[^{}]*\}")


def is_citation_key(value: str) -> bool:
    """Whether ``value`` is a whole citation key (no ``@``, no brackets)."""
    return KEY_RE.fullmatch(value) is not None


def anchor_for(key: str) -> str:
    """The HTML id fragment of ``key`` in a reference list (``ref-`` + this): the one rule that
    reference lists, citation links and rating badges share (``nice:ng123/x`` -> ``nice-ng123-x``)."""
    return _ANCHOR_UNSAFE.sub("-", key)


def reference_href(key: str) -> str:
    """The in-page link to ``key`` in the page's reference list."""
    return f"#ref-{anchor_for(key)}"


@dataclass(frozen=True, slots=True)
class CitationItem:
    """One cited key with pandoc's optional prefix ("see") and locator ("p. 3")."""

    key: str
    prefix: str = ""
    locator: str = ""
    suppress_author: bool = False


@dataclass(frozen=True, slots=True)
class CitationGroup:
    """A citation at ``start:end`` of the text, with its items: bracketed ``[...]``, or a
    ``narrative`` one (``@key`` in the sentence, "Aprile et al. [3] found"), which has one item.

    ``malformed`` lists the parts that have an ``@`` but no key (``[@]``), so the caller can
    report them rather than drop them.
    """

    start: int
    end: int
    items: tuple[CitationItem, ...]
    malformed: tuple[str, ...] = ()
    narrative: bool = False

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.items)


def _parse_item(part: str) -> CitationItem | None:
    """Parse "prefix -@key, locator" by hand: a regular expression here would backtrack."""
    at = part.find("@")
    before = part[:at]
    suppress = before.endswith("-")
    if suppress:
        before = before[:-1]
    if before and not before[-1].isspace():
        return None
    key = _KEY.match(part, at + 1)
    if key is None:
        return None
    locator = part[key.end() :].strip()
    if locator.startswith(","):
        locator = locator[1:].strip()
    return CitationItem(key=key.group(), prefix=before.strip(), locator=locator, suppress_author=suppress)


def find_citations(masked: str, *, narrative: bool = True) -> list[CitationGroup]:
    """Every citation in masked prose, in order of appearance: bracketed ones, and (unless
    ``narrative=False``) narrative ``@key`` citations outside brackets and braces."""
    groups = _bracketed(masked)
    if narrative and "@" in masked:
        groups.extend(_narrative(masked))
        groups.sort(key=lambda group: group.start)
    return groups


def _narrative(masked: str) -> list[CitationGroup]:
    """``@key`` and ``@key [p. 33]`` outside any ``[...]`` (citations, link text) or ``{...}``
    (rating markers, attribute lists). E-mail addresses and code are already blank."""
    enclosed = [(m.start(), m.end()) for m in _ENCLOSED.finditer(masked) if "@" in m.group()]
    groups: list[CitationGroup] = []
    index = 0
    for match in _NARRATIVE.finditer(masked):
        while index < len(enclosed) and enclosed[index][1] <= match.start():
            index += 1
        if index < len(enclosed) and enclosed[index][0] <= match.start():
            continue
        if masked[match.end(1) : match.end(1) + 2].lstrip(".,;:!?")[:1] == "]":
            continue  # "\[@key]" (an escaped bracket, already blank) or a stray "@key]"
        item = CitationItem(key=match.group(1), locator=(match.group(2) or "").strip())
        end = match.end() if item.locator else match.end(1)
        groups.append(CitationGroup(match.start(), end, (item,), narrative=True))
    return groups


def _bracketed(masked: str) -> list[CitationGroup]:
    groups: list[CitationGroup] = []
    for match in _GROUP.finditer(masked):
        if "@" not in match.group(1):
            continue
        parts = match.group(1).split(";")
        items: list[CitationItem] = []
        malformed: list[str] = []
        for part in parts:
            if "@" not in part:
                # "[see the table; @key]": a part without @ is free text of the next item
                continue
            item = _parse_item(part)
            if item is None:
                malformed.append(part.strip())
            else:
                items.append(item)
        if not items and not malformed:
            continue
        # "[email me @ noon]" is not a citation: only report brackets whose every @-part parses
        # or that look like an attempt at one ("[@]", "[@ ]", "[see @]").
        if not items and not all(re.fullmatch(r"\s*(?:[\w.,]+\s+)*-?@\s*", part) for part in malformed):
            continue
        groups.append(CitationGroup(match.start(), match.end(), tuple(items), tuple(malformed)))
    return groups


def blank_citation_markers(masked: str) -> str:
    """Blank citation markers so that numbers in keys or locators are never read as statistics."""
    groups = find_citations(masked)
    if not groups:
        return masked
    pieces: list[str] = []
    position = 0
    for group in groups:
        pieces.append(masked[position : group.start])
        pieces.append(" " * (group.end - group.start))
        position = group.end
    pieces.append(masked[position:])
    return "".join(pieces)
