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

from .references import Reference, split_figures

if TYPE_CHECKING:
    from .bibliography import BibFile

FORMAT = 1


def pack(bib_file: BibFile, spans: dict[str, tuple[int, int]]) -> bytes | None:
    """The file's references and entry offsets as one JSON text, or None if it cannot be kept
    this way (entries without their own text). What ``_reference`` derives from the fields
    (title, journal, design, figures) is derived again on loading, not stored twice."""
    if bib_file.eager or set(bib_file.sources) != set(spans):
        return None
    rows = []
    for key, ref in bib_file.references.items():
        if (ref.title, ref.journal, ref.design, ref.figures) != _derived(ref.fields):
            return None  # not made by _reference: keep it as a record
        start, end = spans.get(key, (-1, -1))
        flat = [item for pair in ref.fields.items() for item in pair]
        rows.append([key, ref.entry_type, list(ref.authors), ref.year, ref.doi, ref.pmid, ref.url, ref.line, flat, start, end])
    return json.dumps([FORMAT, bib_file.path, rows], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _derived(plain: dict[str, str]) -> tuple[str, str, str | None, tuple[str, ...]]:
    """Title, journal, design and figures as ``bibliography._reference`` reads them."""
    design = plain.get("design")
    return (plain.get("title", ""), plain.get("journal", plain.get("booktitle", "")),
            design.lower() if design is not None else None, split_figures(plain.get("figures", "")))


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
        for key, kind, authors, year, doi, pmid, url, line, flat, start, end in rows:
            fields = dict(zip(flat[::2], flat[1::2], strict=True))
            title, journal, design, figures = _derived(fields)
            references[key] = Reference(key, kind, title, tuple(authors), year, journal, design, figures, doi, pmid, url,
                                        path, line, fields)
            if start >= 0:
                sources[key] = text[start:end]
                spans[key] = (start, end)
    except (ValueError, TypeError, AttributeError):
        return None
    return references, sources, spans
