"""The disk cache of a parsed ``.bib`` file, in a form that loads fast at 100,000 entries.

The generic record codec (``datacodec``) tags every value and rebuilds it in Python, one call
per value: for a large bibliography that took seconds, most of a warm build. Here the
references are rows of plain JSON values (one ``json.loads`` in C), rebuilt as
:class:`Reference` records by this module's own code, and each entry's BibTeX text is not
stored at all: it is a slice of the ``.bib`` file, whose bytes are read anyway to check the
cache (same digest, same text, same offsets). Only data is read; nothing in the file names
code. A file with ``@string`` macros (entries kept as pybtex objects) is not cached.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .references import Reference

if TYPE_CHECKING:
    from .bibliography import BibFile

FORMAT = 1


def pack(bib_file: BibFile, spans: dict[str, tuple[int, int]]) -> bytes | None:
    """The file's references and entry offsets as one JSON text, or None if it cannot be kept
    this way (entries without their own text). Fields stay a JSON object: ``json`` rebuilds
    it in C, faster than any Python loop over pairs."""
    if bib_file.eager or set(bib_file.sources) != set(spans):
        return None
    rows = []
    for key, ref in bib_file.references.items():
        start, end = spans.get(key, (-1, -1))
        rows.append([key, ref.entry_type, ref.title, ref.authors, ref.year, ref.journal, ref.design, ref.figures,
                     ref.doi, ref.pmid, ref.url, ref.line, ref.fields, start, end])
    return json.dumps([FORMAT, bib_file.path, rows], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def unpack(packed: object, text: str) -> tuple[dict[str, Reference], dict[str, str], dict[str, tuple[int, int]]] | None:
    """References, entry texts and offsets from :func:`pack`'s text and the file's text; None
    for anything else (the caller parses the file again)."""
    if not isinstance(packed, bytes):
        return None
    try:
        version, path, rows = json.loads(packed)
        if version != FORMAT:
            return None
        references: dict[str, Reference] = {}
        sources: dict[str, str] = {}
        spans: dict[str, tuple[int, int]] = {}
        for key, kind, title, authors, year, journal, design, figures, doi, pmid, url, line, fields, start, end in rows:
            if type(fields) is not dict:
                return None
            references[key] = Reference(key, kind, title, tuple(authors), year, journal, design, tuple(figures), doi, pmid, url,
                                        path, line, fields)
            if start >= 0:
                sources[key] = text[start:end]
                spans[key] = (start, end)
    except (ValueError, TypeError, AttributeError):
        return None
    return references, sources, spans
