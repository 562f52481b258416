"""Reference formatting shared by the Markdown extension and reports (the templates that show
it, and their environment, are in :mod:`.render`).

Autoescape is on in those templates: every value from ``.bib`` or YAML is escaped unless a
template marks pybtex's already-escaped HTML as safe.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pybtex.database import BibliographyData, Entry

from .core.bib.bibliography import EntryMap
from .core.bib.csljson import extra_fields
from .core.bib.style import safe_doi, safe_pmid, safe_url
from .core.io.diskcache import load_cache, save_cache
from .core.templating import ASSETS_DIR
from .core.text.citations import anchor_for
from .csl_styles import CitationStyle, CslFormatter

PACKAGE_ASSETS = ASSETS_DIR
STYLE_VERSION = 2  # bump when the reference style or its templates change the output

def _sanitised(entry: Entry) -> Entry:
    """A copy of the entry whose links can only be http(s), DOI or PMID links."""
    fields = dict(entry.fields)
    for name in list(fields):
        lowered = name.lower()
        if lowered == "doi":
            cleaned = safe_doi(str(fields[name]))
        elif lowered in ("pmid", "pubmed"):
            cleaned = safe_pmid(str(fields[name]))
        elif lowered == "url":
            cleaned = safe_url(str(fields[name]))
        else:
            continue
        del fields[name]
        if cleaned:
            fields["pmid" if lowered == "pubmed" else lowered] = cleaned
    return Entry(entry.type, fields=fields, persons=entry.persons)


@dataclass(frozen=True, slots=True)
class FormattedReference:
    key: str
    html: str
    text: str


class ReferenceFormatter:
    """Formats each reference once and keeps it: pybtex formatting is the costliest step of a
    citation plugin (about 1-2 ms an entry), and the same key is cited on many pages.

    With a ``cache_file`` the formatted references also outlive the process (keyed by the
    entry's content, so an edited entry is formatted again); ``save()`` writes it atomically,
    and a corrupt file is ignored and rebuilt.
    """

    def __init__(self, cache_file: Path | None = None) -> None:
        self.cache_file = cache_file
        self._by_signature: dict[str, FormattedReference] | None = None  # loaded on first use
        self._dirty = False
        self._csl: dict[str, CslFormatter] = {}  # by style digest, made when first needed

    @cached_property
    def _pybtex(self) -> tuple:
        """The style and backends, made once and only when pybtex must format something (most
        entries never need it: ``core/bib/vancouver.py``; the HTML backend imports urllib)."""
        from pybtex.backends.html import Backend as HtmlBackend
        from pybtex.backends.plaintext import Backend as TextBackend

        from .core.bib.style import VancouverStyle

        class _LinkSafeHtmlBackend(HtmlBackend):
            """pybtex's HTML backend, but links to other sites carry ``rel="noopener noreferrer"``
            (no referrer leaks to the publisher, no ``window.opener``) and the address is
            attribute-escaped."""

            @staticmethod
            def format_href(url, text, external=False):
                if not text:
                    return ""
                target = ' target="_blank"' if external else ""
                return f'<a href="{html.escape(str(url), quote=True)}" rel="noopener noreferrer"{target}>{text}</a>'

        return VancouverStyle(), _LinkSafeHtmlBackend(), TextBackend()

    @property
    def _formatted(self) -> dict[str, FormattedReference]:
        if self._by_signature is None:
            self._by_signature = load_cache(self.cache_file, {})
        return self._by_signature

    def format(self, key: str, entries: EntryMap, style: CitationStyle | None = None) -> FormattedReference:
        """The formatted reference for ``key`` in ``style`` (default: the pybtex Vancouver
        style); pybtex or citeproc runs only for an entry not seen before in that style (by its
        source text and the style file's digest), so a warm build formats nothing again."""
        csl = style if style is not None and style.is_csl else None
        signature = f"{STYLE_VERSION}:{csl.digest + ':' if csl else ''}{entries.signature(key)}"
        result = self._formatted.get(signature)
        if result is None:
            result = self._format_csl(key, entries, csl) if csl else self._format(key, entries[key])
            self._formatted[signature] = result
            self._dirty = True
        return result

    def _format_csl(self, key: str, entries: EntryMap, style: CitationStyle) -> FormattedReference:
        formatter = self._csl.get(style.digest)
        if formatter is None:
            formatter = self._csl[style.digest] = CslFormatter(style)
        item = entries.csl_item(key)
        doi = safe_doi(str(item.get("DOI") or ""))
        pmid = safe_pmid(str(item.get("PMID") or extra_fields(item).get("pmid") or ""))
        try:
            html_text, plain = formatter.format(item, doi, pmid)
        except Exception:  # a construct citeproc-py cannot format: the title still shows
            plain = str(item.get("title") or key)
            html_text = html.escape(plain)
        return FormattedReference(key, html_text, plain)

    def _format(self, key: str, entry: Entry) -> FormattedReference:
        """The built-in style, formatted directly (``core/bib/vancouver.py``, equal to pybtex's
        output); pybtex's rich text only for what that formatter leaves to it."""
        from .core.bib.vancouver import format_entry  # only when a reference must be formatted (cold)

        safe = _sanitised(entry)
        fast = format_entry(safe, key)
        if fast is not None:
            return FormattedReference(key, *fast)
        return self.format_with_pybtex(key, safe)

    def format_with_pybtex(self, key: str, safe: Entry) -> FormattedReference:
        """The style through pybtex's templates and backends (``safe``: a sanitised entry)."""
        style, html_backend, text_backend = self._pybtex
        try:
            formatted = next(iter(style.format_entries([safe])))
            text = formatted.text
        except Exception:  # a field pybtex cannot format still shows, never vanishes
            from pybtex.richtext import Text

            text = Text(str(safe.fields.get("title", key)))
        html = text.render(html_backend).replace("\n", " ")
        plain = text.render(text_backend).replace("\n", " ")
        return FormattedReference(key, html, plain)

    def save(self) -> None:
        if self._dirty:
            save_cache(self.cache_file, self._formatted)
            self._dirty = False


__all__ = ["BibliographyData", "FormattedReference", "ReferenceFormatter", "anchor_for"]
