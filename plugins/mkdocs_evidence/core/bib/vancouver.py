"""The built-in reference style (``style.VancouverStyle``) without pybtex's rich-text machinery.

pybtex builds a tree of template nodes and rich-text objects for every entry and renders it
through its backends: most of a cold build's formatting time, for output that is a handful of
strings. This module formats the same entry types the same way, directly: the rules of the
template nodes it replaces are written out below (``join`` drops empty parts, ``sentence``
joins with ", " and adds a period unless the text already ends in . ? or !, ``optional``
turns a missing field into nothing, ``first_of`` takes the first non-empty choice). The
output is tested equal to pybtex's on whole bibliographies (``tests/core/bib/test_vancouver.py``).

What it does not know (an entry type it has no template for, a ``crossref``, LaTeX that
latexcodec cannot decode) it leaves to pybtex: :func:`format_entry` returns None and the
caller asks pybtex. Where pybtex's formatting fails (a required field missing, no author,
unbalanced braces), both show the title alone.

Rich text is a list of parts: ``str``, :class:`Protected` (a ``{braced}`` group, a span in
HTML) and :class:`Link` (an ``<a>``), merged as pybtex merges them (adjacent parts of the
same kind and address become one; empty parts vanish).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from .style import _LATEX_SPECIAL, author_list, decode_latex

__all__ = ["format_entry"]


@dataclass(frozen=True, slots=True)
class Protected:
    parts: tuple


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    parts: tuple


class Unsupported(Exception):
    """Something only pybtex knows how to format: the caller asks pybtex."""


class _Missing(Exception):
    """A field the template needs is not in the entry (pybtex's ``FieldIsMissing``)."""


def _length(part) -> int:
    return len(part) if isinstance(part, str) else sum(_length(p) for p in part.parts)


def merge(parts) -> tuple:
    """pybtex's ``Text(*parts)``: nested lists unpacked, empty parts dropped, neighbours of the
    same kind (and address) merged into one."""
    flat: list = []
    _flat(parts, flat)
    out: list = []
    for part in flat:
        if type(part) is str:
            if not part:
                continue
            if out and type(out[-1]) is str:
                out[-1] += part
            else:
                out.append(part)
            continue
        if not _length(part):
            continue
        last = out[-1] if out else None
        if isinstance(part, Protected) and isinstance(last, Protected):
            out[-1] = Protected(merge([*last.parts, *part.parts]))
        elif isinstance(part, Link) and isinstance(last, Link) and part.url == last.url:
            out[-1] = Link(part.url, merge([*last.parts, *part.parts]))
        else:
            out.append(part)
    return tuple(out)


def _flat(parts, out: list) -> None:
    for part in parts:
        if type(part) in (list, tuple):
            _flat(part, out)
        else:
            out.append(part)


def _ends_terminated(parts: tuple) -> bool:
    """pybtex's ``is_terminated``: the last part (looked into) ends with . ? or !"""
    if not parts:
        return False
    last = parts[-1]
    if isinstance(last, str):
        return last.endswith((".", "?", "!"))
    return _ends_terminated(last.parts)


def join(parts, sep: str = "") -> tuple:
    kept = [merge([p]) for p in parts]
    kept = [p for p in kept if p]
    out: list = []
    for part in kept:
        if out and sep:
            out.append(sep)
        out.append(part)
    return merge(out)


def sentence(parts, sep: str = ", ") -> tuple:
    text = join(parts, sep)
    if text and not _ends_terminated(text):
        text = merge([text, "."])
    return text


def optional(build) -> tuple:
    try:
        return merge([build()])
    except _Missing:
        return ()


def first_of(*builds) -> tuple:
    for build in builds:
        text = build()
        if text:
            return text
    return ()


@lru_cache(maxsize=16384)
def latex_parts(value: str) -> tuple:
    """``Text.from_latex``: LaTeX decoded, then ``{groups}`` as protected parts."""
    if not _LATEX_SPECIAL.search(value):
        return merge([value])
    text = decode_latex(value)
    stack: list[list] = [[]]
    start = 0
    for match in re.finditer(r"[{}]", text):
        stack[-1].append(text[start : match.start()])
        start = match.end()
        if match.group() == "{":
            stack.append([])
        elif len(stack) == 1:
            raise Unsupported("unbalanced braces")
        else:
            inner = stack.pop()
            stack[-1].append(Protected(merge(inner)))
    if len(stack) != 1:
        raise Unsupported("unbalanced braces")
    stack[0].append(text[start:])
    return merge(stack[0])


class _Entry:
    """Field look-ups as the style's ``field`` node does them (case-insensitive)."""

    def __init__(self, entry) -> None:
        self.entry = entry
        self.fields = entry.fields

    def raw(self, name: str) -> str:
        if name not in self.fields:
            raise _Missing(name)
        return str(self.fields[name])

    def field(self, name: str) -> tuple:
        return latex_parts(self.raw(name))

    def names(self, role: str) -> tuple:
        persons = self.entry.persons.get(role)
        if not persons:  # the style raises KeyError here, which no ``optional`` catches
            raise Unsupported(role)
        return merge([author_list(persons)])


def _authors(e: _Entry) -> tuple:
    return optional(lambda: sentence([e.names("author")]))


def _year_volume_pages(e: _Entry) -> tuple:
    def pages() -> tuple:
        return merge(["".join(_plain(p) for p in e.field("pages")).replace("--", "-")])

    def issue() -> tuple:
        return optional(lambda: ["(", e.field("number"), ")"])

    return first_of(
        lambda: optional(lambda: join([e.field("year"), ";", e.field("volume"), issue(), ":", pages()])),
        lambda: optional(lambda: join([e.field("year"), ";", e.field("volume"), issue()])),
        lambda: optional(lambda: join([e.field("year"), ":", pages()])),
        lambda: optional(lambda: e.field("year")),
    )


def _web_refs(e: _Entry) -> tuple:
    def doi() -> tuple:
        value = e.raw("doi")
        return merge([Link(f"https://doi.org/{value}", merge(["doi:", value]))])

    def pmid() -> tuple:
        value = e.raw("pmid")
        return merge([Link(f"https://pubmed.ncbi.nlm.nih.gov/{value}/", merge(["PMID: ", value]))])

    def url() -> tuple:
        if "doi" in e.fields or "pmid" in e.fields:
            return ()
        value = e.raw("url")
        return join(["Available from:", Link(value, merge([value]))], " ")

    return sentence([optional(doi), optional(pmid), optional(url)], sep=". ")


def _article(e: _Entry) -> list:
    return [_authors(e), sentence([e.field("title")]), sentence([optional(lambda: e.field("journal")), _year_volume_pages(e)])]


def _book(e: _Entry) -> list:
    return [_authors(e), sentence([e.field("title")]), sentence([optional(lambda: e.field("publisher")), optional(lambda: e.field("year"))])]


def _misc(e: _Entry) -> list:
    return [
        _authors(e),
        optional(lambda: sentence([e.field("title")])),
        sentence([optional(lambda name=name: e.field(name)) for name in ("journal", "howpublished", "publisher", "year")]),
    ]


def _proceedings_paper(e: _Entry) -> list:
    booktitle = optional(lambda: join(["In: ", e.field("booktitle")]))
    return [_authors(e), sentence([e.field("title")]), sentence([booktitle, optional(lambda: e.field("year"))])]


TEMPLATES = {
    "article": _article,
    "book": _book,
    "inbook": _book,
    "misc": _misc,
    "techreport": _misc,
    "online": _misc,
    "manual": _misc,
    "phdthesis": _misc,
    "mastersthesis": _misc,
    "unpublished": _misc,
    "inproceedings": _proceedings_paper,
    "incollection": _proceedings_paper,
}


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape`` as pybtex's HTML backend uses it (& < >, quotes kept),
    without importing it (it pulls in ``urllib.request``)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _plain(part) -> str:
    return part if isinstance(part, str) else "".join(_plain(p) for p in part.parts)


def _html(part) -> str:
    if isinstance(part, str):
        return escape(part)
    inner = "".join(_html(p) for p in part.parts)
    if isinstance(part, Protected):
        return f'<span class="bibtex-protected">{inner}</span>'
    # as the HTML backend in rendering.py: no referrer, no window.opener, the address escaped
    return f'<a href="{html.escape(part.url, quote=True)}" rel="noopener noreferrer">{inner}</a>' if inner else ""


def format_entry(entry, key: str) -> tuple[str, str] | None:
    """``(html, text)`` of a (sanitised) pybtex ``Entry`` in the Vancouver style, exactly as
    pybtex renders it; None when only pybtex knows how (the caller then asks pybtex)."""
    template = TEMPLATES.get(entry.type)
    if template is None or "crossref" in entry.fields:
        return None
    e = _Entry(entry)
    try:
        blocks = [*template(e), _web_refs(e)]
    except (_Missing, Unsupported):  # where pybtex's formatting fails, the title alone shows
        title = str(entry.fields.get("title", key)).replace("\n", " ")
        return escape(title), title
    except Exception:  # LaTeX that latexcodec cannot read: pybtex decides
        return None
    parts = [merge([block]) for block in blocks]
    parts = [p for p in parts if p]
    html_text = " ".join("".join(_html(p) for p in block) for block in parts).replace("\n", " ")
    plain = " ".join("".join(_plain(p) for p in block) for block in parts).replace("\n", " ")
    return html_text, plain
