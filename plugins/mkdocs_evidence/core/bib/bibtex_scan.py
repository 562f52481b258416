"""A fast reader for the plain BibTeX that reference managers write, equal to pybtex's parser.

pybtex's parser reads a ``.bib`` token by token through a general scanner: most of a cold
build's time in ``on_config`` for a large bibliography. Exported files use a small part of
BibTeX: ``@type{key, name = {value}, name = "value", name = 2020}``. This module reads exactly
that part, with pybtex's own rules (whitespace collapsed in values, ``author`` and ``editor``
split into pybtex ``Person`` objects, ``@comment`` skipped the way pybtex skips it), and builds
the same ``BibliographyData``. Anything else (``@string`` macros, ``@preamble``, ``#``
concatenation, bare macro names such as ``jan``, parentheses as delimiters, unbalanced braces,
a repeated key or field, any syntax error) makes :func:`scan_bibtex` return None, and the
caller lets pybtex read the whole file, problems and all. Tested equal to pybtex on the foot
drop bibliography and the synthetic ones (``tests/core/bib/test_bibtex_scan.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import ascii_letters, digits

from pybtex.bibtex.utils import split_name_list
from pybtex.database import BibliographyData, Entry, Person

__all__ = ["Scanned", "inherit_crossref_fields", "scan_bibtex", "to_data"]

_NAME_CHARS = set(ascii_letters + "@!$&*+-./:;<>?[\\]^_`|~\x7f" + digits)  # pybtex's NAME
_NAME = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_-]*)")
_KEY = re.compile(r"\s*([^\s,}]+)")
_NUMBER = re.compile(r"\s*([0-9]+)")
_SPACE = re.compile(r"\s*")
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"\s\s|[^\S ]")  # what whitespace collapsing would change inside a value
_BRACES = re.compile(r"[{}]")
_QUOTED = re.compile(r'["{}]')
_PERSON_FIELDS = frozenset({"author", "editor"})
# The common field in one match: name = {no inner braces} | "no braces or quotes" | digits,
# followed by a comma or the closing brace (anything else goes the careful way, below).
_FIELD = re.compile(r'\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:\{([^{}]*)\}|"([^"{}]*)"|([0-9]+))(?=\s*[,}])')


@dataclass(frozen=True, slots=True)
class Scanned:
    """One entry as read: its type and key as written, its fields in order (values with
    whitespace collapsed), and its people by role (``author``, ``editor``) as pybtex parses them."""

    kind: str
    key: str
    fields: tuple[tuple[str, str], ...]
    persons: tuple[tuple[str, tuple[Person, ...]], ...]

    def people(self, role: str) -> tuple[Person, ...]:
        for name, people in self.persons:
            if name.lower() == role:
                return people
        return ()

    def entry(self) -> Entry:
        """The pybtex ``Entry``, made when it is needed (to format a cited reference)."""
        entry = Entry(self.kind, fields=list(self.fields))
        for role, people in self.persons:
            for person in people:
                entry.add_person(person, role)
        return entry


class _NotPlain(Exception):
    """Something outside the plain subset: pybtex reads the file."""


def _name(text: str, pos: int) -> tuple[str, int] | None:
    match = _NAME.match(text, pos)
    if match is None:
        return None
    end = match.end()
    if end < len(text) and text[end] in _NAME_CHARS:  # pybtex's name would be longer
        raise _NotPlain
    return match.group(1), end


def _expect(text: str, pos: int, char: str) -> int:
    pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    if not text.startswith(char, pos):
        raise _NotPlain
    return pos + 1


def _braced(text: str, pos: int) -> tuple[str, int]:
    """The text up to the ``}`` that closes the ``{`` before ``pos``, inner braces kept."""
    depth, start = 0, pos
    for match in _BRACES.finditer(text, pos):
        if match.group() == "{":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return text[start : match.start()], match.end()
    raise _NotPlain


def _quoted(text: str, pos: int) -> tuple[str, int]:
    """The text up to the closing ``"`` (quotes inside braces are text)."""
    depth, start = 0, pos
    for match in _QUOTED.finditer(text, pos):
        char = match.group()
        if char == "{":
            depth += 1
        elif char == "}":
            if not depth:
                raise _NotPlain  # pybtex: unbalanced braces
            depth -= 1
        elif not depth:
            return text[start : match.start()], match.end()
    raise _NotPlain


def _value(text: str, pos: int) -> tuple[str, int]:
    pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    char = text[pos : pos + 1]
    if char == "{":
        value, pos = _braced(text, pos + 1)
    elif char == '"':
        value, pos = _quoted(text, pos + 1)
    else:
        number = _NUMBER.match(text, pos)
        if number is None:
            raise _NotPlain  # a macro name, or a syntax error
        value, pos = number.group(1), number.end()
    if text.startswith("#", _SPACE.match(text, pos).end()):  # type: ignore[union-attr]
        raise _NotPlain  # concatenation
    return value, pos


def _entry(text: str, pos: int) -> tuple[str, list[tuple[str, str]], int]:
    """Key and fields of the entry whose ``{`` ends before ``pos``; the position after it."""
    key = _KEY.match(text, pos)
    if key is None:
        raise _NotPlain
    pos = key.end()
    fields: list[tuple[str, str]] = []
    while True:
        fast = _FIELD.match(text, pos)
        if fast is not None:
            name, braced, quoted, number = fast.groups()
            fields.append((name, braced if braced is not None else quoted if quoted is not None else number))
            pos = fast.end()
            named = None
        else:
            named = _name(text, pos)
        if named is not None:
            name, pos = named
            pos = _expect(text, pos, "=")
            value, pos = _value(text, pos)
            fields.append((name, value))
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos += 1
            continue
        return key.group(1), fields, _expect(text, pos, "}")


def _scanned(kind: str, key: str, fields: list[tuple[str, str]], people: dict, seen_keys: set[str]) -> Scanned:
    """pybtex's ``Parser.process_entry``, for an entry that breaks none of its rules. A name
    that recurs is parsed once (``people``): the ``Person`` objects are shared, read only."""
    values: list[tuple[str, str]] = []
    persons: dict[str, list[Person]] = {}
    seen: set[str] = set()
    for name, raw in fields:
        lowered = name.lower()
        if lowered in seen:
            raise _NotPlain  # pybtex reports a duplicate field
        value = _WHITESPACE.sub(" ", raw.strip()) if (raw[:1].isspace() or raw[-1:].isspace() or _SPACES.search(raw)) else raw
        if lowered in _PERSON_FIELDS:
            found = persons.setdefault(name, [])
            for person in split_name_list(value):
                parsed = people.get(person)
                if parsed is None:
                    parsed = people[person] = Person(person)
                found.append(parsed)
        else:
            values.append((name, value))
        seen.add(lowered)
    if key.lower() in seen_keys:
        raise _NotPlain  # pybtex reports a repeated entry
    seen_keys.add(key.lower())
    return Scanned(kind, key, tuple(values), tuple((role, tuple(found)) for role, found in persons.items() if found))


def to_data(entries: list[Scanned]) -> BibliographyData:
    """The ``BibliographyData`` pybtex's parser would have made."""
    data = BibliographyData()
    for scanned in entries:
        data.add_entry(scanned.key, scanned.entry())
    return data


def scan_bibtex(text: str) -> list[Scanned] | None:
    """The file's entries as pybtex would read them, or None if pybtex must read it."""
    found: list[Scanned] = []
    seen_keys: set[str] = set()
    people: dict[str, Person] = {}
    pos = 0
    try:
        while True:
            pos = text.find("@", pos)
            if pos < 0:
                return found
            named = _name(text, pos + 1)
            if named is None:
                return None
            kind, pos = named
            pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
            if not text.startswith("{", pos):
                return None  # "(" delimiters, or a syntax error
            pos += 1
            lowered = kind.lower()
            if lowered == "comment":
                continue  # pybtex skips the command's name and brace, and reads on
            if lowered in ("string", "preamble"):
                return None
            key, fields, pos = _entry(text, pos)
            found.append(_scanned(kind, key, fields, people, seen_keys))
    except (_NotPlain, IndexError):
        return None
    except Exception:  # a name pybtex's Person cannot read: let pybtex report it
        return None


def inherit_crossref_fields(data: BibliographyData) -> set[str]:
    """BibTeX ``crossref``: an entry takes the fields it lacks from the entry it names (in the
    same file), as BibTeX does; the parent's ``title`` becomes the child's ``booktitle``.
    Returns the keys that inherited something."""
    changed: set[str] = set()
    lowered = {key.lower(): entry for key, entry in data.entries.items()}
    for key, entry in data.entries.items():
        parent_key = str(entry.fields.get("crossref", "")).strip()
        parent = lowered.get(parent_key.lower()) if parent_key else None
        if parent is None or parent is entry:
            continue
        have = {name.lower() for name in entry.fields}
        for name, value in parent.fields.items():
            target = "booktitle" if name.lower() == "title" else name
            if target.lower() not in have and name.lower() != "crossref":
                entry.fields[target] = value
                changed.add(key)
        for role, persons in parent.persons.items():
            if role not in entry.persons:
                entry.persons[role] = list(persons)
                changed.add(key)
    return changed
