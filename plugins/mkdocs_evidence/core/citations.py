"""Parse pandoc-style citations (``[@key]``, ``[@a; @b]``, ``[see @key, p. 3]``) from prose.

The parser works on text already passed through :func:`.prose.mask_non_prose`, so code, URLs,
e-mail addresses and HTML attributes are blank and cannot produce citations. A bracket followed
by ``(`` or ``[`` is a link, not a citation (``[@handle](https://...)`` stays a link).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Keys: letters, digits and _ with internal . : - / (pandoc's rule: a key ends in a letter,
# digit or _). Trailing punctuation belongs to the sentence, not the key.
KEY_PATTERN = r"[A-Za-z0-9_](?:[A-Za-z0-9_.:/\-]*[A-Za-z0-9_])?"
_KEY = re.compile(KEY_PATTERN)
# A bracket without brackets or newlines inside; find_citations keeps those holding an "@".
# (Requiring the "@" in the pattern made it backtrack over every "@" of an unclosed bracket.)
_GROUP = re.compile(r"(?<![!\]\\])\[([^\[\]\n]*)\](?![(\[:])")



@dataclass(frozen=True, slots=True)
class CitationItem:
    """One cited key with pandoc's optional prefix ("see") and locator ("p. 3")."""

    key: str
    prefix: str = ""
    locator: str = ""
    suppress_author: bool = False


@dataclass(frozen=True, slots=True)
class CitationGroup:
    """A bracketed citation ``[...]`` at ``start:end`` of the text, with its items.

    ``malformed`` lists the parts that have an ``@`` but no key (``[@]``), so the caller can
    report them rather than drop them.
    """

    start: int
    end: int
    items: tuple[CitationItem, ...]
    malformed: tuple[str, ...] = ()

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


def find_citations(masked: str) -> list[CitationGroup]:
    """Every bracketed citation in masked prose, in order of appearance."""
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
