"""pybtex entries by key, made when first needed: formatting a cited reference needs them,
checking needs only the ``Reference`` records (``core/bib/bibliography.py``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import pybtex.errors
from pybtex.database import BibliographyData, Entry
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError

if TYPE_CHECKING:
    from .bibtex_scan import Scanned

__all__ = ["EntryMap", "entry_fields_signature"]


class EntryMap(Mapping[str, Entry]):
    """pybtex entries by key, parsed on first use from their BibTeX text and then kept."""

    def __init__(self, sources: dict[str, str] | None = None, eager: dict[str, Entry] | None = None,
                 scanned: dict[str, Scanned] | None = None) -> None:
        self._sources = dict(sources or {})
        self._parsed: dict[str, Entry] = dict(eager or {})
        self._scanned = dict(scanned or {})  # read this process, not yet made into entries

    def __getitem__(self, key: str) -> Entry:
        entry = self._parsed.get(key)
        if entry is None and key in self._scanned:
            entry = self._parsed[key] = self._scanned.pop(key).entry()
        if entry is None:
            if key not in self._sources:
                raise KeyError(key)
            entry = self._parsed[key] = _parse_entry(key, self._sources[key])
        return entry

    def __contains__(self, key: object) -> bool:
        return key in self._parsed or key in self._sources

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._sources, *self._parsed]))

    def __len__(self) -> int:
        return len(set(self._sources) | set(self._parsed))

    def signature(self, key: str) -> str:
        """What the formatted reference depends on, without parsing the entry."""
        source = self._sources.get(key)
        if source is not None:
            return hashlib.sha1(f"{key}\n{source}".encode()).hexdigest()
        return entry_fields_signature(key, self[key])

    def csl_item(self, key: str) -> dict:
        """The entry as a CSL-JSON item (for CSL styles): as written in a ``.json`` file, or
        converted from BibTeX."""
        source = self._sources.get(key)
        if source is not None and source.startswith("{"):
            return json.loads(source)
        from .csljson import entry_to_csl

        return entry_to_csl(key, self[key])


def entry_fields_signature(key: str, entry: Entry) -> str:
    persons = sorted((role, tuple(str(p) for p in people)) for role, people in entry.persons.items())
    fields = sorted((name, str(value)) for name, value in entry.fields.items())
    return hashlib.sha1(repr((key, entry.type, fields, persons)).encode()).hexdigest()


def _parse_entry(key: str, source: str) -> Entry:
    """One entry from its own text (it parsed once already, as part of its file): BibTeX, or a
    CSL-JSON item (its text starts with ``{``)."""
    if source.startswith("{"):
        from .csljson import csl_to_entry

        return csl_to_entry(json.loads(source))
    with pybtex.errors.capture():
        try:
            data = Parser(encoding="utf-8").parse_string(source)
        except PybtexError:
            data = BibliographyData()
    entry = data.entries.get(key)
    return entry if entry is not None else Entry("misc", fields={"title": key})
