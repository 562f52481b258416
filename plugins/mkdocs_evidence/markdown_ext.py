"""Python-Markdown extension: citations become numbered links, rating markers become badges.

It runs as a preprocessor over the page's Markdown, finds citation markers in the prose only
(code, link targets, HTML attributes and e-mail addresses are masked first, see
:mod:`.core.prose`), and puts the rendered HTML in Markdown's HTML stash so nothing else touches
it. Any Python-Markdown host can load it (MkDocs, Zensical); it reports nothing itself: the
checker does, so a problem is reported once, with its file and line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import jinja2
from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .citation_render import CitationRenderer
from .core.bib.bibliography import Bibliography
from .core.io.diskcache import RecordStore
from .core.text.citations import CitationGroup, find_citations
from .core.text.prose import mask_non_prose
from .csl_styles import CitationStyle, resolve_style
from .output_safety import LINK_SCHEMES, SafeAttributesTreeprocessor, link_scheme
from .rendering import ReferenceFormatter

# A renderer for inline rating markers: given the marker's source text, return the badge HTML
# and the keys it cites (they join the page's reference list), or None to leave the text as it
# is. The plugin supplies it from the ratings module.
RatingRenderer = Callable[[str], "tuple[str, tuple[str, ...]] | None"]


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    citation: CitationGroup | None = None
    rating_text: str | None = None


class CitationPreprocessor(Preprocessor):
    """Replace citation and rating markers in the prose with stashed HTML."""

    def __init__(self, md: Markdown, extension: EvidenceExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "@" not in text and "{rating" not in text:
            return lines
        ext = self.extension
        key = ("page", hashlib.sha1(text.encode()).hexdigest(), ext.bibliography.signature, ext.style.digest, ext.output_key())
        pieces = ext.pages.get(key)
        if pieces is None:
            pieces = ext.pages.put(key, self._render(text))
        if len(pieces) == 1:
            return lines  # no marker to render
        # Even pieces are Markdown, odd pieces are HTML for the stash (fresh placeholders).
        stash = self.md.htmlStash.store
        return "".join(piece if i % 2 == 0 else stash(piece) for i, piece in enumerate(pieces)).split("\n")

    def _render(self, text: str) -> list[str]:
        """The page cut into Markdown and rendered HTML, alternating, starting with Markdown."""
        spans = self._spans(text)
        if not spans:
            return [text]
        numbers: dict[str, int] = {}
        self._anchored: set[str] = set()  # keys whose first citation carries id="cite-..."
        pieces: list[str] = []
        pending = ""  # Markdown since the last rendered marker (markers left as typed included)
        position = 0
        for span in spans:
            if span.start < position:
                continue  # overlapping markers: the first one wins, the text stays
            before = text[position : span.start]
            position = span.end
            html = self._render_span(span, text, numbers)
            if html is None:
                pending += before + text[span.start : span.end]  # stays as typed
                continue
            superscript = span.citation is not None and self.extension.citations.superscript(span.citation)
            if superscript and before.endswith(" ") and not before.endswith("  "):
                before = before[:-1]  # "walk faster [@a]." -> "walk faster¹." (Vancouver superscripts)
            pieces.extend((pending + before, html))
            pending = ""
        rest = pending + text[position:]
        if numbers:
            pieces.extend((rest + "\n\n", self._reference_list(numbers), "\n\n"))
        else:
            pieces.append(rest)
        return pieces

    def _spans(self, text: str) -> list[_Span]:
        """Where the markers are, in order. Finding them means masking the whole page, so the
        result is kept by the page's text: an unchanged page costs nothing on a rebuild."""
        memo_key = ("spans", hash(text), len(text))
        cached = self.extension.memo.get(memo_key)
        if cached is not None and cached[0] == text:
            return cached[1]
        masked = mask_non_prose(text)
        spans = [_Span(g.start, g.end, citation=g) for g in find_citations(masked)]
        finder = self.extension.find_rating_markers
        if finder is not None and "{rating" in masked:
            spans.extend(_Span(m.start, m.end, rating_text=text[m.start : m.end]) for m in finder(masked))
        spans.sort(key=lambda span: span.start)
        self.extension.memo[memo_key] = (text, spans)
        return spans

    def _render_span(self, span: _Span, text: str, numbers: dict[str, int]) -> str | None:
        ext = self.extension
        if span.rating_text is not None:
            rendered = ext.render_rating(span.rating_text) if ext.render_rating else None
            if rendered is None:
                return None
            html, keys = rendered
            for key in keys:
                numbers.setdefault(key, len(numbers) + 1)
            return html
        group = span.citation
        assert group is not None
        if not group.items:
            return None  # "[@]" stays visible as typed; the checker reports it
        if group.narrative and group.keys[0] not in ext.bibliography.entries:
            return None  # "@name" that is no key of the bibliography is not a citation
        # The first citation of a key is where its reference links back to.
        first = frozenset(i.key for i in group.items if i.key in ext.bibliography.entries and i.key not in self._anchored)
        self._anchored.update(first)
        for item in group.items:
            if item.key in ext.bibliography.entries:
                numbers.setdefault(item.key, len(numbers) + 1)
        return ext.citations.citation(group, numbers, first=first)

    def _reference_list(self, numbers: dict[str, int]) -> str:
        ext = self.extension
        return ext.citations.reference_list(numbers, ext.references_title, backlinks=frozenset(self._anchored))


SAFE_LINK_SCHEMES = LINK_SCHEMES


class LinkTreeprocessor(Treeprocessor):
    """Links written in Markdown: a ``javascript:``, ``data:`` or other unknown scheme loses its
    href (the text stays); links to other sites get ``rel="noopener noreferrer"``."""

    def run(self, root):
        for element in root.iter("a"):
            href = element.get("href")
            if href is None:
                continue
            name = link_scheme(href)  # after decoding "&#106;avascript:", as a browser reads it
            if name is None:
                continue  # relative link or #anchor
            if name not in SAFE_LINK_SCHEMES:
                del element.attrib["href"]
            elif name in ("http", "https"):
                element.set("rel", "noopener noreferrer")
        return None


class EvidenceExtension(Extension):
    """Register with ``markdown.Markdown(extensions=[EvidenceExtension(...)])``."""

    def __init__(
        self,
        *,
        bibliography: Bibliography,
        env: jinja2.Environment,
        formatter: ReferenceFormatter | None = None,
        find_rating_markers: Callable | None = None,
        render_rating: RatingRenderer | None = None,
        references_title: str = "References",
        memo: dict | None = None,
        pages: RecordStore | None = None,
        output_key: Callable[[], Hashable] | None = None,
        citation_style: str | CitationStyle | None = None,
    ) -> None:
        super().__init__()
        self.bibliography = bibliography
        self.env = env
        self.formatter = formatter or ReferenceFormatter()
        # "vancouver" (default), a CSL style name (ama, apa, nlm) or the path of a .csl file
        self.style = citation_style if isinstance(citation_style, CitationStyle) else resolve_style(citation_style)
        self.find_rating_markers = find_rating_markers
        self.render_rating = render_rating
        self.references_title = references_title
        # Rendered HTML by what it shows (keys, numbers, locators): the same marker renders the
        # same way on every page and every `serve` rebuild. The caller clears it when the
        # bibliography or the templates change.
        self.memo = memo if memo is not None else {}
        # Each page's output by its text, the bibliography and ``output_key()``: everything else
        # the output depends on (the host supplies it: templates, scale, links from the page).
        # The host may keep the store on disk between builds.
        self.pages = pages if pages is not None else RecordStore()
        self.output_key = output_key or (lambda: None)
        self.citations = CitationRenderer(
            bibliography=bibliography, env=env, formatter=self.formatter, style=self.style, memo=self.memo
        )

    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalisation (30), before fenced code (25) and HTML blocks (20):
        # we mask code ourselves, and stashed HTML must be in place before blocks are parsed.
        md.preprocessors.register(CitationPreprocessor(md, self), "evidence_citations", 28)
        # Last: after inline links are made (20) and after MkDocs' own link rewriting ("relpath",
        # 0), which expects every <a> to have an href.
        md.treeprocessors.register(LinkTreeprocessor(md), "evidence_links", -10)
        md.treeprocessors.register(SafeAttributesTreeprocessor(md), "evidence_safe_attributes", -11)


def makeExtension(**configs) -> EvidenceExtension:
    """The extension for any Python-Markdown host, configured by name with plain values::

        markdown.Markdown(extensions=["mkdocs_evidence.markdown_ext"], extension_configs={
            "mkdocs_evidence.markdown_ext": {"bibliography": ["citations"], "citation_style": "apa"}})

    ``bibliography`` is a ``.bib``/``.json`` file or folder (or a list), relative to ``base_dir``
    (default: the current folder); ``citation_style`` as in the plugin's option;
    ``references_title`` the list's heading; rating markers become badges (see standalone.py).
    """
    from .standalone import make_extension

    return make_extension(**configs)
