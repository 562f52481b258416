"""The source's own text: what a cited entry says, sentence by sentence, with its figures.

A reference's *source text* is its BibTeX ``abstract`` field and, when the editor keeps one, an
excerpt file ``sources/KEY.md`` next to the ``.bib`` file (the passages relied on, with page
numbers). Both are split into sentences with the prose's own splitter, and every figure in a
sentence is found with the prose's own finder (:func:`.statistics.find_statistics`), so a
figure is read the same way on both sides. The ``figures`` field stays the fallback: each of
its items counts as a one-sentence source of its own.

Excerpt files are plain text or Markdown. A paragraph (text between blank lines) is one
passage; a passage that starts with ``p. 12:`` or ``pp. 12-13:`` (or a heading ``## p. 12``
before it) records its page, which the messages quote.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..bib.references import Reference

__all__ = [
    "EXCERPT_FIELD",
    "SourceFigure",
    "SourceSentence",
    "attach_excerpts",
    "excerpt_path",
    "has_source_text",
    "source_sentences",
]

EXCERPT_FIELD = "excerpt"  # where an excerpt file's text is kept among a reference's fields
EXCERPTS_DIR = "sources"

_PAGE = re.compile(r"^\s*(?:#{1,6}\s*)?(?P<p>pp?\.\s*\d+(?:\s*[-\u2013]\s*\d+)?)\s*[:.)\]]?\s*", re.IGNORECASE)
_HEADING_ONLY = re.compile(r"^\s*#{1,6}\s*pp?\.\s*\d+(?:\s*[-\u2013]\s*\d+)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SourceFigure:
    """One figure in a source sentence: ``text == sentence[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SourceSentence:
    """One sentence of a source, where it comes from, and the figures it states.

    ``origin`` is ``abstract``, ``excerpt`` or ``figures`` (an item of the ``figures`` field);
    ``page`` is the excerpt's page note ("p. 12") when it has one.
    """

    key: str
    text: str
    origin: str
    figures: tuple[SourceFigure, ...]
    page: str = ""
    reading: str = ""  # ``text`` with compound number words as digits, same length: what is matched

    @property
    def where(self) -> str:
        """How a message names this sentence's place: ``aprile2005 abstract``, ``... p. 12``."""
        place = {"abstract": "abstract", "excerpt": "excerpt", "figures": "figures field"}[self.origin]
        return f"{self.key} {place}{', ' + self.page if self.page else ''}"


def excerpt_path(reference: Reference, root: Path) -> Path:
    """Where the excerpt file of ``reference`` lives: ``sources/KEY.md`` beside its ``.bib``."""
    bib = Path(reference.path)
    if not bib.is_absolute():
        bib = root / bib
    return bib.parent / EXCERPTS_DIR / f"{reference.key}.md"


def attach_excerpts(references: dict[str, Reference], root: Path) -> tuple[dict[str, Reference], tuple]:
    """References with their excerpt file's text among their fields, and a signature of the
    excerpts read (so checks cached against the bibliography see an edited excerpt)."""
    out: dict[str, Reference] = {}
    signature: list[tuple[str, str]] = []
    folders: dict[Path, bool] = {}
    for key, reference in references.items():
        path = excerpt_path(reference, root)
        if not folders.setdefault(path.parent, path.parent.is_dir()):
            out[key] = reference
            continue
        try:
            raw = path.read_bytes()
        except OSError:
            out[key] = reference
            continue
        text = raw.decode("utf-8", errors="replace")
        signature.append((str(path), hashlib.sha1(raw).hexdigest()))
        out[key] = replace(reference, fields={**reference.fields, EXCERPT_FIELD: text})
    return out, tuple(signature)


def has_source_text(reference: Reference) -> bool:
    """Whether the entry carries its source's own words (abstract or excerpt)."""
    return bool(reference.fields.get("abstract", "").strip() or reference.fields.get(EXCERPT_FIELD, "").strip())


def source_sentences(reference: Reference) -> tuple[SourceSentence, ...]:
    """Every sentence of the entry's source text with its figures, then each ``figures`` item."""
    abstract = reference.fields.get("abstract", "")
    excerpt = reference.fields.get(EXCERPT_FIELD, "")
    return _sentences(reference.key, abstract, excerpt, reference.figures)


@lru_cache(maxsize=4096)
def _sentences(key: str, abstract: str, excerpt: str, items: tuple[str, ...]) -> tuple[SourceSentence, ...]:
    out: list[SourceSentence] = []
    out.extend(_split(key, abstract, "abstract", ""))
    for page, passage in _passages(excerpt):
        out.extend(_split(key, passage, "excerpt", page))
    for item in items:
        reading = _digits(item)
        out.append(SourceSentence(key, item, "figures", _figures(reading), reading=reading))
    return tuple(out)


def _passages(text: str) -> Iterable[tuple[str, str]]:
    """(page, passage) for each paragraph of an excerpt file; a heading page note carries on."""
    page = ""
    for block in re.split(r"\n\s*\n", text or ""):
        block = block.strip()
        if not block:
            continue
        heading = _PAGE.match(block) if _HEADING_ONLY.match(block) else None
        if heading is not None:
            page = heading.group("p")
            continue
        match = _PAGE.match(block)
        if match:
            page = match.group("p")
            block = block[match.end() :]
        elif block.startswith("#"):
            continue  # a heading that is not a page note
        yield page, " ".join(block.split())


def _split(key: str, text: str, origin: str, page: str) -> list[SourceSentence]:
    from ..text.sentences import split_sentences

    text = " ".join((text or "").split())
    out = []
    for start, end in split_sentences(text):
        for sentence in _AFTER_FIGURE.split(text[start:end].strip()):
            if sentence:
                reading = _digits(sentence)
                out.append(SourceSentence(key, sentence, origin, _figures(reading), page, reading))
    return out


# "... was 38.4%. After a partial palsy ...": a sentence may end on a figure (the prose
# splitter keeps "38.4%. After" together); a source's sentences are read one by one
_AFTER_FIGURE = re.compile(r"(?<=\d%\.)\s+(?=[A-Z][a-z])|(?<=\d\)\.)\s+(?=[A-Z][a-z])|(?<=\d\.)\s+(?=(?:After|In|Of|At|The|This|These|Among|Most|All|No|Younger|Older)\b)")


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_COMPOUND = re.compile(r"\b(" + "|".join(_TENS) + r")[-\u2010\u2011 ](" + "|".join(_UNITS) + r")\b", re.IGNORECASE)


def _digits(text: str) -> str:
    """Compound number words as digits, padded to the same length ("Sixty-five" -> "65        "),
    so the number reader sees one number and offsets still point into the original text."""

    def number(m: re.Match[str]) -> str:
        value = str(_TENS[m.group(1).lower()] + _UNITS[m.group(2).lower()])
        return value + " " * (len(m.group(0)) - len(value))

    return _COMPOUND.sub(number, text)


def _figures(sentence: str) -> tuple[SourceFigure, ...]:
    from ..statistics import find_statistics

    return tuple(SourceFigure(s.start, s.end, s.text) for s in find_statistics(sentence))
