"""The site-wide bibliography page (``bibliography_page: references.md``): every entry cited on
any page, with links back to the pages that cite it. No MkDocs here: the plugin collects what
each page cites (:func:`cited_keys`) and hands the pages over as :class:`CitingPage` records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .citation_render import CitationRenderer
from .core.bib.bibliography import Bibliography
from .core.ratings import find_rating_markers
from .core.text.citations import find_citations, reference_href
from .core.text.prose import mask_non_prose

__all__ = ["PLACEHOLDER", "CitingPage", "cited_keys", "page_markdown", "render_bibliography"]

PLACEHOLDER = "<!-- evidence:bibliography -->"


@dataclass(frozen=True, slots=True)
class CitingPage:
    """A page that cites ``keys``; ``href`` is its address relative to the bibliography page."""

    title: str
    href: str
    keys: tuple[str, ...]


def cited_keys(markdown: str, bibliography: Bibliography) -> tuple[str, ...]:
    """The known keys a page cites, in order of first use: bracketed and narrative citations
    and the sources of rating markers."""
    if "@" not in markdown:
        return ()
    masked = mask_non_prose(markdown)
    found: list[tuple[int, str]] = [(g.start, k) for g in find_citations(masked) for k in g.keys]
    if "{rating" in masked:
        found.extend((m.start, k) for m in find_rating_markers(masked) for k in getattr(m, "citations", ()))
    found.sort()
    return tuple(dict.fromkeys(key for _, key in found if key in bibliography))


def page_markdown(title: str) -> str:
    """The generated page's Markdown; the list replaces the placeholder once every page is read."""
    return f"---\ntitle: {json.dumps(title)}\n---\n\n{PLACEHOLDER}\n"


def render_bibliography(renderer: CitationRenderer, pages: Iterable[CitingPage], title: str) -> str:
    """The list: every cited entry, alphabetical by its formatted text, with its citing pages."""
    citing: dict[str, list[CitingPage]] = {}
    for page in pages:
        for key in page.keys:
            citing.setdefault(key, []).append(page)
    references = []
    for key, by in citing.items():
        record = renderer.reference_record(key)
        record["pages"] = [{"title": p.title, "href": p.href + reference_href(key)} for p in _unique(by)]
        references.append(record)
    references.sort(key=lambda ref: (ref["text"].casefold(), ref["key"]))
    return renderer.env.get_template("citations/bibliography_page.html").render(references=references, title=title)


def _unique(pages: Sequence[CitingPage]) -> list[CitingPage]:
    return list({page.href: page for page in pages}.values())
